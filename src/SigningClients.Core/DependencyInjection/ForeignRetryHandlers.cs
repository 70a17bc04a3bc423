using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SigningClients.Core.DependencyInjection;

/// <summary>
/// Keeps foreign retry layers off the HttpClients SigningClients registers. The SDK retries its own requests
/// (<see cref="SigningClientOptions.Retry"/>) and never replays a write whose answer was lost; a second retry layer
/// below it — Microsoft.Extensions.Http.Resilience's <c>ResilienceHandler</c> (<c>AddStandardResilienceHandler</c>,
/// <c>AddResilienceHandler</c>, <c>AddStandardHedgingHandler</c>) or Microsoft.Extensions.Http.Polly's
/// <c>PolicyHttpMessageHandler</c>, added on the client's builder or for every client through
/// <c>ConfigureHttpClientDefaults</c> — would multiply attempts and resend writes. Such handlers are removed from the
/// handler chain (after every other configuration ran) and a warning says so once per client.
/// </summary>
internal static class ForeignRetryHandlers
{
    private static readonly string[] KnownRetryHandlerTypes =
    {
        "Microsoft.Extensions.Http.Resilience.ResilienceHandler",
        "Microsoft.Extensions.Http.PolicyHttpMessageHandler",
    };

    private static readonly Action<ILogger, string, string, Exception?> RemovedHandler =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(20, "ForeignRetryHandlerRemoved"),
            "Removed {HandlerType} from HttpClient '{HttpClientName}': SigningClients retries its own requests (options.Retry) and never replays a write whose answer was lost; " +
            "a second retry layer would multiply attempts and resend writes. To keep it anyway, call AllowForeignRetryHandlers() on the IHttpClientBuilder that AddXxxClient returned.");

    /// <summary>Registers the removal for the named HttpClient.</summary>
    /// <param name="services">The services.</param>
    /// <param name="httpClientName">The HttpClient name.</param>
    public static void Neutralize(IServiceCollection services, string httpClientName)
    {
        var warned = new WarnedOnce();

        // PostConfigure runs after every Configure (including ConfigureHttpClientDefaults and handlers added on the
        // returned builder later), so this action is the last one to touch the handler list.
        services.PostConfigure<HttpClientFactoryOptions>(httpClientName, options =>
            options.HttpMessageHandlerBuilderActions.Add(builder => Remove(builder, httpClientName, warned)));
    }

    /// <summary>Marks the named HttpClient as keeping foreign retry handlers.</summary>
    /// <param name="services">The services.</param>
    /// <param name="httpClientName">The HttpClient name.</param>
    public static void Allow(IServiceCollection services, string httpClientName) =>
        services.AddSingleton(new ForeignRetryHandlersAllowed(httpClientName));

    /// <summary>Whether <paramref name="handler"/> is a known foreign retry layer.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns><see langword="true"/> for a resilience or Polly policy handler (or a type derived from one).</returns>
    public static bool IsForeignRetryHandler(DelegatingHandler handler)
    {
        for (var type = handler.GetType(); type is not null && type != typeof(DelegatingHandler); type = type.BaseType)
        {
            if (Array.IndexOf(KnownRetryHandlerTypes, type.FullName) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void Remove(HttpMessageHandlerBuilder builder, string httpClientName, WarnedOnce warned)
    {
        IList<DelegatingHandler> handlers = builder.AdditionalHandlers;
        if (handlers.Count == 0 || IsAllowed(builder.Services, httpClientName))
        {
            return;
        }

        for (int i = handlers.Count - 1; i >= 0; i--)
        {
            var handler = handlers[i];
            if (!IsForeignRetryHandler(handler))
            {
                continue;
            }

            handlers.RemoveAt(i);
            handler.Dispose();
            if (Interlocked.Exchange(ref warned.Value, 1) == 0)
            {
                var loggerFactory = builder.Services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
                RemovedHandler(loggerFactory.CreateLogger("SigningClients.DependencyInjection"), handler.GetType().FullName ?? handler.GetType().Name, httpClientName, null);
            }
        }
    }

    private static bool IsAllowed(IServiceProvider services, string httpClientName)
    {
        foreach (var allowed in services.GetServices<ForeignRetryHandlersAllowed>())
        {
            if (string.Equals(allowed.HttpClientName, httpClientName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class WarnedOnce
    {
        public int Value;
    }

    private sealed class ForeignRetryHandlersAllowed
    {
        public ForeignRetryHandlersAllowed(string httpClientName) => HttpClientName = httpClientName;

        public string HttpClientName { get; }
    }
}
