using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;

namespace SigningClients.Core.Http;

/// <summary>
/// Describes one provider operation call: method, path and query, body, operation name and idempotency. The
/// pipeline turns it into an HTTP request for every attempt.
/// </summary>
public sealed class SigningRequest
{
    private Dictionary<string, string>? _headers;
    private HashSet<int>? _acceptedStatusCodes;
    // The first property is kept in two fields (a request usually carries at most one: a policy's per-attempt state);
    // more go to a list.
    private IRequestProperty? _firstKey;
    private object? _firstValue;
    private List<KeyValuePair<IRequestProperty, object?>>? _properties;
    private QueryParameters? _query;

    /// <summary>Creates a request description.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">
    /// The path relative to the client's endpoint (segments already escaped, see <see cref="EscapeSegment"/>), or an
    /// absolute <c>https</c> URI returned by the provider.
    /// </param>
    /// <param name="operation">The operation name used in logs, traces, metrics and errors, e.g. <c>GetDst</c>.</param>
    /// <param name="idempotency">What replaying this request can do on the server.</param>
    public SigningRequest(HttpMethod method, string path, string operation, Idempotency idempotency)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        if (string.IsNullOrWhiteSpace(operation))
        {
            throw new ArgumentException("An operation name is required.", nameof(operation));
        }

        Operation = operation;
        Idempotency = idempotency;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path relative to the endpoint, or an absolute URI.</summary>
    public string Path { get; }

    /// <summary>The operation name.</summary>
    public string Operation { get; }

    /// <summary>What replaying this request can do on the server.</summary>
    public Idempotency Idempotency { get; }

    /// <summary>Query parameters, encoded when the URI is built.</summary>
    public QueryParameters Query => _query ??= new QueryParameters();

    /// <summary>Whether the request has query parameters (without creating the list).</summary>
    internal bool HasQuery => _query is { Count: > 0 };

    /// <summary>The body, if any.</summary>
    public RequestContent? Content { get; set; }

    /// <summary>Whether the client's authentication policy applies (false for login and token calls).</summary>
    public bool Authenticate { get; set; } = true;

    /// <summary>Extra request headers (case-insensitive names).</summary>
    public IDictionary<string, string> Headers => _headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Status codes other than 2xx that are an expected answer of this operation (for example 404 meaning "not
    /// finished yet"): they are handed to the response handler instead of becoming a <see cref="SigningApiException"/>.
    /// </summary>
    public ISet<int> AcceptedStatusCodes => _acceptedStatusCodes ??= new HashSet<int>();

    internal bool HasHeaders => _headers is { Count: > 0 };

    /// <summary>Whether <paramref name="statusCode"/> counts as an answer rather than an error for this request.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <returns><see langword="true"/> for 2xx and accepted codes.</returns>
    public bool IsAccepted(int statusCode) =>
        (statusCode >= 200 && statusCode < 300) || (_acceptedStatusCodes?.Contains(statusCode) ?? false);

    /// <summary>
    /// Attaches a value for a provider's own policies (for example, "send the session token in the form"), replacing
    /// any earlier value of the same property.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="property">The property (a key compared by identity).</param>
    /// <param name="value">The value.</param>
    public void SetProperty<T>(RequestProperty<T> property, T value)
    {
        if (property is null)
        {
            throw new ArgumentNullException(nameof(property));
        }

        if (_firstKey is null || ReferenceEquals(_firstKey, property))
        {
            _firstKey = property;
            _firstValue = value;
            return;
        }

        var properties = _properties ??= new List<KeyValuePair<IRequestProperty, object?>>(2);
        for (int i = 0; i < properties.Count; i++)
        {
            if (ReferenceEquals(properties[i].Key, property))
            {
                properties[i] = new KeyValuePair<IRequestProperty, object?>(property, value);
                return;
            }
        }

        properties.Add(new KeyValuePair<IRequestProperty, object?>(property, value));
    }

    /// <summary>Gets a value attached with <see cref="SetProperty{T}"/>, if present (and, for an attempt property, set during the current attempt).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="property">The property.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether the property is present.</returns>
    public bool TryGetProperty<T>(RequestProperty<T> property, [MaybeNullWhen(false)] out T value)
    {
        if (property is null)
        {
            throw new ArgumentNullException(nameof(property));
        }

        if (ReferenceEquals(_firstKey, property))
        {
            value = (T)_firstValue!;
            return true;
        }

        if (_properties is { } properties)
        {
            foreach (var entry in properties)
            {
                if (ReferenceEquals(entry.Key, property))
                {
                    value = (T)entry.Value!;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>Forgets the attempt properties: called by the pipeline before it builds each request message.</summary>
    internal void ClearAttemptProperties()
    {
        if (_properties is { Count: > 0 } properties)
        {
            properties.RemoveAll(static entry => entry.Key.Scope == RequestPropertyScope.Attempt);
        }

        if (_firstKey is { Scope: RequestPropertyScope.Attempt })
        {
            // The first slot takes the next remaining property, if any.
            _firstKey = null;
            _firstValue = null;
            if (_properties is { Count: > 0 } rest)
            {
                _firstKey = rest[0].Key;
                _firstValue = rest[0].Value;
                rest.RemoveAt(0);
            }
        }
    }

    /// <summary>Escapes one path segment (an id, a name) so that it cannot change the path's structure.</summary>
    /// <param name="segment">The raw segment; must not be empty.</param>
    /// <param name="paramName">The argument name reported when the segment is empty.</param>
    /// <returns>The escaped segment.</returns>
    /// <exception cref="ArgumentException">The segment is null, empty, white space, or a dot segment (see <see cref="PathSegment"/>).</exception>
    public static string EscapeSegment(string segment, string paramName = "id") => PathSegment.Escape(segment, paramName);

    /// <inheritdoc />
    public override string ToString() => Operation + " " + Method + " " + Path;
}
