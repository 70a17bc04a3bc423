using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Signant.InstantSign.Models;
using SigningClients.Core;
using SigningClients.TestSupport;
using Xunit;

namespace Signant.InstantSign.Tests;

/// <summary>Secrets (access code, SSN) never reach logs, exception messages or ToString().</summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task Secrets_never_reach_logs_or_exception_messages()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SignantHarness.StartAsync(s => s.AccessCode = "sim-SECRET-access-77aa", o => o.Retry.MaxRetries = 0, cancellationToken: ct);
        var (sim, client) = harness;
        var logs = harness.Logs;
        const string ssn = "01017012345";
        var messages = new System.Collections.Generic.List<string>();

        var created = await client.CreateInstantPostingAsync(InstantPostingTests.Posting(new MemoryStream(TestPdf.Create()), "Kari"), ct);
        sim.FailNext(4001, "Bad request for SSN " + ssn + " with AccessCode " + sim.Settings.AccessCode);
        messages.Add((await Assert.ThrowsAsync<SigningApiException>(() => client.GetPostingStatusAsync(created.PostingId, ct))).Message);
        sim.FaultNext("s:Client", "<AccessCode>" + sim.Settings.AccessCode + "</AccessCode> rejected");
        var fault = await Assert.ThrowsAsync<SigningApiException>(() => client.GetPostingStatusAsync(created.PostingId, ct));
        messages.Add(fault.Message);
        messages.Add(fault.BodyExcerpt ?? string.Empty);
        messages.Add(client.ToString() ?? string.Empty);

        Assert.NotEmpty(logs.Lines);
        SecretScanner.AssertNoSecrets(logs.AllText.Concat(messages), sim.Settings.AccessCode, ssn);
    }
}
