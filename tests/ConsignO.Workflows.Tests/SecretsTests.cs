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
        var logs = new LogCapture { MinimumLevel = LogLevel.Trace };
        using var factory = logs.CreateFactory();
        await using var env = await TestEnvironment.StartAsync(
            s => { s.RotateTokenEvery = 1; s.ClientId = "platform"; s.ClientSecret = "platform-secret-9f8e7d"; },
            loggerFactory: factory);
        var texts = new List<string>();

        var workflow = await env.CreateLaunchedWorkflowAsync();
        env.Simulator.SignAll(workflow.Id);
        using (var download = await env.Client.DownloadDocumentsAsync(workflow.Id, Ct))
        {
            await download.CopyToAsync(Stream.Null, Ct);
        }

        env.Simulator.Faults.Enqueue(SigningClients.Testing.SimulatedFault.Status(503), count: 5);
        var transient = await Assert.ThrowsAsync<SigningApiException>(() => env.Client.GetWorkflowAsync(workflow.Id, Ct));
        texts.Add(transient.ToString());
        var notFound = await Assert.ThrowsAsync<SigningApiException>(() => env.Client.DownloadAuditTrailAsync("ffffffffffffffffffffffff", Ct));
        texts.Add(notFound.ToString());
        texts.Add(env.Options.ToString());
        texts.Add(env.Client.ToString());
        texts.AddRange(logs.AllText);

        var secrets = env.Simulator.IssuedTokens.Append(env.Options.Password!).Append("platform-secret-9f8e7d").ToArray();
        Assert.True(env.Simulator.IssuedTokens.Count >= 3);
        Assert.NotEmpty(logs.AllText);
        SecretScanner.AssertNoSecrets(texts, secrets);
    }
}
