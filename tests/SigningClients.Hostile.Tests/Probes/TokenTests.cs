using System.Text;
using SigningClients.Core;
using SigningClients.Hostile.Tests.Infrastructure;

namespace SigningClients.Hostile.Tests.Probes;

/// <summary>Class 7: a poisoned token never wedges the client, and a write that never left is not "outcome unknown".</summary>
public sealed class TokenTests
{
    [Theory(Timeout = 30_000)]
    [InlineData("Trident", "tok-abc\\r\\nX-Injected: 1")]
    [InlineData("Trident", "tök-ën-123456")]
    [InlineData("SigningToday", "tok-abc\\r\\nX-Injected: 1")]
    [InlineData("SigningToday", "tök-ën-123456")]
    public async Task Poisoned_access_token_fails_one_call_typed_and_the_next_call_works(string provider, string poisoned)
    {
        int tokens = 0;
        await using var server = new HostileServer((r, c) =>
            Clients.IsAuth(r)
                ? Clients.AuthAsync(c, Interlocked.Increment(ref tokens) == 1 ? poisoned : null)
                : c.JsonAsync(200, "{\"id\":\"sp-1\",\"values\":[]}"));
        var first = true;
        Exception? firstFailure = null;
        await HostileReport.ProbeAsync(
            "7 Poisoned tokens", "access_token " + poisoned.Replace("\\r\\n", "<CR><LF>", StringComparison.Ordinal) + ", then a good one", provider, "token answer with a control or non-ASCII access_token; the next token is valid",
            async () =>
            {
                var client = provider == "Trident" ? null : Clients.SigningToday(server.BaseAddress);
                var trident = provider == "Trident" ? Clients.Trident(server.BaseAddress) : null;
                Task Call() => trident is not null ? trident.GetSignerProcessAsync("sp-1") : client!.Dsts.ListAsync().AsPages().GetAsyncEnumerator().MoveNextAsync().AsTask();
                try
                {
                    await Call();
                }
                catch (Exception ex)
                {
                    firstFailure = ex;
                }

                first = false;
                await Call();
            },
            (ex, _) =>
            {
                Assert.False(first);
                Assert.Null(ex);
                Check.Typed(firstFailure, SigningFailureKind.InvalidResponse);
                Assert.DoesNotContain(server.Requests, r => r.RawHeaders.Contains("X-Injected", StringComparison.OrdinalIgnoreCase));
            });
    }

    [Fact(Timeout = 30_000)]
    public async Task ConsignO_poisoned_login_token_fails_the_write_without_outcome_unknown()
    {
        await using var server = new HostileServer((r, c) =>
            Clients.IsAuth(r)
                ? c.WriteAsync(Encoding.Latin1.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Auth-Token: s\u00e9ss-\u00f6-123456\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"))
                : c.JsonAsync(200, "{\"response\":{\"id\":\"doc-1\"}}"));
        await HostileReport.ProbeAsync(
            "7 Poisoned tokens", "login X-Auth-Token with non-ASCII bytes, then an upload (a write)", "ConsignO", "X-Auth-Token: s\\xE9ss-\\xF6-123456",
            () => Clients.ConsignO(server.BaseAddress).UploadDocumentAsync(new MemoryStream(SigningClients.TestSupport.TestPdf.Create("doc")), "a.pdf"),
            (ex, _) =>
            {
                var api = Check.Typed(ex, SigningFailureKind.InvalidResponse);
                Assert.False(api.OutcomeUnknown, "no upload left the process, yet the write is marked outcome unknown");
                Assert.DoesNotContain(server.Requests, r => !Clients.IsAuth(r));
            });
    }

    [Fact(Timeout = 30_000)]
    public async Task ConsignO_poisoned_rotated_token_is_not_adopted()
    {
        int calls = 0;
        await using var server = new HostileServer((r, c) =>
        {
            if (Clients.IsAuth(r))
            {
                return Clients.AuthAsync(c);
            }

            bool rotate = Interlocked.Increment(ref calls) == 1;
            return c.WriteAsync(Encoding.Latin1.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + (rotate ? "X-Auth-Token: r\u00f6tated-\u00e9-token\r\n" : string.Empty) +
                "Content-Length: 26\r\nConnection: close\r\n\r\n{\"response\":{\"id\":\"wf-1\"}}"));
        });
        var client = Clients.ConsignO(server.BaseAddress);
        await HostileReport.ProbeAsync(
            "7 Poisoned tokens", "rotated X-Auth-Token with non-ASCII bytes", "ConsignO", "first answer rotates to X-Auth-Token: r\\xF6tated-\\xE9-token",
            async () =>
            {
                await client.GetWorkflowAsync("wf-1");
                await client.GetWorkflowAsync("wf-1");
                await client.GetWorkflowAsync("wf-1");
            },
            (ex, _) =>
            {
                Assert.Null(ex);
                Assert.All(server.Requests.Where(r => !Clients.IsAuth(r)), r => Assert.Equal(Clients.SessionToken, r.Header("X-Auth-Token")));
            });
    }

    [Theory(Timeout = 30_000)]
    [InlineData("500000000000")]
    [InlineData("1e20")]
    [InlineData("\"Infinity\"")]
    [InlineData("1.7976931348623157e308")]
    public async Task Absurd_expires_in_does_not_break_calls(string expiresIn)
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c, expiresIn: expiresIn) : c.JsonAsync(200, "{\"id\":\"sp-1\"}"));
        var client = Clients.Trident(server.BaseAddress);
        await HostileReport.ProbeAsync(
            "7 Poisoned tokens", "expires_in " + expiresIn, "Trident", "token answer with expires_in " + expiresIn,
            async () =>
            {
                await client.GetSignerProcessAsync("sp-1");
                await client.GetSignerProcessAsync("sp-1");
            },
            (ex, _) => Assert.Null(ex));
    }

    [Fact(Timeout = 30_000)]
    public async Task Expires_in_below_the_refresh_margin_does_not_fetch_a_token_per_call()
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c, expiresIn: "30") : c.JsonAsync(200, "{\"id\":\"sp-1\"}"));
        var client = Clients.Trident(server.BaseAddress);
        await HostileReport.ProbeAsync(
            "7 Poisoned tokens", "expires_in 30 (below the 60 s refresh margin), 5 calls", "Trident", "token answer with expires_in 30",
            async () =>
            {
                for (int i = 0; i < 5; i++)
                {
                    await client.GetSignerProcessAsync("sp-1");
                }
            },
            (ex, _) =>
            {
                Assert.Null(ex);
                Assert.Single(server.Requests, Clients.IsAuth);
            });
    }
}
