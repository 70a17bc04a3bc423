using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Testing.Tests;

public sealed class HostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BaseAddress_is_loopback_with_a_port_and_trailing_slash()
    {
        await using var host = await SimulatorHost.StartAsync(routes => routes.MapGet("/ping", () => "pong"), cancellationToken: Ct);

        Assert.Equal("http", host.BaseAddress.Scheme);
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.True(host.BaseAddress.Port > 0);
        Assert.Equal("/", host.BaseAddress.AbsolutePath);
        Assert.Same(TimeProvider.System, host.TimeProvider);

        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.Equal("pong", await http.GetStringAsync("ping", Ct));
    }

    [Fact]
    public async Task Two_hosts_get_different_ports_and_separate_journals()
    {
        await using var a = await SimulatorHost.StartAsync(routes => routes.MapGet("/", () => "a"), cancellationToken: Ct);
        await using var b = await SimulatorHost.StartAsync(routes => routes.MapGet("/", () => "b"), cancellationToken: Ct);
        using var http = new HttpClient();

        Assert.NotEqual(a.BaseAddress, b.BaseAddress);
        Assert.Equal("a", await http.GetStringAsync(a.BaseAddress, Ct));
        Assert.Equal(1, a.Journal.Count);
        Assert.Equal(0, b.Journal.Count);
    }

    [Fact]
    public async Task GetUnusedLoopbackAddress_refuses_connections()
    {
        var address = SimulatorHost.GetUnusedLoopbackAddress();
        using var http = new HttpClient();

        Assert.Equal("127.0.0.1", address.Host);
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(address, Ct));
        var socketError = Assert.IsType<SocketException>(ex.InnerException);
        Assert.Equal(SocketError.ConnectionRefused, socketError.SocketErrorCode);
    }

    [Fact]
    public async Task Derived_simulators_map_their_own_routes_and_services()
    {
        await using var simulator = await EchoSimulator.StartAsync(Ct);
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        Assert.Equal("echo:hi", await http.GetStringAsync("echo/hi", Ct));
        Assert.Equal(1, simulator.Journal.CountOf("GET", "/echo"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => simulator.StartAgainAsync());
    }

    [Fact]
    public async Task BaseAddress_before_start_throws()
    {
        await using var simulator = EchoSimulator.CreateUnstarted();
        Assert.Throws<InvalidOperationException>(() => simulator.BaseAddress);
    }

    [Fact]
    public async Task Dispose_is_quick_even_with_a_request_in_flight_and_idempotent()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = await SimulatorHost.StartAsync(
            routes => routes.MapGet("/slow", async (CancellationToken cancellationToken) =>
            {
                entered.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(60), cancellationToken);
                return "late";
            }),
            cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var pending = http.GetAsync("slow", Ct);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var stopwatch = Stopwatch.StartNew();
        await host.DisposeAsync();
        await host.DisposeAsync();
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"dispose took {stopwatch.Elapsed}");
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("slow", Ct));
    }

    [Fact]
    public async Task Server_logs_go_to_the_given_provider()
    {
        var logs = new LogCapture();
        await using var api = await TestApi.StartAsync(new SimulatorHostOptions { LoggerProvider = logs });
        api.Host.Faults.Enqueue(SimulatedFault.Status(503));

        (await api.Http.GetAsync("items", Ct)).Dispose();
        (await api.Http.GetAsync("boom", Ct)).Dispose();
        api.Host.Faults.Enqueue(SimulatedFault.TruncatedBody());
        await Assert.ThrowsAsync<HttpRequestException>(() => api.Http.GetAsync("items", Ct));

        Assert.Contains(logs.Lines, l => l.Contains("Simulated fault Status(503) applied to GET /items", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Exception != null && e.Exception.Contains("boom", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Exception != null && e.Exception.Contains("Simulated fault TruncatedBody(0.5): the response body was cut off on purpose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SimulatorHttp_reads_credentials_and_writes_json_with_given_options()
    {
        var snake = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        await using var host = await SimulatorHost.StartAsync(
            routes =>
            {
                routes.MapGet("/whoami", async (HttpContext context) =>
                {
                    var basic = SimulatorHttp.TryGetBasicCredentials(context.Request, out var user, out var password);
                    var bearer = SimulatorHttp.GetBearerToken(context.Request);
                    await SimulatorHttp.WriteJsonAsync(context.Response, new WhoAmI(basic, user, password, bearer), snake, cancellationToken: context.RequestAborted);
                });
                routes.MapPost("/echo", async (HttpContext context) =>
                {
                    var value = await SimulatorHttp.ReadJsonAsync<WhoAmI>(context.Request, snake, context.RequestAborted);
                    if (value is null)
                    {
                        context.Response.StatusCode = 400;
                        return;
                    }

                    await SimulatorHttp.WriteJsonAsync(context.Response, value, snake, StatusCodes.Status202Accepted, cancellationToken: context.RequestAborted);
                });
            },
            cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var basicRequest = new HttpRequestMessage(HttpMethod.Get, "whoami");
        basicRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("jöhn:pa:ss")));
        using var basicResponse = await http.SendAsync(basicRequest, Ct);
        Assert.Equal("application/json; charset=utf-8", basicResponse.Content.Headers.ContentType?.ToString());
        Assert.Equal("{\"is_basic\":true,\"user_name\":\"j\\u00F6hn\",\"password\":\"pa:ss\",\"bearer_token\":null}", await basicResponse.Content.ReadAsStringAsync(Ct));

        using var bearerRequest = new HttpRequestMessage(HttpMethod.Get, "whoami");
        bearerRequest.Headers.TryAddWithoutValidation("Authorization", "bearer abc.def");
        using var bearerResponse = await http.SendAsync(bearerRequest, Ct);
        Assert.Equal("{\"is_basic\":false,\"user_name\":null,\"password\":null,\"bearer_token\":\"abc.def\"}", await bearerResponse.Content.ReadAsStringAsync(Ct));

        using var garbled = new HttpRequestMessage(HttpMethod.Get, "whoami");
        garbled.Headers.TryAddWithoutValidation("Authorization", "Basic !!notbase64");
        using var garbledResponse = await http.SendAsync(garbled, Ct);
        Assert.Contains("\"is_basic\":false", await garbledResponse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var echo = await http.PostAsync("echo", new StringContent("{\"is_basic\":true,\"user_name\":\"u\"}"), Ct);
        Assert.Equal(HttpStatusCode.Accepted, echo.StatusCode);
        Assert.Contains("\"user_name\":\"u\"", await echo.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var invalid = await http.PostAsync("echo", new StringContent("{nope"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    private sealed record WhoAmI(bool IsBasic, string? UserName, string? Password, string? BearerToken);

    private sealed class EchoSimulator : SimulatorHost
    {
        private EchoSimulator()
            : base(null)
        {
        }

        public static EchoSimulator CreateUnstarted() => new();

        public static async Task<EchoSimulator> StartAsync(CancellationToken cancellationToken)
        {
            var simulator = new EchoSimulator();
            await simulator.StartHostAsync(cancellationToken);
            return simulator;
        }

        public Task StartAgainAsync() => StartHostAsync(CancellationToken.None);

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(new EchoPrefix("echo:"));

        protected override void MapRoutes(IEndpointRouteBuilder routes)
            => routes.MapGet("/echo/{text}", (string text, EchoPrefix prefix) => prefix.Value + text);
    }

    private sealed record EchoPrefix(string Value);
}
