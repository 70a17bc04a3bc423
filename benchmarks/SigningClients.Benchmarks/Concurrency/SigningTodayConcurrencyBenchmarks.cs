using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using SigningClients.Benchmarks.Overhead;

namespace SigningClients.Benchmarks.Concurrency;

/// <summary>P5: 256 concurrent SigningToday get-DST calls through one client vs one raw HttpClient (figures per call).</summary>
[MemoryDiagnoser]
public class SigningTodayConcurrencyBenchmarks
{
    public const int Concurrency = 256;
    private readonly Task[] _tasks = new Task[Concurrency];
    private SigningTodayCalls _calls = null!;

    [GlobalSetup]
    public void Setup() => _calls = new SigningTodayCalls();

    [GlobalCleanup]
    public void Cleanup() => _calls.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency)]
    public Task Baseline()
    {
        for (int i = 0; i < Concurrency; i++)
        {
            _tasks[i] = _calls.RawGetAsync(SigningTodayCalls.DstId);
        }

        return Task.WhenAll(_tasks);
    }

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task Sdk()
    {
        for (int i = 0; i < Concurrency; i++)
        {
            _tasks[i] = _calls.Client.Dsts.GetAsync(SigningTodayCalls.DstId);
        }

        return Task.WhenAll(_tasks);
    }
}
