using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SigningClients.Testing.Tests.SigningToday;
using Xunit;

namespace SigningClients.Testing.Tests.Simulation;

/// <summary>The shared callback kit, through the Signing Today DST webhook (robot configuration → POST).</summary>
public sealed class SimulatorCallbacksTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_DST_webhook_goes_to_the_robot_url_with_its_headers_through_the_transport_and_is_retried_until_acknowledged()
    {
        await using var receiver = await SimulatorHost.StartAsync(routes => routes.MapPost("/hooks/dst", () => Results.Ok()), cancellationToken: Ct);
        await using var sim = await SigningTodaySimulator.StartAsync(cancellationToken: Ct);
        using var transport = new CountingHandler();
        sim.Callbacks.RetryDelay = TimeSpan.FromMilliseconds(10);
        sim.Callbacks.Transport = transport;
        using var robot = SigningTodayDocDeviationTests.Robot(sim);
        var configuration = "{\"requestHeaders\":{\"X-Hook-Token\":[\"hook-1\"]},\"webhooks\":{\"dst\":\"" + new Uri(receiver.BaseAddress, "hooks/dst").AbsoluteUri + "\"}}";
        using (var put = await robot.PutAsync("robot/configuration", new StringContent(configuration, Encoding.UTF8, "application/json"), Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        var id = await SigningTodayDocDeviationTests.CreateSignableAsync(robot, publish: true);
        await sim.Callbacks.WhenIdleAsync(Ct);
        receiver.Faults.Enqueue(SimulatedFault.Status(503));
        receiver.Faults.Enqueue(SimulatedFault.Status(500));
        sim.Sign(id);
        await sim.Callbacks.WhenIdleAsync(Ct);

        var call = Assert.Single(sim.Callbacks.Sent, c => c.Event == "dst signed");
        Assert.Equal(new[] { 503, 500, 200 }, call.Attempts.Select(a => a.Status));
        Assert.Equal(new[] { false, false, true }, call.Attempts.Select(a => a.IsAcknowledged));
        var body = JsonNode.Parse(call.Body)!;
        Assert.Equal("performed", (string?)body["status"]);
        Assert.Equal(id, (string?)body["dst"]);

        var delivered = receiver.Journal.Entries.Where(e => e.Path == "/hooks/dst" && e.BodyText.Contains("performed", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, delivered.Count);
        Assert.All(delivered, e => Assert.Equal("hook-1", e.GetHeader("X-Hook-Token")));
        Assert.Equal(receiver.Journal.CountOf("POST", "/hooks/dst"), transport.Count);
    }

    [Fact]
    public async Task A_call_that_is_never_acknowledged_stops_after_MaxAttempts_and_a_disabled_kit_sends_nothing()
    {
        await using var receiver = await SimulatorHost.StartAsync(routes => routes.MapPost("/hooks/dst", () => Results.StatusCode(500)), cancellationToken: Ct);
        await using var sim = await SigningTodaySimulator.StartAsync(cancellationToken: Ct);
        sim.Callbacks.RetryDelay = TimeSpan.FromMilliseconds(5);
        sim.Callbacks.MaxAttempts = 3;
        using var robot = SigningTodayDocDeviationTests.Robot(sim);
        var configuration = "{\"webhooks\":{\"dst\":\"" + new Uri(receiver.BaseAddress, "hooks/dst").AbsoluteUri + "\"}}";
        (await robot.PutAsync("robot/configuration", new StringContent(configuration, Encoding.UTF8, "application/json"), Ct)).Dispose();
        var id = await SigningTodayDocDeviationTests.CreateSignableAsync(robot, publish: true);
        sim.Sign(id);
        await sim.Callbacks.WhenIdleAsync(Ct);
        Assert.All(sim.Callbacks.Sent, c => Assert.Equal(3, c.Attempts.Count));
        Assert.All(sim.Callbacks.Sent, c => Assert.False(c.IsAcknowledged));

        int sent = sim.Callbacks.Sent.Count;
        sim.Callbacks.Enabled = false;
        var other = await SigningTodayDocDeviationTests.CreateSignableAsync(robot, publish: true);
        sim.Sign(other);
        await sim.Callbacks.WhenIdleAsync(Ct);
        Assert.Equal(sent, sim.Callbacks.Sent.Count);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public CountingHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
