using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using SigningClients.Benchmarks.Infrastructure;
using SigningClients.Benchmarks.Overhead;
using SigningClients.Core;
using SigningClients.Core.Authentication;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Security;

namespace SigningClients.Benchmarks.Reporting;

/// <summary>
/// <c>probe</c> mode: isolates where concurrent ConsignO calls lose throughput: raw HttpClient, the core pipeline
/// with a static X-Auth-Token header (no session policy), and the ConsignO client (core pipeline + session policy).
/// </summary>
internal static class ConcurrencyProbe
{
    public static async Task<int> RunAsync(int rounds)
    {
        using var server = ServerProcess.Shared;
        var consigno = new ConsignOGetWorkflowBenchmarks();
        await consigno.SetupAsync().ConfigureAwait(false);
        using var http = Http.CreateClient();
        var pipeline = new SigningPipeline(http, new SigningPipelineOptions("Probe", server.Url("consigno/"))
        {
            AllowHttpOnLoopback = true,
            Authentication = new StaticHeadersAuthenticationPolicy(new[] { new KeyValuePair<string, string>("X-Auth-Token", Canned.ConsignOToken) }, new SecretRedactor()),
        });
        Func<Task> corePipeline = () => pipeline.SendAsync(
            new SigningRequest(HttpMethod.Get, "workflows/" + Canned.ConsignOWorkflowId, "GetWorkflow", Idempotency.Safe),
            ConsignOBaselineJsonContext.Default.RawConsignOEnvelopeWorkflow);

        var noRetry = new SigningPipeline(http, new SigningPipelineOptions("Probe", server.Url("consigno/"))
        {
            AllowHttpOnLoopback = true,
            Retry = new RetryOptions { MaxRetries = 0 },
            Authentication = new StaticHeadersAuthenticationPolicy(new[] { new KeyValuePair<string, string>("X-Auth-Token", Canned.ConsignOToken) }, new SecretRedactor()),
        });
        Func<Task> corePipelineNoRetry = () => noRetry.SendAsync(
            new SigningRequest(HttpMethod.Get, "workflows/" + Canned.ConsignOWorkflowId, "GetWorkflow", Idempotency.Safe),
            ConsignOBaselineJsonContext.Default.RawConsignOEnvelopeWorkflow);
        var baseUri = server.Url("consigno/");
        Func<Task> rawWithTimeout = async () =>
        {
            using var cts = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(100));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, "workflows/" + Canned.ConsignOWorkflowId));
            request.Headers.TryAddWithoutValidation("X-Auth-Token", Canned.ConsignOToken);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false);
            await System.Text.Json.JsonSerializer.DeserializeAsync(body, ConsignOBaselineJsonContext.Default.RawConsignOEnvelopeWorkflow, cts.Token).ConfigureAwait(false);
        };

        Func<Task> coreAsyncHandler = () => pipeline.SendAsync(
            new SigningRequest(HttpMethod.Get, "workflows/" + Canned.ConsignOWorkflowId, "GetWorkflow", Idempotency.Safe),
            async (response, ct) => (await response.ReadJsonAsync(ConsignOBaselineJsonContext.Default.RawConsignOEnvelopeWorkflow, ct).ConfigureAwait(false)).Response!);
        var variants = new List<(string Name, Func<Task> Call)>
        {
            ("raw HttpClient", consigno.Baseline),
            ("raw + 100 s timeout token", rawWithTimeout),
            ("core pipeline, no retry", corePipelineNoRetry),
            ("core pipeline + static header", corePipeline),
            ("core + static header + async handler", coreAsyncHandler),
            ("ConsignO client", consigno.Sdk),
        };
        var signant = new SignantGetPostingStatusBenchmarks();
        await signant.SetupAsync().ConfigureAwait(false);
        variants.Add(("Signant raw", signant.Baseline));
        variants.Add(("Signant client", signant.Sdk));
        var stGet = new SigningTodayGetDstBenchmarks();
        await stGet.SetupAsync().ConfigureAwait(false);
        variants.Add(("SigningToday get raw", stGet.Baseline));
        variants.Add(("SigningToday get client", stGet.Sdk));
        var st = new SigningTodayCreateDstBenchmarks();
        await st.SetupAsync().ConfigureAwait(false);
        variants.Add(("SigningToday create raw", st.Baseline));
        variants.Add(("SigningToday create client", st.Sdk));

        // Sequential calls, interleaved in short blocks so that load changes on the machine hit every variant alike;
        // the median block time per variant is reported.
        const int Block = 200;
        int blocks = Math.Max(5, rounds / Block);
        var samples = new List<double>[variants.Count];
        for (int v = 0; v < variants.Count; v++)
        {
            samples[v] = new List<double>();
            for (int i = 0; i < Block; i++)
            {
                await variants[v].Call().ConfigureAwait(false);
            }
        }

        for (int b = 0; b < blocks; b++)
        {
            for (int v = 0; v < variants.Count; v++)
            {
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < Block; i++)
                {
                    await variants[v].Call().ConfigureAwait(false);
                }

                samples[v].Add(clock.Elapsed.TotalMilliseconds * 1000 / Block);
            }
        }

        for (int v = 0; v < variants.Count; v++)
        {
            samples[v].Sort();
            double median = samples[v][samples[v].Count / 2];
            Console.WriteLine(variants[v].Name.PadRight(40) + " x1   median " + median.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " µs/call over " + blocks + " interleaved blocks of " + Block);
        }

        foreach (var (name, call) in variants)
        {
            const int Concurrency = 256;
            var tasks = new Task[Concurrency];
            int batches = Math.Max(2, rounds / Concurrency / 4);
            var clock = Stopwatch.StartNew();
            for (int b = 0; b < batches; b++)
            {
                for (int i = 0; i < Concurrency; i++)
                {
                    tasks[i] = call();
                }

                await Task.WhenAll(tasks).ConfigureAwait(false);
            }

            double us = clock.Elapsed.TotalMilliseconds * 1000 / (batches * Concurrency);
            Console.WriteLine(name.PadRight(40) + " x256 " + us.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " µs/call");
        }

        consigno.Cleanup();
        return 0;
    }
}
