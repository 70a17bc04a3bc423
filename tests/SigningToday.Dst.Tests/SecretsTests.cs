using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.TestSupport;
using SigningToday.Dst.Models;
using Xunit;

namespace SigningToday.Dst.Tests;

/// <summary>Secrets never reach logs, exception messages or ToString().</summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task Secrets_never_reach_logs_or_exception_messages_and_oauth_refreshes_after_expiry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var (sim, robot) = harness;
        var logs = harness.Logs;
        var admin = harness.CreateAdminClient();
        var me = await admin.Services.GetCurrentUserAsync(ct);
        Assert.Equal("admin", me.Username);
        sim.ExpireAccessTokens();
        await admin.Services.GetCurrentUserAsync(ct); // 401 -> refresh -> resend
        Assert.Equal(2, sim.IssuedAccessTokens);
        Assert.Contains(sim.Journal.Entries, e => e.Path == "/api/oauth/token" && e.BodyText.Contains("refresh_token", StringComparison.Ordinal));

        var messages = new List<string>();
        var bad = harness.CreateClient(o => o.RobotToken = "wrong-robot-token-123");
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => bad.Dsts.GetAsync("x", ct));
        Assert.Equal(401, ex.Status);
        messages.Add(ex.ToString());
        var token = (await robot.Robots.GetTokenAsync(cancellationToken: ct)).AccessToken!;
        messages.Add(admin.ToString());
        messages.Add(new SigningTodayClientOptions { RobotToken = token, Password = sim.Settings.AdminPassword, ClientSecret = sim.Settings.ClientSecret }.ToString());
        messages.Add(new OAuthToken { AccessToken = "acc-secret", RefreshToken = "ref-secret" }.ToString());
        var oauthTokens = sim.Journal.Entries.Where(e => e.Path == "/api/oauth/token").ToList();
        Assert.NotEmpty(oauthTokens);
        SecretScanner.AssertNoSecrets(logs.AllText.Concat(messages), token, sim.Settings.AdminPassword, sim.Settings.ClientSecret, "wrong-robot-token-123", "acc-secret", "ref-secret");
    }
}
