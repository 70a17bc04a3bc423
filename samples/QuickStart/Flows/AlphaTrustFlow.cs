using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks.Signing;
using Microsoft.Extensions.Configuration;
using SigningClients.Core;
using SigningClients.Core.Signing;
using SigningClients.Testing;

namespace QuickStart.Flows;

/// <summary>
/// AlphaTrust through the neutral flow: a transaction with one password-protected signature task, signed by the
/// application through the API (remote sign). AlphaTrust's remote-signing documentation covers no document download,
/// so the capability says so and the flow keeps the completion record instead of a PDF.
/// </summary>
internal sealed class AlphaTrustFlow : IProviderFlow
{
    private const string SignerPassword = "QuickStart-Pass-7";

    public string Provider => "AlphaTrust";

    public async Task<string> RunAgainstSimulatorAsync(FlowContext context, CancellationToken cancellationToken)
    {
        await using var simulator = await AlphaTrustSimulator.StartAsync(cancellationToken: cancellationToken);
        using var client = new AlphaTrustClient(new AlphaTrustClientOptions
        {
            Endpoint = simulator.BaseAddress,
            AllowHttpOnLoopback = true,
            ApiKey = simulator.Settings.ApiKey,
            ApiSecret = simulator.Settings.ApiSecret,
            ApiUsername = simulator.Settings.ApiUsername,
            ApiPassword = simulator.Settings.ApiPassword,
        });
        return await RunAsync(client, context, SignerPassword, "203.0.113.10", cancellationToken);
    }

    public async Task<string> RunAgainstProviderAsync(FlowContext context, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var options = new AlphaTrustClientOptions();
        configuration.Bind(options);
        using var client = new AlphaTrustClient(options);
        return await RunAsync(client, context, configuration["Sample:SignerPassword"] ?? SignerPassword, configuration["Sample:ClientIp"] ?? "203.0.113.10", cancellationToken);
    }

    private static Task<string> RunAsync(IAlphaTrustClient client, FlowContext context, string password, string clientIp, CancellationToken cancellationToken)
    {
        var provider = new AlphaTrustSigningProvider(client, options: new AlphaTrustSigningProviderOptions
        {
            SendRequestViaEmail = false,
            IsTest = true,
            Authentication = (_, _) => ParticipantAuthentication.Password(password),
        });
        return SigningFlow.RunAsync(context, provider, new SigningParty("Quick", "Start", "quickstart@example.com"), async operation =>
        {
            // API signing: the application signs the task for the authenticated signer through the native client.
            var transaction = await provider.Client.GetTransactionAsync(long.Parse(operation.Id, CultureInfo.InvariantCulture), cancellationToken);
            foreach (var task in transaction!.Documents.SelectMany(d => d.Tasks))
            {
                await provider.Client.RemoteSignAsync(new RemoteSignTask(task.Id, clientIp, TaskAuthentication.Password(password)), cancellationToken);
                context.Step($"remote-signed task {task.Id} (password authentication, client IP {clientIp})");
            }
        }, new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(200), MaxInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMinutes(2) }, cancellationToken);
    }
}
