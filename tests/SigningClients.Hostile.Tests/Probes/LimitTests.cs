using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks;
using SigningClients.Core;
using SigningClients.Hostile.Tests.Infrastructure;

namespace SigningClients.Hostile.Tests.Probes;

/// <summary>Classes 5 and 9: answers and calls are bounded — size, provider message, body stalls, total time, paging.</summary>
public sealed class LimitTests
{
    private const long MemoryBound = 48L * 1024 * 1024;

    [Theory(Timeout = 60_000)]
    [InlineData("Trident")]
    [InlineData("ConsignO")]
    [InlineData("AlphaTrust")]
    [InlineData("SigningToday")]
    public async Task Endless_json_answer_stops_at_the_response_limit(string provider)
    {
        // The server gives up after 64 MB so that code without a limit fails the memory bound instead of exhausting the machine.
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : EndlessArrayAsync(c, 64L * 1024 * 1024));
        await HostileReport.ProbeAsync(
            "5 Unbounded answers", "typed JSON answer that never ends", provider, "HTTP 200, Content-Length 64 MB: {\"values\":[{…},{…},… (the array never closes)",
            () => Clients.CallAsync(provider, server.BaseAddress),
            (ex, m) =>
            {
                Check.Typed(ex, SigningFailureKind.InvalidResponse);
                Assert.True(m.AllocatedBytes < MemoryBound, "allocated " + m.AllocatedBytes / 1024 / 1024 + " MB for a " + HostileLimits.MaxResponseBytes / 1024 + " KB limit");
            });
    }

    [Fact(Timeout = 30_000)]
    public async Task Huge_provider_message_is_cut_to_the_message_limit()
    {
        var message = new string('A', 200_000);
        await using var server = new HostileServer((_, c) => c.JsonAsync(200, "{\"IsSuccessful\":false,\"Message\":\"" + message + "\"}"));
        await HostileReport.ProbeAsync(
            "5 Unbounded answers", "200 KB provider message", "AlphaTrust", "{IsSuccessful:false, Message: 200,000 characters}",
            () => Clients.AlphaTrust(server.BaseAddress).RemoteSignAsync(new RemoteSignTask(1, "203.0.113.7")),
            (ex, _) =>
            {
                var api = Check.Typed(ex);
                Assert.True(api.ProviderMessage!.Length <= HostileLimits.MaxProviderMessageLength, "provider message of " + api.ProviderMessage.Length + " characters");
                Assert.True(api.Message.Length <= HostileLimits.MaxProviderMessageLength + 1024, "exception message of " + api.Message.Length + " characters");
            });
    }

    [Theory(Timeout = 30_000)]
    [InlineData("Trident")]
    [InlineData("ConsignO")]
    [InlineData("AlphaTrust")]
    [InlineData("Signant")]
    [InlineData("SigningToday")]
    public async Task Typed_answer_that_stalls_after_the_headers_times_out(string provider)
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.StallAfterHeadersAsync(200, provider == "Signant" ? "text/xml" : "application/json", provider == "Signant" ? "<s:Envelope" : "{\"id\":", 100_000));
        await HostileReport.ProbeAsync(
            "5 Unbounded answers", "typed answer stalls after headers", provider, "headers (Content-Length 100000) and 6 bytes, then silence",
            () => Clients.CallAsync(provider, server.BaseAddress),
            (ex, _) => Assert.True(Check.Typed(ex, SigningFailureKind.Timeout).IsTransient));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("Trident")]
    [InlineData("AlphaTrust")]
    public async Task Typed_answer_dripping_one_byte_at_a_time_is_bounded_by_the_total_time(string provider)
    {
        await using var server = new HostileServer(async (r, c) =>
        {
            if (Clients.IsAuth(r))
            {
                await Clients.AuthAsync(c);
                return;
            }

            // Each byte arrives well within the idle timeout, so only the call's total time can end it.
            await c.RawAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n{\"id\":\"");
            while (!c.Stopping.IsCancellationRequested)
            {
                await c.RawAsync("a");
                await Task.Delay(200, c.Stopping);
            }
        });
        await HostileReport.ProbeAsync(
            "5 Unbounded answers", "typed answer drips one byte every 200 ms", provider, "headers, then 1 byte / 200 ms without end",
            () => Clients.CallAsync(provider, server.BaseAddress),
            (ex, _) => Check.Typed(ex, SigningFailureKind.Timeout));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("Trident")]
    [InlineData("ConsignO")]
    public async Task Streamed_download_that_stalls_times_out(string provider)
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.StallAfterHeadersAsync(200, "application/pdf", "%PDF-1.7", 1_000_000));
        await HostileReport.ProbeAsync(
            "5 Unbounded answers", "download stalls after headers", provider, "headers (Content-Length 1000000) and 8 bytes, then silence",
            async () =>
            {
                var download = provider == "Trident"
                    ? await Clients.Trident(server.BaseAddress).DownloadDocumentContentAsync("doc-1")
                    : await Clients.ConsignO(server.BaseAddress).DownloadDocumentsAsync("wf-1");
                using (download)
                {
                    await download.Content.CopyToAsync(Stream.Null);
                }
            },
            (ex, _) => Check.Typed(ex, SigningFailureKind.Timeout));
    }

    [Fact(Timeout = 30_000)]
    public async Task Signant_attachment_that_stalls_mid_base64_times_out()
    {
        await using var server = new HostileServer((_, c) => c.StallAfterHeadersAsync(200, "text/xml", SoapEnvelopes.DownloadPrefix() + "JVBERi0xLjcK", 10_000_000));
        await HostileReport.ProbeAsync(
            "5 Unbounded answers", "attachment stalls mid-base64", "Signant", "envelope start and 12 base64 characters, then silence",
            () => Clients.Signant(server.BaseAddress).DownloadInstantAttachmentAsync(Guid.NewGuid(), Guid.NewGuid(), new CountingStream()),
            (ex, _) => Check.Typed(ex, SigningFailureKind.Timeout));
    }

    [Fact(Timeout = 30_000)]
    public async Task Signant_endless_base64_attachment_stops_at_the_attachment_limit()
    {
        await using var server = new HostileServer((_, c) => c.EndlessAsync(200, "text/xml", SoapEnvelopes.DownloadPrefix(), "QUFBQUFBQUFBQUFB"));
        var destination = new CountingStream();
        await HostileReport.ProbeAsync(
            "5 Unbounded answers", "endless base64 attachment", "Signant", "<AttachmentFile> base64 without end",
            () => Clients.Signant(server.BaseAddress).DownloadInstantAttachmentAsync(Guid.NewGuid(), Guid.NewGuid(), destination),
            (ex, m) =>
            {
                Check.Typed(ex, SigningFailureKind.InvalidResponse);
                Assert.True(destination.Written <= HostileLimits.MaxAttachmentBytes, destination.Written + " bytes written to the destination");
                Assert.True(m.AllocatedBytes < MemoryBound);
            });
    }

    [Theory(Timeout = 15_000)]
    [InlineData("Trident")]
    [InlineData("AlphaTrust")]
    [InlineData("ConsignO")]
    public async Task Retry_after_longer_than_the_time_left_is_handed_to_the_caller(string provider)
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.JsonAsync(429, "{}", "Retry-After: 20\r\n"));
        await HostileReport.ProbeAsync(
            "9 Retry-After and total time", "429 storm, Retry-After: 20", provider, "HTTP 429 Retry-After: 20 on every call",
            () => Clients.CallAsync(provider, server.BaseAddress),
            (ex, _) =>
            {
                var api = Check.Typed(ex, SigningFailureKind.HttpError);
                Assert.Equal(429, api.Status);
                Assert.Equal(TimeSpan.FromSeconds(20), api.RetryAfter);
                Assert.Single(server.Requests, r => !Clients.IsAuth(r));
            });
    }

    [Fact(Timeout = 15_000)]
    public async Task Total_time_bounds_a_call_whatever_the_retries()
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.JsonAsync(503, "{}", "Retry-After: 2\r\n"));
        var options = Clients.Tune(new Trident.SignerProcess.TridentClientOptions
        {
            Endpoint = server.BaseAddress,
            ClientId = "tr-client",
            ClientSecret = Clients.TridentClientSecret,
            AuthServer = "main",
        });
        options.Retry.MaxRetries = 20;
        await HostileReport.ProbeAsync(
            "9 Retry-After and total time", "503 storm, Retry-After: 2, 20 retries allowed", "Trident", "HTTP 503 Retry-After: 2 on every call",
            () => new Trident.SignerProcess.TridentClient(options).GetSignerProcessAsync("sp-1"),
            (ex, _) =>
            {
                var api = Check.Typed(ex);
                Assert.True(api.IsTransient);
                Assert.True(server.Requests.Count(r => !Clients.IsAuth(r)) <= 4, server.Requests.Count + " requests");
            });
    }

    [Fact(Timeout = 30_000)]
    public async Task List_that_keeps_answering_full_pages_stops_at_the_page_limit()
    {
        var item = "{\"id\":\"dst-1\"}";
        await using var server = new HostileServer((r, c) =>
        {
            if (Clients.IsAuth(r))
            {
                return Clients.AuthAsync(c);
            }

            int top = 100;
            var query = r.Target.Contains('?') ? r.Target[(r.Target.IndexOf('?') + 1)..] : string.Empty;
            foreach (var pair in query.Split('&'))
            {
                if (pair.StartsWith("%24top=", StringComparison.Ordinal) || pair.StartsWith("$top=", StringComparison.Ordinal))
                {
                    top = int.Parse(pair[(pair.IndexOf('=') + 1)..]);
                }
            }

            return c.JsonAsync(200, "{\"values\":[" + string.Join(",", Enumerable.Repeat(item, top)) + "]}");
        });
        int seen = 0;
        await HostileReport.ProbeAsync(
            "9 Paging without end", "list answers full pages forever (no count)", "SigningToday", "every page full ($top items), no total",
            async () =>
            {
                await foreach (var page in Clients.SigningToday(server.BaseAddress).Dsts.ListAsync(new SigningToday.Dst.DstListOptions { PageSize = 2 }).AsPages())
                {
                    seen++;
                }
            },
            (ex, _) =>
            {
                Check.Typed(ex, SigningFailureKind.InvalidResponse);
                Assert.True(seen <= HostileLimits.MaxPages, seen + " pages");
            });
    }

    private static async Task EndlessArrayAsync(HostileConnection c, long giveUpAfter)
    {
        await c.RawAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + (giveUpAfter + 64) + "\r\nConnection: close\r\n\r\n");
        await c.WriteAsync("{\"values\":["u8.ToArray());
        var chunk = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"id\":\"x\",\"name\":\"yyyyyyyy\"},", 512)));
        long sent = 0;
        while (sent < giveUpAfter && !c.Stopping.IsCancellationRequested)
        {
            await c.WriteAsync(chunk);
            sent += chunk.Length;
        }
    }
}
