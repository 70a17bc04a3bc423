using System;
using Microsoft.Extensions.Http;
using SigningClients.Core.Pipeline;

namespace SigningClients.Core.DependencyInjection;

/// <summary>
/// Applies the SDK's redirect policy to the <c>IHttpClientFactory</c> clients that <c>AddXxxClient</c> registers: after
/// every other configuration (including a primary handler the application set), automatic redirects are switched off,
/// so a 3xx answer reaches the pipeline, which refuses it, and credentials never follow it to another address.
/// </summary>
internal sealed class SigningClientHttpHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    internal const string NamePrefix = "SigningClients.";

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        if (next is null)
        {
            throw new ArgumentNullException(nameof(next));
        }

        return builder =>
        {
            next(builder);
            if (builder.Name is { } name && name.StartsWith(NamePrefix, StringComparison.Ordinal))
            {
                RedirectPolicy.DisableAutoRedirect(builder.PrimaryHandler);
            }
        };
    }
}
