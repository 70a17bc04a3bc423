using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using SigningClients.Core;
using SigningClients.Core.Signing;
using SigningClients.Testing;
using SigningToday.Dst;
using SigningToday.Dst.Signing;

namespace QuickStart.Flows;

/// <summary>Signing Today through the neutral flow: the robot creates and publishes a DST, the signer signs the ticket, the signed PDF is downloaded.</summary>
internal sealed class SigningTodayFlow : IProviderFlow
{
    public string Provider => "SigningToday";

    public async Task<string> RunAgainstSimulatorAsync(FlowContext context, CancellationToken cancellationToken)
    {
        await using var simulator = await SigningTodaySimulator.StartAsync(cancellationToken: cancellationToken);
        var client = new SigningTodayClient(new SigningTodayClientOptions
        {
            Endpoint = simulator.ApiEndpoint,
            AllowHttpOnLoopback = true,
            RobotToken = simulator.Settings.RobotToken,
        });
        return await SigningFlow.RunAsync(context, new SigningTodaySigningProvider(client), new SigningParty("Adam", "Smith", "adam.smith@example.com"), operation =>
        {
            simulator.Sign(operation.Id);
            context.Step("the simulated signer signed");
            return Task.CompletedTask;
        }, Fast, cancellationToken);
    }

    public async Task<string> RunAgainstProviderAsync(FlowContext context, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(Provider);
        var options = new SigningTodayClientOptions();
        section.Bind(options);
        var signer = new SigningParty("Adam", "Smith", section["SignerEmail"] ?? throw new InvalidOperationException("Set SigningToday:SignerEmail."));
        return await SigningFlow.RunAsync(context, new SigningTodaySigningProvider(new SigningTodayClient(options)), signer, _ =>
        {
            context.Step("waiting for the signer (signature ticket sent)");
            return Task.CompletedTask;
        }, new PollingOptions(), cancellationToken);
    }

    private static PollingOptions Fast => new() { InitialInterval = TimeSpan.FromMilliseconds(50), MaxInterval = TimeSpan.FromSeconds(1) };
}
