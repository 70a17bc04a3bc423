using System;
using ConsignO.Workflows;
using ConsignO.Workflows.Signing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ConsignO behind the provider-neutral signing flow.</summary>
public static class ConsignOSigningServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="ConsignOSigningProvider"/> named <paramref name="name"/> over the <see cref="IConsignOClient"/>
    /// registered with <c>AddConsignOClient</c> (the unnamed one, or the account named <paramref name="clientName"/>), and the
    /// <see cref="SigningClients.Core.Signing.ISigningProviderResolver"/> that chooses providers by name.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The signing provider's name. Default "ConsignO".</param>
    /// <param name="clientName">The client registration name; empty for the unnamed client.</param>
    /// <param name="configure">Configures the provider's options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddConsignOSigningProvider(this IServiceCollection services, string name = "ConsignO", string clientName = "", Action<ConsignOSigningProviderOptions>? configure = null)
    {
        return services.AddSigningProvider<IConsignOClient, ConsignOSigningProviderOptions>(name, clientName, configure, (client, options) => new ConsignOSigningProvider(client, name, options));
    }
}
