using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SigningClients.Core.DependencyInjection;

/// <summary>Resolves clients registered under a name (several accounts or tenants of one provider).</summary>
/// <typeparam name="TClient">The client interface.</typeparam>
public interface ISigningClientFactory<out TClient>
    where TClient : class
{
    /// <summary>Gets the client registered under <paramref name="name"/> (created once, then shared).</summary>
    /// <param name="name">The registration name; <see cref="Options.DefaultName"/> (empty) for the unnamed client.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException">No client is registered under that name.</exception>
    TClient GetClient(string name);
}

/// <summary>What a provider's client factory receives from DI.</summary>
/// <typeparam name="TOptions">The provider options type.</typeparam>
public sealed class SigningClientContext<TOptions>
    where TOptions : SigningClientOptions
{
    internal SigningClientContext(string name, TOptions options, Func<HttpClient> httpClientProvider, ILoggerFactory loggerFactory, TimeProvider timeProvider, IServiceProvider services)
    {
        Name = name;
        Options = options;
        HttpClientProvider = httpClientProvider;
        LoggerFactory = loggerFactory;
        TimeProvider = timeProvider;
        Services = services;
    }

    /// <summary>The registration name.</summary>
    public string Name { get; }

    /// <summary>The validated options of this registration.</summary>
    public TOptions Options { get; }

    /// <summary>Returns the named <see cref="HttpClient"/> from <c>IHttpClientFactory</c>.</summary>
    public Func<HttpClient> HttpClientProvider { get; }

    /// <summary>The logger factory (a null factory when logging is not registered).</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The <see cref="System.TimeProvider"/> registered in DI, or the system clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The service provider.</summary>
    public IServiceProvider Services { get; }
}

/// <summary>The DI building block behind every provider's <c>AddXxxClient</c>.</summary>
public static class SigningClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a SigningClients client: named options validated at start-up, a named <see cref="HttpClient"/>
    /// (returned so callers can add handlers), an <see cref="ISigningClientFactory{TClient}"/> and, for the default
    /// name, <typeparamref name="TClient"/> itself as a singleton.
    /// </summary>
    /// <typeparam name="TClient">The client interface.</typeparam>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration name (<see cref="Options.DefaultName"/> for the unnamed client).</param>
    /// <param name="configure">Configures the options (may be <see langword="null"/> when configured elsewhere).</param>
    /// <param name="factory">Creates the client.</param>
    /// <returns>The HTTP client builder of this registration.</returns>
    public static IHttpClientBuilder AddSigningClient<
        TClient,
#if NET
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
#endif
        TOptions>(this IServiceCollection services, string name, Action<TOptions>? configure, Func<SigningClientContext<TOptions>, TClient> factory)
        where TClient : class
        where TOptions : SigningClientOptions
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (factory is null)
        {
            throw new ArgumentNullException(nameof(factory));
        }

        var optionsBuilder = services.AddOptions<TOptions>(name);
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, SigningClientOptionsValidator<TOptions>>());

        string httpClientName = SigningClientHttpHandlerFilter.NamePrefix + typeof(TClient).Name + (name.Length == 0 ? string.Empty : "." + name);
        var httpBuilder = services.AddHttpClient(httpClientName, static client => client.Timeout = Timeout.InfiniteTimeSpan);
        ForeignRetryHandlers.Neutralize(services, httpClientName);

        // Redirects are never followed (credentials stay with the configured endpoint): see SigningClientHttpHandlerFilter.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, SigningClientHttpHandlerFilter>());

        // The factory's default loggers write request URIs (with query tokens) at Information and every header
        // (Authorization, X-Auth-Token) at Trace. The pipeline logs each attempt itself, redacted, so they are removed;
        // if the application adds them back, no header value is logged.
        httpBuilder.RemoveAllLoggers();
        httpBuilder.RedactLoggedHeaders(static _ => true);

        services.AddSingleton(new SigningClientRegistration<TClient>(name, sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var httpFactory = sp.GetRequiredService<IHttpClientFactory>();
            var context = new SigningClientContext<TOptions>(
                name,
                options,
                () => httpFactory.CreateClient(httpClientName),
                sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp);
            return factory(context);
        }));
        services.TryAddSingleton<ISigningClientFactory<TClient>, SigningClientFactory<TClient>>();
        if (name == Options.DefaultName)
        {
            services.TryAddSingleton(static sp => sp.GetRequiredService<ISigningClientFactory<TClient>>().GetClient(Options.DefaultName));
        }

        return httpBuilder;
    }

    private sealed class SigningClientOptionsValidator<TOptions> : IValidateOptions<TOptions>
        where TOptions : SigningClientOptions
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException ex)
            {
                return ValidateOptionsResult.Fail(typeof(TOptions).Name + (string.IsNullOrEmpty(name) ? string.Empty : " '" + name + "'") + ": " + ex.Message);
            }
        }
    }

    private sealed class SigningClientRegistration<TClient>
        where TClient : class
    {
        public SigningClientRegistration(string name, Func<IServiceProvider, TClient> create)
        {
            Name = name;
            Create = create;
        }

        public string Name { get; }

        public Func<IServiceProvider, TClient> Create { get; }
    }

    private sealed class SigningClientFactory<TClient> : ISigningClientFactory<TClient>
        where TClient : class
    {
        private readonly IServiceProvider _services;
        private readonly Dictionary<string, SigningClientRegistration<TClient>> _registrations = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, TClient> _clients = new(StringComparer.Ordinal);
        private readonly object _gate = new();

        public SigningClientFactory(IServiceProvider services, IEnumerable<SigningClientRegistration<TClient>> registrations)
        {
            _services = services;
            foreach (var registration in registrations)
            {
                _registrations[registration.Name] = registration;
            }
        }

        public TClient GetClient(string name)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (!_registrations.TryGetValue(name, out var registration))
            {
                throw new ArgumentException("No " + typeof(TClient).Name + " is registered under the name '" + name + "'.", nameof(name));
            }

            if (_clients.TryGetValue(name, out var client))
            {
                return client;
            }

            lock (_gate)
            {
                if (!_clients.TryGetValue(name, out client))
                {
                    client = registration.Create(_services);
                    _clients[name] = client;
                }

                return client;
            }
        }
    }
}
