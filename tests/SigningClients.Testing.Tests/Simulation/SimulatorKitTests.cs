using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Testing.Simulation;
using Xunit;

namespace SigningClients.Testing.Tests.Simulation;

/// <summary>The shared simulator kit: one route group, one auth filter, one error writer.</summary>
public sealed class SimulatorKitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_route_of_the_group_is_authenticated_unless_anonymous_and_state_errors_are_rendered_by_the_wire()
    {
        var wire = new KeyWire();
        int reached = 0;
        await using var host = await SimulatorHost.StartAsync(routes =>
        {
            var group = routes.MapSimulatorGroup("/api", wire);
            group.MapGet("/me", c =>
            {
                reached++;
                return c.Response.WriteAsync(c.Caller<string>());
            });
            group.MapGet("/missing", _ => throw SimulatorStateException.NotFound("thing 'x'"));
            group.MapGet("/open", c => c.Response.WriteAsync("open")).Anonymous();
        }, cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var refused = await http.GetAsync("api/me", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me") { Headers = { { "X-Key", "k1" } } };
        using var accepted = await http.SendAsync(request, Ct);
        using var missingRequest = new HttpRequestMessage(HttpMethod.Get, "api/missing") { Headers = { { "X-Key", "k1" } } };
        using var missing = await http.SendAsync(missingRequest, Ct);
        var open = await http.GetStringAsync("api/open", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Unauthenticated: no key", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("caller-k1", await accepted.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, reached); // the refused request never reached the handler
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("NotFound: No thing 'x'.", await missing.Content.ReadAsStringAsync(Ct));
        Assert.Equal("open", open);
    }

    private sealed class KeyWire : ISimulatorWire<string>
    {
        public ValueTask<string> AuthenticateAsync(HttpContext context) =>
            context.Request.Headers["X-Key"] is { Count: 1 } key
                ? ValueTask.FromResult("caller-" + key)
                : throw new SimulatorStateException(SimulatorErrorKind.Unauthenticated, "no key");

        public Task WriteErrorAsync(HttpContext context, SimulatorStateException error)
        {
            context.Response.StatusCode = error.Kind == SimulatorErrorKind.NotFound ? 404 : 401;
            return context.Response.WriteAsync(error.Kind + ": " + error.Message);
        }
    }
}
