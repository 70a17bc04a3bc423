using SigningClients.Hostile.Tests.Infrastructure;

namespace SigningClients.Hostile.Tests.Probes;

/// <summary>Class 8: ids cannot climb the path: dot segments, also encoded, are refused before any I/O.</summary>
public sealed class PathTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "Trident", "ConsignO", "SigningToday" })
        {
            foreach (var id in new[] { "..", ".", "%2e%2e", "%2E", ".%2e", "%252e%252e", " .. " })
            {
                data.Add(provider, id);
            }
        }

        return data;
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Cases))]
    public async Task Delete_with_a_dot_segment_id_is_refused_before_any_request(string provider, string id)
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.RawAsync("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        await HostileReport.ProbeAsync(
            "8 Path climbing", "Delete(\"" + id + "\")", provider, "(nothing: refused before I/O)",
            () => provider switch
            {
                "Trident" => Clients.Trident(server.BaseAddress).DeleteDocumentAsync(id),
                "ConsignO" => Clients.ConsignO(server.BaseAddress).DeleteWorkflowAsync(id),
                _ => Clients.SigningToday(server.BaseAddress).Dsts.DeleteAsync(id),
            },
            (ex, _) =>
            {
                Assert.IsType<ArgumentException>(ex, exactMatch: false);
                Assert.Empty(server.Requests);
            });
    }
}
