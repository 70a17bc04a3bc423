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

    // A DST and a page of DSTs are read by a converter that refuses repeated names itself (the pipeline skips its
    // separate pass for it): every level of the model, extension data, unknown members and values kept as JSON.
    public static TheoryData<string, string> SigningTodayRepeats() => new()
    {
        { "{\"id\":\"d1\",\"status\":\"draft\",\"status\":\"signed\"}", "status" },
        { "{\"id\":\"d1\",\"status\":\"draft\",\"Status\":\"signed\"}", "Status" },
        { "{\"id\":\"d1\",\"\\u0073tatus\":\"draft\",\"status\":\"signed\"}", "status" },
        { "{\"id\":\"d1\",\"t\u00e9\":1,\"T\u00c9\":2}", "T\u00c9" },
        { "{\"id\":\"d1\",\"documents\":[{\"id\":0,\"status\":\"signed\",\"status\":\"refused\"}]}", "status" },
        { "{\"id\":\"d1\",\"documents\":[{\"forms\":[{\"page\":1,\"PAGE\":2}]}]}", "PAGE" },
        { "{\"id\":\"d1\",\"documents\":[{\"signatureRequests\":[{\"restrictions\":[{\"value\":\"a\",\"value\":\"b\"}]}]}]}", "value" },
        { "{\"id\":\"d1\",\"documents\":[{\"signerGroups\":[{\"signers\":[{\"email\":\"a@x\",\"email\":\"b@x\"}]}]}]}", "email" },
        { "{\"id\":\"d1\",\"documents\":[{\"signerGroups\":[{\"signers\":[{\"phone\":{\"n\":1,\"n\":2}}]}]}]}", "n" },
        { "{\"id\":\"d1\",\"signatures\":[{\"status\":\"performed\",\"status\":\"declined\"}]}", "status" },
        { "{\"id\":\"d1\",\"resources\":[{\"url\":\"https://a\",\"url\":\"https://b\"}]}", "url" },
        { "{\"id\":\"d1\",\"extraData\":{\"dst_urlback\":\"https://a\",\"dst_urlback\":\"https://b\"}}", "dst_urlback" },
        { "{\"id\":\"d1\",\"extraData\":{\"a\":{\"b\":[{\"c\":1,\"C\":2}]}}}", "C" },
        { "{\"id\":\"d1\",\"future\":{\"x\":[{\"y\":1,\"y\":2}]}}", "y" },
        { "{\"id\":\"d1\",\"future\":1,\"future\":2}", "future" },
        { "{\"id\":\"d1\"," + string.Join(",", Enumerable.Range(0, 40).Select(i => "\"m" + i + "\":" + i)) + ",\"M7\":0}", "M7" },
    };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(SigningTodayRepeats))]
    public async Task SigningToday_repeated_members_in_a_dst_are_an_invalid_response(string dst, string repeated)
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.JsonAsync(200, dst));
        await HostileReport.ProbeAsync(
            "9 Duplicate keys", "GetDst answer " + dst, "SigningToday", dst,
            () => Clients.SigningToday(server.BaseAddress).Dsts.GetAsync("d1"),
            (ex, _) => Ambiguous(ex, repeated));
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(SigningTodayRepeats))]
    public async Task SigningToday_repeated_members_in_a_page_of_dsts_are_an_invalid_response(string dst, string repeated)
    {
        await ProbeListAsync("{\"count\":2,\"values\":[{\"id\":\"d0\"}," + dst + "]}", repeated);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("{\"count\":1,\"count\":2,\"values\":[]}", "count")]
    [InlineData("{\"count\":1,\"values\":[],\"Values\":[]}", "Values")]
    public async Task SigningToday_repeated_members_of_the_page_itself_are_an_invalid_response(string page, string repeated)
    {
        await ProbeListAsync(page, repeated);
    }

    private static async Task ProbeListAsync(string page, string repeated)
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.JsonAsync(200, page));
        await HostileReport.ProbeAsync(
            "9 Duplicate keys", "ListDsts answer " + page, "SigningToday", page,
            async () =>
            {
                await foreach (var item in Clients.SigningToday(server.BaseAddress).Dsts.ListAsync())
                {
                    Assert.NotNull(item);
                }
            },
            (ex, _) => Ambiguous(ex, repeated));
    }

    [Fact(Timeout = 30_000)]
    public async Task SigningToday_a_dst_without_repeats_reads_even_with_colliding_cases_and_many_members()
    {
        // Names that differ beyond case, escaped and non-ASCII names, and more members than the reader's hashes note.
        var dst = "{\"id\":\"d1\",\"status\":\"draft\",\"statu\\u0073x\":1,\"t\u00e9\":1,\"te\":2," + string.Join(",", Enumerable.Range(0, 40).Select(i => "\"m" + i + "\":" + i)) + "}";
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.JsonAsync(200, dst));
        var read = await Clients.SigningToday(server.BaseAddress).Dsts.GetAsync("d1", TestContext.Current.CancellationToken);
        Assert.Equal("d1", read.Id);
        Assert.Equal(43, read.AdditionalProperties!.Count);
    }

    private static void Ambiguous(Exception? ex, string repeated)
    {
        var api = Check.Typed(ex, SigningFailureKind.InvalidResponse);
        Assert.Contains("ambiguous: the member '" + repeated + "'", api.Message, StringComparison.Ordinal);
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
