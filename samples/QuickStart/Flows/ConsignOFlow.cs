using System;
using System.Threading;
using System.Threading.Tasks;
using ConsignO.Workflows;
using ConsignO.Workflows.Signing;
using Microsoft.Extensions.Configuration;
using SigningClients.Core;
using SigningClients.Core.Signing;
using SigningClients.Testing;

namespace QuickStart.Flows;

/// <summary>ConsignO Cloud through the neutral flow: a launched workflow, a remote signer, the signed document and the audit trail.</summary>
internal sealed class ConsignOFlow : IProviderFlow
{
    public string Provider => "ConsignO";

    public async Task<string> RunAgainstSimulatorAsync(FlowContext context, CancellationToken cancellationToken)
    {
        await using var simulator = await ConsignOSimulator.StartAsync(new() { RotateTokenEvery = 2 }, cancellationToken);
        using var client = new ConsignOClient(new ConsignOClientOptions
        {
            Endpoint = simulator.ApiEndpoint,
            AllowHttpOnLoopback = true,
            Username = simulator.Settings.Username,
            Password = simulator.Settings.Password,
        });
        return await SigningFlow.RunAsync(context, new ConsignOSigningProvider(client), new SigningParty("Ann", "Lee", "ann.lee@example.com"), operation =>
        {
            simulator.SignAll(operation.Id);
            context.Step("the simulated signer signed");
            return Task.CompletedTask;
        }, Fast, cancellationToken);
    }

    public async Task<string> RunAgainstProviderAsync(FlowContext context, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(Provider);
        var options = new ConsignOClientOptions();
        section.Bind(options);
        using var client = new ConsignOClient(options);
        var signer = new SigningParty("Ann", "Lee", section["SignerEmail"] ?? throw new InvalidOperationException("Set ConsignO:SignerEmail."));
        return await SigningFlow.RunAsync(context, new ConsignOSigningProvider(client), signer, _ =>
        {
            context.Step("waiting for the signer (email sent)");
            return Task.CompletedTask;
        }, new PollingOptions(), cancellationToken);
    }

    private static PollingOptions Fast => new() { InitialInterval = TimeSpan.FromMilliseconds(50), MaxInterval = TimeSpan.FromSeconds(1) };
}
