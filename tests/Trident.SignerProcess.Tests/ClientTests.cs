using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.TestSupport;
using Trident.SignerProcess.Callbacks;
using Trident.SignerProcess.Models;
using Xunit;

namespace Trident.SignerProcess.Tests;

public sealed class ClientTests
{
    [Fact]
    public async Task Invalid_arguments_throw_before_any_request()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync();
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
    public async Task Ids_are_escaped_into_one_path_segment()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync();
        await Assert.ThrowsAsync<SigningApiException>(() => h.Client.GetDocumentAsync("../signer_processes/x", ct));
        Assert.Contains(h.Simulator.Journal.Entries, e => e.RawTarget.EndsWith("/documents/..%2Fsigner_processes%2Fx", StringComparison.Ordinal));
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

    [Fact]
    public async Task Secrets_never_reach_logs_or_exceptions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync();
        h.Logs.MinimumLevel = Microsoft.Extensions.Logging.LogLevel.Trace;
        var process = await h.CreateAsync(cancellationToken: ct);
        await h.Client.GetSignerProcessResultAsync(process.Id, ct);
        var errors = new List<string>();
        try
        {
            await h.Client.GetSignerProcessResultAsync("sp-unknown", ct);
        }
        catch (SigningApiException ex)
        {
            errors.Add(ex.ToString());
        }

        try
        {
            await h.Client.GetDocumentAsync("doc-unknown", ct);
        }
        catch (SigningApiException ex)
        {
            errors.Add(ex.ToString());
            errors.Add(ex.BodyExcerpt ?? string.Empty);
        }

        var tokens = h.Simulator.Journal.Entries.Select(e => e.GetHeader("Authorization")).Where(a => a is not null && a.StartsWith("Bearer ", StringComparison.Ordinal)).Select(a => a!.Substring(7)).Distinct().ToArray();
        Assert.Single(tokens);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(h.Simulator.ClientId + ":" + h.Simulator.ClientSecret));
        Assert.NotEmpty(h.Logs.Lines);
        Assert.Equal(2, errors.Count(e => e.Contains("Trident", StringComparison.Ordinal)));
        SecretScanner.AssertNoSecrets(h.AllText(errors.Append(h.Client.ToString()).Append(h.Options.ToString())), h.Simulator.ClientSecret, basic, tokens[0]);
    }
}
