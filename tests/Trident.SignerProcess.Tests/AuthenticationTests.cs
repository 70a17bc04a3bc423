using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Core;
using SigningClients.TestSupport;
using Xunit;

namespace Trident.SignerProcess.Tests;

public sealed class AuthenticationTests
{
    private const string TokenPath = "/trustedx-authserver/oauth/main-as/token";

    [Fact]
    public async Task One_token_serves_many_calls()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        var process = await h.CreateAsync(cancellationToken: ct);
        for (int i = 0; i < 5; i++)
        {
            await h.Client.GetSignerProcessAsync(process.Id, ct);
            await h.Client.GetSignerProcessResultAsync(process.Id, ct);
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => h.Client.GetSignerProcessAsync(process.Id, ct)));

        Assert.Equal(1, h.Simulator.Journal.CountOf("POST", TokenPath));
        Assert.Equal(1, h.Simulator.TokensIssued);
        Assert.Equal(19, h.Simulator.Journal.Entries.Count(e => e.Path.StartsWith("/trustedx-resources/", StringComparison.Ordinal)));
        Assert.All(h.Simulator.Journal.Entries.Where(e => e.Path.StartsWith("/trustedx-resources/", StringComparison.Ordinal)), e => Assert.StartsWith("Bearer sim-at-", e.GetHeader("Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Token_request_is_client_credentials_with_basic_auth_scope_and_form_body()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        await h.CreateAsync(cancellationToken: ct);

        var token = h.Simulator.Journal.Entries.Single(e => e.Path == TokenPath);
        Assert.Equal("POST", token.Method);
        Assert.Equal("application/x-www-form-urlencoded", token.ContentType);
        Assert.Equal("grant_type=client_credentials&scope=urn%3Asafelayer%3Aeidas%3Asign%3Aprocess%3Adocument", token.BodyText);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(h.Simulator.ClientId + ":" + h.Simulator.ClientSecret));
        Assert.Equal("Basic " + basic, token.GetHeader("Authorization"));
    }

    [Fact]
    public async Task Token_is_refreshed_before_it_expires_on_the_clock()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero));
        await using var h = await TridentHarness.StartAsync(clock: clock, cancellationToken: ct);
        var process = await h.CreateAsync(cancellationToken: ct);
        await h.Client.GetSignerProcessAsync(process.Id, ct);
        Assert.Equal(1, h.Simulator.TokensIssued);

        clock.Advance(TimeSpan.FromSeconds(539)); // 600 s lifetime, 60 s margin: still fresh
        await h.Client.GetSignerProcessAsync(process.Id, ct);
        Assert.Equal(1, h.Simulator.TokensIssued);

        clock.Advance(TimeSpan.FromSeconds(2)); // inside the refresh margin
        await h.Client.GetSignerProcessAsync(process.Id, ct);
        Assert.Equal(2, h.Simulator.TokensIssued);
        Assert.DoesNotContain(h.Simulator.Journal.Entries, e => e.ResponseStatus == 401);

        var tokens = h.Simulator.Journal.Entries.Where(e => e.Path.StartsWith("/trustedx-resources/", StringComparison.Ordinal)).Select(e => e.GetHeader("Authorization")).ToList();
        Assert.Equal(tokens[0], tokens[2]);
        Assert.NotEqual(tokens[0], tokens[3]);
    }

    [Fact]
    public async Task Token_rejected_by_the_server_is_replaced_once_and_the_call_resent()
    {
        var ct = TestContext.Current.CancellationToken;
        var serverClock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero));
        var clientClock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero));
        await using var h = await TridentHarness.StartAsync(s => s.Host.TimeProvider = serverClock, clock: clientClock, cancellationToken: ct);
        var process = await h.CreateAsync(cancellationToken: ct);

        serverClock.Advance(TimeSpan.FromMinutes(11)); // the server expired the token, the client does not know yet
        var read = await h.Client.GetSignerProcessAsync(process.Id, ct);

        Assert.Equal(process.Id, read.Id);
        Assert.Equal(2, h.Simulator.TokensIssued);
        Assert.Equal(new int?[] { 401, 200 }, h.Simulator.Journal.Entries.Where(e => e.Path.EndsWith(process.Id, StringComparison.Ordinal)).Select(e => e.ResponseStatus).ToArray());
    }

    [Fact]
    public async Task Wrong_client_secret_fails_with_401_and_no_secret_in_the_message()
    {
        var ct = TestContext.Current.CancellationToken;
        const string wrong = "wrong-secret-9d8c7b";
        await using var h = await TridentHarness.StartAsync(configureClient: o => o.ClientSecret = wrong, cancellationToken: ct);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => h.Client.GetSignerProcessAsync("sp-1", ct));
        Assert.Equal(401, ex.Status);
        Assert.Equal("invalid_client", ex.ErrorCode);
        Assert.Equal("RequestToken", ex.Operation);
        Assert.Equal(0, h.Simulator.Journal.CountOf("GET", "/trustedx-resources/"));
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(h.Simulator.ClientId + ":" + wrong));
        SecretScanner.AssertNoSecrets(h.Logs.AllText.Concat(new[] { ex.ToString(), ex.BodyExcerpt ?? string.Empty }), wrong, basic);
    }

    [Fact]
    public async Task Scope_not_granted_to_the_client_is_rejected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(configureClient: o => o.Scope = "urn:safelayer:eidas:admin", cancellationToken: ct);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => h.Client.GetSignerProcessAsync("sp-1", ct));
        Assert.Equal(400, ex.Status);
        Assert.Equal("invalid_scope", ex.ErrorCode);
    }

    [Fact]
    public async Task Unknown_auth_server_name_is_a_404_on_the_token_endpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(configureClient: o => o.AuthServer = "other-as", cancellationToken: ct);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => h.Client.GetSignerProcessAsync("sp-1", ct));
        Assert.Equal(404, ex.Status);
        Assert.Equal(1, h.Simulator.Journal.CountOf("POST", "/trustedx-authserver/oauth/other-as/token"));
    }

    [Fact]
    public void Token_endpoint_is_built_from_the_auth_server_or_overridden()
    {
        var options = new TridentClientOptions { Endpoint = new Uri("https://trident.example.com/"), AuthServer = "main-as" };
        Assert.Equal("https://trident.example.com/trustedx-authserver/oauth/main-as/token", options.GetTokenEndpoint().AbsoluteUri);

        options.AuthorizationServerEndpoint = new Uri("https://auth.example.com/base");
        Assert.Equal("https://auth.example.com/base/trustedx-authserver/oauth/main-as/token", options.GetTokenEndpoint().AbsoluteUri);

        options.TokenEndpoint = new Uri("https://idp.example.com/oauth/token");
        Assert.Equal("https://idp.example.com/oauth/token", options.GetTokenEndpoint().AbsoluteUri);
    }
}
