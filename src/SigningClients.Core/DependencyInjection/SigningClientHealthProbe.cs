using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace SigningClients.Core.DependencyInjection;

/// <summary>
/// A cheap, safe call (a read, never a write) that shows whether one registered client reaches its provider and is
/// accepted by it. Every provider's <c>AddXxxClient</c> registers one per client name; the
/// <c>SigningClients.HealthChecks</c> package turns each into a health check.
/// </summary>
public sealed class SigningClientHealthProbe
{
    private readonly Func<IServiceProvider, CancellationToken, Task> _probe;

    /// <summary>Creates a probe.</summary>
    /// <param name="provider">The provider name (as in spans and errors), e.g. <c>SigningToday</c>.</param>
    /// <param name="name">The client's registration name (empty for the default client).</param>
    /// <param name="call">The call the probe makes, for documentation and the health report, e.g. <c>GET auth/user</c>.</param>
    /// <param name="probe">Completes when the provider answered as expected; throws otherwise.</param>
    public SigningClientHealthProbe(string provider, string name, string call, Func<IServiceProvider, CancellationToken, Task> probe)
    {
        if (string.IsNullOrWhiteSpace(provider))
        {
            throw new ArgumentException("A provider name is required.", nameof(provider));
        }

        if (string.IsNullOrWhiteSpace(call))
        {
            throw new ArgumentException("The probe's call must be described.", nameof(call));
        }

        Provider = provider;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Call = call;
        _probe = probe ?? throw new ArgumentNullException(nameof(probe));
    }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The client's registration name (empty for the default client).</summary>
    public string Name { get; }

    /// <summary>The call the probe makes.</summary>
    public string Call { get; }

    /// <summary>Runs the probe against the client resolved from <paramref name="services"/>.</summary>
    /// <param name="services">The application's service provider.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task that completes when the provider answered as expected.</returns>
    /// <exception cref="SigningApiException">The provider could not be reached or refused the call.</exception>
    public Task ProbeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        return _probe(services, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => Provider + (Name.Length == 0 ? string.Empty : " '" + Name + "'") + ": " + Call;
}

/// <summary>Registers <see cref="SigningClientHealthProbe"/>s.</summary>
public static class SigningClientHealthProbeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the health probe of the client registered under <paramref name="name"/>; the client is resolved
    /// through <see cref="ISigningClientFactory{TClient}"/> when the probe runs.
    /// </summary>
    /// <typeparam name="TClient">The client interface.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="call">The call the probe makes (a read).</param>
    /// <param name="probe">The probe.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddSigningClientHealthProbe<TClient>(this IServiceCollection services, string name, string provider, string call, Func<TClient, CancellationToken, Task> probe)
        where TClient : class
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (probe is null)
        {
            throw new ArgumentNullException(nameof(probe));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        services.AddSingleton(new SigningClientHealthProbe(provider, name, call, (sp, ct) =>
            probe(sp.GetRequiredService<ISigningClientFactory<TClient>>().GetClient(name), ct)));
        return services;
    }
}
