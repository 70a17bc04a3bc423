using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Testing;
using SigningClients.Testing.Trident;
using SigningClients.TestSupport;
using Trident.SignerProcess.Callbacks;
using Trident.SignerProcess.Models;
using Xunit;

namespace Trident.SignerProcess.Tests;

public sealed class SignerProcessTests
{
    [Fact]
    public async Task Create_returns_process_with_one_pending_user_browser_task_and_document()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);

        var process = await h.Client.CreateSignerProcessAsync(TridentHarness.Definition(), new MemoryStream(TestPdf.Create("x")), "contract.pdf", ct);

        Assert.StartsWith("sp-", process.Id, StringComparison.Ordinal);
        Assert.Equal(SignerProcessType.DocumentSignEsigp, process.ProcessType);
        Assert.NotNull(process.Self);
        var task = Assert.Single(process.Tasks!.Pending!);
        Assert.Equal(SignerProcessTaskType.UserBrowserTask, task.Type);
        Assert.Equal(task.Url, process.GetExecutionUrl());
        var document = Assert.Single(process.Documents!);
        Assert.StartsWith("doc-", document.Id, StringComparison.Ordinal);
        Assert.EndsWith("/content", document.Content!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(TridentProcessStatus.Pending, h.Simulator.GetSignerProcess(process.Id)!.Status);
    }

    [Fact]
    public async Task Create_sends_the_process_definition_the_simulator_parses()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var process = await h.CreateAsync(cancellationToken: ct);

        var json = System.Text.Json.JsonDocument.Parse(h.Simulator.GetSignerProcess(process.Id)!.ProcessJson).RootElement;
        Assert.Equal("https://app.example.com/trident/callback?session=abc", json.GetProperty("finish_callback_url").GetString());
        Assert.Equal("last", json.GetProperty("signer").GetProperty("parameters").GetProperty("signature_field").GetProperty("location").GetProperty("page").GetProperty("number").GetString());
        Assert.True(json.GetProperty("views").GetProperty("document_agreement").GetProperty("skip_server_id").GetBoolean());
    }

    [Fact]
    public async Task Read_process_list_get_download_and_delete_documents()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var original = TestPdf.Create("Contract 4711");
        var created = await h.CreateAsync(cancellationToken: ct);

        var read = await h.Client.GetSignerProcessAsync(created.Id, ct);
        Assert.Equal(created.Id, read.Id);
        Assert.Null(read.Result);

        h.Simulator.CompleteSigning(created.Id);
        read = await h.Client.GetSignerProcessAsync(created.Id, ct);
        Assert.Equal(SignerProcessStatus.Finished, read.Result!.Status);
        Assert.Empty(read.Tasks!.Pending!);
        Assert.NotNull(read.SigningInformation);

        var documents = await h.Client.ListDocumentsAsync(created.Id, ct).ToListAsync(ct);
        var listed = Assert.Single(documents);
        Assert.Equal(created.Documents![0].Id, listed.Id);
        Assert.Equal(SignerProcessStatus.Finished, listed.Result!.Status);

        var document = await h.Client.GetDocumentAsync(listed.Id, ct);
        Assert.Equal(listed.Id, document.Id);

        await using (var download = await h.Client.DownloadDocumentContentAsync(listed.Id, ct))
        {
            Assert.Equal("application/pdf", download.ContentType);
            Assert.Equal("contract.pdf", download.FileName);
            using var buffer = new MemoryStream();
            await download.CopyToAsync(buffer, ct);
            var signed = buffer.ToArray();
            Assert.Equal(original, signed.Take(original.Length).ToArray());
            Assert.Contains(TridentSimulator.SignatureMarker + " process=" + created.Id, Encoding.ASCII.GetString(signed, original.Length, signed.Length - original.Length), StringComparison.Ordinal);
        }

        await h.Client.DeleteDocumentAsync(listed.Id, ct);
        var gone = await Assert.ThrowsAsync<SigningApiException>(() => h.Client.GetDocumentAsync(listed.Id, ct));
        Assert.Equal(404, gone.Status);
        Assert.Equal("not_found", gone.ErrorCode);

        // The process went with its last document: the result now answers 410.
        var processGone = await Assert.ThrowsAsync<SigningApiException>(() => h.Client.GetSignerProcessResultAsync(created.Id, ct));
        Assert.Equal(410, processGone.Status);
        Assert.True(processGone.IsSignerProcessGone());
        Assert.Equal("GetSignerProcessResult", processGone.Operation);
    }

    [Fact]
    public async Task Result_is_a_running_value_on_404_and_the_result_once_finished()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var process = await h.CreateAsync(cancellationToken: ct);

        var running = await h.Client.GetSignerProcessResultAsync(process.Id, ct);
        Assert.True(running.IsRunning);
        Assert.Null(running.Result);
        Assert.Equal(404, h.Simulator.Journal.Entries[^1].ResponseStatus);

        h.Simulator.CompleteSigning(process.Id, TridentUserAction.Fail);
        var ended = await h.Client.GetSignerProcessResultAsync(process.Id, ct);
        Assert.False(ended.IsRunning);
        Assert.Equal(SignerProcessStatus.Failed, ended.Result!.Status);
        Assert.Contains("simulated failure", ended.Result.Details!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_of_an_unknown_process_is_a_distinct_410_error_not_running()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => h.Client.GetSignerProcessResultAsync("sp-does-not-exist", ct));
        Assert.Equal(410, ex.Status);
        Assert.True(ex.IsSignerProcessGone());
        Assert.Equal("gone", ex.ErrorCode);
        Assert.Equal("The signer process does not exist.", ex.ProviderMessage);
        Assert.False(ex.IsTransient);
        Assert.Equal("GetSignerProcessResult", ex.Operation);
        Assert.Equal(1, h.Simulator.Journal.CountOf("GET", "/trustedx-resources/esignsp/v2/signer_processes/sp-does-not-exist/result"));

        Assert.True((await Assert.ThrowsAsync<SigningApiException>(() => h.Client.GetSignerProcessAsync("sp-does-not-exist", ct))).IsSignerProcessGone());
        Assert.True((await Assert.ThrowsAsync<SigningApiException>(async () => await h.Client.ListDocumentsAsync("sp-does-not-exist", ct).ToListAsync(ct))).IsSignerProcessGone());
    }

    [Fact]
    public async Task WaitForResult_polls_until_the_user_signs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var process = await h.CreateAsync(cancellationToken: ct);

        var wait = h.Client.WaitForResultAsync(process.Id, cancellationToken: ct);
        await h.Simulator.Journal.WaitForAsync(e => e.Path.EndsWith("/result", StringComparison.Ordinal) && e.ResponseStatus == 404, TimeSpan.FromSeconds(10), ct);
        Assert.False(wait.IsCompleted);
        h.Simulator.CompleteSigning(process.Id);

        var result = await wait;
        Assert.Equal(SignerProcessStatus.Finished, result.Status);
        Assert.True(h.Simulator.Journal.CountOf("GET", "/trustedx-resources/esignsp/v2/signer_processes/" + process.Id + "/result") >= 2);
    }

    [Fact]
    public async Task WaitForResult_times_out_while_the_process_keeps_running()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var process = await h.CreateAsync(cancellationToken: ct);

        await Assert.ThrowsAsync<TimeoutException>(() => h.Client.WaitForResultAsync(process.Id, new PollingOptions
        {
            InitialInterval = TimeSpan.FromMilliseconds(10),
            MaxInterval = TimeSpan.FromMilliseconds(20),
            Timeout = TimeSpan.FromMilliseconds(150),
        }, ct));
    }

    [Fact]
    public async Task Execution_url_is_missing_once_the_process_was_executed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var process = await h.CreateAsync(cancellationToken: ct);
        h.Simulator.CompleteSigning(process.Id, TridentUserAction.Cancel);

        var read = await h.Client.GetSignerProcessAsync(process.Id, ct);
        Assert.False(read.TryGetExecutionUrl(out var url));
        Assert.Null(url);
        var ex = Assert.Throws<InvalidOperationException>(() => read.GetExecutionUrl());
        Assert.Contains("no pending UserBrowserTask", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execution_url_requires_exactly_one_user_browser_task()
    {
        var two = new TridentSignerProcess
        {
            Id = "sp-1",
            Tasks = new SignerProcessTasks
            {
                Pending = new[]
                {
                    new SignerProcessTask { Type = SignerProcessTaskType.UserBrowserTask, Url = new Uri("https://t.example/1") },
                    new SignerProcessTask { Type = SignerProcessTaskType.UserBrowserTask, Url = new Uri("https://t.example/2") },
                },
            },
        };
        Assert.Contains("2 pending", Assert.Throws<InvalidOperationException>(() => two.GetExecutionUrl()).Message, StringComparison.Ordinal);

        var other = new TridentSignerProcess
        {
            Id = "sp-2",
            Tasks = new SignerProcessTasks { Pending = new[] { new SignerProcessTask { Type = new SignerProcessTaskType("OtherTask"), Url = new Uri("https://t.example/3") } } },
        };
        Assert.Throws<InvalidOperationException>(() => other.GetExecutionUrl());

        var relative = new TridentSignerProcess
        {
            Id = "sp-3",
            Tasks = new SignerProcessTasks { Pending = new[] { new SignerProcessTask { Type = SignerProcessTaskType.UserBrowserTask, Url = new Uri("/relative", UriKind.Relative) } } },
        };
        Assert.Throws<InvalidOperationException>(() => relative.GetExecutionUrl());
    }

    [Fact]
    public async Task Create_is_not_replayed_when_the_response_is_lost()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        h.Simulator.Faults.EnqueueFor("POST", "/trustedx-resources/esignsp/v2/signer_processes", SigningClients.Testing.SimulatedFault.DropAfterProcessing());

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => h.CreateAsync(cancellationToken: ct));
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(1, h.Simulator.Journal.CountOf("POST", "/trustedx-resources/esignsp/v2/signer_processes"));
    }

    [Fact]
    public async Task Reads_are_retried_on_503()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var process = await h.CreateAsync(cancellationToken: ct);
        h.Simulator.Faults.EnqueueFor("GET", "/trustedx-resources/esignsp/v2/signer_processes/", SigningClients.Testing.SimulatedFault.Status(503));

        var read = await h.Client.GetSignerProcessAsync(process.Id, ct);
        Assert.Equal(process.Id, read.Id);
        Assert.Equal(2, h.Simulator.Journal.CountOf("GET", "/trustedx-resources/esignsp/v2/signer_processes/" + process.Id));
    }
}
