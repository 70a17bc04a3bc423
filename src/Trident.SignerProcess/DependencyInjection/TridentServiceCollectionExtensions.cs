using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
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

        return services.AddSigningClient<ITridentClient, TridentClientOptions>(name, options => section.Bind(options), Create);
    }

    private static ITridentClient Create(SigningClientContext<TridentClientOptions> context) =>
        new TridentClient(context.Options, context.HttpClientProvider, context.LoggerFactory, context.TimeProvider);
}
