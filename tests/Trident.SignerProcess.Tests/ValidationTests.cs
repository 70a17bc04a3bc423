using System;
using System.IO;
using System.Threading.Tasks;
using SigningClients.TestSupport;
using Trident.SignerProcess.Callbacks;
using Xunit;

namespace Trident.SignerProcess.Tests;

/// <summary>Bad input and bad options fail with an ArgumentException before any request.</summary>
public sealed class ValidationTests
{
    [Fact]
    public async Task Invalid_arguments_throw_before_any_request()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var c = h.Client;
        var pdf = new MemoryStream(TestPdf.Create());

        await Assert.ThrowsAsync<ArgumentNullException>(() => c.CreateSignerProcessAsync(null!, pdf, "a.pdf", ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => c.CreateSignerProcessAsync(TridentHarness.Definition(), null!, "a.pdf", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => c.CreateSignerProcessAsync(TridentHarness.Definition(), pdf, " ", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => c.CreateSignerProcessAsync(TridentHarness.Definition(new Uri("/relative", UriKind.Relative)), pdf, "a.pdf", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => c.CreateSignerProcessAsync(TridentHarness.Definition(new Uri("ftp://x.example/cb")), pdf, "a.pdf", ct));
        var unreadable = new MemoryStream();
        unreadable.Dispose();
        await Assert.ThrowsAsync<ArgumentException>(() => c.CreateSignerProcessAsync(TridentHarness.Definition(), unreadable, "a.pdf", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => c.GetSignerProcessAsync("", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => c.GetSignerProcessResultAsync(" ", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => c.WaitForResultAsync("", null, ct));
        Assert.Throws<ArgumentException>(() => c.ListDocumentsAsync("", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => c.GetDocumentAsync("", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => c.DownloadDocumentContentAsync(null!, ct));
        await Assert.ThrowsAsync<ArgumentException>(() => c.DeleteDocumentAsync("", ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => c.ConfirmCallbackAsync(null!, "sp-1", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => c.ConfirmCallbackAsync(SignerProcessCallback.FromValues("finished", "sp-1"), "", ct));

        Assert.Equal(0, h.Simulator.Journal.Count);
    }

    [Fact]
    public void Options_are_validated_and_never_print_the_secret()
    {
        var options = new TridentClientOptions { Endpoint = new Uri("https://trident.example.com"), ClientId = "c", ClientSecret = "s3cr3t-value-123" };
        options.Validate();
        Assert.DoesNotContain("s3cr3t", options.ToString(), StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => new TridentClient(new TridentClientOptions { Endpoint = new Uri("https://t.example"), ClientSecret = "x" }));
        Assert.Throws<ArgumentException>(() => new TridentClient(new TridentClientOptions { Endpoint = new Uri("https://t.example"), ClientId = "x" }));
        Assert.Throws<ArgumentException>(() => new TridentClient(new TridentClientOptions { Endpoint = new Uri("http://t.example"), ClientId = "x", ClientSecret = "y" }));
        Assert.Throws<ArgumentException>(() => new TridentClient(new TridentClientOptions { Endpoint = new Uri("https://t.example"), ClientId = "x", ClientSecret = "y", TokenEndpoint = new Uri("http://idp.example/token") }));
    }
}
