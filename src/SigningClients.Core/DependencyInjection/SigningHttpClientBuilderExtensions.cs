using System;
using SigningClients.Core.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Settings of the <see cref="IHttpClientBuilder"/> that a SigningClients <c>AddXxxClient</c> returns.</summary>
public static class SigningHttpClientBuilderExtensions
{
    /// <summary>
    /// Keeps foreign retry handlers (Microsoft.Extensions.Http.Resilience's <c>ResilienceHandler</c>, Polly's
    /// <c>PolicyHttpMessageHandler</c>) on this client's HttpClient. By default SigningClients removes them, because the
    /// SDK retries its own requests and never replays a write whose answer was lost, while a second retry layer under
    /// it multiplies attempts (a persistent 503 GET sent 16 times instead of <c>MaxRetries + 1</c>) and resends writes
    /// (a duplicate transaction reported as success). Opt out only for handlers that do not retry (e.g. a rate limiter
    /// built with <c>AddResilienceHandler</c>), and set <c>options.Retry.MaxRetries = 0</c> if yours does retry.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddXxxClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AllowForeignRetryHandlers(this IHttpClientBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        ForeignRetryHandlers.Allow(builder.Services, builder.Name);
        return builder;
    }
}
