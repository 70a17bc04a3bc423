using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SigningClients.Core;
using SigningClients.Core.DependencyInjection;
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

    [Fact]
    public async Task DI_binds_a_configuration_section_and_named_clients()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trident:Endpoint"] = h.Simulator.BaseAddress.AbsoluteUri,
            ["Trident:AllowHttpOnLoopback"] = "true",
            ["Trident:ClientId"] = h.Simulator.ClientId,
            ["Trident:ClientSecret"] = h.Simulator.ClientSecret,
            ["Trident:AuthServer"] = "main-as",
            ["Trident:Polling:InitialInterval"] = "00:00:00.020",
        }).Build();
        var services = new ServiceCollection();
        services.AddTridentClient(configuration.GetSection("Trident"));
        services.AddTridentClient("tenant-b", o =>
        {
            o.Endpoint = h.Simulator.BaseAddress;
            o.AllowHttpOnLoopback = true;
            o.ClientId = h.Simulator.ClientId;
            o.ClientSecret = h.Simulator.ClientSecret;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ITridentClient>();
        var state = await client.GetSignerProcessResultAsync((await h.CreateAsync(cancellationToken: ct)).Id, ct);
        Assert.True(state.IsRunning);
        var named = provider.GetRequiredService<ISigningClientFactory<ITridentClient>>().GetClient("tenant-b");
        Assert.NotSame(client, named);
        Assert.True((await Assert.ThrowsAsync<SigningApiException>(() => named.GetSignerProcessResultAsync("nope", ct))).IsSignerProcessGone());
    }

    [Fact]
    public void DI_validates_options_at_resolution()
    {
        var services = new ServiceCollection();
        services.AddTridentClient(o => o.Endpoint = new Uri("https://t.example"));
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<ITridentClient>());
        Assert.Contains("ClientId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        await using var h = await TridentHarness.StartAsync();
        using var cts = new System.Threading.CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.GetSignerProcessAsync("sp-1", cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.WaitForResultAsync("sp-1", null, cts.Token));
    }
}
