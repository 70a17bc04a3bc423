using System;
using Trident.SignerProcess;
using Trident.SignerProcess.Signing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TRIDENT behind the provider-neutral signing flow.</summary>
public static class TridentSigningServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="TridentSigningProvider"/> named <paramref name="name"/> over the <see cref="ITridentClient"/>
    /// registered with <c>AddTridentClient</c> (the unnamed one, or the account named <paramref name="clientName"/>), and the
    /// <see cref="SigningClients.Core.Signing.ISigningProviderResolver"/> that chooses providers by name.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The signing provider's name. Default "Trident".</param>
    /// <param name="clientName">The client registration name; empty for the unnamed client.</param>
    /// <param name="configure">Configures the provider's options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTridentSigningProvider(this IServiceCollection services, string name = "Trident", string clientName = "", Action<TridentSigningProviderOptions>? configure = null)
    {
        return services.AddSigningProvider<ITridentClient, TridentSigningProviderOptions>(name, clientName, configure, (client, options) => new TridentSigningProvider(client, name, options));
    }
}
