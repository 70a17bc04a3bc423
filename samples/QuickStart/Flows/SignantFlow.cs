using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Signant.InstantSign;
using Signant.InstantSign.Signing;
using SigningClients.Core;
using SigningClients.Core.Signing;
using SigningClients.Testing;

namespace QuickStart.Flows;

/// <summary>Signant instant signing through the neutral flow: the operation downloads (MD5-verified) inside the 15-minute TTL.</summary>
internal sealed class SignantFlow : IProviderFlow
{
    private static readonly SigningParty Signer = new("Kari", "Nordmann", "kari.nordmann@example.com");

    public string Provider => "Signant";

    public async Task<string> RunAgainstSimulatorAsync(FlowContext context, CancellationToken cancellationToken)
    {
        await using var simulator = await SignantSimulator.StartAsync(cancellationToken: cancellationToken);
        var client = new SignantClient(new SignantClientOptions
        {
            Endpoint = simulator.ServiceAddress,
            AllowHttpOnLoopback = true,
            DistributorId = simulator.Settings.DistributorId,
            AccessCode = simulator.Settings.AccessCode,
        });
        return await SigningFlow.RunAsync(context, new SignantSigningProvider(client), Signer, async operation =>
        {
            // The signer opens the signing page and signs (the simulator's page).
            using var browser = new HttpClient();
            var url = operation.SigningUrls[0].Url;
            (await browser.GetAsync(url, cancellationToken)).EnsureSuccessStatusCode();
            (await browser.PostAsync(url, new StringContent(string.Empty), cancellationToken)).EnsureSuccessStatusCode();
            context.Step("signed as Kari Nordmann on the simulator's signing page");
        }, Fast, cancellationToken);
    }

    public Task<string> RunAgainstProviderAsync(FlowContext context, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var options = new SignantClientOptions();
        configuration.GetSection(Provider).Bind(options);
        return SigningFlow.RunAsync(context, new SignantSigningProvider(new SignantClient(options)), Signer, operation =>
        {
            context.Step($"open the signing URL ({operation.SigningUrls.Count} issued) and sign within 15 minutes");
            return Task.CompletedTask;
        }, new PollingOptions(), cancellationToken);
    }

    private static PollingOptions Fast => new() { InitialInterval = TimeSpan.FromMilliseconds(100), MaxInterval = TimeSpan.FromSeconds(1) };
}
