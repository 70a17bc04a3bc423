using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SigningClients.Core.Signing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers providers of the provider-neutral signing flow.</summary>
public static class SigningProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers a signing provider under <paramref name="name"/> and the <see cref="ISigningProviderResolver"/> that
    /// chooses among them. Provider packages offer typed shortcuts (e.g. <c>AddSignantSigningProvider()</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The name the application chooses it by (e.g. a value from configuration).</param>
    /// <param name="factory">Builds the provider.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSigningProvider(this IServiceCollection services, string name, Func<IServiceProvider, ISigningProvider> factory)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddSingleton(new SigningProviderRegistration(name, factory));
        services.TryAddSingleton<ISigningProviderResolver>(sp => new SigningProviderResolver(sp.GetServices<SigningProviderRegistration>(), sp));
        return services;
    }
}
