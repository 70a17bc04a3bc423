using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Testing.Signant;
using SigningClients.Core.Operations;
using SigningClients.Testing;
using Xunit;

namespace Signant.InstantSign.Tests.Signing;

/// <summary>
/// The must-show of resumable operations: a posting started by one OS process that is killed while the posting is
/// unsigned, signed meanwhile, and finished (downloaded, MD5 verified) by a second OS process rebuilt from the token —
/// inside the (shortened) time to live. The simulator runs on a fake clock, so the TTL is judged deterministically.
/// </summary>
[Collection(nameof(ResumeInAnotherProcessTests))]
public sealed class ResumeInAnotherProcessTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Posting_started_by_a_killed_process_is_downloaded_and_verified_by_a_second_process_inside_the_TTL()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await SignantHarness.StartAsync(s => s.TimeToLive = Ttl, clock: clock, cancellationToken: TestContext.Current.CancellationToken);
        var simulator = harness.Simulator;

        // Process 1: creates the posting, polls, prints its token after every poll — and is killed while unsigned.
        var (tokenJson, postingId) = await StartAndKillAsync(simulator);
        var posting = simulator.GetPosting(postingId)!;
        Assert.Null(posting.CompletedAt);

        var token = OperationRehydrationToken.Parse(tokenJson);
        Assert.Equal("Signant", token.Provider);
        Assert.Equal("InstantPosting", token.Kind);
        Assert.True(token.PollState.PollCount >= 1);
        Assert.Equal("Sent", token.PollState.LastStatus);
        Assert.Equal(posting.ActiveTo, token.Deadline);
        Assert.DoesNotContain(simulator.Settings.AccessCode, tokenJson, StringComparison.Ordinal);

        // The signer signs while no process is running; a minute passes (still inside the 2-minute TTL).
        simulator.CompleteSigning(postingId, "Kari Nordmann");
        var signed = await File.ReadAllBytesAsync(posting.FilePath, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(1));

        // Process 2: rebuilds the operation from the token alone and gets the verified document.
        var output = Path.Combine(Path.GetTempPath(), "h18-resume-" + Guid.NewGuid().ToString("N") + ".pdf");
        try
        {
            var (exit, stdout, stderr) = await RunHostAsync(simulator, tokenJson, "signant-resume", output);
            Assert.True(exit == 0, "exit " + exit + "\n" + stdout + "\n" + stderr);
            var outcome = stdout.Split('\n').Single(l => l.StartsWith("OUTCOME ", StringComparison.Ordinal)).Trim().Split(' ');
            Assert.Equal("Downloaded", outcome[1]);
            Assert.Equal("True", outcome[3]);
            var received = await File.ReadAllBytesAsync(output, TestContext.Current.CancellationToken);
            Assert.Equal(signed, received);
            Assert.Contains("%SignantSimulator signature 1", System.Text.Encoding.ASCII.GetString(received), StringComparison.Ordinal);
            Assert.Equal(Convert.ToHexString(MD5.HashData(signed)), outcome[4], ignoreCase: true);
            Assert.False(simulator.GetPosting(postingId)!.IsDeleted);
            Assert.True(clock.GetUtcNow() < simulator.GetPosting(postingId)!.ActiveTo, "the download happened inside the TTL");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Second_process_that_comes_after_the_TTL_reports_expiry_and_leaves_no_file()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await SignantHarness.StartAsync(s => s.TimeToLive = Ttl, clock: clock, cancellationToken: TestContext.Current.CancellationToken);
        var simulator = harness.Simulator;
        var (tokenJson, postingId) = await StartAndKillAsync(simulator);
        simulator.CompleteSigning(postingId, "Kari Nordmann");
        clock.Advance(Ttl + TimeSpan.FromSeconds(1));

        var output = Path.Combine(Path.GetTempPath(), "h18-resume-" + Guid.NewGuid().ToString("N") + ".pdf");
        var (exit, stdout, stderr) = await RunHostAsync(simulator, tokenJson, "signant-resume", output);
        Assert.True(exit == 3, "exit " + exit + "\n" + stdout + "\n" + stderr);
        Assert.Contains("OUTCOME Expired", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    private static async Task<(string Token, Guid PostingId)> StartAndKillAsync(SignantSimulator simulator)
    {
        using var process = Start(simulator, "signant-start");
        var lines = new List<string>();
        string? token = null;
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(cts.Token)
                    ?? throw new InvalidOperationException("The first process ended early: " + string.Join("\n", lines) + "\n" + await process.StandardError.ReadToEndAsync());
                lines.Add(line);
                if (line.StartsWith("TOKEN ", StringComparison.Ordinal))
                {
                    token = line.Substring(6);
                    if (OperationRehydrationToken.Parse(token).PollState.PollCount >= 2)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            // Stop it hard while the posting is unsigned: no clean shutdown, nothing saved but the last token line.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return (token!, Guid.Parse(OperationRehydrationToken.Parse(token!).Id));
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunHostAsync(SignantSimulator simulator, string token, params string[] args)
    {
        using var process = Start(simulator, args);
        await process.StandardInput.WriteLineAsync("TOKEN " + token);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static Process Start(SignantSimulator simulator, params string[] args)
    {
        var host = typeof(ResumeInAnotherProcessTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "OperationHost").Value!;
        Assert.True(File.Exists(host), "the helper process is not built next to the tests: " + host);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(host);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["SIGNANT_ENDPOINT"] = simulator.ServiceAddress.ToString();
        info.Environment["SIGNANT_DISTRIBUTOR_ID"] = simulator.Settings.DistributorId;
        info.Environment["SIGNANT_ACCESS_CODE"] = simulator.Settings.AccessCode;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the helper process.");
    }
}

/// <summary>Runs the helper-process tests alone: their simulators would skew the process-wide allocation checks of other tests.</summary>
[CollectionDefinition(nameof(ResumeInAnotherProcessTests), DisableParallelization = true)]
public sealed class ResumeInAnotherProcessCollection
{
}
