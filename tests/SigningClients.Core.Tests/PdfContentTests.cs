using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using SigningClients.Core.Validation;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Core.Tests;

/// <summary>The one PDF check every provider uses (issue 15, "All five").</summary>
public sealed class PdfContentTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("%PDF")]
    [InlineData(" %PDF-1.7")]
    [InlineData("%pdf-1.7")]
    public async Task Content_without_the_PDF_header_is_refused(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => PdfContent.EnsurePdfAsync(new NonSeekableStream(new MemoryStream(bytes)), "document", Ct));
        Assert.Equal("document", ex.ParamName);
        Assert.False(PdfContent.HasPdfHeader(bytes));
        Assert.Throws<ArgumentException>(() => PdfContent.EnsurePdf(bytes, "document"));
    }

    [Fact]
    public async Task A_seekable_stream_is_returned_at_its_original_position()
    {
        var pdf = TestPdf.Create();
        var stream = new MemoryStream(new byte[3].Concat(pdf));
        stream.Position = 3;

        var checkedStream = await PdfContent.EnsurePdfAsync(stream, "document", Ct);

        Assert.Same(stream, checkedStream);
        Assert.Equal(3, stream.Position);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task A_non_seekable_stream_is_replayed_whole_after_the_peek(int readSize)
    {
        var pdf = TestPdf.Create("Replay");
        var checkedStream = await PdfContent.EnsurePdfAsync(new NonSeekableStream(new MemoryStream(pdf)), "document", Ct);

        using var copy = new MemoryStream();
        var buffer = new byte[readSize];
        int n;
        while ((n = await checkedStream.ReadAsync(buffer.AsMemory(0, readSize), Ct)) > 0)
        {
            copy.Write(buffer, 0, n);
        }

        Assert.Equal(pdf, copy.ToArray());
        Assert.False(checkedStream.CanSeek);
    }

    [Fact]
    public async Task A_stream_that_cannot_be_read_is_refused()
    {
        var closed = new MemoryStream(TestPdf.Create());
        closed.Dispose();
        await Assert.ThrowsAsync<ArgumentException>(() => PdfContent.EnsurePdfAsync(closed, "document", Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => PdfContent.EnsurePdfAsync(null!, "document", Ct));
    }
}

internal static class ByteArrayExtensions
{
    public static byte[] Concat(this byte[] first, byte[] second)
    {
        var all = new byte[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
