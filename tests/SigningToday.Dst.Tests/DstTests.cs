using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.TestSupport;
using SigningClients.Testing;
using SigningToday.Dst.Models;
using Xunit;

namespace SigningToday.Dst.Tests;

public sealed class DstTests
{
    [Fact]
    public async Task Listing_10000_dsts_fetches_lazily_one_page_at_a_time()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        sim.SeedDsts(10_000);
        var client = harness.Client;
        var options = new DstListOptions { PageSize = 250, IncludeCount = true, OrderBy = SigningTodayOrder.Ascending("title") };

        int seen = 0;
        int pages = 0;
        int largestPage = 0;
        string? previous = null;
        await foreach (var page in client.Dsts.ListAsync(options, ct).AsPages())
        {
            pages++;
            largestPage = Math.Max(largestPage, page.Values.Count);
            Assert.Equal(10_000, page.TotalCount);

            // Lazy: when page N is in hand, exactly N list requests have been made.
            Assert.Equal(pages, sim.Journal.CountOf("GET", "/api/DSTs"));
            foreach (var dst in page.Values)
            {
                Assert.True(previous is null || string.CompareOrdinal(previous, dst.Title) < 0);
                previous = dst.Title;
                seen++;
            }
        }

        Assert.Equal(10_000, seen);
        Assert.Equal(40, pages);
        Assert.Equal(250, largestPage);
        var requests = sim.Journal.Entries.Where(e => e.Path == "/api/DSTs").ToList();
        Assert.All(requests, e => Assert.Contains("$top=250", e.QueryString, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => "$skip=" + (i * 250)), requests.Select(e => e.QueryString.Split('&').Single(p => p.StartsWith("$skip=", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Item_enumeration_stops_requesting_when_the_caller_stops()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        sim.SeedDsts(10_000);
        var client = harness.Client;
        int taken = 0;
        await foreach (var dst in client.Dsts.ListAsync(new DstListOptions { PageSize = 100 }, ct))
        {
            if (++taken == 150)
            {
                break;
            }
        }

        Assert.Equal(2, sim.Journal.CountOf("GET", "/api/DSTs"));
    }

    [Fact]
    public async Task Filter_and_template_selection_reach_the_server()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        sim.SeedDsts(5);
        var client = harness.Client;
        var found = await client.Dsts.ListAsync(new DstListOptions { Filter = SigningTodayFilter.Equal("title", "Seed 00003"), Template = false }, ct).ToListAsync(ct);
        Assert.Equal("Seed 00003", Assert.Single(found).Title);
        Assert.Contains("$filter=title%20%3D%3D%20%22Seed%2000003%22", sim.Journal.Entries[^1].QueryString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_surface_code_message_and_target()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var c = harness.Client;
        var draft = await c.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = "x" }, ct);
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => c.Dsts.NotifyAsync(draft.Id!, ct));
        Assert.Equal(409, ex.Status);
        Assert.Equal("ILLEGAL_STATUS", ex.ErrorCode);
        Assert.Equal("NotifyDst", ex.Operation);
        var missing = await Assert.ThrowsAsync<SigningApiException>(() => c.Dsts.GetAsync("nope", ct));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task Create_from_pdf_wait_and_download_signed_document()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var c = harness.Client;
        var pdf = TestPdf.Create("Contract");
        var dst = await c.Robots.CreateAndPublishFromPdfAsync(
            new MemoryStream(pdf),
            "contract.pdf",
            "Contract",
            new Signer { Name = "Adam", Surname = "Smith", Email = "adam@example.com" },
            new PdfDstOptions { ExtraData = SigningTodayExtraData.ForDst(emailDisabled: true, urlBack: new Uri("https://crm.example.com/done")) },
            ct);
        Assert.True(dst.IsEmailDisabled());
        Assert.NotNull(dst.GetSignatureTicketUrl());
        Assert.Equal(pdf, sim.GetResourceBytes(dst.Documents![0].PlainDocumentUuid!));
        var wait = c.Dsts.WaitForDstStatusAsync(dst.Id!, new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(20) }, ct);
        await Task.Delay(50, ct);
        Assert.False(wait.IsCompleted);
        sim.Sign(dst.Id!);
        var signed = await wait;
        Assert.Equal(DstStatus.Signed, signed.Status);
        await using var download = await c.Resources.DownloadAsync(signed.Documents![0].SignedDocumentUuid!, ct);
        var bytes = new MemoryStream();
        await download.CopyToAsync(bytes, ct);
        Assert.Equal(pdf, bytes.ToArray().Take(pdf.Length).ToArray());
    }

    [Fact]
    public void Webhook_parser_tells_notifications_apart()
    {
        // The vendor's form: dst is the DST id.
        var vendor = SigningTodayWebhooks.Parse("""{"status":"toSign","dst":"d1"}""");
        Assert.Equal(SigningTodayWebhookKind.DstStatusChanged, vendor.Kind);
        Assert.Equal("d1", vendor.DstStatusChanged!.DstId);
        Assert.Null(vendor.DstStatusChanged.Dst);

        // A whole DST object is read too.
        var dst = SigningTodayWebhooks.Parse("""{"status":"performed","dst":{"id":"d1","status":"signed"},"reason":null}""");
        Assert.Equal(SigningTodayWebhookKind.DstStatusChanged, dst.Kind);
        Assert.Equal(DstNotificationStatus.Performed, dst.DstStatusChanged!.Status);
        Assert.Equal("d1", dst.DstStatusChanged.DstId);
        Assert.Equal(DstStatus.Signed, dst.DstStatusChanged.Dst!.Status);
        var sig = SigningTodayWebhooks.Parse("""{"status":"declined","action":"sign","group":0,"dst":{"id":"d1"},"signer":{"email":"a@b.c"},"page":1,"extra":1}""");
        Assert.Equal(SigningTodayWebhookKind.SignatureStatusChanged, sig.Kind);
        Assert.Equal(SignatureNotificationStatus.Declined, sig.SignatureStatusChanged!.Status);
        Assert.Equal("a@b.c", sig.SignatureStatusChanged.SignerDetails!.Email);
        Assert.Equal("d1", sig.SignatureStatusChanged.DstId);
        Assert.True(sig.SignatureStatusChanged.AdditionalProperties!.ContainsKey("extra"));
        Assert.Throws<FormatException>(() => SigningTodayWebhooks.Parse("not json"));
    }
}
