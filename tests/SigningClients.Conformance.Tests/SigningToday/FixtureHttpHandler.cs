using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Conformance.Tests.SigningToday;

/// <summary>Answers every request with one fixture file (no simulator involved) and records what the client sent.</summary>
internal sealed class FixtureHttpHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, (HttpStatusCode Status, string Body)> _answer;

    public FixtureHttpHandler(Func<HttpRequestMessage, (HttpStatusCode Status, string Body)> answer) => _answer = answer;

    public ConcurrentQueue<(HttpMethod Method, Uri Uri, string? Body)> Requests { get; } = new();

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SigningToday", "Fixtures", name));

    public static FixtureHttpHandler Always(string fixture, HttpStatusCode status = HttpStatusCode.OK)
    {
        string body = Fixture(fixture);
        return new FixtureHttpHandler(request => request.Method == HttpMethod.Get || request.Method == HttpMethod.Post ? (status, body) : (HttpStatusCode.NoContent, string.Empty));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Requests.Enqueue((request.Method, request.RequestUri!, body));
        var (status, text) = _answer(request);
        var response = new HttpResponseMessage(status) { RequestMessage = request };
        if (status != HttpStatusCode.NoContent)
        {
            response.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }

        return response;
    }
}
