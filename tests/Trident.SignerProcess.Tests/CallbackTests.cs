using System;
using System.Linq;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Testing.Trident;
using Trident.SignerProcess.Callbacks;
using Trident.SignerProcess.Models;
using Xunit;

namespace Trident.SignerProcess.Tests;

public sealed class CallbackTests
{
    [Theory]
    [InlineData("sign", SignerProcessCallbackStatus.Finished, "finished")]
    [InlineData("fail", SignerProcessCallbackStatus.Failed, "failed")]
    [InlineData("cancel", SignerProcessCallbackStatus.Canceled, "canceled")]
    public async Task Browser_redirect_callback_is_parsed_verified_and_confirmed(string action, SignerProcessCallbackStatus expected, string wireStatus)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var process = await h.CreateAsync(cancellationToken: ct);

        var location = await h.PlayBrowserAsync(process.GetExecutionUrl(), action, ct);

        Assert.Equal("https://app.example.com/trident/callback?session=abc&status=" + wireStatus + "&signer_process_id=" + process.Id, location.AbsoluteUri);
        var callback = SignerProcessCallback.ParseAndVerify(location, process.Id);
        Assert.Equal(expected, callback.Status);
        Assert.Equal(process.Id, callback.SignerProcessId);

        var result = await h.Client.ConfirmCallbackAsync(callback, process.Id, ct);
        Assert.Equal(new SignerProcessStatus(wireStatus), result.Status);
        Assert.Equal(wireStatus == "finished", result.Status.IsSigned);
    }

    [Fact]
    public async Task Callback_for_another_process_is_rejected_before_any_request()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var mine = await h.CreateAsync(cancellationToken: ct);
        var other = await h.CreateAsync(cancellationToken: ct);
        var location = await h.PlayBrowserAsync(other.GetExecutionUrl(), "sign", ct);
        var before = h.Simulator.Journal.Count;

        var callback = SignerProcessCallback.Parse(location);
        var ex = Assert.Throws<SignerProcessCallbackException>(() => callback.EnsureFor(mine.Id));
        Assert.Equal(SignerProcessCallbackError.ProcessMismatch, ex.Error);
        var confirm = await Assert.ThrowsAsync<SignerProcessCallbackException>(() => h.Client.ConfirmCallbackAsync(callback, mine.Id, ct));
        Assert.Equal(SignerProcessCallbackError.ProcessMismatch, confirm.Error);
        Assert.Equal(before, h.Simulator.Journal.Count);
    }

    [Fact]
    public async Task Forged_finished_callback_is_not_confirmed_while_running_or_after_cancel()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var process = await h.CreateAsync(cancellationToken: ct);
        var forged = SignerProcessCallback.Parse(new Uri("https://app.example.com/trident/callback?status=finished&signer_process_id=" + process.Id));

        var running = await Assert.ThrowsAsync<SignerProcessCallbackException>(() => h.Client.ConfirmCallbackAsync(forged, process.Id, ct));
        Assert.Equal(SignerProcessCallbackError.NotConfirmed, running.Error);

        h.Simulator.CompleteSigning(process.Id, TridentUserAction.Cancel);
        var mismatch = await Assert.ThrowsAsync<SignerProcessCallbackException>(() => h.Client.ConfirmCallbackAsync(forged, process.Id, ct));
        Assert.Equal(SignerProcessCallbackError.StatusMismatch, mismatch.Error);
        Assert.Contains("canceled", mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_for_a_deleted_process_surfaces_410()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var process = await h.CreateAsync(cancellationToken: ct);
        var location = await h.PlayBrowserAsync(process.GetExecutionUrl(), "sign", ct);
        await h.Client.DeleteDocumentAsync(process.Documents!.Single().Id, ct);

        Assert.True((await Assert.ThrowsAsync<SigningApiException>(() => h.Client.ConfirmCallbackAsync(SignerProcessCallback.Parse(location), process.Id, ct))).IsSignerProcessGone());
    }

    [Theory]
    [InlineData("?status=signed&signer_process_id=sp-1", SignerProcessCallbackError.UnknownStatus)]
    [InlineData("?status=FINISHED&signer_process_id=sp-1", SignerProcessCallbackError.UnknownStatus)]
    [InlineData("?status=failed_documents&signer_process_id=sp-1", SignerProcessCallbackError.UnknownStatus)]
    [InlineData("?signer_process_id=sp-1", SignerProcessCallbackError.Malformed)]
    [InlineData("?status=finished", SignerProcessCallbackError.Malformed)]
    [InlineData("?status=finished&signer_process_id=", SignerProcessCallbackError.Malformed)]
    [InlineData("?status=canceled&status=finished&signer_process_id=sp-1", SignerProcessCallbackError.Malformed)]
    [InlineData("?status=finished&signer_process_id=sp-1&signer_process_id=sp-2", SignerProcessCallbackError.Malformed)]
    [InlineData("", SignerProcessCallbackError.Malformed)]
    public void Malformed_or_unknown_callbacks_are_rejected(string query, SignerProcessCallbackError error)
    {
        var ex = Assert.Throws<SignerProcessCallbackException>(() => SignerProcessCallback.Parse(new Uri("https://app.example.com/cb" + query)));
        Assert.Equal(error, ex.Error);
        Assert.DoesNotContain("sp-", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Callback_parsing_accepts_query_strings_relative_urls_and_escaping()
    {
        Assert.Equal("sp 1/2", SignerProcessCallback.Parse("status=failed&signer_process_id=sp+1%2F2").SignerProcessId);
        Assert.Equal(SignerProcessCallbackStatus.Canceled, SignerProcessCallback.Parse(new Uri("/cb?x=1&status=canceled&signer_process_id=a", UriKind.Relative)).Status);
        Assert.Equal(SignerProcessCallbackStatus.Finished, SignerProcessCallback.FromValues("finished", "a").Status);
        Assert.Equal("sp-9", SignerProcessCallback.Parse("https://app.example.com/cb?status=finished&signer_process_id=sp-9#frag").SignerProcessId);
        Assert.Throws<ArgumentException>(() => SignerProcessCallback.FromValues("finished", "a").EnsureFor(" "));
    }

    [Fact]
    public void Failed_callback_agrees_with_failed_documents()
    {
        var failed = SignerProcessCallback.FromValues("failed", "a");
        Assert.True(failed.AgreesWith(SignerProcessStatus.FailedDocuments));
        Assert.True(failed.AgreesWith(SignerProcessStatus.Failed));
        Assert.False(failed.AgreesWith(SignerProcessStatus.Finished));
        Assert.False(SignerProcessCallback.FromValues("finished", "a").AgreesWith(new SignerProcessStatus("finished_later")));
    }
}
