using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using SigningClients.Benchmarks.Infrastructure;
using SigningToday.Dst;
using SigningToday.Dst.Models;

namespace SigningClients.Benchmarks.Overhead;

/// <summary>Shared set-up of the SigningToday benchmarks: one SDK client and the raw calls a user would write by hand.</summary>
public sealed class SigningTodayCalls : IDisposable
{
    public const string DstId = "dst-00000001";
    private static readonly MediaTypeHeaderValue JsonType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
    private static readonly AuthenticationHeaderValue Bearer = new("Bearer", Canned.SigningTodayRobotToken);
    private readonly HttpClient _http;
    private readonly Uri _base;

    public SigningTodayCalls()
    {
        _base = ServerProcess.Shared.Url("st/");
        _http = Http.CreateClient();
        Client = new SigningTodayClient(new SigningTodayClientOptions { Endpoint = _base, AllowHttpOnLoopback = true, RobotToken = Canned.SigningTodayRobotToken }, _http);
        NewDst = JsonSerializer.Deserialize(Canned.SigningTodayDst, SigningTodayBaselineJsonContext.Default.DigitalSignatureTransaction)!;
    }

    public SigningTodayClient Client { get; }

    /// <summary>The DST sent by the create benchmarks (the doc example).</summary>
    public DigitalSignatureTransaction NewDst { get; }

    public static string Filter(bool full, long total) => "bench:" + (full ? "full" : "compact") + ":" + total.ToString(CultureInfo.InvariantCulture);

    public async Task<DigitalSignatureTransaction> RawGetAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, "DST/" + Uri.EscapeDataString(id)));
        request.Headers.Authorization = Bearer;
        return await SendAsync(request, SigningTodayBaselineJsonContext.Default.DigitalSignatureTransaction).ConfigureAwait(false);
    }

    public async Task<DigitalSignatureTransaction> RawCreateAsync(DigitalSignatureTransaction dst)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, "DSTs"));
        request.Headers.Authorization = Bearer;
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(dst, SigningTodayBaselineJsonContext.Default.DigitalSignatureTransaction));
        request.Content.Headers.ContentType = JsonType;
        return await SendAsync(request, SigningTodayBaselineJsonContext.Default.DigitalSignatureTransaction).ConfigureAwait(false);
    }

    public async Task<SigningTodayList<DigitalSignatureTransaction>> RawListPageAsync(int top, int skip, string filter)
    {
        var uri = new Uri(_base, "DSTs?$top=" + top.ToString(CultureInfo.InvariantCulture) + "&$skip=" + skip.ToString(CultureInfo.InvariantCulture) +
            "&$count=true&$filter=" + Uri.EscapeDataString(filter));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = Bearer;
        return await SendAsync(request, SigningTodayBaselineJsonContext.Default.SigningTodayListDigitalSignatureTransaction).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(body, typeInfo).ConfigureAwait(false) ?? throw new InvalidOperationException("Empty answer.");
    }
}

/// <summary>P1: SigningToday get DST.</summary>
[MemoryDiagnoser]
public class SigningTodayGetDstBenchmarks
{
    private SigningTodayCalls _calls = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _calls = new SigningTodayCalls();
        Check.Equal(SigningTodayCalls.DstId, (await Baseline().ConfigureAwait(false)).Id);
        Check.Equal(SigningTodayCalls.DstId, (await Sdk().ConfigureAwait(false)).Id);
    }

    [GlobalCleanup]
    public void Cleanup() => _calls.Dispose();

    [Benchmark(Baseline = true)]
    public Task<DigitalSignatureTransaction> Baseline() => _calls.RawGetAsync(SigningTodayCalls.DstId);

    [Benchmark]
    public Task<DigitalSignatureTransaction> Sdk() => _calls.Client.Dsts.GetAsync(SigningTodayCalls.DstId);
}

/// <summary>P1: SigningToday list one page (20 full DSTs).</summary>
[MemoryDiagnoser]
public class SigningTodayListPageBenchmarks
{
    public const int PageSize = 20;
    private static readonly string Filter = SigningTodayCalls.Filter(full: true, 1000);
    private SigningTodayCalls _calls = null!;
    private DstListOptions _options = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _calls = new SigningTodayCalls();
        _options = new DstListOptions { PageSize = PageSize, IncludeCount = true, Filter = Filter };
        Check.Equal(PageSize, await Baseline().ConfigureAwait(false));
        Check.Equal(PageSize, await Sdk().ConfigureAwait(false));
    }

    [GlobalCleanup]
    public void Cleanup() => _calls.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> Baseline()
    {
        var page = await _calls.RawListPageAsync(PageSize, 0, Filter).ConfigureAwait(false);
        return page.Values!.Count;
    }

    [Benchmark]
    public async Task<int> Sdk()
    {
        await foreach (var page in _calls.Client.Dsts.ListAsync(_options).AsPages().ConfigureAwait(false))
        {
            return page.Values.Count;
        }

        return 0;
    }
}

/// <summary>P1: SigningToday create DST (the doc example DST, ~1.6 KB of JSON each way).</summary>
[MemoryDiagnoser]
public class SigningTodayCreateDstBenchmarks
{
    private SigningTodayCalls _calls = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _calls = new SigningTodayCalls();
        Check.Equal(SigningTodayCalls.DstId, (await Baseline().ConfigureAwait(false)).Id);
        Check.Equal(SigningTodayCalls.DstId, (await Sdk().ConfigureAwait(false)).Id);
    }

    [GlobalCleanup]
    public void Cleanup() => _calls.Dispose();

    [Benchmark(Baseline = true)]
    public Task<DigitalSignatureTransaction> Baseline() => _calls.RawCreateAsync(_calls.NewDst);

    [Benchmark]
    public Task<DigitalSignatureTransaction> Sdk() => _calls.Client.Dsts.CreateAsync(_calls.NewDst);
}
