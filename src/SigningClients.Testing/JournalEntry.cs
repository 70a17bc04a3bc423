using System;
using System.Collections.Generic;
using System.Text;

namespace SigningClients.Testing;

/// <summary>
/// One request as it arrived at a simulator, with the status the simulator answered (or <see langword="null"/> when
/// the connection was dropped). Instances are immutable.
/// </summary>
public sealed class JournalEntry
{
    private string? _bodyText;

    internal JournalEntry(
        long sequence,
        DateTimeOffset timestamp,
        string method,
        string path,
        string queryString,
        string rawTarget,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        long bodyLength,
        string? contentType,
        int? responseStatus,
        string? faultApplied)
    {
        Sequence = sequence;
        Timestamp = timestamp;
        Method = method;
        Path = path;
        QueryString = queryString;
        RawTarget = rawTarget;
        Headers = headers;
        Body = body;
        BodyLength = bodyLength;
        ContentType = contentType;
        ResponseStatus = responseStatus;
        FaultApplied = faultApplied;
    }

    /// <summary>Arrival order of the request at this simulator, starting at 1 (not reset by <see cref="RequestJournal.Clear"/>).</summary>
    public long Sequence { get; }

    /// <summary>When the request arrived, according to the simulator's <see cref="SimulatorHost.TimeProvider"/>.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The request path as ASP.NET Core exposes it (percent-decoded except <c>%2F</c>), e.g. <c>/v1/tasks/42</c>.</summary>
    public string Path { get; }

    /// <summary>The raw query string exactly as received, including the leading <c>?</c> (e.g. <c>?%24top=10</c>); empty when there is none.</summary>
    public string QueryString { get; }

    /// <summary>The raw request target of the request line (path and query, not decoded), e.g. <c>/v1/docs/a%20b?x=1</c>.</summary>
    public string RawTarget { get; }

    /// <summary>The request headers; names are case-insensitive and repeated values are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// The first <see cref="SimulatorHostOptions.JournalBodyLimit"/> bytes of the request body (the whole body when
    /// it is smaller). Whatever the route left unread is read by the simulator before it answers, so the journal
    /// always sees the complete request. Do not modify the array.
    /// </summary>
    public byte[] Body { get; }

    /// <summary>The full length of the request body in bytes, even when <see cref="Body"/> was truncated.</summary>
    public long BodyLength { get; }

    /// <summary><see langword="true"/> when <see cref="Body"/> holds fewer bytes than <see cref="BodyLength"/>.</summary>
    public bool IsBodyTruncated => Body.LongLength < BodyLength;

    /// <summary>The <c>Content-Type</c> request header, or <see langword="null"/>.</summary>
    public string? ContentType { get; }

    /// <summary>
    /// The status code the simulator sent, or <see langword="null"/> when no response was sent (the connection was
    /// dropped by a fault or the client went away before the response started).
    /// </summary>
    public int? ResponseStatus { get; }

    /// <summary>A description of the <see cref="SimulatedFault"/> applied to this request, or <see langword="null"/>.</summary>
    public string? FaultApplied { get; }

    /// <summary><see cref="Body"/> decoded as UTF-8.</summary>
    public string BodyText => _bodyText ??= Encoding.UTF8.GetString(Body);

    /// <summary>Gets a request header value, or <see langword="null"/> when the header was not sent.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    /// <returns>The header value (repeated values joined with <c>", "</c>), or <see langword="null"/>.</returns>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString()
        => $"#{Sequence} {Method} {RawTarget} -> {(ResponseStatus is { } status ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(dropped)")}{(FaultApplied is null ? string.Empty : " [" + FaultApplied + "]")}";
}
