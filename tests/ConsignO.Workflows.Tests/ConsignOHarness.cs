using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ConsignO.Workflows.Models;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Testing;
using SigningClients.Testing.ConsignO;
using SigningClients.TestSupport;
using Xunit;

namespace ConsignO.Workflows.Tests;

/// <summary>The ConsignO simulator and a client pointed at it (the shape of every provider harness: <see cref="ProviderHarness{THarness, TSimulator, TSimulatorOptions, TClient, TClientOptions}"/>).</summary>
internal sealed class ConsignOHarness : ProviderHarness<ConsignOHarness, ConsignOSimulator, ConsignOSimulatorOptions, ConsignOClient, ConsignOClientOptions>
{
    public ConsignOHarness()
        : base(o => o.Host, ConsignOSimulator.StartAsync, (options, http, logs, clock) => new(options, http, logs, clock))
    {
    }

    /// <summary>Uploads a small PDF and creates a launched workflow with one remote signer and one zone.</summary>
    public async Task<Workflow> CreateLaunchedWorkflowAsync(string? documentId = null, bool launch = true)
    {
        var ct = TestContext.Current.CancellationToken;
        documentId ??= await Client.UploadDocumentAsync(new MemoryStream(TestPdf.Create("Contract")), "contract.pdf", cancellationToken: ct);
        var request = new WorkflowBuilder("Contract")
            .AddDocument(documentId, d => d.AddZone("ann", page: 1, x: 72, y: 650))
            .AddRemoteSigner("ann", new SignerDefinition { FirstName = "Ann", LastName = "Lee", Email = "ann@example.com", Type = SignerType.Esig })
            .LaunchOnCreate(launch)
            .Build();
        return await Client.CreateWorkflowAsync(request, ct);
    }

    protected override void PointAtSimulator(ConsignOClientOptions options, ConsignOSimulator simulator)
    {
        options.UseSimulator(simulator);
        options.Retry = new RetryOptions { InitialDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 2 };
        options.Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(50) };
    }
}
