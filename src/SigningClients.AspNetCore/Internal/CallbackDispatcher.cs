using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Signant.InstantSign;
using SigningClients.Core;
using SigningClients.Core.Signing;
using Trident.SignerProcess.Callbacks;

namespace SigningClients.AspNetCore.Internal;

/// <summary>Bad, forged or unconfirmed input: answered 400 with an empty body.</summary>
internal sealed class CallbackRejectedException : Exception
{
    public CallbackRejectedException(string reason)
        : base(reason)
    {
    }
}

/// <summary>The one path of every callback endpoint: confirm → deduplicate → handle → answer.</summary>
internal static class CallbackDispatcher
{
    private const string Category = "SigningClients.AspNetCore";

    private static readonly Action<ILogger, string, string, Exception?> LogRejected =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(1, "CallbackRejected"), "{Provider} callback rejected with 400: {Reason}");

    private static readonly Action<ILogger, string, int, Exception?> LogUnconfirmed =
        LoggerMessage.Define<string, int>(LogLevel.Warning, new EventId(2, "CallbackNotConfirmed"), "{Provider} callback could not be confirmed (provider answered {Status}); answered 503");

    private static readonly Action<ILogger, string, string, Exception?> LogDuplicate =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(3, "CallbackDuplicate"), "{Provider} callback for {Id} was already handled; acknowledged without calling the handler");

    private static readonly Action<ILogger, string, string, string, Exception?> LogListenerFailed =
        LoggerMessage.Define<string, string, string>(LogLevel.Warning, new EventId(5, "ChangeListenerFailed"), "{Listener} failed to take note of the {Provider} change of {Id}; the callback is handled anyway");

    private static readonly Action<ILogger, string, string, Exception?> LogHandlerFailed =
        LoggerMessage.Define<string, string>(LogLevel.Error, new EventId(4, "CallbackHandlerFailed"), "{Provider} callback handler failed for {Id}; answered 500 so the provider may retry");

    /// <summary>The request delegate of one endpoint.</summary>
    /// <param name="provider">The provider name (for logs).</param>
    /// <param name="confirm">Parses and confirms the event with the provider; throws for bad or forged input.</param>
    /// <param name="acknowledge">Writes the provider's expected answer after a handled or duplicate event.</param>
    /// <param name="browser">Whether the request comes through a browser (the handler may answer it).</param>
    public static RequestDelegate Create<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(string provider, Func<HttpContext, CancellationToken, Task<TEvent>> confirm, Func<HttpContext, Task> acknowledge, bool browser)
        where TEvent : SigningCallbackEvent
        where THandler : class, ISigningCallbackHandler<TEvent> =>
        context => DispatchAsync<TEvent, THandler>(context, provider, confirm, acknowledge, browser);

    /// <summary>Runs one delivery: confirm, deduplicate, handle, answer.</summary>
    private static async Task DispatchAsync<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(HttpContext context, string provider, Func<HttpContext, CancellationToken, Task<TEvent>> confirm, Func<HttpContext, Task> acknowledge, bool browser)
        where TEvent : SigningCallbackEvent
        where THandler : class, ISigningCallbackHandler<TEvent>
    {
        var services = context.RequestServices;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(Category) ?? NullLogger.Instance;
        var ct = context.RequestAborted;
        TEvent confirmed;
        try
        {
            confirmed = await confirm(context, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (IsRejection(ex))
        {
            LogRejected(logger, provider, Reason(ex), null);
            Answer(context, StatusCodes.Status400BadRequest);
            return;
        }
        catch (SigningApiException ex)
        {
            // The provider could not be asked: the event is neither confirmed nor refuted. 503 makes a provider retry.
            LogUnconfirmed(logger, provider, ex.Status, null);
            Answer(context, StatusCodes.Status503ServiceUnavailable);
            return;
        }

        var deduplicator = services.GetRequiredService<CallbackDeduplicator>();
        await using var entry = await deduplicator.EnterAsync(confirmed.DeduplicationKey, ct).ConfigureAwait(false);
        if (await entry.WasHandledAsync(ct).ConfigureAwait(false))
        {
            LogDuplicate(logger, provider, confirmed.Id, null);
            await acknowledge(context).ConfigureAwait(false);
            return;
        }

        var handler = ActivatorUtilities.GetServiceOrCreateInstance<THandler>(services);
        try
        {
            await TellListenersAsync(services, confirmed, logger, ct).ConfigureAwait(false);
            await handler.HandleAsync(confirmed, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // The handler's failure of any kind becomes a 500, so the provider retries.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(logger, provider, confirmed.Id, ex);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                Answer(context, StatusCodes.Status500InternalServerError);
            }

            return;
        }

        await entry.MarkHandledAsync(CancellationToken.None).ConfigureAwait(false);
        if (browser && (context.Response.HasStarted || context.Response.StatusCode != StatusCodes.Status200OK || context.Response.Headers.Location.Count > 0))
        {
            return;
        }

        await acknowledge(context).ConfigureAwait(false);
    }

    /// <summary>
    /// Tells every <see cref="ISigningChangeListener"/> (e.g. the Quartz tracker) of a confirmed event it has not been
    /// told of yet. A listener is a hint: its failure is logged and neither changes the answer nor skips the handler.
    /// </summary>
    private static async Task TellListenersAsync(IServiceProvider services, SigningCallbackEvent confirmed, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var listener in services.GetServices<ISigningChangeListener>())
        {
            try
            {
                await listener.SigningChangedAsync(confirmed.Provider, confirmed.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A listener's failure of any kind is logged; the callback is still handled.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogListenerFailed(logger, listener.GetType().Name, confirmed.Provider, confirmed.Id, ex);
            }
        }
    }

    /// <summary>Answers with a status and no body (nothing of the request is echoed).</summary>
    public static void Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
    }

    /// <summary>The default acknowledgement: 200 with no body.</summary>
    public static Task Ok(HttpContext context)
    {
        Answer(context, StatusCodes.Status200OK);
        return Task.CompletedTask;
    }

    /// <summary>A fixed text answer.</summary>
    public static Task TextAsync(HttpContext context, string text)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, Encoding.UTF8);
    }

    /// <summary>Reads the body as UTF-8 text, refusing one over the configured limit.</summary>
    public static async Task<string> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        int max = context.RequestServices.GetRequiredService<IOptions<SigningCallbackOptions>>().Value.MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            throw new CallbackRejectedException("The body exceeds the configured size.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new CallbackRejectedException("The body exceeds the configured size.");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new CallbackRejectedException("The body is not UTF-8 text.");
        }
    }

    /// <summary>The query (or form) as single-valued fields; a repeated name is refused as ambiguous.</summary>
    public static IReadOnlyDictionary<string, string> SingleValues(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in values)
        {
            if (pair.Value.Count != 1 || !fields.TryAdd(pair.Key, pair.Value[0] ?? string.Empty))
            {
                throw new CallbackRejectedException("A field is repeated.");
            }
        }

        return fields;
    }

    /// <summary>A value of the query, or <see langword="null"/>; a repeated parameter is refused.</summary>
    public static string? SingleQueryValue(HttpContext context, string name)
    {
        var values = context.Request.Query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new CallbackRejectedException("A query parameter is repeated."),
        };
    }

    private static bool IsRejection(Exception ex) => ex switch
    {
        CallbackRejectedException or ArgumentException or FormatException or SignerProcessCallbackException or InvalidDataException => true,
        SigningApiException api => api.Status is 400 or 404 or 410 || api.IsPostingGone(),
        _ => false,
    };

    private static string Reason(Exception ex) => ex switch
    {
        CallbackRejectedException or SignerProcessCallbackException => ex.Message,
        SigningApiException api => "the provider does not know the id (" + api.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
        _ => ex.GetType().Name,
    };
}
