using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using SigningClients.Benchmarks.Deserialization.Generated;
using SigningClients.Benchmarks.Infrastructure;
using SigningToday.Dst;

namespace SigningClients.Benchmarks.Deserialization;

/// <summary>
/// P2: one page of DSTs as the SigningToday simulator emits it (1,000 DSTs, ~4.8 MB; 100 in quick mode), read by the
/// SDK's list path (<c>client.Dsts.ListAsync(...).AsPages()</c>, first page) and by an openapi-generator-style Newtonsoft
/// client. Both get the same bytes from the same in-memory <see cref="HttpMessageHandler"/>, so what is measured is
/// the client's read of the answer (and the SDK's request path, a few microseconds against milliseconds), not the network.
/// </summary>
[MemoryDiagnoser]
public class DstPageBenchmarks : IDisposable
{
    /// <summary>DSTs on the page in a full run.</summary>
    public const int FullCount = 1000;

    /// <summary>DSTs on the page in quick mode (CI smoke test).</summary>
    public const int QuickCount = 100;

    private static readonly AuthenticationHeaderValue Bearer = new("Bearer", Canned.SigningTodayRobotToken);
    private HttpClient _http = null!;
    private SigningTodayClient _client = null!;
    private DstListOptions _options = null!;
    private Uri _listUri = null!;

    /// <summary>The number of DSTs on the page (set by the quick switch of the suite).</summary>
    public static int Count { get; set; } = FullCount;

    /// <summary>A page to read instead of building one (the <c>p2</c> driver's file argument), or <see langword="null"/>.</summary>
    public static byte[]? PageOverride { get; set; }

    /// <summary>The page's size in bytes.</summary>
    public int PageBytes { get; private set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var bytes = PageOverride ?? DstPageBytes.Get(Count);
        PageBytes = bytes.Length;
        var endpoint = new Uri("http://127.0.0.1:9/st/");
        _http = new HttpClient(new FixedAnswerHandler(bytes)) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new SigningTodayClient(new SigningTodayClientOptions { Endpoint = endpoint, AllowHttpOnLoopback = true, RobotToken = Canned.SigningTodayRobotToken }, _http);
        _options = new DstListOptions { PageSize = Count, IncludeCount = true };
        _listUri = new Uri(endpoint, "DSTs?$top=" + Count + "&$skip=0&$count=true");
        Check.Equal(Count, await Baseline().ConfigureAwait(false), "baseline DSTs");
        Check.Equal(Count, await Sdk().ConfigureAwait(false), "SDK DSTs");
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _http?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>openapi-generator's ApiClient: send, read the body as a string, JsonConvert into the generated models.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> Baseline()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _listUri);
        request.Headers.Authorization = Bearer;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var page = await GeneratedJson.DeserializeAsync<DSTsGetResponse>(response).ConfigureAwait(false);
        return page.Values.Count;
    }

    /// <summary>The SDK: the first page of <c>Dsts.ListAsync</c>.</summary>
    [Benchmark]
    public async Task<int> Sdk()
    {
        await foreach (var page in _client.Dsts.ListAsync(_options).AsPages().ConfigureAwait(false))
        {
            return page.Values.Count;
        }

        return 0;
    }

    /// <summary>Answers every request with the page (a fresh response over the same bytes), as a server would.</summary>
    private sealed class FixedAnswerHandler : HttpMessageHandler
    {
        private readonly byte[] _body;

        public FixedAnswerHandler(byte[] body) => _body = body;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
