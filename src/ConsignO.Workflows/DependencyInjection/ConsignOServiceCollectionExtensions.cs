using System;
using System.Threading;
using System.Threading.Tasks;
using ConsignO.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SigningClients.Core;
using SigningClients.Core.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IConsignOClient"/> with dependency injection.</summary>
public static class ConsignOServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="IConsignOClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddConsignOClient(this IServiceCollection services, Action<ConsignOClientOptions> configure) =>
        services.AddConsignOClient(Options.Options.DefaultName, configure);

    /// <summary>Registers the default <see cref="IConsignOClient"/> bound to a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section (Endpoint, Username, Password, Tenant, …).</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddConsignOClient(this IServiceCollection services, IConfiguration section) =>
        services.AddConsignOClient(Options.Options.DefaultName, section);

    /// <summary>Registers a named <see cref="IConsignOClient"/> (resolve it with <see cref="ISigningClientFactory{TClient}"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddConsignOClient(this IServiceCollection services, string name, Action<ConsignOClientOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddSigningClientHealthProbe<IConsignOClient>(name, ConsignOClient.ProviderName, HealthProbeCall, ProbeAsync);
        return services.AddSigningClient<IConsignOClient, ConsignOClientOptions>(
            name,
            configure,
            static ctx => new ConsignOClient(ctx.Options, ctx.HttpClientProvider, ctx.LoggerFactory, ctx.TimeProvider));
    }

    /// <summary>Registers a named <see cref="IConsignOClient"/> bound to a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="section">The section.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddConsignOClient(this IServiceCollection services, string name, IConfiguration section)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        return services.AddConsignOClient(name, options => section.Bind(options));
    }

    /// <summary>The call the health probe makes (see <c>AddSigningClientHealthChecks</c>).</summary>
    internal const string HealthProbeCall = "HEAD auth (verify the session; logs in first when there is no session, as every call does)";

    private static async Task ProbeAsync(IConsignOClient client, CancellationToken cancellationToken)
    {
        if (await client.VerifySessionAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await client.LoginAsync(cancellationToken).ConfigureAwait(false);
        if (!await client.VerifySessionAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new SigningApiException(ConsignOClient.ProviderName, "VerifySession", 401, SigningFailureKind.HttpError, providerMessage: "The session was refused right after login.");
        }
    }
}
