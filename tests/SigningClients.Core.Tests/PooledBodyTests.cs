using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Http;
using Xunit;

namespace SigningClients.Core.Tests;

/// <summary>
/// JSON bodies are read into a buffer rented from <see cref="System.Buffers.ArrayPool{T}"/> and given back (cleared)
/// after deserialization: nothing a model keeps (extension data, JSON values, extraData text) may still point into it.
/// </summary>
public sealed class PooledBodyTests
{
    [Fact]
    public async Task Models_keep_nothing_of_the_pooled_body_buffer()
    {
        // Same-sized bodies one after another rent the same buffer back: if a model referenced it, the second (and
        // third) answer would overwrite what the first model holds.
        var first = Body('a', 1);
        var second = Body('b', 2);
        var third = Body('c', 3);
        Assert.Equal(first.Length, second.Length);
        using var handler = new QueueHandler(first, second, third);
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var pipeline = new SigningClients.Core.Pipeline.SigningPipeline(http, new SigningClients.Core.Pipeline.SigningPipelineOptions("Test", new Uri("https://example.test/")));

        var a = await pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), SheetContext.Default.Sheet, TestContext.Current.CancellationToken);
        var b = await pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), SheetContext.Default.Sheet, TestContext.Current.CancellationToken);
        using var document = await pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), async (response, ct) => await response.ReadJsonDocumentAsync(ct), TestContext.Current.CancellationToken);

        AssertSheet(a, 'a', 1);
        AssertSheet(b, 'b', 2);
        Assert.Equal(new string('c', 64), document.RootElement.GetProperty("unknown").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("extraData").GetProperty("n").GetInt32());
    }

    private static void AssertSheet(Sheet sheet, char c, int n)
    {
        Assert.Equal(new string(c, 64), sheet.AdditionalProperties!["unknown"].GetString());
        Assert.Equal(n, sheet.AdditionalProperties["nested"].GetProperty("n").GetInt32());
        Assert.Equal(new string(c, 64), sheet.ExtraData!["s"].GetString());
        Assert.Equal(n, sheet.ExtraData["n"].GetInt32());
    }

    private static byte[] Body(char c, int n)
    {
        string text = new(c, 64);
        return Encoding.UTF8.GetBytes("{\"unknown\":\"" + text + "\",\"nested\":{\"n\":" + n + "},\"extraData\":{\"s\":\"" + text + "\",\"n\":" + n + "}}");
    }

    private sealed class QueueHandler : HttpMessageHandler
    {
        private readonly Queue<byte[]> _bodies;

        public QueueHandler(params byte[][] bodies) => _bodies = new Queue<byte[]>(bodies);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(_bodies.Dequeue());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
