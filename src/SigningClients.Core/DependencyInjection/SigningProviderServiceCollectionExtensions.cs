using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SigningClients.Core.DependencyInjection;
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

    /// <summary>
    /// Registers a signing provider over a client registered with the provider's <c>AddXxxClient</c> (the unnamed one, or
    /// a named account with <paramref name="clientName"/>).
    /// </summary>
    /// <typeparam name="TClient">The provider's client interface.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="name">The signing provider's name.</param>
    /// <param name="clientName">The client registration name; empty for the unnamed client.</param>
    /// <param name="create">Builds the provider from the client.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSigningProvider<TClient>(this IServiceCollection services, string name, string clientName, Func<TClient, ISigningProvider> create)
        where TClient : class
    {
        if (clientName is null)
        {
            throw new ArgumentNullException(nameof(clientName));
        }

        if (create is null)
        {
            throw new ArgumentNullException(nameof(create));
        }

        return services.AddSigningProvider(name, sp => create(sp.GetRequiredService<ISigningClientFactory<TClient>>().GetClient(clientName)));
    }

    /// <summary>
    /// Registers a signing provider with options over a client registered with the provider's <c>AddXxxClient</c>: the
    /// options are created and configured once, at registration, and handed to every provider built.
    /// </summary>
    /// <typeparam name="TClient">The provider's client interface.</typeparam>
    /// <typeparam name="TOptions">The provider's options.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="name">The signing provider's name.</param>
    /// <param name="clientName">The client registration name; empty for the unnamed client.</param>
    /// <param name="configure">Configures the provider's options; <see langword="null"/> for the defaults.</param>
    /// <param name="create">Builds the provider from the client and the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSigningProvider<TClient, TOptions>(this IServiceCollection services, string name, string clientName, Action<TOptions>? configure, Func<TClient, TOptions, ISigningProvider> create)
        where TClient : class
        where TOptions : class, new()
    {
        if (create is null)
        {
            throw new ArgumentNullException(nameof(create));
        }

        var options = new TOptions();
        configure?.Invoke(options);
        return services.AddSigningProvider<TClient>(name, clientName, client => create(client, options));
    }
}
