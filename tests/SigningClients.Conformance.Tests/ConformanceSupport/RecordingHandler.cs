using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Conformance.Tests.Support;

/// <summary>One request as the client sent it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? ContentType, string? Body);

/// <summary>
/// A fake <see cref="HttpMessageHandler"/> in front of a real client (no simulator): records every request and answers
/// with what the test's function returns, typically a fixture file.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, (HttpStatusCode Status, string Body, string ContentType)> _answer;

    private readonly Action<HttpResponseMessage>? _decorate;

    public RecordingHandler(Func<HttpRequestMessage, int, (HttpStatusCode Status, string Body, string ContentType)> answer, Action<HttpResponseMessage>? decorate = null)
    {
        _answer = answer;
        _decorate = decorate;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Reads a fixture copied next to the test assembly (e.g. <c>Fixture("AlphaTrust", "x.json")</c>).</summary>
    public static string Fixture(string provider, string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, provider, "Fixtures", name));

    /// <summary>Answers every request with the same JSON body.</summary>
    public static RecordingHandler Json(string body, HttpStatusCode status = HttpStatusCode.OK) => new((_, _) => (status, body, "application/json"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.ToString(), body));
        var (status, text, contentType) = _answer(request, Requests.Count);
        var response = new HttpResponseMessage(status) { RequestMessage = request };
        if (status != HttpStatusCode.NoContent)
        {
            response.Content = new StringContent(text, Encoding.UTF8);
            response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        _decorate?.Invoke(response);
        return response;
    }
}
