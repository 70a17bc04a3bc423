using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks;
using ConsignO.Workflows;
using Signant.InstantSign;
using SigningClients.Core;
using SigningClients.Hostile.Tests.Infrastructure;
using SigningToday.Dst;
using Trident.SignerProcess;

namespace SigningClients.Hostile.Tests.Probes;

/// <summary>Classes 3 and 10: credentials stay redacted however many per-call secrets pass, also in inner exceptions and options.</summary>
public sealed class RedactionTests
{
    private const int Calls = 530;

    [Fact(Timeout = 60_000)]
    public async Task AlphaTrust_credentials_stay_redacted_after_530_per_task_passwords()
    {
        int count = 0;
        var echo = "{\"IsSuccessful\":false,\"Message\":\"bad credentials " + Clients.AlphaTrustApiKey + " " + Clients.AlphaTrustApiSecret + " " + Clients.AlphaTrustUser + " " + Clients.AlphaTrustPassword + "\"}";
        await using var server = new HostileServer((_, c) => Interlocked.Increment(ref count) <= Calls ? c.JsonAsync(200, "{\"IsSuccessful\":true}") : c.JsonAsync(400, echo));
        var logs = new CapturingLoggerProvider();
        var client = Clients.AlphaTrust(server.BaseAddress, logs: logs);
        await HostileReport.ProbeAsync(
            "3 Redactor eviction", Calls + " RemoteSign calls with per-task passwords, then an error echoing the 4 credentials", "AlphaTrust", "HTTP 400 {IsSuccessful:false, Message: the API key, secret, user and password}",
            async () =>
            {
                for (int i = 0; i < Calls; i++)
                {
                    await client.RemoteSignAsync(new RemoteSignTask(i + 1, "203.0.113.7", TaskAuthentication.Password("per-task-" + i.ToString("D5"))));
                }

                await client.RemoteSignAsync(new RemoteSignTask(9999, "203.0.113.7", TaskAuthentication.Password("per-task-last")));
            },
            (ex, _) =>
            {
                Check.Typed(ex, SigningFailureKind.HttpError);
                Check.NoCredentials(logs.All, "the SDK's logs");
            });
    }

    [Fact(Timeout = 60_000)]
    public async Task ConsignO_password_stays_redacted_after_530_rotated_session_tokens()
    {
        int count = 0;
        var echo = "{\"msg\":\"login failed for password " + Clients.ConsignOPassword + " secret " + Clients.ConsignOClientSecret + "\"}";
        await using var server = new HostileServer((r, c) =>
        {
            if (Clients.IsAuth(r))
            {
                return Clients.AuthAsync(c);
            }

            int n = Interlocked.Increment(ref count);
            return n <= Calls
                ? c.JsonAsync(200, "{\"response\":{\"id\":\"wf-1\"}}", "X-Auth-Token: rotated-" + n.ToString("D6") + "-token\r\n")
                : c.JsonAsync(400, echo);
        });
        var logs = new CapturingLoggerProvider();
        var client = Clients.ConsignO(server.BaseAddress, logs: logs);
        await HostileReport.ProbeAsync(
            "3 Redactor eviction", Calls + " answers each rotating X-Auth-Token, then an error echoing the password", "ConsignO", "X-Auth-Token rotated " + Calls + " times, then HTTP 400 quoting password and client secret",
            async () =>
            {
                for (int i = 0; i <= Calls; i++)
                {
                    await client.GetWorkflowAsync("wf-1");
                }
            },
            (ex, _) =>
            {
                Check.Typed(ex, SigningFailureKind.HttpError);
                Check.NoCredentials(logs.All, "the SDK's logs");
            });
    }

    [Fact(Timeout = 30_000)]
    public async Task Signant_access_code_quoted_by_the_server_is_not_in_the_inner_exception()
    {
        await using var server = new HostileServer((_, c) => c.XmlAsync(200, SoapEnvelopes.Result("GetPostingStatus", "<Success>false</Success><ErrorCode>x" + Clients.SignantAccessCode + "</ErrorCode>")));
        await HostileReport.ProbeAsync(
            "10 Inner exceptions and ToString", "a value the parser rejects quotes the access code", "Signant", "<ErrorCode>x(access code)</ErrorCode> in a 200 answer",
            () => Clients.Signant(server.BaseAddress).GetPostingStatusAsync(Guid.NewGuid()),
            (ex, _) =>
            {
                var api = Check.Typed(ex, SigningFailureKind.InvalidResponse);
                for (Exception? e = api; e is not null; e = e.InnerException)
                {
                    Check.NoCredentials(e.Message, "an inner exception's message");
                    Check.NoCredentials(e.ToString(), "an inner exception's ToString()");
                }
            });
    }

    public static TheoryData<string> Providers() => new(Clients.Providers);

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Providers))]
    public async Task Options_ToString_does_not_show_user_info_of_the_endpoint(string provider)
    {
        var endpoint = new Uri("https://admin:" + Clients.AlphaTrustPassword + "@provider.example/api/?key=" + Clients.AlphaTrustApiKey);
        SigningClientOptions options = provider switch
        {
            "AlphaTrust" => new AlphaTrustClientOptions { Endpoint = endpoint },
            "ConsignO" => new ConsignOClientOptions { Endpoint = endpoint },
            "Signant" => new SignantClientOptions { Endpoint = endpoint },
            "SigningToday" => new SigningTodayClientOptions { Endpoint = endpoint },
            _ => new TridentClientOptions { Endpoint = endpoint },
        };
        string text = string.Empty;
        await HostileReport.ProbeAsync(
            "10 Inner exceptions and ToString", "options.ToString() with user info and a key in the endpoint", provider, "(no server: configuration) https://admin:(password)@provider.example/api/?key=(api key)",
            () =>
            {
                text = options.ToString()!;
                return Task.CompletedTask;
            },
            (ex, _) =>
            {
                Assert.Null(ex);
                Assert.Contains("provider.example", text, StringComparison.Ordinal);
                Check.NoCredentials(text, "options.ToString()");
            });
    }
}
