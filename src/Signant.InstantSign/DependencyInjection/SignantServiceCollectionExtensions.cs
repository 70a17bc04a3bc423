using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Signant.InstantSign;
using SigningClients.Core;
using SigningClients.Core.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ISignantClient"/> with dependency injection.</summary>
public static class SignantServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="ISignantClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The HTTP client builder (add handlers to it).</returns>
    public static IHttpClientBuilder AddSignantClient(this IServiceCollection services, Action<SignantClientOptions> configure) =>
        services.AddSignantClient(Options.Options.DefaultName, configure);

    /// <summary>Registers the default <see cref="ISignantClient"/> bound to a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section (e.g. <c>Signant</c>) with Endpoint, DistributorId, AccessCode, ….</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSignantClient(this IServiceCollection services, IConfiguration section) =>
        services.AddSignantClient(Options.Options.DefaultName, section);

    /// <summary>Registers a named <see cref="ISignantClient"/> (resolve it with <c>ISigningClientFactory&lt;ISignantClient&gt;</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSignantClient(this IServiceCollection services, string name, Action<SignantClientOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddSigningClientHealthProbe<ISignantClient>(name, SignantClient.ProviderName, HealthProbeCall, ProbeAsync);
        return services.AddSigningClient<ISignantClient, SignantClientOptions>(
            name,
            configure,
            static ctx => new SignantClient(ctx.Options, ctx.HttpClientProvider, ctx.LoggerFactory, ctx.TimeProvider));
    }

    /// <summary>Registers a named <see cref="ISignantClient"/> bound to a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSignantClient(this IServiceCollection services, string name, IConfiguration section)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        return services.AddSignantClient(name, options => section.Bind(options));
    }

    /// <summary>The call the health probe makes (see <c>AddSigningClientHealthChecks</c>).</summary>
    internal const string HealthProbeCall = "GetPostingStatus for a made-up posting id (a read; error 4008 \"posting not found\" is healthy: the credentials were accepted)";

    /// <summary>The made-up posting id the health probe asks about.</summary>
    private static readonly Guid HealthProbePostingId = new("5197c0de-0000-4000-8000-000000000001");

    private static async Task ProbeAsync(ISignantClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetPostingStatusAsync(HealthProbePostingId, cancellationToken).ConfigureAwait(false);
        }
        catch (SigningApiException ex) when (ex.IsPostingGone())
        {
            // Signant checked the distributor credentials and looked the posting up: healthy.
        }
    }
}
