using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Testing;
using Xunit;

namespace SigningClients.Reliability.Tests.Suite;

public sealed partial class ReliabilitySuite
{
    public const int FuzzBodiesPerParser = 1000;
    public const int FuzzSeed = 12345;

    /// <summary>Per operation, each documented required argument missing or invalid → ArgumentException and 0 requests.</summary>
    [Fact]
    [Step(4)]
    public async Task Bad_arguments_throw_ArgumentException_before_any_request()
    {
        var ct = TestContext.Current.CancellationToken;
        var total = 0;
        foreach (var kit in Kits)
        {
            await using var simulator = await kit.StartSimulatorAsync(new SimulatorHostOptions(), ct);
            Recorder.AddSecrets(kit.Secrets(simulator).ToArray());
            using var harvest = new WireSecretHarvest(simulator);
            var client = kit.CreateHealthyClient(simulator);
            try
            {
                foreach (var bad in kit.BadArguments)
                {
                    var before = simulator.Journal.Count;
                    var observed = await MatrixRunner.ObserveAsync(token => bad.Call(client, token), null);
                    var requests = simulator.Journal.Count - before;
                    var ok = observed.Kind == OutcomeKind.ArgumentException && requests == 0;
                    Recorder.Check("Bad arguments", kit.Provider, bad.Operation + ": " + bad.Case, ok, observed.Describe() + "; requests sent: " + requests);
                    total++;
                }
            }
            finally
            {
                (client as IDisposable)?.Dispose();
            }
        }

        Recorder.StepRan("bad-arguments");
        Assert.True(total > 0);
        var failed = Recorder.Checks.Where(c => c.Area == "Bad arguments" && !c.Passed).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(c => $"{c.Provider}.{c.Name}: {c.Detail}")));
    }

    /// <summary>
    /// Every response parser × ≥ 1,000 seeded mutations of a valid response, through the real client and the real
    /// simulator (the body of the answer is swapped in the transport) → only typed outcomes.
    /// </summary>
    [Fact]
    [Step(5)]
    public async Task Fuzzed_responses_only_ever_produce_typed_outcomes()
    {
        var ct = TestContext.Current.CancellationToken;
        await Task.WhenAll(Kits.SelectMany(kit => kit.FuzzTargets.Select(target => (kit, target))).Select(async pair =>
        {
            var (kit, target) = pair;
            var counter = Recorder.FuzzCounter(kit.Provider, target.Parser);
            await using var simulator = await kit.StartSimulatorAsync(new SimulatorHostOptions(), ct);
            Recorder.AddSecrets(kit.Secrets(simulator).ToArray());
        using var harvest = new WireSecretHarvest(simulator);
            var setupClient = kit.CreateHealthyClient(simulator);
            var handler = new BodySwapHandler();
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
            var client = kit.CreateClient(simulator, new ClientSettings
            {
                Endpoint = simulator.BaseAddress,
                HttpClient = http,
                Retry = retry =>
                {
                    ClientSettings.FastRetry(retry);
                    retry.MaxRetries = 0;
                },
            });
            try
            {
                var state = await target.Setup(setupClient, simulator, ct);
                handler.Method = target.Method;
                handler.Route = target.Route(state);
                byte[] seed;
                if (target.Seed is { } given)
                {
                    seed = Encoding.UTF8.GetBytes(given);
                    handler.ContentType = target.ContentType ?? (kit.IsSoap ? "text/xml; charset=utf-8" : "application/json; charset=utf-8");
                }
                else
                {
                    handler.Capture = true;
                    await target.Call(client, state, ct);
                    handler.Capture = false;
                    seed = handler.Captured ?? throw new InvalidOperationException("nothing captured for " + target.Parser);
                }

                handler.Status = target.Status;
                var fuzzer = new Fuzzer(FuzzSeed, kit.IsSoap);
                for (var i = 0; i < FuzzBodiesPerParser; i++)
                {
                    handler.NextBody = fuzzer.Mutate(seed);
                    var observed = await MatrixRunner.ObserveAsync(token => target.Call(client, state, token), target.Documented);
                    counter.Record(observed.Kind, observed.Describe());
                }
            }
            finally
            {
                (client as IDisposable)?.Dispose();
                (setupClient as IDisposable)?.Dispose();
            }
        }));

        Recorder.StepRan("fuzz");
        var counts = Recorder.Fuzz.Values.ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.True(c.Bodies >= FuzzBodiesPerParser, c.Provider + "/" + c.Parser + ": " + c.Bodies));
        var untyped = counts.SelectMany(c => c.Untyped.Select(u => c.Provider + "/" + c.Parser + ": " + u)).ToList();
        Assert.True(untyped.Count == 0, untyped.Count + " untyped outcomes:\n" + string.Join("\n", untyped.Distinct().Take(40)));
    }

    /// <summary>Oversized (10 MB) error bodies → one SigningApiException with an excerpt of at most 4 KB, in bounded time.</summary>
    [Fact]
    [Step(6)]
    public async Task Oversized_error_bodies_are_truncated_to_a_4_KB_excerpt()
    {
        var ct = TestContext.Current.CancellationToken;
        var huge = "{\"message\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";
        foreach (var kit in Kits)
        {
            await using var simulator = await kit.StartSimulatorAsync(new SimulatorHostOptions(), ct);
            Recorder.AddSecrets(kit.Secrets(simulator).ToArray());
            using var harvest = new WireSecretHarvest(simulator);
            var client = kit.CreateHealthyClient(simulator);
            try
            {
                var op = kit.Operations.First(o => o.Idempotency == Idempotency.Safe);
                var state = await op.Setup(client, simulator, ct);
                simulator.Faults.EnqueueFor(op.Method, op.Route(state), SimulatedFault.Status(500, body: huge, contentType: kit.BrokenBodyContentType), FaultSpec.Always);
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
                var observed = await MatrixRunner.ObserveAsync(token => op.Call(client, state, token), null);
                var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
                simulator.Faults.Clear();
                var excerpt = observed.Api?.BodyExcerpt?.Length ?? -1;
                var ok = observed.Api is { Status: 500 } && excerpt <= SigningApiException.MaxBodyExcerptLength && observed.Elapsed < TimeSpan.FromSeconds(10);
                Recorder.Check("Hostile input", kit.Provider, op.Name + ": 10 MB error body (4 attempts)", ok, string.Create(CultureInfo.InvariantCulture,
                    $"{observed.Describe()}; excerpt {excerpt} chars; {observed.Elapsed.TotalMilliseconds:F0} ms; process allocations during the call {allocated / (1024 * 1024)} MB (simulator included)"));
            }
            finally
            {
                (client as IDisposable)?.Dispose();
            }
        }

        Recorder.StepRan("oversized");
        var failed = Recorder.Checks.Where(c => c.Area == "Hostile input" && !c.Passed).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(c => $"{c.Provider}.{c.Name}: {c.Detail}")));
    }
}
