using System;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SigningClients.Core;
using SigningClients.Core.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IAlphaTrustClient"/> with dependency injection.</summary>
public static class AlphaTrustServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="IAlphaTrustClient"/>, configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddAlphaTrustClient(this IServiceCollection services, Action<AlphaTrustClientOptions> configure) =>
        services.AddAlphaTrustClient(Options.Options.DefaultName, configure);

    /// <summary>Registers the default <see cref="IAlphaTrustClient"/>, bound to a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section, e.g. <c>configuration.GetSection("AlphaTrust")</c>.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddAlphaTrustClient(this IServiceCollection services, IConfiguration section) =>
        services.AddAlphaTrustClient(Options.Options.DefaultName, section);

    /// <summary>Registers a named <see cref="IAlphaTrustClient"/> (resolve it with <see cref="ISigningClientFactory{TClient}"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddAlphaTrustClient(this IServiceCollection services, string name, Action<AlphaTrustClientOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddSigningClientHealthProbe<IAlphaTrustClient>(name, AlphaTrustClient.ProviderName, HealthProbeCall, ProbeAsync);
        return services.AddSigningClient<IAlphaTrustClient, AlphaTrustClientOptions>(
            name,
            configure,
            static ctx => new AlphaTrustClient(ctx.Options, ctx.HttpClientProvider, ctx.LoggerFactory, ctx.TimeProvider));
    }

    /// <summary>Registers a named <see cref="IAlphaTrustClient"/> bound to a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddAlphaTrustClient(this IServiceCollection services, string name, IConfiguration section)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        return services.AddAlphaTrustClient(name, options => section.Bind(options));
    }

    /// <summary>The call the health probe makes (see <c>AddSigningClientHealthChecks</c>).</summary>
    internal const string HealthProbeCall = "POST transactions/updateable for one made-up transaction id (a query: nothing is written; an empty answer is healthy)";

    /// <summary>The transaction id the health probe asks about (any id: an unknown one answers with an empty list).</summary>
    private const long HealthProbeTransactionId = 1;

    private static Task ProbeAsync(IAlphaTrustClient client, CancellationToken cancellationToken) =>
        client.GetTransactionAsync(HealthProbeTransactionId, cancellationToken);
}
