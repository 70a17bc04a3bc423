using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SigningClients.Core;

namespace Signant.InstantSign.Tests;

/// <summary>Records requests and answers with queued responses (for wire-form and parsing tests without a server).</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    public const string Distributor = "dist-4711";
    public const string Secret = "acc-SECRET-9c1e55";
    public static readonly Uri Endpoint = new("https://signant.example/WS/V1/InstantSignatureService.svc");

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

    /// <summary>Options for a client that talks to a stub (no simulator).</summary>
    public static SignantClientOptions Options(Uri? endpoint = null, string distributor = Distributor, string accessCode = Secret) => new()
    {
        Endpoint = endpoint ?? Endpoint,
        AllowHttpOnLoopback = true,
        DistributorId = distributor,
        AccessCode = accessCode,
        Retry = new RetryOptions { MaxRetries = 1, InitialDelay = TimeSpan.FromMilliseconds(10), UseJitter = false },
    };

    /// <summary>A client whose every request this stub answers.</summary>
    public SignantClient CreateClient(SignantClientOptions? options = null, ILoggerFactory? loggerFactory = null) =>
        new(options ?? Options(), new HttpClient(this) { Timeout = Timeout.InfiniteTimeSpan }, loggerFactory);
}
