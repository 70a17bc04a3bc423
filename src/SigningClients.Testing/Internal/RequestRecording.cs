using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SigningClients.Testing.Internal;

/// <summary>
/// The journal record of one request while it is being processed. It is committed to the journal exactly once:
/// when the response starts (before the client can see it), when a fault drops the connection, or when the
/// request ends without a response.
/// </summary>
internal sealed class RequestRecording
{
    private readonly RequestJournal _journal;
    private readonly JournalingRequestStream _body;
    private readonly long _sequence;
    private readonly DateTimeOffset _timestamp;
    private readonly string _method;
    private readonly string _path;
    private readonly string _queryString;
    private readonly string _rawTarget;
    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly string? _contentType;
    private int _committed;
    private int _dropped;
    private int _cut;

    public RequestRecording(HttpContext context, RequestJournal journal, JournalingRequestStream body, long sequence, DateTimeOffset timestamp)
    {
        HttpContext = context;
        _journal = journal;
        _body = body;
        _sequence = sequence;
        _timestamp = timestamp;

        var request = context.Request;
        _method = request.Method;
        _path = request.PathBase.Add(request.Path).Value is { Length: > 0 } path ? path : "/";
        _queryString = request.QueryString.Value ?? string.Empty;
        _rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } rawTarget ? rawTarget : _path + _queryString;
        _contentType = request.ContentType;

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.Count == 1 ? header.Value[0] ?? string.Empty : string.Join(", ", header.Value.ToArray());
        }

        _headers = headers;
    }

    public HttpContext HttpContext { get; }

    public string Method => _method;

    public string Path => _path;

    public string? FaultApplied { get; set; }

    /// <summary>True once a fault has aborted (or is about to abort) the connection on purpose.</summary>
    public bool ConnectionDropped => Volatile.Read(ref _dropped) != 0;

    /// <summary>True when a fault cut the response body short (see <see cref="CutResponseAsync"/>).</summary>
    public bool ResponseCut => Volatile.Read(ref _cut) != 0;

    public async Task CommitAsync(int? responseStatus)
    {
        if (Volatile.Read(ref _committed) != 0)
        {
            return;
        }

        try
        {
            await _body.DrainAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception)
        {
        }

        if (Interlocked.Exchange(ref _committed, 1) != 0)
        {
            return;
        }

        _journal.Add(new JournalEntry(
            _sequence,
            _timestamp,
            _method,
            _path,
            _queryString,
            _rawTarget,
            _headers,
            _body.GetCapturedBytes(),
            _body.TotalLength,
            _contentType,
            responseStatus,
            FaultApplied));
    }

    /// <summary>Records the request as unanswered, then aborts the connection without sending anything more.</summary>
    public async Task DropConnectionAsync()
    {
        await CommitAsync(null).ConfigureAwait(false);
        Volatile.Write(ref _dropped, 1);
        HttpContext.Abort();
    }

    /// <summary>
    /// Adds <c>Connection: close</c> to the response of a request whose connection a fault will close after the
    /// response (set before the route runs, so it is in the headers whenever they are sent). When the client gets
    /// all of a cut answer — status and headers of a bodiless 204, say — it would otherwise keep the connection for
    /// its next request, which then races the close and is lost before the server reads it (the request never
    /// reaches the journal or the route).
    /// </summary>
    public void AnnounceClose() => HttpContext.Response.Headers.Connection = "close";

    /// <summary>
    /// Sends what has been written so far (status and headers included) and marks the response as cut: the
    /// middleware then ends the request with an exception, on which the server (HTTP/1.1) stops the response where it
    /// is — no final chunk, no missing Content-Length bytes — and closes the connection after flushing.
    /// This is deterministic, unlike an abort, which discards output the transport has not sent yet.
    /// </summary>
    public async Task CutResponseAsync(Stream realBody)
    {
        Volatile.Write(ref _dropped, 1);
        Volatile.Write(ref _cut, 1);
        try
        {
            await realBody.FlushAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The client is gone already; nothing more to cut.
        }

        await CommitAsync(HttpContext.Response.HasStarted ? HttpContext.Response.StatusCode : null).ConfigureAwait(false);
    }
}
