using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Signant.InstantSign;
using SigningClients.Core;
using SigningClients.Testing;

namespace Signant.InstantSign.Tests;

/// <summary>Records requests and answers with queued responses (for wire-form and parsing tests without a server).</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _responses = new();

    public List<(HttpRequestMessage Request, string Body)> Requests { get; } = new();

    public void Respond(string body, HttpStatusCode status = HttpStatusCode.OK, string contentType = "text/xml")
        => _responses.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    public void Respond(Func<HttpResponseMessage> factory) => _responses.Enqueue(factory);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add((request, body));
        }

        if (!_responses.TryDequeue(out var next))
        {
            throw new InvalidOperationException("No response queued.");
        }

        return next();
    }
}

internal static class Clients
{
    public const string Distributor = "dist-4711";
    public const string Secret = "acc-SECRET-9c1e55";
    public static readonly Uri Endpoint = new("https://signant.example/WS/V1/InstantSignatureService.svc");

    public static SignantClientOptions Options(Uri? endpoint = null, string distributor = Distributor, string accessCode = Secret) => new()
    {
        Endpoint = endpoint ?? Endpoint,
        AllowHttpOnLoopback = true,
        DistributorId = distributor,
        AccessCode = accessCode,
        Retry = new RetryOptions { MaxRetries = 1, InitialDelay = TimeSpan.FromMilliseconds(10), UseJitter = false },
    };

    public static SignantClient Stubbed(StubHandler handler, SignantClientOptions? options = null, ILoggerFactory? loggerFactory = null) =>
        new(options ?? Options(), new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, loggerFactory);

    public static SignantClient ForSimulator(SignantSimulator simulator, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, Action<SignantClientOptions>? configure = null)
    {
        var options = Options(simulator.ServiceAddress, simulator.Settings.DistributorId, simulator.Settings.AccessCode);
        if (timeProvider is FakeTimeProvider)
        {
            // Attempt timeouts run on the fake clock too: make them irrelevant while the test drives time.
            options.Retry.AttemptTimeout = TimeSpan.FromDays(1);
        }

        configure?.Invoke(options);
        return new SignantClient(options, new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, loggerFactory, timeProvider);
    }
}

/// <summary>A write-only sink that hashes and counts what it receives, without keeping it.</summary>
internal sealed class HashingSink : Stream
{
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Count { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Count;

    public override long Position { get => Count; set => throw new NotSupportedException(); }

    public string Md5Hex() => Convert.ToHexString(_md5.GetCurrentHash()).ToLowerInvariant();

    public byte[] Sha256() => _sha.GetCurrentHash();

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _md5.AppendData(buffer);
        _sha.AppendData(buffer);
        Count += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return default;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _md5.Dispose();
            _sha.Dispose();
        }

        base.Dispose(disposing);
    }
}
