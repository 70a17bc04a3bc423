using System;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SigningClients.AspNetCore.Internal;

namespace SigningClients.AspNetCore;

/// <summary>Registers what the signing callback endpoints need.</summary>
public static class SigningCallbackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the callback services: the deduplication store over <see cref="IDistributedCache"/> (register a shared
    /// cache such as Redis or SQL Server so several instances agree; an in-memory cache is added when none is
    /// registered). The provider clients (<c>AddTridentClient</c>, …) are registered separately.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Optional settings.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSigningCallbacks(this IServiceCollection services, Action<SigningCallbackOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.AddOptions<SigningCallbackOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.DeduplicationWindow > TimeSpan.Zero && o.MaxBodyBytes > 0 && !string.IsNullOrEmpty(o.CacheKeyPrefix),
            "SigningCallbackOptions needs a positive DeduplicationWindow and MaxBodyBytes and a CacheKeyPrefix.").ValidateOnStart();
        services.TryAddSingleton<IDistributedCache>(sp => new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())));
        services.TryAddSingleton<CallbackDeduplicator>();
        return services;
    }
}
