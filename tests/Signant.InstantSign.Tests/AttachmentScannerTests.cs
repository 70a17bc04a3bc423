using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Signant.InstantSign.Soap;
using Xunit;

namespace Signant.InstantSign.Tests;

/// <summary>
/// The download read with <see cref="AttachmentTextScanner"/> (the AttachmentFile text taken out of the XmlReader's
/// way) against the XmlReader alone, over the same envelopes — valid and malformed, every lexical form the text may
/// take, chunk boundaries everywhere (streams that return 1 to 7 bytes per read): same file, same members, or the same
/// kind of failure. And that the scanner does read the ordinary answers (else the fast path would be dead code).
/// </summary>
public sealed class AttachmentScannerTests
{
    private const string Open = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>";
    private const string Close = "</s:Body></s:Envelope>";
    private const string ResultNs = "xmlns:a=\"http://schemas.datacontract.org/2004/07/Signant.Common.Models\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"";

    private static byte[] File(int length)
    {
        var random = new Random(length + 17);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string B64(int length) => Convert.ToBase64String(File(length));

    private static string Members(string attachment, int length) =>
        "<a:AttachmentID>" + Responses.AttachmentId + "</a:AttachmentID>" + attachment + "<a:FileHash>" + Responses.Md5Hex(File(length)) + "</a:FileHash><a:FileName>terms.pdf</a:FileName><a:Success>true</a:Success>";

    private static string Envelope(string attachment, int length) => Responses.Wrap("DownloadInstantAttachment", Members(attachment, length));

    private static string Element(string text) => "<a:AttachmentFile>" + text + "</a:AttachmentFile>";

    /// <summary>Envelopes the scanner must read exactly as the reader does (name, text; the file length behind the hash).</summary>
    public static IEnumerable<(string Name, string Envelope, bool Scanned)> ValidCases()
    {
        string b = B64(100_003);
        yield return ("plain", Envelope(Element(b), 100_003), true);
        yield return ("line-breaks", Envelope(Element(Convert.ToBase64String(File(70_000), Base64FormattingOptions.InsertLineBreaks)), 70_000), true);
        yield return ("white-space-everywhere", Envelope(Element(" \r\n\t" + string.Join(" \t\r\n", Chunks(B64(3_001), 3)) + "\n "), 3_001), true);
        yield return ("cdata-and-text", Envelope(Element(string.Concat(Chunks(B64(20_000), 997).Select((p, i) => i % 2 == 0 ? "<![CDATA[" + p + "]]>" : p))), 20_000), true);
        yield return ("empty-cdata", Envelope(Element("<![CDATA[]]>" + B64(30) + "<![CDATA[]]>"), 30), true);
        yield return ("character-references", Envelope(Element(string.Concat(B64(3_000).Select((c, i) => i % 5 == 0 ? "&#" + (int)c + ";" : i % 7 == 0 ? "&#x" + ((int)c).ToString("x") + ";" : i % 11 == 0 ? "&#x00" + ((int)c).ToString("X") + ";" : c.ToString())) + "&#13;&#x20;&#9;&#10;"), 3_000), true);
        yield return ("padding-as-reference", Envelope(Element(B64(31)[..^2] + "&#61;&#x3D;"), 31), true);
        yield return ("comments-and-pis", Envelope(Element(string.Join("<!-- a comment - with dashes -->", Chunks(B64(9_000), 1_234)).Insert(7, "<?pi some data?>") + "<!---->" + "<?x?>"), 9_000), true);
        yield return ("comment-non-ascii", Envelope(Element(B64(300).Insert(8, "<!-- Grüße, ĉiuj 💡 -->")), 300), true);
        yield return ("pi-non-ascii-target", Envelope(Element(B64(300).Insert(8, "<?grüße data?>")), 300), true);
        yield return ("unpadded", Envelope(Element(B64(1_001).TrimEnd('=')), 1_001), true);
        yield return ("empty", Envelope(Element(string.Empty), 0), true);
        yield return ("white-space-only", Envelope(Element(" \n "), 0), true);
        yield return ("self-closing", Envelope("<a:AttachmentFile/>", 0), false);
        yield return ("nil", Envelope("<a:AttachmentFile i:nil=\"true\"/>", 0), false);
        yield return ("nil-with-text", Envelope("<a:AttachmentFile i:nil=\"true\">" + B64(10) + "</a:AttachmentFile>", 0), false);
        yield return ("other-prefix", Envelope("<x:AttachmentFile xmlns:x=\"urn:x\">" + B64(500) + "</x:AttachmentFile>", 500), true);
        yield return ("default-namespace", Envelope("<AttachmentFile xmlns=\"urn:x\">" + B64(500) + "</AttachmentFile>", 500), true);
        yield return ("attributes-with-gt-and-slash", Envelope("<a:AttachmentFile  data-x = 'a>b/' data-y=\"/\" >" + B64(500) + "</a:AttachmentFile >", 500), true);
        yield return ("end-tag-with-space", Envelope("<a:AttachmentFile>" + B64(50) + "</a:AttachmentFile\n>", 50), true);
        yield return ("declaration-utf8", "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + Envelope(Element(B64(2_000)), 2_000), true);
        yield return ("declaration-no-encoding", "<?xml version='1.0' standalone='yes'?>\n" + Envelope(Element(B64(2_000)), 2_000), true);
        yield return ("declaration-latin1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + Envelope(Element(B64(2_000)), 2_000), false);
        yield return ("candidate-in-a-comment-first", "<!-- <a:AttachmentFile> -->" + Envelope(Element(B64(2_000)), 2_000), false);
        yield return ("candidate-in-cdata-of-another-member", Responses.Wrap("DownloadInstantAttachment", "<a:Description><![CDATA[<a:AttachmentFile>QUJD</a:AttachmentFile>]]></a:Description>" + Members(Element(B64(64)), 64)), false);
        yield return ("attachment-in-the-header", Open.Replace("<s:Body>", "<s:Header><h:AttachmentFile xmlns:h=\"urn:h\">QUJD</h:AttachmentFile></s:Header><s:Body>", StringComparison.Ordinal) + "<DownloadInstantAttachmentResponse xmlns=\"http://tempuri.org/\"><DownloadInstantAttachmentResult " + ResultNs + ">" + Members(Element(B64(64)), 64) + "</DownloadInstantAttachmentResult></DownloadInstantAttachmentResponse>" + Close, false);
        yield return ("attachment-in-an-unknown-member", Responses.Wrap("DownloadInstantAttachment", "<a:Extra><a:AttachmentFile>QUJD</a:AttachmentFile></a:Extra>" + Members(Element(B64(64)), 64)), false);
        yield return ("attachment-last", Responses.Wrap("DownloadInstantAttachment", "<a:FileHash>" + Responses.Md5Hex(File(5_000)) + "</a:FileHash><a:Success>true</a:Success>" + Element(B64(5_000))), true);
        yield return ("around-the-buffer-size", Envelope(Element(B64((64 * 1024 / 4 * 3) + 1)), (64 * 1024 / 4 * 3) + 1), true);
        yield return ("success-false", Responses.Wrap("DownloadInstantAttachment", "<a:ErrorCode>12</a:ErrorCode><a:Message>Nope</a:Message><a:Success>false</a:Success>"), false);
    }

    /// <summary>Malformed envelopes: both paths must fail, with the same exception type.</summary>
    public static IEnumerable<(string Name, string Envelope)> MalformedCases()
    {
        string b = B64(3_000);
        yield return ("invalid-character", Envelope(Element(b.Insert(2_000, "*")), 3_000));
        yield return ("non-ascii", Envelope(Element(b.Insert(100, "é")), 3_000));
        yield return ("data-after-padding", Envelope(Element(B64(1) + b), 3_000));
        yield return ("padding-in-a-quantum", Envelope(Element("QQ=A" + b), 3_000));
        yield return ("lone-final-character", Envelope(Element(B64(3_000) + "Q"), 3_000));
        yield return ("too-much-padding", Envelope(Element(B64(3_000) + "Q==="), 3_000));
        yield return ("child-element", Envelope(Element(b.Insert(400, "<a:Part>QUJD</a:Part>")), 3_000));
        yield return ("empty-child-element", Envelope(Element(b.Insert(400, "<a:Part/>")), 3_000));
        yield return ("lt-entity", Envelope(Element(b.Insert(40, "&lt;")), 3_000));
        yield return ("amp-entity", Envelope(Element(b.Insert(40, "&amp;")), 3_000));
        yield return ("undeclared-entity", Envelope(Element(b.Insert(40, "&foo;")), 3_000));
        yield return ("entity-without-semicolon", Envelope(Element(b.Insert(40, "&#65")), 3_000));
        yield return ("reference-upper-case-x", Envelope(Element(b.Insert(40, "&#X20;")), 3_000));
        yield return ("reference-upper-case-x-in-a-quantum", Envelope(Element(b.Insert(40, "&#X41;QUJ")), 3_000));
        yield return ("reference-hex-without-digits", Envelope(Element(b.Insert(40, "&#x;")), 3_000));
        yield return ("reference-white-space-invalid-char", Envelope(Element(b.Insert(40, "&#xD800;")), 3_000));
        yield return ("reference-to-zero", Envelope(Element(b.Insert(40, "&#0;")), 3_000));
        yield return ("reference-too-large", Envelope(Element(b.Insert(40, "&#x110000;")), 3_000));
        yield return ("reference-to-non-base64", Envelope(Element(b.Insert(40, "&#x2A;")), 3_000));
        yield return ("reference-empty", Envelope(Element(b.Insert(40, "&#;")), 3_000));
        yield return ("reference-bad-digit", Envelope(Element(b.Insert(40, "&#1a;")), 3_000));
        yield return ("cdata-with-bracket", Envelope(Element("<![CDATA[" + b.Insert(10, "]") + "]]>"), 3_000));
        yield return ("cdata-end-in-text", Envelope(Element(b.Insert(40, "]]>")), 3_000));
        yield return ("cdata-unterminated", Envelope(Element("<![CDATA[" + b), 3_000));
        yield return ("comment-with-double-dash", Envelope(Element(b.Insert(40, "<!-- a -- b -->")), 3_000));
        yield return ("comment-ending-with-dash", Envelope(Element(b.Insert(40, "<!-- a --->")), 3_000));
        yield return ("comment-with-control-character", Envelope(Element(b.Insert(40, "<!-- a \u0001 -->")), 3_000));
        yield return ("xml-declaration-inside", Envelope(Element(b.Insert(40, "<?xml version=\"1.0\"?>")), 3_000));
        yield return ("pi-without-target", Envelope(Element(b.Insert(40, "<? data?>")), 3_000));
        yield return ("doctype-inside", Envelope(Element(b.Insert(40, "<!DOCTYPE x>")), 3_000));
        yield return ("entity-declaration-inside", Envelope(Element(b.Insert(40, "<!ENTITY x \"QUJD\">")), 3_000));
        yield return ("lt-alone", Envelope(Element(b.Insert(40, "< ")), 3_000));
        yield return ("end-tag-mismatch", Envelope("<a:AttachmentFile>" + b + "</a:Other>", 3_000));
        yield return ("end-tag-other-prefix", Envelope("<a:AttachmentFile>" + b + "</x:AttachmentFile>", 3_000));
        yield return ("two-attachments", Envelope(Element(b) + Element(b), 3_000));
        yield return ("truncated-in-text", Envelope(Element(b), 3_000)[..(Envelope(Element(b), 3_000).IndexOf("<a:AttachmentFile>", StringComparison.Ordinal) + 1_000)]);
        yield return ("truncated-in-a-reference", Envelope(Element(b), 3_000)[..(Envelope(Element(b), 3_000).IndexOf("<a:AttachmentFile>", StringComparison.Ordinal) + 30)] + "&#6");
        yield return ("truncated-in-a-comment", Envelope(Element(b), 3_000)[..(Envelope(Element(b), 3_000).IndexOf("<a:AttachmentFile>", StringComparison.Ordinal) + 30)] + "<!-- and then");
        yield return ("truncated-at-a-lt", Envelope(Element(b), 3_000)[..(Envelope(Element(b), 3_000).IndexOf("<a:AttachmentFile>", StringComparison.Ordinal) + 30)] + "<");
        yield return ("truncated-in-cdata-opener", Envelope(Element(b), 3_000)[..(Envelope(Element(b), 3_000).IndexOf("<a:AttachmentFile>", StringComparison.Ordinal) + 30)] + "<![CD");
        yield return ("doctype-first", "<!DOCTYPE x [<!ENTITY e \"QUJD\">]>" + Envelope(Element("&e;"), 3));
        yield return ("fault", Responses.Fault);
        yield return ("fault-then-response", Open + "<s:Fault><faultcode>s:Client</faultcode><faultstring>no</faultstring></s:Fault>" + "<DownloadInstantAttachmentResponse xmlns=\"http://tempuri.org/\"><DownloadInstantAttachmentResult " + ResultNs + ">" + Members(Element(b), 3_000) + "</DownloadInstantAttachmentResult></DownloadInstantAttachmentResponse>" + Close);
        yield return ("two-results-two-attachments", Open + "<DownloadInstantAttachmentResponse xmlns=\"http://tempuri.org/\"><DownloadInstantAttachmentResult " + ResultNs + ">" + Element(b) + "</DownloadInstantAttachmentResult><DownloadInstantAttachmentResult " + ResultNs + ">" + Element(b) + "</DownloadInstantAttachmentResult></DownloadInstantAttachmentResponse>" + Close);
        yield return ("unclosed-envelope", Envelope(Element(b), 3_000)[..^20]);
    }

    public static TheoryData<string> ValidNames() => new(ValidCases().Select(c => c.Name));

    public static TheoryData<string> MalformedNames() => new(MalformedCases().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(ValidNames))]
    public async Task A_valid_answer_reads_the_same_with_and_without_the_scanner(string name)
    {
        var (_, envelope, scanned) = ValidCases().Single(c => c.Name == name);
        var bytes = Encoding.UTF8.GetBytes(envelope);
        var expected = await ReadAsync(bytes, scan: false, maxRead: 0, seed: 0);
        Assert.Null(expected.Error);

        foreach (var (maxRead, seed) in Splits())
        {
            var actual = await ReadAsync(bytes, scan: true, maxRead, seed);
            Assert.Equal(expected with { Scanned = actual.Scanned }, actual);
            Assert.Equal(scanned, actual.Scanned);
        }
    }

    [Theory]
    [MemberData(nameof(MalformedNames))]
    public async Task A_malformed_answer_fails_the_same_way_with_and_without_the_scanner(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(MalformedCases().Single(c => c.Name == name).Envelope);
        var expected = await ReadAsync(bytes, scan: false, maxRead: 0, seed: 0);
        Assert.NotNull(expected.Error);

        foreach (var (maxRead, seed) in Splits())
        {
            var actual = await ReadAsync(bytes, scan: true, maxRead, seed);
            Assert.Equal(expected.Error, actual.Error);
        }
    }

    [Theory]
    [InlineData("utf-16-with-bom")]
    [InlineData("utf-8-with-bom")]
    public async Task Other_encodings_read_the_same_and_only_UTF_8_is_scanned(string encoding)
    {
        var envelope = Envelope(Element(B64(5_000)), 5_000);
        var bytes = encoding == "utf-16-with-bom" ? Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(envelope)).ToArray() : Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(envelope)).ToArray();
        var expected = await ReadAsync(bytes, scan: false, maxRead: 0, seed: 0);
        Assert.Null(expected.Error);

        foreach (var (maxRead, seed) in Splits())
        {
            var actual = await ReadAsync(bytes, scan: true, maxRead, seed);
            Assert.Equal(expected with { Scanned = actual.Scanned }, actual);
            Assert.Equal(encoding == "utf-8-with-bom", actual.Scanned);
        }
    }

    [Fact]
    public async Task Latin1_bytes_in_a_comment_of_a_Latin1_document_read_the_same()
    {
        var envelope = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + Envelope(Element(B64(300).Insert(8, "<!-- Grüße -->")), 300);
        var bytes = Encoding.Latin1.GetBytes(envelope);
        var expected = await ReadAsync(bytes, scan: false, maxRead: 0, seed: 0);
        Assert.Null(expected.Error);

        var actual = await ReadAsync(bytes, scan: true, maxRead: 5, seed: 1);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Invalid_UTF_8_fails_the_same_way_in_the_text_and_in_a_comment()
    {
        foreach (var insert in new[] { "@", "<!-- @ -->" })
        {
            var text = Encoding.UTF8.GetBytes(Envelope(Element(B64(300).Insert(8, insert)), 300));
            int at = Array.IndexOf(text, (byte)'@');
            text[at] = 0xC3; // a lead byte followed by an ASCII byte

            var expected = await ReadAsync(text, scan: false, maxRead: 0, seed: 0);
            Assert.NotNull(expected.Error);
            foreach (var (maxRead, seed) in Splits())
            {
                Assert.Equal(expected.Error, (await ReadAsync(text, scan: true, maxRead, seed)).Error);
            }
        }
    }

    [Fact]
    public async Task The_size_limit_holds_on_the_scanned_path()
    {
        var bytes = Encoding.UTF8.GetBytes(Envelope(Element(B64(10_000)), 10_000));
        var options = StubHandler.Options();
        options.MaxAttachmentBytes = 9_999;

        var ex = await Assert.ThrowsAsync<XmlException>(() => SoapResponseReader.ReadDownloadAsync(new TinyReadStream(bytes, 7, 3), new MemoryStream(), options, scan: true, TestContext.Current.CancellationToken));

        Assert.Contains("larger than the limit of 9999 bytes", ex.Message, StringComparison.Ordinal);
        options.MaxAttachmentBytes = 10_000;
        var (result, scanned) = await SoapResponseReader.ReadDownloadAsync(new TinyReadStream(bytes, 7, 3), new MemoryStream(), options, scan: true, TestContext.Current.CancellationToken);
        Assert.True(scanned);
        Assert.Equal(10_000, result.Length);
    }

    [Fact]
    public async Task Comments_and_instructions_in_the_text_are_bounded_by_MaxElementLength()
    {
        var options = StubHandler.Options();
        options.MaxElementLength = 1024;
        var within = Encoding.UTF8.GetBytes(Envelope(Element(B64(300).Insert(8, "<!--" + new string('c', 900) + "-->")), 300));
        var beyond = Encoding.UTF8.GetBytes(Envelope(Element(B64(300).Insert(8, "<!--" + new string('c', 600) + "--><?pi " + new string('p', 600) + "?>")), 300));

        var (result, scanned) = await SoapResponseReader.ReadDownloadAsync(new TinyReadStream(within, 5, 2), new MemoryStream(), options, scan: true, TestContext.Current.CancellationToken);
        Assert.True(scanned);
        Assert.Equal(300, result.Length);

        var ex = await Assert.ThrowsAsync<XmlException>(() => SoapResponseReader.ReadDownloadAsync(new TinyReadStream(beyond, 5, 2), new MemoryStream(), options, scan: true, TestContext.Current.CancellationToken));
        Assert.Contains("exceed the limit of 1024 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scanner_clears_its_buffers_before_they_go_back_to_the_pool()
    {
        var bytes = Encoding.UTF8.GetBytes(Envelope(Element(B64(20_000).Insert(8, "<!-- a comment -->")), 20_000));
        var scanner = new AttachmentTextScanner(new MemoryStream(bytes), TestContext.Current.CancellationToken);
        using (var xml = XmlReader.Create(scanner, SoapResponseReader.CreateSettings(0, async: true)))
        {
            while (await xml.ReadAsync())
            {
                if (xml.LocalName == "AttachmentFile" && scanner.IsPaused)
                {
                    await scanner.ReadTextAsync(new Md5Accumulator(), new MemoryStream(), long.MaxValue, 1024, TestContext.Current.CancellationToken);
                }
            }
        }

        var buffer = (byte[])typeof(AttachmentTextScanner).GetField("_buffer", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(scanner)!;
        var markup = (byte[])typeof(AttachmentTextScanner).GetField("_markup", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(scanner)!;
        Assert.Equal(1, scanner.TextsRead);
        Assert.True(buffer.AsSpan().IndexOf("AttachmentFile"u8) >= 0);
        Assert.True(markup.AsSpan().IndexOf("a comment"u8) >= 0);

        scanner.Dispose();

        Assert.True(buffer.AsSpan().IndexOfAnyExcept((byte)0) < 0);
        Assert.True(markup.AsSpan().IndexOfAnyExcept((byte)0) < 0);
    }

    [Fact]
    public async Task A_stalled_body_is_cancelled_on_the_scanned_path()
    {
        var bytes = Encoding.UTF8.GetBytes(Envelope(Element(B64(20_000)), 20_000));
        using var cts = new CancellationTokenSource();
        var stalling = new TinyReadStream(bytes, 7, 1) { StallAfter = bytes.Length / 2, Cancellation = cts };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SoapResponseReader.ReadDownloadAsync(stalling, new MemoryStream(), StubHandler.Options(), scan: true, cts.Token));
    }

    private static IEnumerable<(int MaxRead, int Seed)> Splits()
    {
        yield return (0, 0);
        yield return (1, 0);
        for (int seed = 1; seed <= 3; seed++)
        {
            yield return (7, seed);
        }

        yield return (4096, 5);
    }

    private static async Task<Outcome> ReadAsync(byte[] envelope, bool scan, int maxRead, int seed)
    {
        Stream body = maxRead == 0 ? new MemoryStream(envelope) : new TinyReadStream(envelope, maxRead, seed);
        var sink = new MemoryStream();
        try
        {
            var (r, scanned) = await SoapResponseReader.ReadDownloadAsync(body, sink, StubHandler.Options(), scan, TestContext.Current.CancellationToken);
            return new Outcome(null, Convert.ToHexString(sink.ToArray()), r.Length, r.ComputedHash, r.FileHash, r.FileName, r.Success, r.ErrorCode, r.AttachmentId, string.Join(",", r.AdditionalElements.Select(e => e.Key + "=" + e.Value)), scanned);
        }
        catch (Exception ex) when (ex is XmlException or SoapFaultException or InvalidOperationException or ArgumentException)
        {
            return new Outcome(ex.GetType().Name, null, 0, null, null, null, false, 0, default, null, false);
        }
    }

    private static string[] Chunks(string text, int size) =>
        Enumerable.Range(0, (text.Length + size - 1) / size).Select(i => text.Substring(i * size, Math.Min(size, text.Length - (i * size)))).ToArray();

    private sealed record Outcome(string? Error, string? Written, long Length, string? Hash, string? FileHash, string? FileName, bool Success, int ErrorCode, Guid AttachmentId, string? Extra, bool Scanned);

    /// <summary>Returns 1 to <c>maxRead</c> bytes per read (seeded), optionally stalling until cancelled.</summary>
    private sealed class TinyReadStream(byte[] data, int maxRead, int seed) : Stream
    {
        private readonly Random _random = new(seed);
        private int _position;

        public int StallAfter { get; init; } = int.MaxValue;

        public CancellationTokenSource? Cancellation { get; init; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => Next(buffer.AsSpan(offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= StallAfter)
            {
                Cancellation?.CancelAfter(50);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            await Task.Yield();
            return Next(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Next(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(buffer.Length, _random.Next(1, maxRead + 1)), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }
}
