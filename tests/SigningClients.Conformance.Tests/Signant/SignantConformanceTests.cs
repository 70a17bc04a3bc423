using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NSubstitute;
using Signant.InstantSign;
using Signant.InstantSign.Models;
using SigningClients.Conformance.Tests.Support;
using SigningClients.Core;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Conformance.Tests.Signant;

/// <summary>
/// Signant's InstantSignatureService against the facts of its WCF family (FACTS.md: data-contract namespaces,
/// alphabetical members, Success/ErrorCode/Message, error 4008), not our simulator: SOAP fixtures fed to a real
/// <see cref="SignantClient"/> through a fake handler.
/// </summary>
public sealed class SignantConformanceTests
{
    private const string Provider = "Signant";
    private static readonly Guid PostingId = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RecordingHandler Handler(string fixture) =>
        new((_, _) => (HttpStatusCode.OK, RecordingHandler.Fixture(Provider, fixture), "text/xml; charset=utf-8"));

    private static SignantClient Client(RecordingHandler handler) => new(
        new SignantClientOptions
        {
            Endpoint = new Uri("https://test3.signant.no/WS/V1/InstantSignatureService.svc"),
            DistributorId = "distributor",
            AccessCode = "access-code",
            Retry = new RetryOptions { MaxRetries = 0 },
        },
        new HttpClient(handler));

    private static InstantPosting Posting(Stream file) => new()
    {
        Title = "Order terms",
        Recipients = new[] { new InstantPostingRecipient { Name = "Kari Nordmann" } },
        AttachmentToSign = new InstantAttachment { File = file, FileName = "terms.pdf" },
    };

    [Fact]
    public async Task Create_response_in_the_documented_form_parses()
    {
        var handler = Handler("create-instant-posting.response.xml");
        using var client = Client(handler);

        var result = await client.CreateInstantPostingAsync(Posting(new MemoryStream(TestPdf.Create())), Ct);

        Assert.Equal(PostingId, result.PostingId);
        Assert.Equal("https://test3.signant.no/sign/abc", Assert.Single(result.SignUrls).Url!.AbsoluteUri);
        var sent = Assert.Single(handler.Requests);
        Assert.StartsWith("text/xml", sent.ContentType, StringComparison.Ordinal);
        Assert.Contains("<CreateInstantPosting xmlns=\"http://tempuri.org/\">", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_with_a_newer_member_parses_and_keeps_it()
    {
        using var client = Client(Handler("get-posting-status.completed-partially.xml"));
        var status = await client.GetPostingStatusAsync(PostingId, Ct);
        Assert.Equal(PostingStatus.CompletedPartially, status.Status);
        Assert.Equal("kept", status.AdditionalElements["NewerMember"]);
    }

    [Fact]
    public async Task Error_4008_is_one_SigningApiException_with_the_code()
    {
        using var client = Client(Handler("get-posting-status.incorrect-posting-id.xml"));
        var e = await Assert.ThrowsAsync<SigningApiException>(() => client.GetPostingStatusAsync(PostingId, Ct));
        Assert.Equal("4008", e.ErrorCode);
    }

    [Fact]
    public async Task Non_PDF_content_is_refused_before_any_request_even_when_not_seekable()
    {
        var handler = Handler("create-instant-posting.response.xml");
        using var client = Client(handler);
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateInstantPostingAsync(Posting(new NonSeekableStream(new MemoryStream(Encoding.ASCII.GetBytes("hello")))), Ct));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_model_factory_result_can_be_returned_by_a_substitute()
    {
        var client = Substitute.For<ISignantClient>();
        client.CreateInstantPostingAsync(Arg.Any<InstantPosting>(), Arg.Any<System.Threading.CancellationToken>())
            .Returns(SignantModelFactory.CreateInstantPostingResult(PostingId, signUrls: new[] { SignantModelFactory.UrlToSigning("Kari", new Uri("https://test3.signant.no/sign/abc")) }));

        var result = await client.CreateInstantPostingAsync(Posting(new MemoryStream(TestPdf.Create())), Ct);

        Assert.Equal(PostingId, result.PostingId);
        Assert.Equal("Kari", result.SignUrls.Single().Name);
    }
}
