using System;
using System.IO;
using System.Linq;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Reliability.Tests.Suite;

public sealed partial class ReliabilitySuite
{
    /// <summary>Every log line (one capture attached to every client) and every exception text of the run → 0 secrets.</summary>
    [Fact]
    [Step(90)]
    public void Secrets_never_appear_in_logs_or_exceptions_of_the_whole_run()
    {
        var texts = Recorder.AllVisibleText().ToList();
        var findings = SecretScanner.Find(texts, Recorder.Secrets.ToArray());
        Recorder.Check("Secrets", "all", "scan of " + texts.Count + " texts for " + Recorder.Secrets.Count + " secrets", findings.Count == 0, findings.Count + " hits");
        Recorder.StepRan("secrets");
        Assert.NotEmpty(Recorder.Secrets);
        Assert.True(Recorder.Logs.Lines.Count > 0, "the clients logged nothing: the capture is not attached");
        Assert.True(findings.Count == 0, string.Join("\n", findings.Take(20)));
    }

    /// <summary>Aggregates the run; writes docs/reliability.md when SIGNINGCLIENTS_WRITE_DOCS=1.</summary>
    [Fact]
    [Step(99)]
    public void Report_aggregates_the_run_and_writes_docs_reliability_md()
    {
        var report = ReportWriter.Build(Kits);
        var cells = Recorder.Cells;
        Assert.DoesNotContain(cells, c => c.Outcome == OutcomeKind.Untyped);
        Assert.DoesNotContain(cells, c => c.Outcome == OutcomeKind.Hang);
        Assert.DoesNotContain(cells, c => c.DuplicateWrite && KnownDefects.Find(c.Provider, c.Operation, c.Fault) is null);
        Assert.DoesNotContain(Recorder.Checks, c => c.Area == "Secrets" && !c.Passed);
        Assert.All(Recorder.Fuzz.Values, f => Assert.Empty(f.Untyped));

        if (Environment.GetEnvironmentVariable("SIGNINGCLIENTS_WRITE_DOCS") == "1")
        {
            var expected = new[] { "matrix", "write-safety", "bad-arguments", "fuzz", "oversized", "secrets", "hostile-xml", "data-loss-signant", "tokens-trident", "tokens-consigno", "rotation-consigno", "data-loss-consigno", "tokens-signingtoday", "data-loss-signingtoday" };
            Assert.True(string.IsNullOrWhiteSpace(ProviderFilter), "docs/reliability.md is written from a run of every provider (unset SIGNINGCLIENTS_RELIABILITY_PROVIDERS)");
            var missing = expected.Except(Recorder.Steps).ToList();
            Assert.True(missing.Count == 0, "docs/reliability.md is written from a full run only; steps not run: " + string.Join(", ", missing));
            var root = RepositoryRoot();
            Directory.CreateDirectory(Path.Combine(root, "docs"));
            File.WriteAllText(Path.Combine(root, "docs", "reliability.md"), report);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SigningClients.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SigningClients.sln not found above " + AppContext.BaseDirectory);
    }
}
