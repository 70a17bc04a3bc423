using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Testing;
using Xunit;

namespace SigningClients.Reliability.Tests.Suite;

public sealed partial class ReliabilitySuite
{
    /// <summary>
    /// Every non-idempotent operation × a connection dropped after the server processed it → exactly one effect in the
    /// simulator's state (and one processed request in its journal), and the exception says the outcome is unknown.
    /// The same write × a connection dropped before processing → no effect, also OutcomeUnknown (the client cannot tell).
    /// </summary>
    [Fact]
    [Step(2)]
    public async Task Write_safety_non_idempotent_operations_never_replay_a_processed_write()
    {
        var ct = TestContext.Current.CancellationToken;
        var failures = 0;
        var checkedWrites = 0;
        await Task.WhenAll(Kits.Select(async kit =>
        {
            await using var simulator = await kit.StartSimulatorAsync(new SimulatorHostOptions(), ct);
            Recorder.AddSecrets(kit.Secrets(simulator).ToArray());
        using var harvest = new WireSecretHarvest(simulator);
            var client = kit.CreateHealthyClient(simulator);
            try
            {
                foreach (var op in kit.Operations.Where(o => o.Idempotency == Idempotency.NotIdempotent))
                {
                    foreach (var (fault, expectedEffect) in new[] { (SimulatedFault.DropAfterProcessing(), 1), (SimulatedFault.DropBeforeResponse(), 0) })
                    {
                        var state = await op.Setup(client, simulator, ct);
                        var route = op.Route(state);
                        var mark = MatrixRunner.Mark(simulator);
                        simulator.Faults.EnqueueFor(op.Method, route, fault);
                        var observed = await MatrixRunner.ObserveAsync(token => op.Call(client, state, token), null);
                        simulator.Faults.Clear();
                        var processed = MatrixRunner.ProcessedSince(simulator, mark, op.Method, route);
                        var effect = op.Effect?.Invoke(simulator, state);
                        var api = observed.Api;
                        var ok = api is { OutcomeUnknown: true } && processed == expectedEffect && (effect is null || effect == expectedEffect);
                        var detail = string.Create(CultureInfo.InvariantCulture,
                            $"{fault}: {observed.Describe()}; processed requests {processed}; state effect {(effect is null ? "n/a (journal only)" : effect.Value.ToString(CultureInfo.InvariantCulture))}; expected {expectedEffect}");
                        Recorder.Check("Write safety", kit.Provider, op.Name + " × " + fault, ok, detail);
                        System.Threading.Interlocked.Increment(ref checkedWrites);
                        if (!ok)
                        {
                            System.Threading.Interlocked.Increment(ref failures);
                        }
                    }
                }
            }
            finally
            {
                (client as IDisposable)?.Dispose();
            }
        }));

        Recorder.StepRan("write-safety");
        Assert.True(checkedWrites > 0);
        Assert.True(failures == 0, string.Join("\n", Recorder.Checks.Where(c => c.Area == "Write safety" && !c.Passed).Select(c => $"{c.Provider}.{c.Name}: {c.Detail}")));
    }
}
