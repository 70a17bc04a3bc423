using System;
using SigningToday.Dst;
using SigningToday.Dst.Signing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Signing Today behind the provider-neutral signing flow.</summary>
public static class SigningTodaySigningServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="SigningTodaySigningProvider"/> named <paramref name="name"/> over the <see cref="ISigningTodayClient"/>
    /// registered with <c>AddSigningTodayClient</c> (the unnamed one, or the account named <paramref name="clientName"/>), and the
    /// <see cref="SigningClients.Core.Signing.ISigningProviderResolver"/> that chooses providers by name.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The signing provider's name. Default "SigningToday".</param>
    /// <param name="clientName">The client registration name; empty for the unnamed client.</param>
    /// <param name="configure">Configures the provider's options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSigningTodaySigningProvider(this IServiceCollection services, string name = "SigningToday", string clientName = "", Action<SigningTodaySigningProviderOptions>? configure = null)
    {
        return services.AddSigningProvider<ISigningTodayClient, SigningTodaySigningProviderOptions>(name, clientName, configure, (client, options) => new SigningTodaySigningProvider(client, name, options));
    }
}
