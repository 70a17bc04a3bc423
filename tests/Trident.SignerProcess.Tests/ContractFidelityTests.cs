using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using SigningClients.TestSupport;
using Trident.SignerProcess.Models;
using Xunit;

namespace Trident.SignerProcess.Tests;

/// <summary>Issue 15: what TRIDENT would refuse is refused before any request.</summary>
public sealed class ContractFidelityTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_document_that_is_not_a_PDF_is_refused_before_any_request(bool seekable)
    {
        await using var h = await TridentHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var bytes = Encoding.ASCII.GetBytes("hello");
        Stream content = seekable ? new MemoryStream(bytes) : new NonSeekableStream(new MemoryStream(bytes));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => h.Client.CreateSignerProcessAsync(TridentHarness.Definition(), content, "hello.pdf", Ct));

        Assert.Equal("document", ex.ParamName);
        Assert.Equal(0, h.Simulator.Journal.Count);
    }

    [Fact]
    public async Task A_non_seekable_PDF_reaches_the_server_whole()
    {
        await using var h = await TridentHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var pdf = TestPdf.Create("Peeked");

        var process = await h.Client.CreateSignerProcessAsync(TridentHarness.Definition(), new NonSeekableStream(new MemoryStream(pdf)), "p.pdf", Ct);

        var journal = h.Simulator.Journal.Entries[^1].Body;
        Assert.True(journal.AsSpan().IndexOf(pdf) >= 0, "the multipart body does not contain the whole PDF");
        Assert.NotEmpty(process.Id);
    }

    [Theory]
    [InlineData(10, 10, 5, 50)]   // urx left of llx
    [InlineData(10, 10, 50, 10)]  // ury not above lly
    public async Task Inverted_corners_are_refused_before_any_request(double llx, double lly, double urx, double ury)
    {
        await using var h = await TridentHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var definition = TridentHarness.Definition();
        definition.Signer = new SignerProcessSigner { Parameters = new SignatureParameters { SignatureField = new SignatureField { Location = SignatureFieldLocation.FromCorners(1, llx, lly, urx, ury) } } };

        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.CreateSignerProcessAsync(definition, new MemoryStream(TestPdf.Create()), "a.pdf", Ct));
        Assert.Equal(0, h.Simulator.Journal.Count);
    }

    [Fact]
    public async Task A_timestamp_without_provider_is_refused_before_any_request()
    {
        await using var h = await TridentHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var definition = TridentHarness.Definition();
        definition.Timestamp = new TimestampSettings();

        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.CreateSignerProcessAsync(definition, new MemoryStream(TestPdf.Create()), "a.pdf", Ct));
        Assert.Equal(0, h.Simulator.Journal.Count);
    }
}
