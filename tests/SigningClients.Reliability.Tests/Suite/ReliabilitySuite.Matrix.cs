using System;
using System.Linq;
using System.Threading.Tasks;
using SigningClients.Reliability.Tests.Infrastructure;
using Xunit;

namespace SigningClients.Reliability.Tests.Suite;

public sealed partial class ReliabilitySuite
{
    [Fact]
    [Step(1)]
    public async Task Fault_matrix_every_operation_of_every_client()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var cells = await MatrixRunner.RunAsync(Kits, FaultSpec.All, parallelism: 8, TestContext.Current.CancellationToken);
        Recorder.MatrixWallTime = watch.Elapsed;
        Recorder.StepRan("matrix");

        var unexpected = cells.Where(c => !c.Passed && KnownDefects.Find(c.Provider, c.Operation, c.Fault) is null).ToList();
        var fixedDefects = KnownDefects.All.Keys
            .Where(k => Kits.Any(kit => kit.Provider == k.Provider))
            .Where(k => cells.Any(c => (c.Provider, c.Operation, c.Fault) == k && c.Passed))
            .ToList();

        Assert.True(cells.Count > 0);
        Assert.True(unexpected.Count == 0, unexpected.Count + " of " + cells.Count + " cells failed:\n" + string.Join("\n", unexpected.Select(c => $"{c.Provider}.{c.Operation} × {c.Fault}: {c.Detail} — {c.Why}")));
        Assert.True(fixedDefects.Count == 0, "Known defects now pass; remove them from KnownDefects: " + string.Join(", ", fixedDefects));
        Assert.DoesNotContain(cells, c => c.Outcome is OutcomeKind.Untyped or OutcomeKind.Hang || c.DuplicateWrite);
    }
}
