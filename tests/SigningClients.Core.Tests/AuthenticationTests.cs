using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Core.Authentication;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Security;
using SigningClients.Testing;
using Xunit;

namespace SigningClients.Core.Tests;

/// <summary>A token server that issues tok-1, tok-2, … and a resource that accepts only the newest token (or none, when configured).</summary>
public sealed class AuthenticationTests
{
    private readonly ConcurrentQueue<string> _issued = new();
    private int _tokenRequests;
    private volatile bool _rejectEverything;

    private Task<SimulatorHost> StartAsync(int expiresIn = 3600, bool issueRefreshTokens = false) =>
        SimulatorHost.StartAsync(routes =>
        {
            routes.MapPost("/oauth/token", async (HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync();
                if (context.Request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("client-id:client-secret-value")))
                {
                    return Results.Json(new { error = "invalid_client" }, statusCode: 401);
                }

                if (form["grant_type"] == "refresh_token" && form["refresh_token"] == "expired-refresh")
                {
                    return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
                }

                int n = Interlocked.Increment(ref _tokenRequests);
                var token = "tok-" + n + "-" + form["grant_type"];
                _issued.Enqueue(token);
                return Results.Json(new { access_token = token, token_type = "bearer", expires_in = expiresIn, refresh_token = issueRefreshTokens ? "refresh-" + n : null });
            });
            routes.MapGet("/resource", (HttpContext context) =>
            {
                var header = context.Request.Headers.Authorization.ToString();
                if (_rejectEverything || !header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Substring(7) != _issued.LastOrDefault())
                {
                    return Results.Json(new { code = "UNAUTHORIZED", message = "token rejected" }, statusCode: 401);
                }

                return Results.Json(new { id = 1, name = header.Substring(7) });
            });
        }, cancellationToken: TestContext.Current.CancellationToken);

    private static (SigningPipeline Pipeline, OAuth2TokenSource Source) CreatePipeline(SimulatorHost host, TimeProvider? clock = null, Action<OAuth2TokenSourceOptions>? configure = null)
    {
        var tokenPipeline = Pipelines.Create(host.BaseAddress, timeProvider: clock);
        var oauth = new OAuth2TokenSourceOptions
        {
            TokenEndpoint = new Uri(host.BaseAddress, "oauth/token"),
            ClientId = "client-id",
            ClientSecret = "client-secret-value",
        };
        configure?.Invoke(oauth);
        var source = new OAuth2TokenSource(tokenPipeline, oauth);
        var pipeline = Pipelines.Create(host.BaseAddress, o => o.Authentication = new BearerTokenAuthenticationPolicy(source, o.Redactor), timeProvider: clock);
        return (pipeline, source);
    }

    private static SigningRequest Resource() => new(HttpMethod.Get, "resource", "GetResource", Idempotency.Safe);

    [Fact]
    public async Task Bearer_policy_sends_the_current_token_and_registers_each_new_token_as_a_secret()
    {
        var source = new SwitchingTokenSource { Token = "first-token-value-1" };
        var redactor = new SecretRedactor();
        var policy = new BearerTokenAuthenticationPolicy(source, redactor);
        var request = Resource();

        async Task<string> ApplyAsync()
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, "https://example.com/resource");
            await policy.AuthenticateAsync(message, request, TestContext.Current.CancellationToken);
            return message.Headers.Authorization!.Scheme + " " + message.Headers.Authorization.Parameter;
        }

        Assert.Equal("Bearer first-token-value-1", await ApplyAsync());
        Assert.Equal("Bearer first-token-value-1", await ApplyAsync());
        Assert.DoesNotContain("first-token-value-1", redactor.Redact("x first-token-value-1 y"), StringComparison.Ordinal);
        source.Token = "second-token-value-2";
        Assert.Equal("Bearer second-token-value-2", await ApplyAsync());
        Assert.DoesNotContain("second-token-value-2", redactor.Redact("x second-token-value-2 y"), StringComparison.Ordinal);
        Assert.DoesNotContain("first-token-value-1", redactor.Redact("x first-token-value-1 y"), StringComparison.Ordinal);
    }

    private sealed class SwitchingTokenSource : TokenSource
    {
        public string Token { get; set; } = string.Empty;

        public override ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => new(new AccessToken(Token, DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task Token_is_fetched_once_and_reused_across_calls()
    {
        await using var host = await StartAsync();
        var (pipeline, _) = CreatePipeline(host);

        for (int i = 0; i < 10; i++)
        {
            var item = await pipeline.SendAsync(Resource(), TestJsonContext.Default.Item, TestContext.Current.CancellationToken);
            Assert.Equal("tok-1-client_credentials", item.Name);
        }

        Assert.Equal(1, host.Journal.CountOf("POST", "/oauth/token"));
        Assert.Contains("grant_type=client_credentials", host.Journal.Entries[0].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hundred_concurrent_calls_with_an_expired_token_cause_exactly_one_token_request()
    {
        var clock = new FakeTimeProvider();
        await using var host = await StartAsync(expiresIn: 600);
        var (pipeline, source) = CreatePipeline(host, clock);
        await pipeline.SendAsync(Resource(), TestJsonContext.Default.Item, TestContext.Current.CancellationToken);
        Assert.Equal(1, _tokenRequests);

        clock.Advance(TimeSpan.FromMinutes(11));
        var calls = Enumerable.Range(0, 100).Select(_ => pipeline.SendAsync(Resource(), TestJsonContext.Default.Item, TestContext.Current.CancellationToken)).ToArray();
        var items = await Task.WhenAll(calls);

        Assert.Equal(2, _tokenRequests);
        Assert.Equal(2, host.Journal.CountOf("POST", "/oauth/token"));
        Assert.All(items, i => Assert.Equal("tok-2-client_credentials", i.Name));
        Assert.Equal(2, source.FetchCount);
    }

    [Fact]
    public async Task Token_is_refreshed_about_a_minute_before_it_expires()
    {
        var clock = new FakeTimeProvider();
        await using var host = await StartAsync(expiresIn: 600);
        var (pipeline, _) = CreatePipeline(host, clock);
        await pipeline.SendAsync(Resource(), TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromSeconds(530));
        await pipeline.SendAsync(Resource(), TestContext.Current.CancellationToken);
        Assert.Equal(1, _tokenRequests);

        clock.Advance(TimeSpan.FromSeconds(15));
        await pipeline.SendAsync(Resource(), TestContext.Current.CancellationToken);
        Assert.Equal(2, _tokenRequests);
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_resends()
    {
        await using var host = await StartAsync();
        var (pipeline, _) = CreatePipeline(host);
        await pipeline.SendAsync(Resource(), TestContext.Current.CancellationToken);

        // The server revokes tok-1 by issuing a new token to someone else: the resource now only accepts the newest.
        _issued.Enqueue("revoked-by-server");
        var item = await pipeline.SendAsync(Resource(), TestJsonContext.Default.Item, TestContext.Current.CancellationToken);

        Assert.Equal("tok-2-client_credentials", item.Name);
        Assert.Equal(3, host.Journal.CountOf("GET", "/resource"));
    }

    [Fact]
    public async Task A_persistent_401_refreshes_once_and_does_not_loop()
    {
        await using var host = await StartAsync();
        _rejectEverything = true;
        var (pipeline, _) = CreatePipeline(host);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Resource(), TestContext.Current.CancellationToken));

        Assert.Equal(401, ex.Status);
        Assert.False(ex.IsTransient);
        Assert.Equal(2, host.Journal.CountOf("GET", "/resource"));
        Assert.Equal(2, host.Journal.CountOf("POST", "/oauth/token"));
    }

    [Fact]
    public async Task Password_grant_renews_with_the_refresh_token_and_falls_back_when_it_is_rejected()
    {
        var clock = new FakeTimeProvider();
        await using var host = await StartAsync(expiresIn: 300, issueRefreshTokens: true);
        var (pipeline, _) = CreatePipeline(host, clock, o =>
        {
            o.GrantType = OAuth2GrantType.Password;
            o.Username = "user@domain";
            o.Password = "p@ss word!";
            o.BodyEncoding = OAuth2BodyEncoding.Multipart;
        });

        var first = await pipeline.SendAsync(Resource(), TestJsonContext.Default.Item, TestContext.Current.CancellationToken);
        Assert.Equal("tok-1-password", first.Name);
        var tokenRequest = host.Journal.Entries.First(e => e.Path == "/oauth/token");
        Assert.StartsWith("multipart/form-data", tokenRequest.ContentType, StringComparison.Ordinal);
        Assert.Contains("p@ss word!", tokenRequest.BodyText, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(6));
        var second = await pipeline.SendAsync(Resource(), TestJsonContext.Default.Item, TestContext.Current.CancellationToken);
        Assert.Equal("tok-2-refresh_token", second.Name);
        Assert.Contains("refresh-1", host.Journal.Entries.Last(e => e.Path == "/oauth/token").BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_endpoint_failure_is_a_typed_error_and_the_next_call_tries_again()
    {
        await using var host = await StartAsync();
        var (pipeline, _) = CreatePipeline(host, configure: o => o.ClientSecret = "wrong-secret");

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Resource(), TestContext.Current.CancellationToken));
        Assert.Equal(401, ex.Status);
        Assert.Equal("RequestToken", ex.Operation);

        await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Resource(), TestContext.Current.CancellationToken));
        Assert.Equal(2, host.Journal.CountOf("POST", "/oauth/token"));
        Assert.Equal(0, host.Journal.CountOf("GET", "/resource"));
    }

    [Fact]
    public async Task Static_headers_and_static_bearer_are_sent_on_every_request()
    {
        await using var host = await SimulatorHost.StartAsync(r => r.MapGet("/op", () => Results.Json(new { id = 1 })), cancellationToken: TestContext.Current.CancellationToken);
        var headers = Pipelines.Create(host.BaseAddress, o => o.Authentication = new StaticHeadersAuthenticationPolicy(new[] { new System.Collections.Generic.KeyValuePair<string, string>("apiKey", "key-123456") }, o.Redactor));
        var bearer = Pipelines.Create(host.BaseAddress, o => o.Authentication = new BearerTokenAuthenticationPolicy(new StaticTokenSource("lifetime-token-1"), o.Redactor));

        await headers.SendAsync(Pipelines.Request(Idempotency.Safe), TestContext.Current.CancellationToken);
        await bearer.SendAsync(Pipelines.Request(Idempotency.Safe), TestContext.Current.CancellationToken);

        Assert.Equal("key-123456", host.Journal.Entries[0].GetHeader("apiKey"));
        Assert.Equal("Bearer lifetime-token-1", host.Journal.Entries[1].GetHeader("Authorization"));
    }

    [Fact]
    public void Access_token_to_string_hides_the_token()
    {
        var token = new AccessToken("super-secret-token", DateTimeOffset.UnixEpoch, "refresh-secret");
        Assert.DoesNotContain("super-secret-token", token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-secret", token.ToString(), StringComparison.Ordinal);
    }
}
