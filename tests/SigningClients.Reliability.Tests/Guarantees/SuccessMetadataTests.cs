using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SigningClients.Core;
using SigningClients.Testing;
using SigningToday.Dst;
using Xunit;

namespace SigningClients.Reliability.Tests.Guarantees;

/// <summary>Issue 16: on success a user can see the status, the provider's request id and the headers.</summary>
public sealed class SuccessMetadataTests
{
    [Fact]
    public async Task A_capture_scope_sees_status_request_id_and_headers_of_successful_calls()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await SimulatorHost.StartAsync(routes => routes.MapGet("/api/DST/{id}", (HttpContext context, string id) =>
        {
            context.Response.Headers["x-request-id"] = "req-" + id;
            context.Response.Headers["X-RateLimit-Remaining"] = "42";
            context.Response.Headers["Set-Cookie"] = "session=top-secret-cookie";
            return Results.Text("{\"id\":\"" + id + "\",\"status\":\"signed\"}", "application/json");
        }), cancellationToken: ct);
        using var client = new SigningTodayClient(new SigningTodayClientOptions { Endpoint = new Uri(host.BaseAddress, "api/"), AllowHttpOnLoopback = true, RobotToken = "robot-token" });

        await client.Dsts.GetAsync("before", ct);                 // outside any scope: not captured anywhere
        using (var outer = SigningResponseCapture.Begin())
        {
            using (var inner = SigningResponseCapture.Begin())
            {
                var dst = await client.Dsts.GetAsync("d1", ct);
                Assert.Equal("d1", dst.Id);
                var info = Assert.Single(inner.Responses);
                Assert.Equal(200, info.Status);
                Assert.Equal("req-d1", info.RequestId);
                Assert.Equal("SigningToday", info.Provider);
                Assert.Equal("42", info.GetHeader("x-ratelimit-remaining"));
                Assert.Equal("***", info.GetHeader("Set-Cookie"));
                Assert.DoesNotContain("top-secret-cookie", string.Join(" ", info.Headers.Values.SelectMany(v => v)), StringComparison.Ordinal);
            }

            await client.Dsts.GetAsync("d2", ct);
            Assert.Equal(["req-d1", "req-d2"], outer.Responses.Select(r => r.RequestId));
            Assert.Equal("req-d2", outer.Last!.RequestId);
        }

        using var later = SigningResponseCapture.Begin();
        Assert.Empty(later.Responses);
    }
}
