using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Signant.InstantSign.Models;
using SigningClients.Core;
using SigningClients.TestSupport;
using Xunit;

namespace Signant.InstantSign.Tests;

/// <summary>
/// The AttachmentFile text in every form XML allows for base64 (the download decodes it in chunks itself): white space,
/// CDATA sections, character references, comments and processing instructions, namespace prefixes, padding, chunk
/// boundaries at every offset; and the malformed forms, which are typed invalid-response errors.
/// </summary>
public sealed class AttachmentTextTests
{
    private static readonly Guid PostingId = Guid.Parse(Responses.PostingId);
    private static readonly Guid AttachmentId = Guid.Parse(Responses.AttachmentId);

    private static byte[] File(int length)
    {
        var random = new Random(length);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Body(string attachmentElement, byte[] file) => Responses.Wrap("DownloadInstantAttachment",
        attachmentElement + "<a:FileHash>" + Responses.Md5Hex(file) + "</a:FileHash><a:FileName>terms.pdf</a:FileName><a:Success>true</a:Success>");

    private static async Task<(InstantAttachmentDownload Result, byte[] Written)> DownloadAsync(string body)
    {
        var stub = new StubHandler();
        stub.Respond(body);
        var sink = new MemoryStream();
        var result = await stub.CreateClient().DownloadInstantAttachmentAsync(PostingId, AttachmentId, sink, TestContext.Current.CancellationToken);
        return (result, sink.ToArray());
    }

    private static async Task<SigningApiException> DownloadFailsAsync(string body)
    {
        var stub = new StubHandler();
        stub.Respond(body);
        stub.Respond(body);
        return await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient().DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken));
    }

    public static TheoryData<string, int> Forms() => new()
    {
        { "plain", 1 }, { "plain", 2 }, { "plain", 3 }, { "plain", 24_575 }, { "plain", 24_576 }, { "plain", 24_577 }, { "plain", 49_153 }, { "plain", 200_003 },
        { "line-breaks", 100_000 }, { "crlf-every-76", 65_537 }, { "spaces-everywhere", 40_001 }, { "surrounding-white-space", 10 },
        { "cdata", 70_002 }, { "cdata-only", 5 }, { "character-references", 30_001 }, { "comments-and-pis", 50_000 },
        { "unpadded", 70_001 }, { "unpadded", 70_002 }, { "other-prefix", 1_000 }, { "default-namespace", 1_000 },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Every_XML_form_of_the_base64_text_decodes_to_the_file(string form, int length)
    {
        var file = File(length);
        string b64 = Convert.ToBase64String(file);
        string element = form switch
        {
            "plain" => "<a:AttachmentFile>" + b64 + "</a:AttachmentFile>",
            "line-breaks" => "<a:AttachmentFile>" + Convert.ToBase64String(file, Base64FormattingOptions.InsertLineBreaks) + "</a:AttachmentFile>",
            "crlf-every-76" => "<a:AttachmentFile>\r\n" + string.Join("\r\n", Chunks(b64, 76)) + "\r\n</a:AttachmentFile>",
            "spaces-everywhere" => "<a:AttachmentFile>" + string.Join(" \t", Chunks(b64, 3)) + "</a:AttachmentFile>",
            "surrounding-white-space" => "<a:AttachmentFile>\n\t  " + b64 + "  \n</a:AttachmentFile>",
            "cdata" => "<a:AttachmentFile>" + string.Concat(Chunks(b64, 9_999).Select((part, i) => i % 2 == 0 ? "<![CDATA[" + part + "]]>" : part)) + "</a:AttachmentFile>",
            "cdata-only" => "<a:AttachmentFile><![CDATA[" + b64 + "]]></a:AttachmentFile>",
            "character-references" => "<a:AttachmentFile>" + string.Concat(b64.Select((c, i) => i % 7 == 0 ? "&#" + (int)c + ";" : i % 11 == 0 ? "&#x" + ((int)c).ToString("X") + ";" : c.ToString())) + "&#10;</a:AttachmentFile>",
            "comments-and-pis" => "<a:AttachmentFile>" + string.Join("<!-- a comment -->", Chunks(b64, 12_345)).Insert(5, "<?pi data?>") + "</a:AttachmentFile>",
            "unpadded" => "<a:AttachmentFile>" + b64.TrimEnd('=') + "</a:AttachmentFile>",
            "other-prefix" => "<x:AttachmentFile xmlns:x=\"http://schemas.datacontract.org/2004/07/Signant.Common.Models\">" + b64 + "</x:AttachmentFile>",
            "default-namespace" => "<AttachmentFile xmlns=\"http://schemas.datacontract.org/2004/07/Signant.Common.Models\">" + b64 + "</AttachmentFile>",
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };

        var (result, written) = await DownloadAsync(Body(element, file));

        Assert.Equal(file, written);
        Assert.Equal(file.Length, result.Length);
        Assert.True(result.HashVerified);
    }

    [Theory]
    [InlineData("<a:AttachmentFile/>")]
    [InlineData("<a:AttachmentFile></a:AttachmentFile>")]
    [InlineData("<a:AttachmentFile> \r\n </a:AttachmentFile>")]
    [InlineData("<a:AttachmentFile><!-- nothing --></a:AttachmentFile>")]
    public async Task An_empty_attachment_is_an_empty_file(string element)
    {
        var (result, written) = await DownloadAsync(Body(element, Array.Empty<byte>()));

        Assert.Empty(written);
        Assert.Equal(0, result.Length);
        Assert.True(result.HashVerified);
    }

    [Theory]
    [InlineData("invalid-character")]
    [InlineData("non-ascii")]
    [InlineData("data-after-padding")]
    [InlineData("data-after-padding-across-chunks")]
    [InlineData("lone-final-character")]
    [InlineData("too-much-padding")]
    [InlineData("child-element")]
    public async Task Malformed_base64_text_is_an_invalid_response(string form)
    {
        var file = File(30_001);
        string b64 = Convert.ToBase64String(file);
        string text = form switch
        {
            "invalid-character" => b64.Insert(20_000, "*"),
            "non-ascii" => b64.Insert(100, "\u00e9"),
            "data-after-padding" => Convert.ToBase64String(new byte[] { 1 }) + b64,
            "data-after-padding-across-chunks" => Convert.ToBase64String(File(24_574)) + b64,
            "lone-final-character" => Convert.ToBase64String(File(30_000)) + "Q",
            "too-much-padding" => Convert.ToBase64String(File(30_000)) + "Q===",
            "child-element" => b64.Insert(4_000, "<a:Part>QUJD</a:Part>"),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };

        var ex = await DownloadFailsAsync(Body("<a:AttachmentFile>" + text + "</a:AttachmentFile>", file));

        Assert.Equal(SigningFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal("DownloadInstantAttachment", ex.Operation);
    }

    [Fact]
    public async Task The_size_limit_holds_for_the_decoded_bytes()
    {
        var file = File(100_000);
        var stub = new StubHandler();
        stub.Respond(Body("<a:AttachmentFile>" + Convert.ToBase64String(file) + "</a:AttachmentFile>", file));
        var options = StubHandler.Options();
        options.MaxAttachmentBytes = 99_999;

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient(options).DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("larger than the limit of 99999 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AQ==QUJD", 8)]
    [InlineData("AQ==QQ", 6)]
    [InlineData("AQ==Q", 5)]
    [InlineData("QUJDAQ==QUJD", 12)]
    public void Padding_followed_by_more_text_in_the_same_chunk_is_refused(string text, int count)
    {
        // Deterministic chunking (the reader's own chunk boundaries cannot be chosen from outside): the padded quantum
        // is the last complete one of the chunk and more text follows it.
        using var decoder = new Soap.Base64TextDecoder();
        text.CopyTo(0, decoder.Chars, 0, count);

        Assert.Throws<System.Xml.XmlException>(() => decoder.Decode(count));
    }

    [Fact]
    public void A_padded_quantum_at_the_end_of_a_chunk_is_kept_until_the_text_ends()
    {
        using var decoder = new Soap.Base64TextDecoder();
        "QUJDAQ==".CopyTo(0, decoder.Chars, 0, 8);

        Assert.Equal(3, decoder.Decode(8));
        Assert.Equal("ABC"u8.ToArray(), decoder.Output.AsSpan(0, 3).ToArray());
        Assert.Equal(1, decoder.Finish());
        Assert.Equal(1, decoder.Output[0]);
    }

    private static string[] Chunks(string text, int size) =>
        Enumerable.Range(0, (text.Length + size - 1) / size).Select(i => text.Substring(i * size, Math.Min(size, text.Length - (i * size)))).ToArray();
}
