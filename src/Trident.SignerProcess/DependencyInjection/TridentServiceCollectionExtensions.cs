using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SigningClients.Core;
using SigningClients.Core.DependencyInjection;
using Trident.SignerProcess;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ITridentClient"/> in a service collection.</summary>
public static class TridentServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="ITridentClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The HTTP client builder (add handlers to it).</returns>
    public static IHttpClientBuilder AddTridentClient(this IServiceCollection services, Action<TridentClientOptions> configure) =>
        services.AddTridentClient(Options.Options.DefaultName, configure);

    /// <summary>Registers the default <see cref="ITridentClient"/> bound to a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section (e.g. <c>Trident</c>).</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddTridentClient(this IServiceCollection services, IConfiguration section) =>
        services.AddTridentClient(Options.Options.DefaultName, section);

    /// <summary>Registers a named <see cref="ITridentClient"/> configured in code; resolve it with <see cref="ISigningClientFactory{TClient}"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddTridentClient(this IServiceCollection services, string name, Action<TridentClientOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddSigningClientHealthProbe<ITridentClient>(name, TridentClient.ProviderName, HealthProbeCall, ProbeAsync);
        return services.AddSigningClient<ITridentClient, TridentClientOptions>(name, configure, Create);
    }

    /// <summary>Registers a named <see cref="ITridentClient"/> bound to a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="section">The section.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddTridentClient(this IServiceCollection services, string name, IConfiguration section)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        services.AddSigningClientHealthProbe<ITridentClient>(name, TridentClient.ProviderName, HealthProbeCall, ProbeAsync);
        return services.AddSigningClient<ITridentClient, TridentClientOptions>(name, options => section.Bind(options), Create);
    }

    private static ITridentClient Create(SigningClientContext<TridentClientOptions> context) =>
        new TridentClient(context.Options, context.HttpClientProvider, context.LoggerFactory, context.TimeProvider);

    /// <summary>The call the health probe makes (see <c>AddSigningClientHealthChecks</c>).</summary>
    internal const string HealthProbeCall = "GET signer_processes/{made-up id} after the OAuth2 token request (a read; 404 or 410 for the unknown id is healthy)";

    /// <summary>The made-up signer process id the health probe asks about.</summary>
    private const string HealthProbeSignerProcessId = "signingclients-health-probe";

    private static async Task ProbeAsync(ITridentClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetSignerProcessAsync(HealthProbeSignerProcessId, cancellationToken).ConfigureAwait(false);
        }
        catch (SigningApiException ex) when (ex.Status == 404 || ex.IsSignerProcessGone())
        {
            // The service authenticated the call (the token was issued) and answered for the unknown id: healthy.
        }
    }
}
