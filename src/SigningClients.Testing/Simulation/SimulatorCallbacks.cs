using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Testing;

/// <summary>
/// The calls a simulator makes to <em>your</em> application, the way its provider does: Signing Today DST webhooks
/// to the robot-configured URL, ConsignO workflow webhooks, AlphaTrust event-subscription notifications (retried
/// until the subscription's required response text comes back). Each call is sent in the background after the state
/// change that caused it, retried while your endpoint does not acknowledge it (up to <see cref="MaxAttempts"/>, with
/// <see cref="RetryDelay"/> on the simulator's clock), and recorded in <see cref="Sent"/>. Await
/// <see cref="WhenIdleAsync"/> before asserting, and replay a call with <see cref="RedeliverAsync"/> to test
/// deduplication. Browser redirects (TRIDENT finish callback, ConsignO return URL, Signant after-sign redirect) are
/// not sent here: the simulators answer the browser's request with a <c>302</c> your test follows.
/// </summary>
/// <example>
/// <code>
/// simulator.Callbacks.RetryDelay = TimeSpan.FromMilliseconds(10);
/// simulator.Sign(dstId);                          // the DST webhook goes to the robot's webhooks.dst URL
/// await simulator.Callbacks.WhenIdleAsync();
/// var call = Assert.Single(simulator.Callbacks.Sent);
/// Assert.True(call.IsAcknowledged);
/// await simulator.Callbacks.RedeliverAsync(call);  // as the provider may do
/// </code>
/// </example>
public sealed class SimulatorCallbacks : IAsyncDisposable
{
    private const int MaxResponseChars = 4096;
    private readonly object _gate = new();
    private readonly List<SimulatorCallback> _sent = new();
    private readonly List<Task> _pending = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _timeProvider;
    private HttpClient? _http;
    private HttpMessageHandler? _transport;

    internal SimulatorCallbacks(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>Whether the simulator sends callbacks at all. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Attempts per call, the first included, while the endpoint does not acknowledge it. Default 5. The providers do
    /// not publish their retry schedules (unverified); AlphaTrust documents that it retries until the required text comes back.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before a retry, multiplied by the number of the failed attempt, on the simulator's clock. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The timeout of one attempt. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The handler the calls go through, e.g. <c>TestServer.CreateHandler()</c> of a <c>WebApplicationFactory</c>, or
    /// <see langword="null"/> (default) for real HTTP without following redirects. Set it before the first call.
    /// </summary>
    public HttpMessageHandler? Transport
    {
        get => _transport;
        set
        {
            lock (_gate)
            {
                _transport = value;
                _http = null;
            }
        }
    }

    /// <summary>Every call made so far (redeliveries included), in the order they were first sent.</summary>
    public IReadOnlyList<SimulatorCallback> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToArray();
            }
        }
    }

    /// <summary>Completes when every call sent so far has been acknowledged or has run out of attempts.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when no call is in flight.</returns>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task[] pending;
            lock (_gate)
            {
                _pending.RemoveAll(t => t.IsCompleted);
                pending = _pending.ToArray();
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a call again, as a provider redelivers it (same method, URL, headers and body), with the same retries.</summary>
    /// <param name="callback">A call from <see cref="Sent"/>.</param>
    /// <param name="cancellationToken">Cancels the redelivery.</param>
    /// <returns>The new call, once acknowledged or out of attempts.</returns>
    public async Task<SimulatorCallback> RedeliverAsync(SimulatorCallback callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var again = new SimulatorCallback(callback.Event, callback.Method, callback.Url, callback.Headers, callback.ContentType, callback.Body, callback.Acknowledges);
        lock (_gate)
        {
            _sent.Add(again);
        }

        await DeliverAsync(again, cancellationToken).ConfigureAwait(false);
        return again;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        Task[] pending;
        lock (_gate)
        {
            pending = _pending.ToArray();
        }

        try
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _http?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Queues a call (a simulator's hook); it is sent in the background.</summary>
    /// <param name="eventName">What happened, in the provider's words (for <see cref="SimulatorCallback.Event"/>).</param>
    /// <param name="method">GET or POST.</param>
    /// <param name="url">The endpoint.</param>
    /// <param name="headers">Extra request headers.</param>
    /// <param name="contentType">The body's content type, or <see langword="null"/> for none.</param>
    /// <param name="body">The body (empty for GET).</param>
    /// <param name="acknowledges">Whether an answer (status, body) acknowledges the call; <see langword="null"/> for any 2xx.</param>
    internal void Send(string eventName, HttpMethod method, Uri url, IReadOnlyDictionary<string, string>? headers, string? contentType, string body, Func<int, string, bool>? acknowledges = null)
    {
        if (!Enabled || _stopping.IsCancellationRequested)
        {
            return;
        }

        var callback = new SimulatorCallback(eventName, method.Method, url, headers ?? new Dictionary<string, string>(), contentType, body, acknowledges ?? ((status, _) => status is >= 200 and < 300));
        lock (_gate)
        {
            _sent.Add(callback);
            _pending.Add(Task.Run(() => DeliverAsync(callback, CancellationToken.None)));
        }
    }

    /// <summary>A form-encoded body.</summary>
    internal static string Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    private HttpClient Http()
    {
        lock (_gate)
        {
            return _http ??= _transport is null
                ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan }
                : new HttpClient(_transport, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }

    private async Task DeliverAsync(SimulatorCallback callback, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        int attempts = Math.Max(1, MaxAttempts);
        for (int number = 1; number <= attempts; number++)
        {
            var attempt = await AttemptAsync(callback, linked.Token).ConfigureAwait(false);
            callback.Add(attempt);
            if (attempt.IsAcknowledged)
            {
                return;
            }

            if (number < attempts)
            {
                await Task.Delay(RetryDelay * number, _timeProvider, linked.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task<SimulatorCallbackAttempt> AttemptAsync(SimulatorCallback callback, CancellationToken cancellationToken)
    {
        var at = _timeProvider.GetUtcNow();
        using var request = new HttpRequestMessage(new HttpMethod(callback.Method), callback.Url);
        if (callback.ContentType is not null)
        {
            request.Content = new StringContent(callback.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(callback.ContentType);
        }

        foreach (var header in callback.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        try
        {
            using var response = await Http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var text = await ReadCappedAsync(response, timeout.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            return new SimulatorCallbackAttempt(at, status, text, response.Content.Headers.ContentType?.MediaType, callback.Acknowledges(status, text));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new SimulatorCallbackAttempt(at, 0, string.Empty, null, false);
        }
    }

    private static async Task<string> ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[MaxResponseChars];
        int total = 0;
        int read;
        while (total < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return new string(buffer, 0, total);
    }
}

/// <summary>One call a simulator made to your application (see <see cref="SimulatorCallbacks"/>).</summary>
public sealed class SimulatorCallback
{
    private readonly object _gate = new();
    private readonly List<SimulatorCallbackAttempt> _attempts = new();

    internal SimulatorCallback(string eventName, string method, Uri url, IReadOnlyDictionary<string, string> headers, string? contentType, string body, Func<int, string, bool> acknowledges)
    {
        Event = eventName;
        Method = method;
        Url = url;
        Headers = headers;
        ContentType = contentType;
        Body = body;
        Acknowledges = acknowledges;
    }

    /// <summary>What happened, in the provider's words (e.g. <c>dst signed</c>, <c>TransactionCompleted</c>).</summary>
    public string Event { get; }

    /// <summary>GET or POST.</summary>
    public string Method { get; }

    /// <summary>The endpoint called (with the query for GET).</summary>
    public Uri Url { get; }

    /// <summary>Extra request headers (e.g. a Signing Today robot's configured <c>requestHeaders</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body's content type, or <see langword="null"/> when there is no body.</summary>
    public string? ContentType { get; }

    /// <summary>The body sent (JSON or form-encoded), empty for GET.</summary>
    public string Body { get; }

    /// <summary>The attempts so far, in order.</summary>
    public IReadOnlyList<SimulatorCallbackAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return _attempts.ToArray();
            }
        }
    }

    /// <summary>Whether an attempt was acknowledged (2xx; for AlphaTrust, the required response text).</summary>
    public bool IsAcknowledged => Attempts.Any(a => a.IsAcknowledged);

    internal Func<int, string, bool> Acknowledges { get; }

    internal void Add(SimulatorCallbackAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Event + " " + Method + " " + Url.AbsolutePath + " (" + Attempts.Count + " attempts" + (IsAcknowledged ? ", acknowledged)" : ")");
}

/// <summary>One attempt of a <see cref="SimulatorCallback"/>.</summary>
/// <param name="At">When it was sent, on the simulator's clock.</param>
/// <param name="Status">The HTTP status answered, or 0 when no answer came (connection failure or timeout).</param>
/// <param name="ResponseBody">The answer's body (the first 4096 characters).</param>
/// <param name="ResponseMediaType">The answer's media type, if any.</param>
/// <param name="IsAcknowledged">Whether the answer acknowledged the call.</param>
public sealed record SimulatorCallbackAttempt(DateTimeOffset At, int Status, string ResponseBody, string? ResponseMediaType, bool IsAcknowledged);
