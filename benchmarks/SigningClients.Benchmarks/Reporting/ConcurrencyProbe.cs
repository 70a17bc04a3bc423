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

        var variants = new (string Name, Func<Task> Call)[]
        {
            ("raw HttpClient", consigno.Baseline),
            ("raw + 100 s timeout token", rawWithTimeout),
            ("core pipeline, no retry", corePipelineNoRetry),
            ("core pipeline + static header", corePipeline),
            ("ConsignO client", consigno.Sdk),
        };
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (var (name, call) in variants)
            {
                foreach (int concurrency in new[] { 1, 256 })
                {
                    var tasks = new Task[concurrency];
                    int batches = Math.Max(1, rounds / concurrency);
                    var clock = Stopwatch.StartNew();
                    for (int b = 0; b < batches; b++)
                    {
                        for (int i = 0; i < concurrency; i++)
                        {
                            tasks[i] = call();
                        }

                        await Task.WhenAll(tasks).ConfigureAwait(false);
                    }

                    double us = clock.Elapsed.TotalMilliseconds * 1000 / (batches * concurrency);
                    Console.WriteLine((pass == 0 ? "warm-up  " : "measured ") + name.PadRight(32) + " x" + concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(4) + us.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " µs/call");
                }
            }
        }

        consigno.Cleanup();
        return 0;
    }
}
