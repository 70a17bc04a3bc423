using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SigningClients.Hostile.Tests.Infrastructure;
using SigningToday.Dst;
using Trident.SignerProcess;

namespace SigningClients.Hostile.Tests.Probes;

/// <summary>Class 6: IHttpClientFactory's own loggers must not write query tokens or Authorization headers.</summary>
public sealed class LoggingTests
{
    [Fact(Timeout = 30_000)]
    public async Task Trident_via_AddTridentClient_logs_no_bearer_token_at_trace()
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.JsonAsync(200, "{\"id\":\"sp-1\"}"));
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));

        // The application logs every header of its own HttpClients while it debugs them: the SDK's must stay quiet.
        services.ConfigureHttpClientDefaults(b => b.RedactLoggedHeaders(Array.Empty<string>()));
        services.AddTridentClient(o =>
        {
            o.Endpoint = server.BaseAddress;
            o.ClientId = "tr-client";
            o.ClientSecret = Clients.TridentClientSecret;
            o.AuthServer = "main";
            Clients.Tune(o);
        });
        await using var provider = services.BuildServiceProvider();
        await HostileReport.ProbeAsync(
            "6 Framework logging", "AddTridentClient, logging at Trace, app logs all header values", "Trident", "a token, then a normal answer (the probe reads the logs)",
            () => provider.GetRequiredService<ITridentClient>().GetSignerProcessAsync("sp-1"),
            (ex, _) =>
            {
                Assert.Null(ex);
                Assert.NotEmpty(logs.Lines);
                Check.NoCredentials(logs.All, "the logs");
            });
    }

    [Fact(Timeout = 30_000)]
    public async Task SigningToday_via_AddSigningTodayClient_logs_no_password_token_from_the_query()
    {
        const string passwordToken = "pwtoken-3c9d8e7f6a5b";

        // The application turned off the framework's URI redaction for its own diagnostics: the SDK's URIs must still not leak.
        AppContext.SetSwitch("System.Net.Http.DisableUriRedaction", true);
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) && !r.Target.Contains("changePassword", StringComparison.Ordinal) ? Clients.AuthAsync(c) : c.RawAsync("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSigningTodayClient(o =>
        {
            o.Endpoint = server.BaseAddress;
            o.AuthenticationMode = SigningTodayAuthenticationMode.Password;
            o.Username = "st-user";
            o.Domain = "example";
            o.Password = Clients.SigningTodayPassword;
            o.ClientId = "st-client";
            o.ClientSecret = Clients.SigningTodayClientSecret;
            Clients.Tune(o);
        });
        await using var provider = services.BuildServiceProvider();
        await HostileReport.ProbeAsync(
            "6 Framework logging", "ChangePasswordWithToken (token in the query), logging at Trace, URI redaction off", "SigningToday", "204 (the probe reads the logs)",
            () => provider.GetRequiredService<ISigningTodayClient>().Services.ChangePasswordWithTokenAsync(passwordToken, "N3w-Passw0rd-xyz"),
            (ex, _) =>
            {
                Assert.Null(ex);
                Assert.NotEmpty(logs.Lines);
                Assert.DoesNotContain(passwordToken, logs.All, StringComparison.Ordinal);
                Check.NoCredentials(logs.All, "the logs");
            });
    }
}
