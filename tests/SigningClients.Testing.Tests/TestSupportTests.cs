using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SigningClients.TestSupport;
using Xunit;
using Xunit.Sdk;

namespace SigningClients.Testing.Tests;

public sealed class TestSupportTests
{
    [Theory]
    [InlineData("Hello")]
    [InlineData("Text with (parens) and \\ backslash")]
    [InlineData("")]
    public void TestPdf_Create_is_a_valid_pdf_with_exact_xref_offsets(string text)
    {
        var pdf = TestPdf.Create(text);
        var ascii = Encoding.ASCII.GetString(pdf);

        Assert.StartsWith("%PDF-1.4\n", ascii, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", ascii, StringComparison.Ordinal);

        var startXref = int.Parse(Regex.Match(ascii, @"startxref\n(\d+)\n%%EOF\n$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n0 6\n0000000000 65535 f \n", ascii[startXref..], StringComparison.Ordinal);

        var entries = Regex.Matches(ascii[startXref..], @"(\d{10}) 00000 n \n");
        Assert.Equal(5, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var offset = int.Parse(entries[i].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith($"{i + 1} 0 obj\n", ascii[offset..], StringComparison.Ordinal);
        }

        // The content stream's /Length is exact.
        var stream = Regex.Match(ascii, @"<< /Length (\d+) >>\nstream\n(.*?)\nendstream", RegexOptions.Singleline);
        Assert.Equal(int.Parse(stream.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), stream.Groups[2].Value.Length);
        Assert.Equal(pdf, TestPdf.Create(text));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(5L)]
    [InlineData(1000L)]
    [InlineData(1_000_003L)]
    public void TestPdf_CreateLarge_has_exact_size_header_and_deterministic_content(long size)
    {
        using var stream = TestPdf.CreateLarge(size);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();

        Assert.Equal(size, bytes.LongLength);
        Assert.Equal(size, stream.Length);
        var header = TestPdf.LargeHeader.ToArray();
        Assert.True(bytes.AsSpan().StartsWith(header.AsSpan(0, (int)Math.Min(size, header.Length))));
        if (size >= 100)
        {
            Assert.True(bytes.AsSpan().EndsWith(TestPdf.LargeTrailer));
        }

        Assert.Equal(TestPdf.Sha256Of(bytes), TestPdf.Sha256OfLarge(size));
        using var other = TestPdf.CreateLarge(size, seekable: false, seed: 1);
        if (size > 100)
        {
            Assert.NotEqual(TestPdf.Sha256Of(bytes), TestPdf.Sha256Of(other));
        }
    }

    [Fact]
    public void TestPdf_CreateLarge_supports_seeking_and_odd_read_sizes()
    {
        const long Size = 300_001;
        using var whole = new MemoryStream();
        TestPdf.CreateLarge(Size).CopyTo(whole);
        var expected = whole.ToArray();

        using var seekable = TestPdf.CreateLarge(Size);
        seekable.Seek(12_345, SeekOrigin.Begin);
        var buffer = new byte[7];
        Assert.Equal(7, seekable.Read(buffer, 0, 7));
        Assert.Equal(expected.AsSpan(12_345, 7).ToArray(), buffer);
        Assert.Equal(12_352, seekable.Position);
        seekable.Seek(-3, SeekOrigin.End);
        Assert.Equal(3, seekable.Read(buffer, 0, 7));

        using var nonSeekable = TestPdf.CreateLarge(Size, seekable: false);
        Assert.False(nonSeekable.CanSeek);
        Assert.Throws<NotSupportedException>(() => nonSeekable.Length);
        using var odd = new MemoryStream();
        var piece = new byte[13];
        int read;
        while ((read = nonSeekable.Read(piece, 0, piece.Length)) > 0)
        {
            odd.Write(piece, 0, read);
        }

        Assert.Equal(expected, odd.ToArray());
    }

    [Fact]
    public async Task CountingStream_and_NonSeekableStream_pass_data_through()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var inner = new MemoryStream(data);
        await using var counting = new CountingStream(new NonSeekableStream(inner), leaveOpen: false);

        Assert.False(counting.CanSeek);
        Assert.Throws<NotSupportedException>(() => counting.Length);
        using var copy = new MemoryStream();
        await counting.CopyToAsync(copy, TestContext.Current.CancellationToken);
        Assert.Equal(data, copy.ToArray());
        Assert.Equal(1000, counting.BytesRead);
        Assert.True(counting.ReadCalls >= 2);

        var target = new MemoryStream();
        await using (var writer = new CountingStream(target, leaveOpen: true))
        {
            await writer.WriteAsync(data.AsMemory(0, 10), TestContext.Current.CancellationToken);
            writer.Write(data, 0, 5);
            Assert.Equal(15, writer.BytesWritten);
        }

        Assert.Equal(15, target.Length); // left open
        await counting.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => inner.ReadByte());
    }

    [Fact]
    public void LogCapture_collects_level_category_message_exception_and_scopes()
    {
        var capture = new LogCapture();
        using (var factory = capture.CreateFactory())
        {
            var logger = factory.CreateLogger("My.Category");
            using (logger.BeginScope("scope-{Id}", 7))
            {
                logger.LogInformation("Hello {Name}", "world");
            }

            logger.LogError(new InvalidOperationException("bad thing"), "Failed {Op}", "send");
            logger.LogTrace("trace");
        }

        Assert.Contains("[Scope] My.Category: scope-7", capture.Lines);
        Assert.Contains("[Information] My.Category: Hello world", capture.Lines);
        Assert.Contains("[Trace] My.Category: trace", capture.Lines);
        var error = Assert.Single(capture.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("Failed send", error.Message);
        Assert.Contains("bad thing", error.Exception, StringComparison.Ordinal);
        Assert.Contains(capture.Lines, l => l.StartsWith("[Error] My.Category: Failed send\nSystem.InvalidOperationException: bad thing", StringComparison.Ordinal));
        Assert.Contains(error.State, kv => kv.Key == "Op" && (string?)kv.Value == "send");
        Assert.Contains("send", capture.AllText);

        capture.Clear();
        Assert.Empty(capture.Lines);
    }

    [Fact]
    public async Task LogCapture_is_thread_safe()
    {
        var capture = new LogCapture();
        var logger = capture.CreateLogger("Parallel");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                logger.LogInformation("t{T} i{I}", t, i);
            }
        })));

        Assert.Equal(4000, capture.Lines.Count);
        Assert.Equal(4000, capture.Entries.Count);
    }

    [Fact]
    public void SecretScanner_passes_clean_texts()
        => SecretScanner.AssertNoSecrets(new[] { "Authorization: ***", "nothing here" }, "hunter2-secret", string.Empty);

    [Fact]
    public void SecretScanner_reports_where_a_secret_leaked_without_printing_it()
    {
        const string Secret = "hunter2-very-secret";
        var texts = new[] { "clean line", $"POST /token password={Secret} done", $"url ?p={Uri.EscapeDataString("p@ss word!")}" };

        var ex = Assert.ThrowsAny<XunitException>(() => SecretScanner.AssertNoSecrets(texts, Secret, "p@ss word!"));

        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("p@ss", ex.Message, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine(ex.Message);
        Assert.DoesNotContain(Uri.EscapeDataString("p@ss word!"), ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'hu… (19 chars)' found in text #1 at offset {texts[1].IndexOf(Secret, StringComparison.Ordinal)}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("password=*** done", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'p@… (10 chars)' (percent-encoded) found in text #2", ex.Message, StringComparison.Ordinal);
    }
}
