using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ConsignO.Workflows;
using ConsignO.Workflows.Models;
using SigningClients.Benchmarks.Infrastructure;

namespace SigningClients.Benchmarks.Overhead;

/// <summary>P1: ConsignO get workflow through the SDK vs raw HttpClient + source-generated System.Text.Json.</summary>
[MemoryDiagnoser]
public class ConsignOGetWorkflowBenchmarks
{
    private HttpClient _http = null!;
    private ConsignOClient _client = null!;
    private Uri _base = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var server = ServerProcess.Shared;
        _base = server.Url("consigno/");
        _http = Http.CreateClient();
        _client = new ConsignOClient(new ConsignOClientOptions { Endpoint = _base, AllowHttpOnLoopback = true, Username = "bench", Password = "bench-password" }, _http);
        await _client.LoginAsync().ConfigureAwait(false);
        Check.Equal(Canned.ConsignOWorkflowId, (await Baseline().ConfigureAwait(false)).Id);
        Check.Equal(Canned.ConsignOWorkflowId, (await Sdk().ConfigureAwait(false)).Id);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<Workflow> Baseline()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, "workflows/" + Uri.EscapeDataString(Canned.ConsignOWorkflowId)));
        request.Headers.TryAddWithoutValidation("X-Auth-Token", Canned.ConsignOToken);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var envelope = await JsonSerializer.DeserializeAsync(body, ConsignOBaselineJsonContext.Default.RawConsignOEnvelopeWorkflow).ConfigureAwait(false);
        return envelope?.Response ?? throw new InvalidOperationException("No workflow in the answer.");
    }

    [Benchmark]
    public Task<Workflow> Sdk() => _client.GetWorkflowAsync(Canned.ConsignOWorkflowId);
}
