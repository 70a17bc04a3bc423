using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using SigningClients.Benchmarks.Infrastructure;
using SigningClients.Benchmarks.Overhead;
using SigningToday.Dst;

namespace SigningClients.Benchmarks.Paging;

/// <summary>
/// P4: list N DSTs (pages of 100, <c>$count=true</c>) through <c>AsyncPageable</c> (<c>await foreach</c>) vs a raw
/// <c>$top</c>/<c>$skip</c> loop. Allocated bytes per item at N = 10,000 and 100,000 show whether memory stays flat.
/// </summary>
[MemoryDiagnoser]
public class SigningTodayPagingBenchmarks
{
    public const int PageSize = 100;
    private SigningTodayCalls _calls = null!;
    private string _filter = null!;

    [Params(10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _calls = new SigningTodayCalls();
        _filter = SigningTodayCalls.Filter(full: false, N);
        Check.Equal(N, await Baseline().ConfigureAwait(false), "items listed by the raw loop");
        Check.Equal(N, await Sdk().ConfigureAwait(false), "items listed by the SDK");
    }

    [GlobalCleanup]
    public void Cleanup() => _calls.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> Baseline()
    {
        int count = 0, skip = 0;
        while (true)
        {
            var page = await _calls.RawListPageAsync(PageSize, skip, _filter).ConfigureAwait(false);
            var values = page.Values!;
            foreach (var dst in values)
            {
                count += dst.Id!.Length > 0 ? 1 : 0;
            }

            skip += values.Count;
            if (values.Count < PageSize || skip >= page.Count)
            {
                return count;
            }
        }
    }

    [Benchmark]
    public async Task<int> Sdk()
    {
        int count = 0;
        await foreach (var dst in _calls.Client.Dsts.ListAsync(new DstListOptions { PageSize = PageSize, IncludeCount = true, Filter = _filter }).ConfigureAwait(false))
        {
            count += dst.Id!.Length > 0 ? 1 : 0;
        }

        return count;
    }
}
