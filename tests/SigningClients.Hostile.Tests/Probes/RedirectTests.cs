using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SigningClients.Core;
using SigningClients.Hostile.Tests.Infrastructure;

namespace SigningClients.Hostile.Tests.Probes;

/// <summary>Class 2: a redirect must never carry credentials (headers or bodies) to another origin, nor bring its answer back.</summary>
public sealed class RedirectTests
{
    public static TheoryData<string, int> FirstRequest()
    {
        var data = new TheoryData<string, int>();
        foreach (var provider in Clients.Providers)
        {
            foreach (var status in new[] { 301, 302, 303, 307, 308 })
            {
                data.Add(provider, status);
            }
        }

        return data;
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(FirstRequest))]
    public async Task First_request_redirected_to_another_origin_is_refused_and_nothing_reaches_it(string provider, int status)
    {
        await using var second = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.JsonAsync(200, "{\"IsSuccessful\":true}"));
        await using var server = new HostileServer();
        server.Handle((r, c) => c.RedirectAsync(status, new Uri(second.BaseAddress, "collect" + r.Target)));

        await HostileReport.ProbeAsync(
            "2 Redirect to another origin", "first request (auth or call) answered " + status, provider, status + " Location: http://127.0.0.1:(other port)/collect…",
            () => Clients.CallAsync(provider, server.BaseAddress),
            (ex, _) =>
            {
                var api = Check.Typed(ex, SigningFailureKind.HttpError);
                Assert.Equal(status, api.Status);
                Assert.Empty(second.Requests);
                Assert.Single(server.Requests);
            });
    }

    [Theory(Timeout = 30_000)]
    [InlineData("ConsignO")]
    [InlineData("SigningToday")]
    [InlineData("Trident")]
    public async Task Call_after_authentication_redirected_with_307_keeps_the_token_at_home(string provider)
    {
        await using var second = new HostileServer((r, c) => c.JsonAsync(200, "{\"response\":{\"id\":\"wf-1\"},\"id\":\"sp-1\",\"values\":[]}"));
        await using var server = new HostileServer();
        server.Handle((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.RedirectAsync(307, new Uri(second.BaseAddress, "collect" + r.Target)));

        await HostileReport.ProbeAsync(
            "2 Redirect to another origin", "call answered 307 after a successful login", provider, "token, then 307 Location: http://127.0.0.1:(other port)/collect…",
            () => Clients.CallAsync(provider, server.BaseAddress),
            (ex, _) =>
            {
                Assert.Equal(307, Check.Typed(ex, SigningFailureKind.HttpError).Status);
                Assert.Empty(second.Requests);
            });
    }

    [Fact(Timeout = 30_000)]
    public async Task Signant_307_loop_sends_the_access_code_once()
    {
        await using var server = new HostileServer();
        server.Handle((r, c) => c.RedirectAsync(307, new Uri(server.BaseAddress, r.Target.TrimStart('/'))));
        await HostileReport.ProbeAsync(
            "2 Redirect to another origin", "307 loop to itself", "Signant", "307 Location: (the same URL), forever",
            () => Clients.CallAsync("Signant", server.BaseAddress),
            (ex, _) =>
            {
                Assert.Equal(307, Check.Typed(ex, SigningFailureKind.HttpError).Status);
                Assert.Single(server.Requests);
            });
    }

    [Fact(Timeout = 30_000)]
    public async Task Client_registered_with_AddAlphaTrustClient_does_not_follow_redirects()
    {
        await using var second = new HostileServer((_, c) => c.JsonAsync(200, "{\"IsSuccessful\":true}"));
        await using var server = new HostileServer();
        server.Handle((r, c) => c.RedirectAsync(307, new Uri(second.BaseAddress, "collect" + r.Target)));
        var services = new ServiceCollection();
        services.AddAlphaTrustClient(o =>
        {
            o.Endpoint = server.BaseAddress;
            o.ApiKey = Clients.AlphaTrustApiKey;
            o.ApiSecret = Clients.AlphaTrustApiSecret;
            o.ApiUsername = Clients.AlphaTrustUser;
            o.ApiPassword = Clients.AlphaTrustPassword;
            Clients.Tune(o);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IAlphaTrustClient>();

        await HostileReport.ProbeAsync(
            "2 Redirect to another origin", "IHttpClientFactory client (AddAlphaTrustClient), 307", "AlphaTrust", "307 Location: http://127.0.0.1:(other port)/collect…",
            () => client.RemoteSignAsync(new RemoteSignTask(1, "203.0.113.7")),
            (ex, _) =>
            {
                Assert.Equal(307, Check.Typed(ex, SigningFailureKind.HttpError).Status);
                Assert.Empty(second.Requests);
            });
    }

    [Fact(Timeout = 30_000)]
    public async Task Answer_of_another_origin_reached_through_the_callers_own_redirecting_handler_is_not_accepted()
    {
        await using var second = new HostileServer((_, c) => c.JsonAsync(200, "{\"IsSuccessful\":true}"));
        await using var server = new HostileServer();
        server.Handle((r, c) => c.RedirectAsync(302, new Uri(second.BaseAddress, "collect" + r.Target)));
        using var http = new HttpClient(); // AllowAutoRedirect = true: the caller's choice, which the SDK cannot change

        await HostileReport.ProbeAsync(
            "2 Redirect to another origin", "caller's HttpClient follows a 302: the foreign answer", "AlphaTrust", "302 to a second origin that answers IsSuccessful: true",
            () => Clients.AlphaTrust(server.BaseAddress, http).RemoteSignAsync(new RemoteSignTask(1, "203.0.113.7")),
            (ex, _) => Check.Typed(ex, SigningFailureKind.InvalidResponse));
    }
}
