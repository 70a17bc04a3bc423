using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks;
using ConsignO.Workflows.Models;
using SigningClients.Core;
using SigningClients.Hostile.Tests.Infrastructure;

namespace SigningClients.Hostile.Tests.Probes;

/// <summary>Class 9: an ambiguous answer (a member given twice) is refused, never resolved silently.</summary>
public sealed class AmbiguityTests
{
    [Theory(Timeout = 30_000)]
    [InlineData("{\"IsSuccessful\":false,\"Message\":\"denied\",\"IsSuccessful\":true}")]
    [InlineData("{\"IsSuccessful\":false,\"Message\":\"denied\",\"isSuccessful\":true}")]
    [InlineData("{\"isSuccessful\":false,\"ISSUCCESSFUL\":true}")]
    public async Task AlphaTrust_duplicate_IsSuccessful_is_an_invalid_response(string body)
    {
        await using var server = new HostileServer((_, c) => c.JsonAsync(200, body));
        await HostileReport.ProbeAsync(
            "9 Duplicate keys", "RemoteSign answer " + body, "AlphaTrust", body,
            () => Clients.AlphaTrust(server.BaseAddress).RemoteSignAsync(new RemoteSignTask(1, "203.0.113.7")),
            (ex, _) => Check.Typed(ex, SigningFailureKind.InvalidResponse));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("{\"response\":{\"id\":\"wf-1\",\"status\":4,\"status\":2}}")]
    [InlineData("{\"response\":{\"id\":\"wf-1\",\"status\":4,\"Status\":2}}")]
    [InlineData("{\"response\":{\"id\":\"wf-1\"},\"response\":{\"id\":\"wf-2\"}}")]
    public async Task ConsignO_duplicate_members_are_an_invalid_response(string body)
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.JsonAsync(200, body));
        await HostileReport.ProbeAsync(
            "9 Duplicate keys", "GetWorkflow answer " + body, "ConsignO", body,
            () => Clients.ConsignO(server.BaseAddress).GetWorkflowAsync("wf-1"),
            (ex, _) => Check.Typed(ex, SigningFailureKind.InvalidResponse));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("https://app.example/return?status=cancel&status=success")]
    [InlineData("https://app.example/return?status=cancel&STATUS=success")]
    public async Task ConsignO_return_url_with_two_statuses_is_not_read_as_either(string url)
    {
        bool parsed = true;
        await HostileReport.ProbeAsync(
            "9 Duplicate keys", "ReturnUrlResult " + url, "ConsignO", "(a browser's return URL) " + url,
            () =>
            {
                parsed = ReturnUrlResult.TryParse(new Uri(url), out _);
                ReturnUrlResult.Parse(new Uri(url));
                return Task.CompletedTask;
            },
            (ex, _) =>
            {
                Assert.False(parsed);
                Assert.IsType<ArgumentException>(ex, exactMatch: false);
            });
    }
}
