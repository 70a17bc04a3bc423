using System;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Signing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AlphaTrust behind the provider-neutral signing flow.</summary>
public static class AlphaTrustSigningServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="AlphaTrustSigningProvider"/> named <paramref name="name"/> over the <see cref="IAlphaTrustClient"/>
    /// registered with <c>AddAlphaTrustClient</c> (the unnamed one, or the account named <paramref name="clientName"/>), and the
    /// <see cref="SigningClients.Core.Signing.ISigningProviderResolver"/> that chooses providers by name.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The signing provider's name. Default "AlphaTrust".</param>
    /// <param name="clientName">The client registration name; empty for the unnamed client.</param>
    /// <param name="configure">Configures the provider's options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddAlphaTrustSigningProvider(this IServiceCollection services, string name = "AlphaTrust", string clientName = "", Action<AlphaTrustSigningProviderOptions>? configure = null)
    {
        return services.AddSigningProvider<IAlphaTrustClient, AlphaTrustSigningProviderOptions>(name, clientName, configure, (client, options) => new AlphaTrustSigningProvider(client, name, options));
    }
}
