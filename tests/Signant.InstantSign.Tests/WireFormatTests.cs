using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Signant.InstantSign.Models;
using SigningClients.TestSupport;
using Xunit;

namespace Signant.InstantSign.Tests;

public sealed class WireFormatTests
{
    private const string DataContractNs = "http://schemas.datacontract.org/2004/07/Signant.Common.Models";
    private static readonly Guid PostingId = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    private static readonly Guid AttachmentId = Guid.Parse("0b1e2d3c-4f5a-6b7c-8d9e-0f1a2b3c4d5e");

    internal static InstantPosting FullPosting(Stream file) => new()
    {
        Title = "Order terms",
        Description = "Terms for order 42",
        DistributorSystemId = "OrderTerms",
        UseWidget = true,
        AfterSignAction = AfterSignAction.Redirect,
        AfterSignRedirectUrl = new Uri("https://shop.example/signed"),
        AfterSignRedirectCaption = "Back to the shop",
        CancelUrl = new Uri("https://shop.example/cancelled"),
        Recipients = new[]
        {
            new InstantPostingRecipient { Name = "Kari Nordmann", Email = "kari@example.no", Ssn = "01017012345", MinimumAge = 18, MaximumAge = 99, DateOfBirthRequired = new DateTime(1970, 1, 1) },
            new InstantPostingRecipient { Name = "Ola Nordmann" },
        },
        AttachmentToSign = new InstantAttachment { File = file, FileName = "terms.pdf", Description = "The terms", CancelUrl = new Uri("https://shop.example/cancel-file") },
    };

    [Fact]
    public async Task CreateInstantPosting_envelope_matches_snapshot_with_members_in_alphabetical_order()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Create);
        var client = stub.CreateClient();
        using var pdf = new MemoryStream(TestPdf.Create("snapshot"));

        await client.CreateInstantPostingAsync(FullPosting(pdf), TestContext.Current.CancellationToken);

        var (request, body) = Assert.Single(stub.Requests);
        Assert.Equal("\"http://tempuri.org/IInstantSignatureService/CreateInstantPosting\"", request.Headers.GetValues("SOAPAction").Single());
        Assert.Equal("text/xml", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", request.Content.Headers.ContentType.CharSet);
        Assert.Equal(StubHandler.Endpoint, request.RequestUri);
        Approvals.VerifyXml(body);
        AssertDataContractMembersSorted(body);
        var file = XDocument.Parse(body).Descendants(XName.Get("File", DataContractNs)).Single().Value;
        Assert.Equal(TestPdf.Create("snapshot"), Convert.FromBase64String(file));
    }

    [Fact]
    public async Task DateOfBirthRequired_sends_the_calendar_date_of_the_value_in_its_own_offset()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Create);
        var client = stub.CreateClient();
        using var pdf = new MemoryStream(TestPdf.Create("dob"));
        var posting = FullPosting(pdf);
        // 23:30 at UTC-05:00 is already the next day in UTC: the date of birth must stay 1970-01-01, time dropped.
        posting.Recipients[0].DateOfBirthRequired = new DateTimeOffset(1970, 1, 1, 23, 30, 0, TimeSpan.FromHours(-5));

        await client.CreateInstantPostingAsync(posting, TestContext.Current.CancellationToken);

        var (_, body) = Assert.Single(stub.Requests);
        Assert.Equal("1970-01-01T00:00:00", XDocument.Parse(body).Descendants(XName.Get("DateOfBirthRequired", DataContractNs)).Single().Value);
    }

    [Fact]
    public async Task GetPostingStatus_envelope_matches_snapshot()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Status("Sent"));
        var client = stub.CreateClient();

        await client.GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken);

        var (request, body) = Assert.Single(stub.Requests);
        Assert.Equal("\"http://tempuri.org/IInstantSignatureService/GetPostingStatus\"", request.Headers.GetValues("SOAPAction").Single());
        Approvals.VerifyXml(body);
    }

    [Fact]
    public async Task Small_envelopes_escape_the_credentials_they_carry()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Status("Sent"));
        stub.Respond(Responses.Download(TestPdf.Create("signed")));
        const string Distributor = "Shop & Co <\"north\"> 'a'\r";
        const string Code = "p<&>'\"x";
        var client = stub.CreateClient(StubHandler.Options(distributor: Distributor, accessCode: Code));

        await client.GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken);
        await client.DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken);

        const string ServiceNs = "http://tempuri.org/";
        foreach (var (_, body) in stub.Requests)
        {
            var document = XDocument.Parse(body, LoadOptions.PreserveWhitespace);
            Assert.Equal(Distributor, document.Descendants(XName.Get("DistributorID", ServiceNs)).Single().Value);
            Assert.Equal(Code, document.Descendants(XName.Get("AccessCode", ServiceNs)).Single().Value);
            Assert.Equal(PostingId, Guid.Parse(document.Descendants(XName.Get("PostingID", ServiceNs)).Single().Value));
        }
    }

    [Theory]
    [InlineData("\u0001")]
    [InlineData("\uFFFE")]
    public void Credentials_that_XML_cannot_carry_are_rejected_when_the_client_is_built(string bad)
    {
        var stub = new StubHandler();
        var distributor = Assert.Throws<ArgumentException>(() => stub.CreateClient(StubHandler.Options(distributor: "shop" + bad)));
        Assert.Equal("DistributorId", distributor.ParamName);
        var code = Assert.Throws<ArgumentException>(() => stub.CreateClient(StubHandler.Options(accessCode: "secret-" + bad)));
        Assert.Equal("AccessCode", code.ParamName);
        Assert.DoesNotContain("secret-", code.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task DownloadInstantAttachment_envelope_matches_snapshot()
    {
        var stub = new StubHandler();
        var content = TestPdf.Create("signed");
        stub.Respond(Responses.Download(content));
        var client = stub.CreateClient();

        await client.DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken);

        var (request, body) = Assert.Single(stub.Requests);
        Assert.Equal("\"http://tempuri.org/IInstantSignatureService/DownloadInstantAttachment\"", request.Headers.GetValues("SOAPAction").Single());
        Approvals.VerifyXml(body);
    }

    [Fact]
    public async Task Namespaces_and_contract_are_options()
    {
        var stub = new StubHandler();
        stub.Respond(Responses.Status("Sent"));
        var options = StubHandler.Options();
        options.ServiceNamespace = "urn:signant:";
        options.ContractName = "IInstantSignature";
        var client = stub.CreateClient(options);

        await client.GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken);

        var (request, body) = Assert.Single(stub.Requests);
        Assert.Equal("\"urn:signant:IInstantSignature/GetPostingStatus\"", request.Headers.GetValues("SOAPAction").Single());
        Assert.NotNull(XDocument.Parse(body).Descendants(XName.Get("GetPostingStatus", "urn:signant:")).SingleOrDefault());
    }

    [Fact]
    public async Task Small_envelopes_and_SOAPAction_follow_options_changed_after_the_first_call()
    {
        // The fixed parts of the small envelopes and the quoted SOAPAction are kept between calls: a change of the
        // options must still reach the next request, not the values of the first one.
        var stub = new StubHandler();
        stub.Respond(Responses.Status("Sent"));
        stub.Respond(Responses.Status("Sent"));
        stub.Respond(Responses.Download(TestPdf.Create("signed")));
        var options = StubHandler.Options();
        var client = stub.CreateClient(options);

        await client.GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken);
        options.DistributorId = "dist-0815";
        options.ServiceNamespace = "urn:signant:";
        options.ContractName = "IInstantSignature";
        await client.GetPostingStatusAsync(PostingId, TestContext.Current.CancellationToken);
        await client.DownloadInstantAttachmentAsync(PostingId, AttachmentId, new MemoryStream(), TestContext.Current.CancellationToken);

        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal("\"http://tempuri.org/IInstantSignatureService/GetPostingStatus\"", stub.Requests[0].Request.Headers.GetValues("SOAPAction").Single());
        Assert.Equal(StubHandler.Distributor, XDocument.Parse(stub.Requests[0].Body).Descendants(XName.Get("DistributorID", "http://tempuri.org/")).Single().Value);
        Assert.Equal("\"urn:signant:IInstantSignature/GetPostingStatus\"", stub.Requests[1].Request.Headers.GetValues("SOAPAction").Single());
        Assert.Equal("\"urn:signant:IInstantSignature/DownloadInstantAttachment\"", stub.Requests[2].Request.Headers.GetValues("SOAPAction").Single());
        foreach (var (_, body) in stub.Requests.Skip(1))
        {
            var document = XDocument.Parse(body);
            Assert.Equal("dist-0815", document.Descendants(XName.Get("DistributorID", "urn:signant:")).Single().Value);
            Assert.Equal(StubHandler.Secret, document.Descendants(XName.Get("AccessCode", "urn:signant:")).Single().Value);
            Assert.Equal(PostingId, Guid.Parse(document.Descendants(XName.Get("PostingID", "urn:signant:")).Single().Value));
        }

        Assert.Equal(AttachmentId, Guid.Parse(XDocument.Parse(stub.Requests[2].Body).Descendants(XName.Get("AttachmentID", "urn:signant:")).Single().Value));
    }

    private static void AssertDataContractMembersSorted(string xml)
    {
        var posting = XDocument.Parse(xml).Descendants(XName.Get("Posting", "http://tempuri.org/")).Single();
        int checkedElements = 0;
        foreach (var element in posting.DescendantsAndSelf().Where(e => e.Elements().Any() && e.Name.LocalName != "Recipients"))
        {
            var names = element.Elements().Select(e => e.Name.LocalName).ToArray();
            Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
            Assert.All(element.Elements(), e => Assert.Equal(DataContractNs, e.Name.NamespaceName));
            checkedElements++;
        }

        Assert.Equal(4, checkedElements); // Posting, AttachmentToSign, two recipients
    }
}
