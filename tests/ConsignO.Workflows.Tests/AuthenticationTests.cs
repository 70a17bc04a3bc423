using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Core;
using Xunit;

namespace ConsignO.Workflows.Tests;

/// <summary>Login, the session token (rotation, expiry, idle timeout), tenant and platform credentials.</summary>
public sealed class AuthenticationTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rotated_token_is_used_on_every_following_request_and_the_old_one_is_never_sent_again()
    {
        // Every response rotates the token, and the simulator refuses superseded tokens.
        await using var harness = await ConsignOHarness.StartAsync(s => { s.RotateTokenEvery = 1; s.RejectSupersededTokens = true; }, cancellationToken: TestContext.Current.CancellationToken);
        var workflow = await harness.CreateLaunchedWorkflowAsync();
        for (int i = 0; i < 5; i++)
        {
            await harness.Client.GetWorkflowAsync(workflow.Id, Ct);
        }

        harness.Simulator.SignAll(workflow.Id);
        using (var download = await harness.Client.DownloadDocumentsAsync(workflow.Id, Ct))
        {
            await download.CopyToAsync(System.IO.Stream.Null, Ct);
        }

        using (var audit = await harness.Client.DownloadAuditTrailAsync(workflow.Id, Ct))
        {
            await audit.CopyToAsync(System.IO.Stream.Null, Ct);
        }

        await harness.Client.GetWorkflowAsync(workflow.Id, Ct);

        var issued = harness.Simulator.IssuedTokens;
        var entries = harness.Simulator.Journal.Entries.Where(e => !e.Path.EndsWith("/auth/login", StringComparison.Ordinal)).ToList();
        Assert.Equal(1, harness.Simulator.LoginCount);
        Assert.All(harness.Simulator.Journal.Entries, e => Assert.Equal(200, e.ResponseStatus));
        Assert.Equal(entries.Count + 1, issued.Count); // one login + one rotation per answer

        for (int i = 0; i < entries.Count; i++)
        {
            string? sent = entries[i].GetHeader("X-Auth-Token") ?? FormToken(entries[i].BodyText);
            Assert.Equal(issued[i], sent); // the newest token at that moment
            Assert.DoesNotContain(sent, issued.Take(i)); // never an older one
        }
    }

    [Fact]
    public async Task Downloads_carry_the_token_as_form_parameter_not_header()
    {
        await using var harness = await ConsignOHarness.StartAsync(s => s.RotateTokenEvery = 2, cancellationToken: TestContext.Current.CancellationToken);
        var workflow = await harness.CreateLaunchedWorkflowAsync();
        harness.Simulator.SignAll(workflow.Id);
        using var download = await harness.Client.DownloadDocumentsAsync(workflow.Id, Ct);

        var entry = harness.Simulator.Journal.Entries[^1];
        Assert.EndsWith("/documents", entry.Path, StringComparison.Ordinal);
        Assert.Null(entry.GetHeader("X-Auth-Token"));
        Assert.StartsWith("application/x-www-form-urlencoded", entry.ContentType, StringComparison.Ordinal);
        Assert.Equal(harness.Simulator.IssuedTokens[^1], FormToken(entry.BodyText));
    }

    [Fact]
    public async Task Idle_session_logs_in_again_before_sending()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2024-05-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var harness = await ConsignOHarness.StartAsync(clock: time, cancellationToken: TestContext.Current.CancellationToken);
        var workflow = await harness.CreateLaunchedWorkflowAsync();
        Assert.Equal(1, harness.Simulator.LoginCount);

        time.Advance(TimeSpan.FromMinutes(29));
        await harness.Client.GetWorkflowAsync(workflow.Id, Ct);
        Assert.Equal(1, harness.Simulator.LoginCount); // activity refreshed the idle clock

        time.Advance(TimeSpan.FromMinutes(30));
        await harness.Client.GetWorkflowAsync(workflow.Id, Ct);

        Assert.Equal(2, harness.Simulator.LoginCount);
        Assert.DoesNotContain(harness.Simulator.Journal.Entries, e => e.ResponseStatus == 401); // no failed attempt first
        var last = harness.Simulator.Journal.Entries.TakeLast(2).ToList();
        Assert.EndsWith("/auth/login", last[0].Path, StringComparison.Ordinal);
        Assert.Equal(harness.Simulator.IssuedTokens[^1], last[1].GetHeader("X-Auth-Token"));
    }

    [Fact]
    public async Task Fifty_concurrent_calls_after_idle_expiry_share_exactly_one_login()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2024-05-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var harness = await ConsignOHarness.StartAsync(clock: time, cancellationToken: TestContext.Current.CancellationToken);
        var workflow = await harness.CreateLaunchedWorkflowAsync();
        time.Advance(TimeSpan.FromMinutes(45));
        int before = harness.Simulator.LoginCount;

        var calls = Enumerable.Range(0, 50).Select(_ => harness.Client.GetWorkflowAsync(workflow.Id, Ct)).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.All(results, w => Assert.Equal(workflow.Id, w.Id));
        Assert.Equal(before + 1, harness.Simulator.LoginCount);
        Assert.Equal(50, harness.Simulator.Journal.CountOf("GET", "/api/v1/workflows/" + workflow.Id) - 0);
    }

    [Fact]
    public async Task A_401_logs_in_once_and_resends_once()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var workflow = await harness.CreateLaunchedWorkflowAsync();
        harness.Simulator.ExpireAllSessions();

        var again = await harness.Client.GetWorkflowAsync(workflow.Id, Ct);

        Assert.Equal(workflow.Id, again.Id);
        Assert.Equal(2, harness.Simulator.LoginCount);
        var statuses = harness.Simulator.Journal.Entries.TakeLast(3).Select(e => (e.Method, e.ResponseStatus)).ToList();
        Assert.Equal(new[] { ("GET", (int?)401), ("POST", (int?)200), ("GET", (int?)200) }, statuses);
    }

    [Fact]
    public async Task Server_idle_limit_shorter_than_the_client_s_is_recovered_by_the_401_path()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2024-05-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var harness = await ConsignOHarness.StartAsync(s => s.IdleTimeout = TimeSpan.FromMinutes(10), c => c.SessionIdleTimeout = TimeSpan.FromMinutes(30), time, cancellationToken: TestContext.Current.CancellationToken);
        var workflow = await harness.CreateLaunchedWorkflowAsync();
        time.Advance(TimeSpan.FromMinutes(15));

        await harness.Client.GetWorkflowAsync(workflow.Id, Ct);

        Assert.Equal(2, harness.Simulator.LoginCount);
        Assert.Equal(1, harness.Simulator.Journal.Entries.Count(e => e.ResponseStatus == 401));
    }

    [Fact]
    public async Task Persistent_401_is_not_retried_in_a_loop()
    {
        await using var harness = await ConsignOHarness.StartAsync(s => s.RotateTokenEvery = 0, cancellationToken: TestContext.Current.CancellationToken);
        var workflow = await harness.CreateLaunchedWorkflowAsync();
        harness.Simulator.Settings.Password = "changed-on-the-server";
        harness.Simulator.ExpireAllSessions();

        var error = await Assert.ThrowsAsync<SigningApiException>(() => harness.Client.GetWorkflowAsync(workflow.Id, Ct));

        Assert.Equal(401, error.Status);
        Assert.Equal("INVALID_CREDENTIALS", error.ErrorCode);
        Assert.Equal("Login", error.Operation);
        Assert.Equal(1, harness.Simulator.Journal.Entries.Count(e => e.Method == "GET" && e.ResponseStatus == 401));
    }

    [Fact]
    public async Task Wrong_credentials_fail_with_the_provider_error()
    {
        await using var harness = await ConsignOHarness.StartAsync(configureClient: c => c.Password = "wrong-password", cancellationToken: TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SigningApiException>(() => harness.Client.GetWorkflowAsync("0123456789abcdef01234567", Ct));

        Assert.Equal(401, error.Status);
        Assert.Equal("INVALID_CREDENTIALS", error.ErrorCode);
        Assert.Equal(1, harness.Simulator.Journal.Count);
    }

    [Fact]
    public async Task Tenant_and_platform_client_headers_are_sent_at_login()
    {
        await using var harness = await ConsignOHarness.StartAsync(s =>
        {
            s.Tenant = "acme";
            s.ClientId = "platform-id";
            s.ClientSecret = "platform-secret-value";
        }, cancellationToken: TestContext.Current.CancellationToken);

        await harness.Client.LoginAsync(Ct);

        var login = Assert.Single(harness.Simulator.Journal.Entries);
        Assert.Equal("platform-id", login.GetHeader("X-Client-Id"));
        Assert.Equal("platform-secret-value", login.GetHeader("X-Client-Secret"));
        Assert.Contains("\"tenant\":\"acme\"", login.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_tenant_is_refused()
    {
        await using var harness = await ConsignOHarness.StartAsync(s => s.Tenant = "acme", c => c.Tenant = "other", cancellationToken: TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SigningApiException>(() => harness.Client.LoginAsync(Ct));

        Assert.Equal("INVALID_TENANT", error.ErrorCode);
    }

    [Fact]
    public async Task Custom_tenant_field_name_is_used()
    {
        await using var harness = await ConsignOHarness.StartAsync(s => { s.Tenant = "acme"; s.TenantFieldName = "organization"; }, c => c.TenantFieldName = "organization", cancellationToken: TestContext.Current.CancellationToken);

        await harness.Client.LoginAsync(Ct);

        Assert.Contains("\"organization\":\"acme\"", harness.Simulator.Journal.Entries[0].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_and_logout()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(await harness.Client.VerifySessionAsync(Ct)); // no session: nothing sent
        await harness.Client.LogoutAsync(Ct);
        Assert.Equal(0, harness.Simulator.Journal.Count);

        await harness.Client.LoginAsync(Ct);
        Assert.True(await harness.Client.VerifySessionAsync(Ct));
        var head = harness.Simulator.Journal.Entries[^1];
        Assert.Equal("HEAD", head.Method);
        Assert.Equal("/api/v1/auth", head.Path);

        await harness.Client.LogoutAsync(Ct);
        var logout = harness.Simulator.Journal.Entries[^1];
        Assert.Equal("/api/v1/auth/logout", logout.Path);
        Assert.Equal(200, logout.ResponseStatus);
        Assert.False(await harness.Client.VerifySessionAsync(Ct));

        // The next operation logs in again.
        await harness.CreateLaunchedWorkflowAsync();
        Assert.Equal(2, harness.Simulator.LoginCount);
    }

    [Fact]
    public async Task Verify_reports_an_expired_session_without_logging_in()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await harness.Client.LoginAsync(Ct);
        harness.Simulator.ExpireAllSessions();

        Assert.False(await harness.Client.VerifySessionAsync(Ct));
        Assert.Equal(1, harness.Simulator.LoginCount);
    }

    internal static string? FormToken(string body)
    {
        const string prefix = "X-Auth-Token=";
        return body.StartsWith(prefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(body[prefix.Length..]) : null;
    }
}
