using System.ServiceModel;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Signant.InstantSign;
using Signant.InstantSign.Models;
using SigningClients.Benchmarks.Infrastructure;

namespace SigningClients.Benchmarks.Wcf;

/// <summary>P6: one GetPostingStatus call, the generated WCF client (buffered BasicHttpBinding, the default) vs the SDK, same server.</summary>
[MemoryDiagnoser]
public class SignantWcfStatusBenchmarks
{
    private const string DistributorId = "dist-4711";
    private const string AccessCode = "acc-bench-9c1e55";
    private ChannelFactory<IInstantSignatureService> _factory = null!;
    private IInstantSignatureService _channel = null!;
    private System.Net.Http.HttpClient _http = null!;
    private SignantClient _client = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var endpoint = ServerProcess.Shared.Url("signant/0");
        _factory = SignantWcf.CreateFactory(endpoint, TransferMode.Buffered);
        _channel = _factory.CreateChannel();
        _http = Http.CreateClient();
        _client = new SignantClient(new SignantClientOptions { Endpoint = endpoint, AllowHttpOnLoopback = true, DistributorId = DistributorId, AccessCode = AccessCode }, _http);
        var wcf = await _channel.GetPostingStatusAsync(DistributorId, AccessCode, Canned.SignantPostingId).ConfigureAwait(false);
        var sdk = await Sdk().ConfigureAwait(false);
        Check.Equal(Canned.SignantPostingId, wcf.PostingID, "WCF PostingID");
        Check.Equal(Canned.SignantPostingId, sdk.PostingId, "SDK PostingId");
        Check.Equal(sdk.Status.Value, wcf.Status, "status");
        Check.Equal(sdk.TotalDocsToSign, wcf.TotalDocsToSign, "TotalDocsToSign");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ((IClientChannel)_channel).Abort();
        _factory.Abort();
        _http.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<PostingStatusResult> Baseline() => _channel.GetPostingStatusAsync(DistributorId, AccessCode, Canned.SignantPostingId);

    [Benchmark]
    public Task<InstantPostingStatus> Sdk() => _client.GetPostingStatusAsync(Canned.SignantPostingId);
}
