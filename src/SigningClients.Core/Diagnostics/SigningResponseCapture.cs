using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;

namespace SigningClients.Core;

/// <summary>
/// Captures the metadata of successful responses (status, the provider's request id, headers) for the calls made
/// inside a scope, on the current async flow — every provider, every operation, without changing any method's return
/// type, and also through substituted interfaces in tests (nothing is captured then):
/// <code>
/// using var capture = SigningResponseCapture.Begin();
/// var dst = await client.Dsts.GetAsync(id);
/// Console.WriteLine($"{capture.Last?.Status} {capture.Last?.RequestId} {capture.Last?.GetHeader("X-RateLimit-Remaining")}");
/// </code>
/// Failures are not captured: their status, request id and Retry-After are on <see cref="SigningApiException"/>.
/// Header values whose names look sensitive (tokens, cookies, keys, secrets, passwords) are masked.
/// </summary>
public sealed class SigningResponseCapture : IDisposable
{
    private static readonly AsyncLocal<SigningResponseCapture?> CurrentScope = new();
    private readonly SigningResponseCapture? _parent;
    private readonly List<SigningResponseInfo> _responses = new();
    private bool _disposed;

    private SigningResponseCapture(SigningResponseCapture? parent) => _parent = parent;

    /// <summary>The successful responses received in this scope (and its nested scopes), oldest first.</summary>
    public IReadOnlyList<SigningResponseInfo> Responses
    {
        get
        {
            lock (_responses)
            {
                return _responses.ToArray();
            }
        }
    }

    /// <summary>The most recent successful response of this scope, if any.</summary>
    public SigningResponseInfo? Last
    {
        get
        {
            lock (_responses)
            {
                return _responses.Count == 0 ? null : _responses[_responses.Count - 1];
            }
        }
    }

    /// <summary>Starts capturing on the current async flow until the returned scope is disposed.</summary>
    /// <returns>The scope; dispose it.</returns>
    public static SigningResponseCapture Begin()
    {
        var scope = new SigningResponseCapture(CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>Ends the scope (an enclosing scope, if any, becomes current again).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (ReferenceEquals(CurrentScope.Value, this))
        {
            CurrentScope.Value = _parent;
        }
    }

    internal static void Record(string provider, string operation, HttpResponseMessage response, string? requestId, Security.SecretRedactor redactor)
    {
        var scope = CurrentScope.Value;
        if (scope is null)
        {
            return;
        }

        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        AddHeaders(headers, response.Headers, redactor);
        if (response.Content is not null)
        {
            AddHeaders(headers, response.Content.Headers, redactor);
        }

        var info = new SigningResponseInfo(provider, operation, (int)response.StatusCode, requestId, headers);
        for (var s = scope; s is not null; s = s._parent)
        {
            if (!s._disposed)
            {
                lock (s._responses)
                {
                    s._responses.Add(info);
                }
            }
        }
    }

    private static void AddHeaders(Dictionary<string, IReadOnlyList<string>> target, System.Net.Http.Headers.HttpHeaders source, Security.SecretRedactor redactor)
    {
        foreach (var header in source)
        {
            bool sensitive = Security.SecretRedactor.IsSensitiveName(header.Key) || header.Key.IndexOf("cookie", StringComparison.OrdinalIgnoreCase) >= 0;
            target[header.Key] = header.Value.Select(v => sensitive ? "***" : redactor.Redact(v)).ToArray();
        }
    }
}

/// <summary>What <see cref="SigningResponseCapture"/> recorded about one successful response.</summary>
public sealed class SigningResponseInfo
{
    /// <summary>Creates a record (for tests of code that reads captured metadata).</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="operation">The operation name.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="requestId">The provider's request id, if it sent one.</param>
    /// <param name="headers">The response and content headers (sensitive values masked).</param>
    public SigningResponseInfo(string provider, string operation, int status, string? requestId, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        Provider = provider ?? throw new ArgumentNullException(nameof(provider));
        Operation = operation ?? throw new ArgumentNullException(nameof(operation));
        Status = status;
        RequestId = requestId;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
    }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The operation name.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The provider's request id (for a support ticket), if it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The response and content headers, case-insensitive (sensitive values masked).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The first value of a header, or <see langword="null"/>.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value.</returns>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <inheritdoc />
    public override string ToString() => Provider + " " + Operation + ": HTTP " + Status + (RequestId is null ? string.Empty : " (request id " + RequestId + ")");
}
