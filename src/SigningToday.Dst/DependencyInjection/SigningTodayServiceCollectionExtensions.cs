using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SigningClients.Core;
using SigningClients.Core.DependencyInjection;
using SigningToday.Dst;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ISigningTodayClient"/> in a service collection.</summary>
public static class SigningTodayServiceCollectionExtensions
{
    /// <summary>Registers the default Signing Today client configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The HTTP client builder (add handlers to it).</returns>
    public static IHttpClientBuilder AddSigningTodayClient(this IServiceCollection services, Action<SigningTodayClientOptions> configure) =>
        services.AddSigningTodayClient(Options.Options.DefaultName, configure);

    /// <summary>Registers the default Signing Today client bound to a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section, e.g. <c>configuration.GetSection("SigningToday")</c>.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSigningTodayClient(this IServiceCollection services, IConfiguration section) =>
        services.AddSigningTodayClient(Options.Options.DefaultName, section);

    /// <summary>Registers a named Signing Today client (resolve it with <c>ISigningClientFactory&lt;ISigningTodayClient&gt;</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client name.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSigningTodayClient(this IServiceCollection services, string name, Action<SigningTodayClientOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddSigningClientHealthProbe<ISigningTodayClient>(name, SigningTodayClient.ProviderName, HealthProbeCall, ProbeAsync);
        return services.AddSigningClient<ISigningTodayClient, SigningTodayClientOptions>(
            name,
            configure,
            static ctx => new SigningTodayClient(ctx.Options, ctx.HttpClientProvider, ctx.LoggerFactory, ctx.TimeProvider));
    }

    /// <summary>Registers a named Signing Today client bound to a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client name.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSigningTodayClient(this IServiceCollection services, string name, IConfiguration section)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        return services.AddSigningTodayClient(name, options => section.Bind(options));
    }

    /// <summary>The call the health probe makes (see <c>AddSigningClientHealthChecks</c>).</summary>
    internal const string HealthProbeCall = "GET auth/user (the current user or robot: a read)";

    private static Task ProbeAsync(ISigningTodayClient client, CancellationToken cancellationToken) =>
        client.Services.GetCurrentUserAsync(cancellationToken);
}
