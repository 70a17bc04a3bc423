using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ConsignO.Workflows.Models;
using SigningClients.TestSupport;
using Xunit;

namespace ConsignO.Workflows.Tests;

public sealed class WireFormatTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_wire_form()
    {
        await using var harness = await ConsignOHarness.StartAsync(s => { s.Tenant = "acme"; s.Username = "api-user@acme.example"; s.Password = "test-password-123"; }, cancellationToken: TestContext.Current.CancellationToken);

        await harness.Client.LoginAsync(Ct);

        var login = Assert.Single(harness.Simulator.Journal.Entries);
        Assert.Equal("POST", login.Method);
        Assert.Equal("/api/v1/auth/login", login.Path);
        Assert.StartsWith("application/json", login.ContentType, StringComparison.Ordinal);
        Assert.Null(login.GetHeader("X-Auth-Token"));
        Approvals.VerifyJson(login.BodyText);
    }

    [Fact]
    public async Task Upload_wire_form()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% tiny test document\n%%EOF\n");

        await harness.Client.UploadDocumentAsync(new MemoryStream(pdf), "contract.pdf", new UploadDocumentOptions { ConvertToPdfA = true }, Ct);

        var upload = harness.Simulator.Journal.Entries[^1];
        Assert.Equal("/api/v1/documents", upload.Path);
        Assert.StartsWith("multipart/form-data", upload.ContentType, StringComparison.Ordinal);
        Assert.NotNull(upload.GetHeader("X-Auth-Token"));
        var boundary = Regex.Match(upload.ContentType!, "boundary=\"?([^\";]+)").Groups[1].Value;
        Approvals.VerifyText(upload.BodyText.Replace(boundary, "BOUNDARY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_workflow_wire_form()
    {
        await using var harness = await ConsignOHarness.StartAsync(configureSimulator: s => s.Tenant = "acme", cancellationToken: TestContext.Current.CancellationToken); // embedded signing needs an own tenant
        var documentId = await harness.Client.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), "contract.pdf", cancellationToken: Ct);
        var request = new WorkflowBuilder("Lease 2024-17")
            .ExpiresOn(new DateTime(2024, 12, 31, 15, 30, 0, DateTimeKind.Utc))
            .WithPdfaPolicy(PdfaPolicy.Preferred)
            .ReturnTo(new Uri("https://app.example.com/workflows/returned"))
            .WithOwnerEmails(false)
            .AddWebhook(new Uri("https://app.example.com/hooks/consigno"))
            .AddDocument(documentId, d => d
                .AddZone("tenant", page: 1, x: 72, y: 650)
                .AddAnchor("landlord", "[sig-landlord]", xOffset: 0, yOffset: -20, pages: "2", skipIfNotFound: true))
            .AddRemoteSigner("tenant", new SignerDefinition
            {
                Type = SignerType.Esig,
                FirstName = "Ann",
                LastName = "Lee",
                Email = "ann@example.com",
                Phone = "+15145550100",
                Lang = SignerLanguage.French,
                Amr = new[] { AuthenticationMethod.Link, AuthenticationMethod.Sms },
            }, step: 1, zoneLabel: "Tenant")
            .AddEmbeddedSigner("landlord", new SignerDefinition
            {
                Type = SignerType.Esig,
                FirstName = "Bob",
                LastName = "Roy",
                Email = "bob@example.com",
                ClientUserId = "crm-42",
                Amr = new[] { AuthenticationMethod.Link },
            }, new Uri("https://app.example.com/signed"), step: 2)
            .NotifyOnCompletion(new ContactDefinition { FirstName = "Carl", LastName = "Notary", Email = "carl@example.com", Amr = new[] { AuthenticationMethod.Link } })
            .LaunchOnCreate()
            .Build();

        await harness.Client.CreateWorkflowAsync(request, Ct);

        var create = harness.Simulator.Journal.Entries[^1];
        Assert.Equal("/api/v1/workflows", create.Path);
        Approvals.VerifyJson(create.BodyText, scrub: json => json.Replace(documentId, "DOCUMENT-ID", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExpiresOn_sends_the_calendar_date_of_the_value_in_its_own_offset()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var documentId = await harness.Client.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), "contract.pdf", cancellationToken: Ct);
        // 23:30 at UTC-05:00 is already 2025-01-01 in UTC: the expiry date sent is the value's own date, 2024-12-31.
        var request = new WorkflowBuilder("Lease")
            .ExpiresOn(new DateTimeOffset(2024, 12, 31, 23, 30, 0, TimeSpan.FromHours(-5)))
            .AddDocument(documentId, d => d.AddZone("tenant", page: 1, x: 72, y: 650))
            .AddRemoteSigner("tenant", new SignerDefinition { Type = SignerType.Esig, FirstName = "Ann", LastName = "Lee", Email = "ann@example.com", Amr = new[] { AuthenticationMethod.Link } }, step: 1)
            .Build();
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 0, 0, 0, TimeSpan.FromHours(-5)), request.ExpiresOn);

        await harness.Client.CreateWorkflowAsync(request, Ct);

        using var body = System.Text.Json.JsonDocument.Parse(harness.Simulator.Journal.Entries[^1].BodyText!);
        Assert.Equal("2024-12-31", body.RootElement.GetProperty("expiresOn").GetString());
    }
}
