using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.TestSupport;
using Xunit;

namespace ConsignO.Workflows.Tests;

public sealed class SecretsTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Password_client_secret_and_tokens_never_reach_logs_exceptions_or_ToString()
    {
        await using var harness = await ConsignOHarness.StartAsync(s => { s.RotateTokenEvery = 1; s.ClientId = "platform"; s.ClientSecret = "platform-secret-9f8e7d"; }, cancellationToken: TestContext.Current.CancellationToken);
        var logs = harness.Logs;
        Assert.Equal(LogLevel.Trace, logs.MinimumLevel);
        var texts = new List<string>();

        var workflow = await harness.CreateLaunchedWorkflowAsync();
        harness.Simulator.SignAll(workflow.Id);
        using (var download = await harness.Client.DownloadDocumentsAsync(workflow.Id, Ct))
        {
            await download.CopyToAsync(Stream.Null, Ct);
        }

        harness.Simulator.Faults.Enqueue(SigningClients.Testing.SimulatedFault.Status(503), count: 5);
        var transient = await Assert.ThrowsAsync<SigningApiException>(() => harness.Client.GetWorkflowAsync(workflow.Id, Ct));
        texts.Add(transient.ToString());
        var notFound = await Assert.ThrowsAsync<SigningApiException>(() => harness.Client.DownloadAuditTrailAsync("ffffffffffffffffffffffff", Ct));
        texts.Add(notFound.ToString());
        texts.Add(harness.Options.ToString());
        texts.Add(harness.Client.ToString());
        texts.AddRange(logs.AllText);

        var secrets = harness.Simulator.IssuedTokens.Append(harness.Options.Password!).Append("platform-secret-9f8e7d").ToArray();
        Assert.True(harness.Simulator.IssuedTokens.Count >= 3);
        Assert.NotEmpty(logs.AllText);
        SecretScanner.AssertNoSecrets(texts, secrets);
    }
}
