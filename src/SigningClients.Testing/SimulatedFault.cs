using System;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SigningClients.Testing.Internal;

namespace SigningClients.Testing;

/// <summary>
/// A misbehaviour a simulator shows on the wire instead of (or on top of) its normal answer. Create one with the
/// factory methods and queue it with <see cref="FaultInjector.Enqueue"/> or <see cref="FaultInjector.EnqueueFor"/>.
/// Faults marked "not processed" never reach the route, so no simulator state changes; "processed" faults run the
/// route first. Every faulted request is still recorded in the <see cref="RequestJournal"/> (with
/// <see cref="JournalEntry.FaultApplied"/> set and the whole request body), and is logged at Information level.
/// Instances are immutable and can be enqueued many times.
/// </summary>
public abstract class SimulatedFault
{
    private protected SimulatedFault()
    {
    }

    /// <summary>
    /// Not processed. The request body is read to its end, then the response is <paramref name="statusCode"/> with
    /// a <c>Retry-After</c> header carrying <paramref name="retryAfter"/> verbatim (when given; delta-seconds such as
    /// <c>"5"</c> or an HTTP date such as <c>"Wed, 21 Oct 2026 07:28:00 GMT"</c>, or anything else a test needs) and,
    /// when <paramref name="body"/> is given, that body with <c>Content-Type: <paramref name="contentType"/></c>;
    /// otherwise an empty body (<c>Content-Length: 0</c>). The connection stays usable.
    /// </summary>
    /// <param name="statusCode">The status code, 200–599.</param>
    /// <param name="retryAfter">The exact <c>Retry-After</c> value, or <see langword="null"/> for no header.</param>
    /// <param name="body">The response body (UTF-8), or <see langword="null"/> for none.</param>
    /// <param name="contentType">The content type of <paramref name="body"/>.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault Status(int statusCode, string? retryAfter = null, string? body = null, string contentType = "application/json")
    {
        ValidateStatus(statusCode);
        ArgumentNullException.ThrowIfNull(contentType);
        return new StatusFault(statusCode, retryAfter, body, contentType);
    }

    /// <summary>
    /// Processed, late. The server waits <paramref name="delay"/> in real time (not on the simulator's
    /// <see cref="SimulatorHost.TimeProvider"/>) before the route runs, then answers normally. When the client
    /// gives up during the wait the route never runs and the journal shows no response status.
    /// </summary>
    /// <param name="delay">How long to wait before processing.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new DelayFault(delay);
    }

    /// <summary>
    /// Not processed. The request body is read to its end, then the connection is aborted without a single
    /// response byte: the client sees the response end prematurely (an <c>HttpRequestException</c> wrapping an
    /// <c>IOException</c>, typically "The response ended prematurely" or a connection reset). Nothing changed on
    /// the server, so a retry is always safe.
    /// </summary>
    /// <returns>The fault.</returns>
    public static SimulatedFault DropBeforeResponse() => DropBeforeResponseFault.Instance;

    /// <summary>
    /// Processed, answer lost. The route runs to its end (state changes happen!) but everything it writes is
    /// discarded; then the connection is aborted without a single response byte. The client sees the same failure
    /// as with <see cref="DropBeforeResponse"/>, which is exactly why non-idempotent requests must not be retried
    /// blindly. The journal shows no response status.
    /// </summary>
    /// <returns>The fault.</returns>
    public static SimulatedFault DropAfterProcessing() => DropAfterProcessingFault.Instance;

    /// <summary>
    /// Processed, body cut. The route's response is buffered, then sent with its status, its headers and a
    /// <c>Content-Length</c> of the full body, but only the first <paramref name="fraction"/> of the body bytes
    /// (always at least one byte short); then the server stops the response and closes the connection. Headers
    /// arrive; reading the body fails (<c>IOException</c> "The response ended prematurely"). An empty route body is
    /// advertised as one byte long; a status without a body (204, 304) goes out whole. The response carries
    /// <c>Connection: close</c>, so the client never reuses the closing connection for its next request. The server
    /// logs the cut as an application error naming the fault.
    /// Meant for small and medium responses; use <see cref="ResetMidBody()"/> for large or streamed ones.
    /// </summary>
    /// <param name="fraction">The part of the body that is sent, from 0 (headers only) up to but excluding 1.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault TruncatedBody(double fraction = 0.5)
    {
        if (double.IsNaN(fraction) || fraction < 0 || fraction >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be at least 0 and less than 1.");
        }

        return new TruncatedBodyFault(fraction);
    }

    /// <summary>
    /// Processed, connection lost while the body streams. The route's response passes through unbuffered (any size,
    /// streamed or not) until half of its <c>Content-Length</c> but at most 64 KiB has been sent (64 KiB when the
    /// length is unknown); then the server stops the response there and closes the connection, and the route's
    /// further writes fail with an <c>IOException</c> (as on a reset socket), so a large download is not generated
    /// to its end. A response shorter than that is cut at its end, before the final chunk or the last promised
    /// byte, so the client never sees a complete body (except a declared <c>Content-Length: 0</c> or a status
    /// without a body). Status and headers arrive, with <c>Connection: close</c> so the client never reuses the
    /// closing connection for its next request; reading the body fails (<c>IOException</c>). The server logs the cut
    /// as an application error naming the fault.
    /// </summary>
    /// <returns>The fault.</returns>
    public static SimulatedFault ResetMidBody() => new ResetMidBodyFault(null);

    /// <summary>
    /// Like <see cref="ResetMidBody()"/>, but the response is cut after exactly <paramref name="afterBytes"/>
    /// body bytes (or at the end of a shorter body).
    /// </summary>
    /// <param name="afterBytes">How many body bytes are sent before the reset.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault ResetMidBody(long afterBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterBytes);
        return new ResetMidBodyFault(afterBytes);
    }

    /// <summary>
    /// Processed, wrong body. The route runs (state changes happen) but its body is discarded; the client receives
    /// <paramref name="statusCode"/>, the route's other headers, <c>Content-Type: <paramref name="contentType"/></c>
    /// and exactly <paramref name="body"/> (UTF-8) as a complete, well-framed body. Use it for invalid JSON/XML,
    /// unexpected shapes or wrong types.
    /// </summary>
    /// <param name="body">The body to send instead of the real one.</param>
    /// <param name="statusCode">The status code to send, 200–599.</param>
    /// <param name="contentType">The content type to send.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault MalformedBody(string body, int statusCode = 200, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(contentType);
        ValidateStatus(statusCode);
        return new MalformedBodyFault(body, statusCode, contentType);
    }

    /// <summary>
    /// Not processed. The request body is read to its end, then an HTML error page such as a reverse proxy or load
    /// balancer sends is returned: <paramref name="statusCode"/>, <c>Content-Type: text/html</c> and a small page
    /// like <c>&lt;html&gt;&lt;head&gt;&lt;title&gt;502 Bad Gateway&lt;/title&gt;…</c>.
    /// </summary>
    /// <param name="statusCode">The status code, 200–599.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault Html(int statusCode = 500)
    {
        ValidateStatus(statusCode);
        return new HtmlFault(statusCode);
    }

    internal abstract Task ApplyAsync(RequestRecording recording, RequestDelegate next);

    private static void ValidateStatus(int statusCode)
    {
        if (statusCode is < 200 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "The status code must be between 200 and 599.");
        }
    }

    private static string Describe(int statusCode)
    {
        var reason = ReasonPhrases.GetReasonPhrase(statusCode);
        return reason.Length == 0
            ? statusCode.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{statusCode} {reason}");
    }

    private static async Task WriteBodyAsync(HttpResponse response, int statusCode, string? contentType, string? body)
    {
        response.StatusCode = statusCode;
        if (body is null)
        {
            response.ContentLength = 0;
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }

    private sealed class StatusFault : SimulatedFault
    {
        private readonly int _statusCode;
        private readonly string? _retryAfter;
        private readonly string? _body;
        private readonly string _contentType;

        public StatusFault(int statusCode, string? retryAfter, string? body, string contentType)
        {
            _statusCode = statusCode;
            _retryAfter = retryAfter;
            _body = body;
            _contentType = contentType;
        }

        public override string ToString()
            => _retryAfter is null
                ? string.Create(CultureInfo.InvariantCulture, $"Status({_statusCode})")
                : string.Create(CultureInfo.InvariantCulture, $"Status({_statusCode}, Retry-After: {_retryAfter})");

        internal override async Task ApplyAsync(RequestRecording recording, RequestDelegate next)
        {
            var response = recording.HttpContext.Response;
            if (_retryAfter is not null)
            {
                response.Headers.RetryAfter = _retryAfter;
            }

            await WriteBodyAsync(response, _statusCode, _contentType, _body).ConfigureAwait(false);
        }
    }

    private sealed class DelayFault : SimulatedFault
    {
        private readonly TimeSpan _delay;

        public DelayFault(TimeSpan delay) => _delay = delay;

        public override string ToString()
            => string.Create(CultureInfo.InvariantCulture, $"Delay({_delay.TotalMilliseconds} ms)");

        internal override async Task ApplyAsync(RequestRecording recording, RequestDelegate next)
        {
            var context = recording.HttpContext;
            try
            {
                await Task.Delay(_delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return; // The client went away; the route never runs.
            }

            await next(context).ConfigureAwait(false);
        }
    }

    private sealed class DropBeforeResponseFault : SimulatedFault
    {
        public static readonly DropBeforeResponseFault Instance = new();

        public override string ToString() => "DropBeforeResponse";

        internal override Task ApplyAsync(RequestRecording recording, RequestDelegate next) => recording.DropConnectionAsync();
    }

    private sealed class DropAfterProcessingFault : SimulatedFault
    {
        public static readonly DropAfterProcessingFault Instance = new();

        public override string ToString() => "DropAfterProcessing";

        internal override async Task ApplyAsync(RequestRecording recording, RequestDelegate next)
        {
            var context = recording.HttpContext;
            using var discard = new ResponseCaptureStream(keepBytes: false);
            var swap = ResponseBodySwap.Install(context, discard);
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                await swap.RestoreAsync().ConfigureAwait(false);
                await recording.DropConnectionAsync().ConfigureAwait(false);
            }
        }
    }

    private sealed class TruncatedBodyFault : SimulatedFault
    {
        private readonly double _fraction;

        public TruncatedBodyFault(double fraction) => _fraction = fraction;

        public override string ToString()
            => string.Create(CultureInfo.InvariantCulture, $"TruncatedBody({_fraction})");

        internal override async Task ApplyAsync(RequestRecording recording, RequestDelegate next)
        {
            var context = recording.HttpContext;
            recording.AnnounceClose();
            using var capture = new ResponseCaptureStream(keepBytes: true);
            var swap = ResponseBodySwap.Install(context, capture);
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                await swap.RestoreAsync().ConfigureAwait(false);
            }

            if (context.Response.StatusCode is 204 or 304)
            {
                // A status without a body has nothing to truncate (and may not carry a Content-Length): the answer
                // goes out whole, then the connection closes.
                await recording.CutResponseAsync(context.Response.Body).ConfigureAwait(false);
                return;
            }

            var body = capture.ToArray();
            var advertised = Math.Max(body.LongLength, 1);
            var sent = Math.Min((long)Math.Floor(body.LongLength * _fraction), advertised - 1);
            var response = context.Response;
            response.Headers.Remove("Transfer-Encoding");
            response.ContentLength = advertised;
            if (sent > 0)
            {
                await response.Body.WriteAsync(body.AsMemory(0, (int)sent)).ConfigureAwait(false);
            }

            await recording.CutResponseAsync(response.Body).ConfigureAwait(false);
        }
    }

    private sealed class ResetMidBodyFault : SimulatedFault
    {
        private readonly long? _afterBytes;

        public ResetMidBodyFault(long? afterBytes) => _afterBytes = afterBytes;

        public override string ToString()
            => _afterBytes is { } afterBytes
                ? string.Create(CultureInfo.InvariantCulture, $"ResetMidBody({afterBytes})")
                : "ResetMidBody";

        internal override async Task ApplyAsync(RequestRecording recording, RequestDelegate next)
        {
            var context = recording.HttpContext;
            recording.AnnounceClose();
            var real = context.Response.Body;
            var resetting = new ResettingResponseStream(real, recording, _afterBytes);
            var swap = ResponseBodySwap.Install(context, resetting);
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception) when (recording.ConnectionDropped)
            {
                // The route's write failed because of the simulated reset, as it would on a real reset socket.
            }
            finally
            {
                await swap.RestoreAsync().ConfigureAwait(false);
            }

            await resetting.ResetAtEndAsync().ConfigureAwait(false);
        }
    }

    private sealed class MalformedBodyFault : SimulatedFault
    {
        private readonly string _body;
        private readonly int _statusCode;
        private readonly string _contentType;

        public MalformedBodyFault(string body, int statusCode, string contentType)
        {
            _body = body;
            _statusCode = statusCode;
            _contentType = contentType;
        }

        public override string ToString()
            => string.Create(CultureInfo.InvariantCulture, $"MalformedBody({_statusCode}, {_contentType})");

        internal override async Task ApplyAsync(RequestRecording recording, RequestDelegate next)
        {
            var context = recording.HttpContext;
            using var discard = new ResponseCaptureStream(keepBytes: false);
            var swap = ResponseBodySwap.Install(context, discard);
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                await swap.RestoreAsync().ConfigureAwait(false);
            }

            var response = context.Response;
            response.Headers.Remove("Transfer-Encoding");
            response.Headers.Remove("Content-Encoding");
            await WriteBodyAsync(response, _statusCode, _contentType, _body).ConfigureAwait(false);
        }
    }

    private sealed class HtmlFault : SimulatedFault
    {
        private readonly int _statusCode;

        public HtmlFault(int statusCode) => _statusCode = statusCode;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Html({_statusCode})");

        internal override Task ApplyAsync(RequestRecording recording, RequestDelegate next)
        {
            var title = WebUtility.HtmlEncode(Describe(_statusCode));
            var page = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
            return WriteBodyAsync(recording.HttpContext.Response, _statusCode, "text/html", page);
        }
    }
}
