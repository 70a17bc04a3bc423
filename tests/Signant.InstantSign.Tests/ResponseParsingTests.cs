using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Signant.InstantSign.Models;
using SigningClients.Core;
using SigningClients.TestSupport;
using Xunit;

namespace Signant.InstantSign.Tests;

public sealed class ResponseParsingTests
{
    private static readonly Guid PostingId = Guid.Parse(Responses.PostingId);
    private static readonly Guid AttachmentId = Guid.Parse(Responses.AttachmentId);

    [Fact]
    public async Task Create_response_is_parsed_with_sign_urls()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Create);
        using var pdf = new MemoryStream(TestPdf.Create());

        var result = await stub.CreateClient().CreateInstantPostingAsync(WireFormatTests.FullPosting(pdf), TestContext.Current.CancellationToken);

        Assert.True(result.Success);
        Assert.Equal(PostingId, result.PostingId);
        Assert.Equal(AttachmentId, result.AttachmentId);
        Assert.Equal(new[] { "Kari Nordmann", "Ola Nordmann" }, result.SignUrls.Select(u => u.Name));
        Assert.Equal(new Uri("https://test3.signant.no/sign/def"), result.SignUrls[1].Url);
    }

    [Fact]
    public async Task Status_response_is_parsed_with_all_counters_and_dates()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Status("CompletedPartially"));

        var s = await stub.CreateClient().GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken);

        Assert.Equal(PostingStatus.CompletedPartially, s.Status);
        Assert.Equal(PostingType.InstantSign, s.PostingType);
        Assert.Equal(PostingId, s.PostingId);
        Assert.True(s.Activated);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 15, 0, TimeSpan.Zero), s.ActiveTo);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), s.CreatedDateTime);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 30, TimeSpan.Zero), s.LastModifiedDateTime);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 15, 0, TimeSpan.Zero), s.WillBeDeletedDateTime);
        Assert.Null(s.CompletedDateTime);
        Assert.Null(s.LastReminderDateTime);
        Assert.Equal(1, s.SignatureCount);
        Assert.Equal(2, s.ToBeSignedCount);
        Assert.Equal(1, s.TotalDocsToSign);
        Assert.Equal("Order terms", s.Title);
        Assert.Equal("Terms", s.Description);
        Assert.Equal("no", s.DefaultLanguage);
    }

    [Fact]
    public async Task Status_members_are_read_in_any_order_and_unknown_ones_are_kept()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Wrap("GetPostingStatus",
            "<a:Success>true</a:Success><a:NewField>42</a:NewField><a:Status>Archived</a:Status><a:Nested><a:X>1</a:X></a:Nested><a:PostingID>" + Responses.PostingId + "</a:PostingID><a:Activated>true</a:Activated>"));

        var s = await stub.CreateClient().GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken);

        Assert.Equal("Archived", s.Status.Value);
        Assert.Equal(PostingId, s.PostingId);
        Assert.True(s.Activated);
        Assert.Equal("42", s.AdditionalElements["NewField"]);
        Assert.False(s.AdditionalElements.ContainsKey("Nested"));
    }

    [Fact]
    public async Task Status_answers_read_one_after_another_carry_nothing_over_and_text_is_read_whole()
    {
        // Small answers are parsed with reader settings (and a name table) reused per thread; more distinct names
        // than a kept table may hold make it be dropped and replaced midway. Every answer must still read alone.
        for (int i = 0; i < 600; i++)
        {
            var stub = new StubHandler();
            stub.Respond(Responses.Wrap("GetPostingStatus",
                "<a:Success>true</a:Success><a:Extra" + i + ">v" + i + "</a:Extra" + i + "><a:Title>Order &amp; <![CDATA[<terms>]]> " + i + "</a:Title><a:Status>Sent</a:Status>" +
                "<a:TotalDocsSigned>" + i + "</a:TotalDocsSigned><a:PostingID>" + Responses.PostingId + "</a:PostingID>"));

            var s = await stub.CreateClient().GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken);

            Assert.Equal(PostingId, s.PostingId);
            Assert.Equal(PostingStatus.Sent, s.Status);
            Assert.Equal(i, s.TotalDocsSigned);
            Assert.Equal("Order & <terms> " + i, s.Title);
            Assert.Equal(new[] { "Extra" + i }, s.AdditionalElements.Keys.ToArray());
            Assert.Equal("v" + i, s.AdditionalElements["Extra" + i]);
        }
    }

    [Fact]
    public async Task Counters_dates_ids_and_flags_are_read_through_white_space_CDATA_and_character_references()
    {
        // Short values are parsed from characters (not strings): every way XML can spell the same text must still work,
        // including white space longer than the value buffer around a value.
        string padding = new(' ', 300);
        var stub = new StubHandler();
        stub.Respond(Responses.Wrap("GetPostingStatus",
            "<a:Success>\n true \n</a:Success><a:TotalDocsSigned>\n   7\t</a:TotalDocsSigned><a:SignatureCount><![CDATA[3]]></a:SignatureCount>" +
            "<a:ToBeSignedCount>&#x31;<![CDATA[2]]></a:ToBeSignedCount><a:TotalDocsRead>" + padding + "-4" + padding + "</a:TotalDocsRead>" +
            "<a:TotalDocsToRead></a:TotalDocsToRead><a:TotalDocsToUpload>  </a:TotalDocsToUpload><a:ErrorCode i:nil=\"true\"/>" +
            "<a:Activated>1</a:Activated><a:ActiveTo>" + padding + "2024-05-01T10:15:00Z" + padding + "</a:ActiveTo><a:CreatedDateTime>2024-05-01</a:CreatedDateTime>" +
            "<a:LastModifiedDateTime>   </a:LastModifiedDateTime><a:PostingID> <![CDATA[" + Responses.PostingId.Substring(0, 10) + "]]>" + Responses.PostingId.Substring(10) + " </a:PostingID>"));

        var s = await stub.CreateClient().GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken);

        Assert.True(s.Success);
        Assert.Equal(7, s.TotalDocsSigned);
        Assert.Equal(3, s.SignatureCount);
        Assert.Equal(12, s.ToBeSignedCount);
        Assert.Equal(-4, s.TotalDocsRead);
        Assert.Equal(0, s.TotalDocsToRead);
        Assert.Equal(0, s.TotalDocsToUpload);
        Assert.Equal(0, s.ErrorCode);
        Assert.True(s.Activated);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 15, 0, TimeSpan.Zero), s.ActiveTo);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), s.CreatedDateTime);
        Assert.Null(s.LastModifiedDateTime);
        Assert.Equal(PostingId, s.PostingId);
    }

    [Theory]
    [InlineData("<a:TotalDocsSigned>1 2</a:TotalDocsSigned>", "'1 2' is not an integer")]
    [InlineData("<a:TotalDocsSigned>99999999999</a:TotalDocsSigned>", "'99999999999' is not an integer")]
    [InlineData("<a:TotalDocsSigned>1<a:X>2</a:X></a:TotalDocsSigned>", "must hold text")]
    [InlineData("<a:Activated>yes</a:Activated>", "'yes' is not a boolean")]
    [InlineData("<a:ActiveTo>soon</a:ActiveTo>", "'soon' is not a date")]
    [InlineData("<a:PostingID>6f9619ff</a:PostingID>", "'6f9619ff' is not a GUID")]
    [InlineData("<a:TotalDocsSigned>LONG</a:TotalDocsSigned>", "...' is not an integer")]
    [InlineData("<a:TotalDocsSigned>1PAD2</a:TotalDocsSigned>", "...' is not an integer")]
    public async Task Invalid_counters_dates_ids_and_flags_are_invalid_responses(string member, string expected)
    {
        // LONG: a value longer than any valid one; 1PAD2: a digit after white space that runs past the value buffer.
        member = member.Replace("LONG", new string('9', 250), StringComparison.Ordinal).Replace("PAD", new string(' ', 250), StringComparison.Ordinal);
        var stub = new StubHandler();
        stub.Respond(Responses.Wrap("GetPostingStatus", "<a:Success>true</a:Success>" + member));

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient().GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_counter_longer_than_the_element_limit_is_refused_even_when_it_is_white_space()
    {
        var options = StubHandler.Options();
        options.MaxElementLength = 1024;
        var stub = new StubHandler();
        stub.Respond(Responses.Wrap("GetPostingStatus", "<a:Success>true</a:Success><a:TotalDocsSigned>" + new string(' ', 1200) + "1</a:TotalDocsSigned>"));

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient(options).GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("longer than the limit of 1024 characters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_response_is_decoded_into_the_stream_and_hash_verified()
    {
        var file = TestPdf.Create("signed document");
        var stub = new StubHandler();
        stub.Respond(Responses.Download(file, Responses.Md5Hex(file).ToUpperInvariant()));
        var destination = new MemoryStream();

        var result = await stub.CreateClient().DownloadInstantAttachmentAsync(PostingId, AttachmentId, destination, TestContext.Current.CancellationToken);

        Assert.Equal(file, destination.ToArray());
        Assert.True(result.HashVerified);
        Assert.Equal(file.Length, result.Length);
        Assert.Equal("terms.pdf", result.FileName);
        Assert.Equal("The terms", result.Description);
        Assert.Equal(AttachmentId, result.AttachmentId);
    }

    [Fact]
    public async Task Base64_FileHash_is_accepted()
    {
        var file = TestPdf.Create("b64");
        var stub = new StubHandler();
        stub.Respond(Responses.Download(file, Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(file))));

        var result = await stub.CreateClient().DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken);

        Assert.True(result.HashVerified);
    }

    [Fact]
    public async Task Corrupted_hash_is_an_integrity_failure()
    {
        var file = TestPdf.Create("signed");
        var stub = new StubHandler();
        stub.Respond(Responses.Download(file, new string('0', 32)));

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient().DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.IntegrityFailure, ex.Kind);
        Assert.Equal("DownloadInstantAttachment", ex.Operation);
        Assert.Contains("discard", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_hash_is_an_integrity_failure_unless_allowed()
    {
        var file = TestPdf.Create("signed");
        var body = Responses.Wrap("DownloadInstantAttachment", "<a:AttachmentFile>" + Convert.ToBase64String(file) + "</a:AttachmentFile><a:Success>true</a:Success>");
        var stub = new StubHandler();
        stub.Respond(body);
        stub.Respond(body);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient().DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken));
        Assert.Equal(SigningFailureKind.IntegrityFailure, ex.Kind);

        var options = StubHandler.Options();
        options.RequireFileHash = false;
        var result = await stub.CreateClient(options).DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken);
        Assert.False(result.HashVerified);
    }

    [Theory]
    [InlineData("CreateInstantPosting")]
    [InlineData("GetPostingStatus")]
    [InlineData("DownloadInstantAttachment")]
    public async Task Success_false_becomes_a_provider_error_with_code_and_message(string operation)
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Failure(operation, 4002, "Title is required"));
        var client = stub.CreateClient();
        using var pdf = new MemoryStream(TestPdf.Create());

        Task call = operation switch
        {
            "CreateInstantPosting" => client.CreateInstantPostingAsync(WireFormatTests.FullPosting(pdf), TestContext.Current.CancellationToken),
            "GetPostingStatus" => client.GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken),
            _ => client.DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken),
        };
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => call);

        Assert.Equal(SigningFailureKind.ProviderError, ex.Kind);
        Assert.Equal("4002", ex.ErrorCode);
        Assert.Equal("Title is required", ex.ProviderMessage);
        Assert.Equal(operation, ex.Operation);
        Assert.Equal("Signant", ex.Provider);
        Assert.False(ex.IsPostingGone());
    }

    [Fact]
    public async Task Error_4008_is_the_distinct_posting_expired_condition()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Failure("GetPostingStatus", 4008, "Incorrect postingID"));

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient().GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken));

        Assert.True(ex.IsPostingGone());
        Assert.Equal(SignantErrors.PostingExpiredOrNotFound, ex.ErrorCode);
    }

    [Fact]
    public async Task Soap_fault_with_http_500_is_parsed()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Fault, HttpStatusCode.InternalServerError);
        stub.Respond(Responses.Fault, HttpStatusCode.InternalServerError);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient().GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken));

        Assert.Equal(500, ex.Status);
        Assert.Equal(SigningFailureKind.HttpError, ex.Kind);
        Assert.Equal("a:ActionNotSupported", ex.ErrorCode);
        Assert.Equal("The message with Action 'x' cannot be processed at the receiver.", ex.ProviderMessage);
    }

    [Fact]
    public async Task Soap_fault_in_a_200_answer_is_a_provider_error()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Fault);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient().DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.ProviderError, ex.Kind);
        Assert.Equal("a:ActionNotSupported", ex.ErrorCode);
    }

    [Theory]
    [InlineData("billion-laughs")]
    [InlineData("xxe")]
    public async Task Dtd_bearing_responses_are_rejected_quickly(string kind)
    {
        var body = kind == "xxe" ? Responses.Xxe : Responses.BillionLaughs;
        var stub = new StubHandler();
        stub.Respond(body);
        stub.Respond(body);
        var client = stub.CreateClient();
        var watch = Stopwatch.StartNew();

        var status = await Assert.ThrowsAsync<SigningApiException>(() => client.GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken));
        var download = await Assert.ThrowsAsync<SigningApiException>(() => client.DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken));

        watch.Stop();
        Assert.Equal(SigningFailureKind.InvalidResponse, status.Kind);
        Assert.Equal(SigningFailureKind.InvalidResponse, download.Kind);
        Assert.Contains("DTD", status.ProviderMessage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("root:", status.Message, StringComparison.Ordinal);
        // An expanded billion-laughs document would take minutes and gigabytes; 10 s leaves room for a loaded machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "Rejection took " + watch.Elapsed);
    }

    [Fact]
    public async Task Dtd_in_a_fault_body_is_not_parsed()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.BillionLaughs.Replace("<a:Title>&lol9;</a:Title>", string.Empty, StringComparison.Ordinal), HttpStatusCode.InternalServerError);
        stub.Respond(Responses.BillionLaughs, HttpStatusCode.InternalServerError);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient().GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken));

        Assert.Equal(500, ex.Status);
        Assert.Null(ex.ErrorCode);
    }

    [Fact]
    public async Task Oversized_text_element_is_rejected()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Wrap("GetPostingStatus", "<a:Title>" + new string('x', 70_000) + "</a:Title><a:Success>true</a:Success>"));

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient().GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("limit", ex.ProviderMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_file_name_in_a_download_is_rejected()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Wrap("DownloadInstantAttachment", "<a:FileName>" + new string('x', 70_000) + "</a:FileName><a:Success>true</a:Success>"));

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient().DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task Non_soap_body_is_an_invalid_response()
    {
        var stub = new StubHandler();
        stub.Respond("<html><body>gateway</body></html>");

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => stub.CreateClient().GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.InvalidResponse, ex.Kind);
    }

    [Theory]
    [InlineData("GetPostingStatus")]
    [InlineData("CreateInstantPosting")]
    public async Task An_answer_over_the_response_limit_is_rejected_while_it_is_read(string operation)
    {
        // 64 MB of well-formed filler: the client must stop at the limit (64 K), not read or hold the whole body.
        var open = Responses.Wrap(operation, "|");
        var prefix = Encoding.UTF8.GetBytes(open[..open.IndexOf('|', StringComparison.Ordinal)]);
        var body = new CountingStream(new RepeatingStream(prefix, Encoding.UTF8.GetBytes("<a:Filler>xxxxxxxxxxxxxxxx</a:Filler>"), 64L * 1024 * 1024));
        var stub = new StubHandler();
        stub.Respond(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        var options = StubHandler.Options();
        options.MaxResponseCharacters = 64 * 1024;
        options.Retry.MaxRetries = 0;
        var client = stub.CreateClient(options);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => operation == "GetPostingStatus"
            ? client.GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken)
            : client.CreateInstantPostingAsync(WireFormatTests.FullPosting(new MemoryStream(TestPdf.Create("limit"))), TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("limit", ex.ProviderMessage, StringComparison.Ordinal);
        Assert.InRange(body.BytesRead, 64 * 1024, 1024 * 1024);
    }

    [Fact]
    public async Task A_status_answer_arriving_a_byte_at_a_time_is_read_whole()
    {
        var stub = new StubHandler();
        stub.Respond(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new TrickleStream(Encoding.UTF8.GetBytes(Responses.Status("Completed")))) });

        var status = await stub.CreateClient().GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken);

        Assert.Equal(PostingStatus.Completed, status.Status);
        Assert.Equal(PostingId, status.PostingId);
        Assert.Equal("Order terms", status.Title);
    }

    /// <summary>A prefix followed by a repeated filler, up to a total length; generated as it is read.</summary>
    private sealed class RepeatingStream(byte[] prefix, byte[] filler, long length) : ReadOnlyStream
    {
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _position < length)
            {
                buffer[offset + n++] = _position < prefix.Length ? prefix[_position] : filler[(_position - prefix.Length) % filler.Length];
                _position++;
            }

            return n;
        }
    }

    /// <summary>Hands out one byte per read, like a slow network.</summary>
    private sealed class TrickleStream(byte[] content) : ReadOnlyStream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= content.Length || count == 0)
            {
                return 0;
            }

            buffer[offset] = content[_position++];
            return 1;
        }
    }

    /// <summary>A forward-only, read-only stream: subclasses supply <see cref="Stream.Read(byte[], int, int)"/>.</summary>
    private abstract class ReadOnlyStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
