using System;
using System.Collections.Generic;
using System.Linq;
using SigningClients.Core.Operations;

namespace SigningClients.Core.Signing;

/// <summary>A named signing provider, registered with <c>services.AddSigningProvider(name, factory)</c>.</summary>
public sealed class SigningProviderRegistration
{
    /// <summary>Creates a registration.</summary>
    /// <param name="name">The name the application chooses it by (e.g. from configuration).</param>
    /// <param name="factory">Builds the provider from the service provider.</param>
    public SigningProviderRegistration(string name, Func<IServiceProvider, ISigningProvider> factory)
    {
        Name = name is null || name.Trim().Length == 0 ? throw new ArgumentException("A signing provider needs a name.", nameof(name)) : name;
        Factory = factory ?? throw new ArgumentNullException(nameof(factory));
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>Builds the provider.</summary>
    public Func<IServiceProvider, ISigningProvider> Factory { get; }
}

/// <summary>The <see cref="ISigningProviderResolver"/> over the registered providers; each is built once, on first use.</summary>
public sealed class SigningProviderResolver : ISigningProviderResolver
{
    /// <summary>The token id that names the registration an operation was started through.</summary>
    public const string RegistrationIdName = "registration";

    private readonly Dictionary<string, Lazy<ISigningProvider>> _providers;

    /// <summary>Creates a resolver.</summary>
    /// <param name="registrations">The registrations (later ones with the same name win).</param>
    /// <param name="services">The service provider the factories receive.</param>
    public SigningProviderResolver(IEnumerable<SigningProviderRegistration> registrations, IServiceProvider services)
    {
        if (registrations is null)
        {
            throw new ArgumentNullException(nameof(registrations));
        }

        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        _providers = new Dictionary<string, Lazy<ISigningProvider>>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            var r = registration;
            _providers[r.Name] = new Lazy<ISigningProvider>(() => r.Factory(services));
        }
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Names => _providers.Keys.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();

    /// <inheritdoc />
    public ISigningProvider GetProvider(string name)
    {
        if (name is null || name.Trim().Length == 0)
        {
            throw new ArgumentException("A signing provider name is required.", nameof(name));
        }

        return _providers.TryGetValue(name, out var provider)
            ? provider.Value
            : throw new ArgumentException("No signing provider is registered as '" + name + "'. Registered: " + string.Join(", ", Names) + ".", nameof(name));
    }

    /// <inheritdoc />
    public SigningOperation RehydrateSigning(OperationRehydrationToken token)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        var name = token.Ids.TryGetValue(RegistrationIdName, out var registered) ? registered : token.Provider;
        return GetProvider(name).RehydrateSigning(token);
    }
}
