using System;
using Signant.InstantSign;
using Signant.InstantSign.Signing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Signant behind the provider-neutral signing flow.</summary>
public static class SignantSigningServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="SignantSigningProvider"/> named <paramref name="name"/> over the <see cref="ISignantClient"/>
    /// registered with <c>AddSignantClient</c> (the unnamed one, or the account named <paramref name="clientName"/>), and the
    /// <see cref="SigningClients.Core.Signing.ISigningProviderResolver"/> that chooses providers by name.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The signing provider's name. Default "Signant".</param>
    /// <param name="clientName">The client registration name; empty for the unnamed client.</param>
    /// <param name="configure">Configures the provider's options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSignantSigningProvider(this IServiceCollection services, string name = "Signant", string clientName = "", Action<SignantSigningProviderOptions>? configure = null)
    {
        return services.AddSigningProvider<ISignantClient, SignantSigningProviderOptions>(name, clientName, configure, (client, options) => new SignantSigningProvider(client, name, options));
    }
}
