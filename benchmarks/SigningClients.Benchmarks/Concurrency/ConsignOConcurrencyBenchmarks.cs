using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using SigningClients.Benchmarks.Overhead;

namespace SigningClients.Benchmarks.Concurrency;

/// <summary>
/// P5: 256 concurrent ConsignO get-workflow calls through one client vs through one raw HttpClient. Reported per call
/// (OperationsPerInvoke = 256), so throughput = 1 / mean and the throughput ratio = baseline mean / SDK mean.
/// </summary>
[MemoryDiagnoser]
public class ConsignOConcurrencyBenchmarks
{
    public const int Concurrency = 256;
    private readonly ConsignOGetWorkflowBenchmarks _calls = new();
    private readonly Task[] _tasks = new Task[Concurrency];

    [GlobalSetup]
    public Task SetupAsync() => _calls.SetupAsync();

    [GlobalCleanup]
    public void Cleanup() => _calls.Cleanup();

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency)]
    public Task Baseline()
    {
        for (int i = 0; i < Concurrency; i++)
        {
            _tasks[i] = _calls.Baseline();
        }

        return Task.WhenAll(_tasks);
    }

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task Sdk()
    {
        for (int i = 0; i < Concurrency; i++)
        {
            _tasks[i] = _calls.Sdk();
        }

        return Task.WhenAll(_tasks);
    }
}
