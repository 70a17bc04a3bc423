using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Reliability.Tests.Providers;
using SigningClients.Testing;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Reliability.Tests.Observability;

/// <summary>
/// Every provider, against its simulator over real loopback HTTP, under a listener: a successful read, a read retried
/// after a 503, a write whose answer is lost (connection dropped after the server processed it) and a read refused
/// with a 400. Each asserts the whole span tree (operation span beneath the test's span, one HTTP client span per
/// request beneath it, .NET's own HttpClient span nested beneath that), every attribute of the contract, the retry
/// events and the three instruments, and that no secret or document content reached any attribute.
/// </summary>
public sealed class ObservabilityTests
{
    /// <summary>Per provider: the read and the write the scenarios use (names of the kits' operation cases).</summary>
    private static readonly Dictionary<string, (ProviderKit Kit, string Read, string Write)> Providers = new()
    {
        ["AlphaTrust"] = (new AlphaTrustKit(), "GetTransaction", "CreateTransaction"),
        ["Trident"] = (new TridentKit(), "GetSignerProcess", "CreateSignerProcess"),
        ["Signant"] = (new SignantKit(), "GetPostingStatus", "CreateInstantPosting"),
        ["ConsignO"] = (new ConsignOKit(), "GetWorkflow", "CreateWorkflow"),
        ["SigningToday"] = (new SigningTodayKit(), "Dsts.Get", "Dsts.Create"),
    };

    public static TheoryData<string> ProviderNames => new(Providers.Keys);

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public Task Successful_read_reports_one_request_span_with_its_status(string provider) =>
        RunAsync(provider, write: false, fault: null, (sim, method) => new ExpectedOperation(provider, method, sim.BaseAddress, "success", null, new[] { new ExpectedRequest(200) }));

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public Task Retried_read_reports_each_attempt_with_its_resend_count_and_a_retry_event(string provider) =>
        RunAsync(provider, write: false, SimulatedFault.Status(503), (sim, method) => new ExpectedOperation(provider, method, sim.BaseAddress, "success", null, new[] { new ExpectedRequest(503), new ExpectedRequest(200) }));

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public Task Write_whose_answer_is_lost_reports_outcome_unknown_and_is_not_resent(string provider) =>
        RunAsync(provider, write: true, SimulatedFault.DropAfterProcessing(), (sim, method) => new ExpectedOperation(provider, method, sim.BaseAddress, "outcome_unknown", "ConnectionFailure", new[] { new ExpectedRequest(null, typeof(System.Net.Http.HttpRequestException).FullName) }));

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public Task Refused_read_reports_the_failure_kind_and_the_status(string provider) =>
        RunAsync(provider, write: false, SimulatedFault.Status(400, body: "{\"code\":\"bad\",\"message\":\"refused\"}"), (sim, method) => new ExpectedOperation(provider, method, sim.BaseAddress, "failure", "HttpError", new[] { new ExpectedRequest(400) }));

    private static async Task RunAsync(string provider, bool write, SimulatedFault? fault, Func<SimulatorHost, string, ExpectedOperation> expect)
    {
        var ct = TestContext.Current.CancellationToken;
        var (kit, read, writeName) = Providers[provider];
        var op = kit.Operations.Single(o => o.Name == (write ? writeName : read));
        await using var simulator = await kit.StartSimulatorAsync(new SimulatorHostOptions(), ct);
        var client = kit.CreateHealthyClient(simulator);
        try
        {
            // Setup and a first read (token, session) outside the capture: the capture sees exactly one operation call.
            var readOp = kit.Operations.Single(o => o.Name == read);
            var readState = await readOp.Setup(client, simulator, ct);
            await readOp.Call(client, readState, ct);
            var state = write ? await op.Setup(client, simulator, ct) : readState;
            var route = op.Route(state);
            if (fault is not null)
            {
                simulator.Faults.EnqueueFor(op.Method, route, fault);
            }

            Exception? thrown;
            using (var capture = new TelemetryCapture())
            {
                thrown = await Record.ExceptionAsync(() => op.Call(client, state, ct));
                var expected = expect(simulator, op.Method.ToUpperInvariant());
                Assert.Equal(expected.ErrorType is null, thrown is null);
                if (thrown is SigningApiException api)
                {
                    Assert.Equal(expected.Outcome == "outcome_unknown", api.OutcomeUnknown);
                }

                var operation = TelemetryAssert.Operation(capture.Spans, capture.Root, expected);
                TelemetryAssert.Metrics(capture.Measurements, operation, expected);

                // .NET's own HttpClient span (System.Net.Http) nests beneath each SDK request span: no duplicate siblings.
                foreach (var request in capture.ChildrenOf(operation))
                {
                    Assert.Single(capture.ChildrenOf(request, "System.Net.Http"));
                }

                Assert.Empty(capture.ChildrenOf(operation, "System.Net.Http"));

                var text = capture.AllText.ToArray();
                foreach (var secret in kit.Secrets(simulator).Where(s => s.Length >= 4))
                {
                    Assert.DoesNotContain(text, t => t.Contains(secret, StringComparison.Ordinal));
                }

                Assert.DoesNotContain(text, t => t.Contains("%PDF", StringComparison.Ordinal) || t.Contains("JVBERi", StringComparison.Ordinal));
            }
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }
}
