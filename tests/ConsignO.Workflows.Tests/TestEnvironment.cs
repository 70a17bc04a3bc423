using System;
using System.Net.Http;
using System.Threading.Tasks;
using ConsignO.Workflows;
using ConsignO.Workflows.Models;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Testing;
using SigningClients.Testing.ConsignO;
using SigningClients.TestSupport;

namespace ConsignO.Workflows.Tests;

/// <summary>A simulator and a client pointed at it.</summary>
internal sealed class TestEnvironment : IAsyncDisposable
{
    private TestEnvironment(ConsignOSimulator simulator, ConsignOClient client, ConsignOClientOptions options)
    {
        Simulator = simulator;
        Client = client;
        Options = options;
    }

    public ConsignOSimulator Simulator { get; }

    public ConsignOClient Client { get; }

    public ConsignOClientOptions Options { get; }

    public static async Task<TestEnvironment> StartAsync(
        Action<ConsignOSimulatorOptions>? simulator = null,
        Action<ConsignOClientOptions>? client = null,
        TimeProvider? time = null,
        ILoggerFactory? loggerFactory = null)
    {
        var simulatorOptions = new ConsignOSimulatorOptions { Host = new SimulatorHostOptions { TimeProvider = time } };
        simulator?.Invoke(simulatorOptions);
        var sim = await ConsignOSimulator.StartAsync(simulatorOptions, TestContextToken);
        var options = new ConsignOClientOptions
        {
            Endpoint = sim.ApiEndpoint,
            AllowHttpOnLoopback = true,
            Username = simulatorOptions.Username,
            Password = simulatorOptions.Password,
            Tenant = simulatorOptions.Tenant,
            ClientId = simulatorOptions.ClientId,
            ClientSecret = simulatorOptions.ClientSecret,
            Retry = new RetryOptions { InitialDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 2 },
            Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(50) },
        };
        client?.Invoke(options);
        return new TestEnvironment(sim, new ConsignOClient(options, loggerFactory: loggerFactory, timeProvider: time), options);
    }

    public static System.Threading.CancellationToken TestContextToken => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Uploads a small PDF and creates a launched workflow with one remote signer and one zone.</summary>
    public async Task<Workflow> CreateLaunchedWorkflowAsync(string? documentId = null, bool launch = true)
    {
        documentId ??= await Client.UploadDocumentAsync(new System.IO.MemoryStream(TestPdf.Create("Contract")), "contract.pdf", cancellationToken: TestContextToken);
        var request = new WorkflowBuilder("Contract")
            .AddDocument(documentId, d => d.AddZone("ann", page: 1, x: 72, y: 650))
            .AddRemoteSigner("ann", new SignerDefinition { FirstName = "Ann", LastName = "Lee", Email = "ann@example.com", Type = SignerType.Esig })
            .LaunchOnCreate(launch)
            .Build();
        return await Client.CreateWorkflowAsync(request, TestContextToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}
