using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ConsignO.Workflows.Tests;

/// <summary>
/// How the rotated <c>X-Auth-Token</c> is read from an answer's headers (read without validation, no array per
/// answer): the first value that is not blank, trimmed; a value that is not a valid header value is never adopted.
/// </summary>
public sealed class TokenHeaderReadingTests
{
    [Fact]
    public async Task The_first_non_blank_token_value_is_adopted_trimmed_and_a_malformed_one_never()
    {
        var handler = new ScriptedHandler(
            ("auth/login", new[] { "t1" }),
            ("workflows/w1", new[] { "   ", " t2 ", "t9" }), // blank first, padded second: "t2" is the rotation
            ("workflows/w1", new[] { "t\u00e9" }),          // not ASCII: not a valid header value, not adopted
            ("workflows/w1", Array.Empty<string>()),        // no header: the token stays
            ("workflows/w1", new[] { "t3" }),
            ("workflows/w1", Array.Empty<string>()));
        using var http = new HttpClient(handler);
        using var client = new ConsignOClient(new ConsignOClientOptions { Endpoint = new Uri("https://consigno.test/api/v1/"), Username = "u", Password = "p-secret" }, http);

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal("w1", (await client.GetWorkflowAsync("w1", TestContext.Current.CancellationToken)).Id);
        }

        Assert.Equal(new[] { "t1", "t2", "t2", "t2", "t3" }, handler.SentTokens);
    }

    private sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Queue<(string Path, string[] Tokens)> _answers;

        public ScriptedHandler(params (string Path, string[] Tokens)[] answers) => _answers = new Queue<(string, string[])>(answers);

        public List<string?> SentTokens { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (path, tokens) = _answers.Dequeue();
            Assert.EndsWith(path, request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
            if (!path.EndsWith("login", StringComparison.Ordinal))
            {
                SentTokens.Add(request.Headers.TryGetValues("X-Auth-Token", out var sent) ? sent.Single() : null);
            }

            var body = path.EndsWith("login", StringComparison.Ordinal) ? "{\"msg\":\"OK\",\"response\":{}}" : "{\"msg\":\"OK\",\"response\":{\"id\":\"w1\",\"status\":1}}";
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };
            if (tokens.Length > 0)
            {
                response.Headers.TryAddWithoutValidation("X-Auth-Token", tokens);
            }

            return Task.FromResult(response);
        }
    }
}
