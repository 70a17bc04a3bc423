using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using SigningClients.Core.Http;
using SigningClients.Core.Streaming;
using Xunit;

namespace SigningClients.Core.Tests.Plumbing;

/// <summary>Base64 of a caller's stream inside a JSON or XML body: exact, chunked, replayable when the stream seeks.</summary>
public sealed class Base64BodyTests
{
    public static TheoryData<int> Sizes => new() { 0, 1, 2, 3, Base64Streaming.ChunkSize - 1, Base64Streaming.ChunkSize, Base64Streaming.ChunkSize + 1, (3 * Base64Streaming.ChunkSize) + 2 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Chunks_concatenate_into_the_base64_of_the_whole_stream(int size)
    {
        byte[] data = Bytes(size);
        using var output = new MemoryStream();
        await Base64Streaming.CopyAsBase64Async(new TrickleStream(data), output, TestContext.Current.CancellationToken);
        Assert.Equal(Convert.ToBase64String(data), Encoding.ASCII.GetString(output.ToArray()));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Xml_element_content_is_the_base64_of_the_whole_stream(int size)
    {
        byte[] data = Bytes(size);
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Async = true }))
        {
            await writer.WriteStartElementAsync(null, "File", null);
            await Base64Streaming.WriteBase64Async(writer, new TrickleStream(data), TestContext.Current.CancellationToken);
            await writer.WriteEndElementAsync();
        }

        var document = new XmlDocument();
        document.LoadXml(text.ToString());
        Assert.Equal(Convert.ToBase64String(data), document.DocumentElement!.InnerText);
    }

    [Fact]
    public async Task Json_with_base64_streams_the_document_where_the_placeholder_stands_on_every_attempt()
    {
        byte[] data = Bytes(Base64Streaming.ChunkSize + 10);
        using var source = new MemoryStream(data);
        var content = RequestContent.JsonWithBase64(new Body { Name = "a \"quoted\" name", Data = "PLACEHOLDER_1" }, BodyContext.Default.Body, "PLACEHOLDER_1", source);
        Assert.True(content.IsReplayable);

        for (int attempt = 0; attempt < 2; attempt++)
        {
            string json = await content.CreateHttpContent().ReadAsStringAsync(TestContext.Current.CancellationToken);
            var body = JsonSerializer.Deserialize(json, BodyContext.Default.Body)!;
            Assert.Equal("a \"quoted\" name", body.Name);
            Assert.Equal(Convert.ToBase64String(data), body.Data);
        }
    }

    [Fact]
    public async Task A_non_seekable_source_is_sent_once_and_never_truncated_on_a_second_use()
    {
        byte[] data = Bytes(100);
        var content = RequestContent.JsonWithBase64(new Body { Data = "P" }, BodyContext.Default.Body, "P", new TrickleStream(data));
        Assert.False(content.IsReplayable);
        Assert.Contains(Convert.ToBase64String(data), await content.CreateHttpContent().ReadAsStringAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<InvalidOperationException>(() => content.CreateHttpContent().ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("quote\"")]
    [InlineData("absent")]
    [InlineData("P")]
    public void A_placeholder_that_is_not_a_plain_marker_found_once_is_refused(string placeholder)
    {
        var value = new Body { Name = "P", Data = "P" };
        Assert.Throws<ArgumentException>(() => RequestContent.JsonWithBase64(value, BodyContext.Default.Body, placeholder, new MemoryStream()));
    }

    [Fact]
    public async Task A_writer_around_a_seekable_source_reads_it_from_its_start_on_every_attempt()
    {
        using var source = new MemoryStream(Encoding.ASCII.GetBytes("xxdocument"));
        source.Position = 2;
        var content = RequestContent.Writer(source, async (s, output, ct) =>
        {
            await output.WriteAsync(Encoding.ASCII.GetBytes("<"), ct);
            await s.CopyToAsync(output, ct);
            await output.WriteAsync(Encoding.ASCII.GetBytes(">"), ct);
        }, "text/plain");

        Assert.True(content.IsReplayable);
        Assert.Equal("<document>", await content.CreateHttpContent().ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("<document>", await content.CreateHttpContent().ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(RequestContent.Writer(new TrickleStream(new byte[1]), (_, _, _) => Task.CompletedTask, "text/plain").IsReplayable);
    }

    private static byte[] Bytes(int size)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        return data;
    }

    /// <summary>A non-seekable stream that hands out at most 1,000 bytes per read.</summary>
    private sealed class TrickleStream : Stream
    {
        private readonly byte[] _data;
        private int _position;

        public TrickleStream(byte[] data) => _data = data;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, 1000), _data.Length - _position);
            Buffer.BlockCopy(_data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class Body
{
    public string? Name { get; set; }

    public string? Data { get; set; }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Body))]
internal sealed partial class BodyContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
