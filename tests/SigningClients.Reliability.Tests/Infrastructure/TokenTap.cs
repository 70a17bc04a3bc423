using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Reliability.Tests.Infrastructure;

/// <summary>
/// A transport tap under a client: numbers every event on one logical clock — a request entering the transport
/// (its session token already attached by the client), its response leaving the transport back to the client (with
/// the rotated token it delivers, if any), and call starts marked by the test — so that send order and the order in
/// which responses delivered tokens can be compared exactly.
/// </summary>
internal sealed class TokenTap : DelegatingHandler
{
    private static readonly AsyncLocal<int> CurrentCall = new();
    private readonly string _tokenName;
    private readonly ConcurrentQueue<TappedExchange> _exchanges = new();
    private readonly ConcurrentDictionary<int, long> _callStarts = new();
    private readonly ConcurrentDictionary<int, long> _callEnds = new();
    private long _clock;

    public TokenTap(string tokenName)
        : base(new SocketsHttpHandler())
    {
        _tokenName = tokenName;
    }

    public IReadOnlyList<TappedExchange> Exchanges => _exchanges.ToArray();

    public IReadOnlyDictionary<int, long> CallStarts => _callStarts;

    public IReadOnlyDictionary<int, long> CallEnds => _callEnds;

    /// <summary>Marks the end of call <paramref name="call"/> (after the client method returned to its caller).</summary>
    public void EndCall(int call) => _callEnds[call] = Interlocked.Increment(ref _clock);

    /// <summary>Marks the start of call <paramref name="call"/> (before the client method is invoked) in this async flow.</summary>
    public void StartCall(int call)
    {
        CurrentCall.Value = call;
        _callStarts[call] = Interlocked.Increment(ref _clock);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = request.Headers.TryGetValues(_tokenName, out var values) ? values.FirstOrDefault() : null;
        var call = CurrentCall.Value;
        var sendSeq = Interlocked.Increment(ref _clock);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var delivered = response.Headers.TryGetValues(_tokenName, out var rotated) ? rotated.FirstOrDefault() : null;
        var recvSeq = Interlocked.Increment(ref _clock);
        _exchanges.Enqueue(new TappedExchange(call, request.RequestUri!.AbsolutePath, sendSeq, sent, recvSeq, delivered, (int)response.StatusCode));
        return response;
    }
}

/// <summary>One request/response pair seen by a <see cref="TokenTap"/>.</summary>
internal sealed record TappedExchange(int Call, string Path, long SendSeq, string? SentToken, long RecvSeq, string? DeliveredToken, int Status);
