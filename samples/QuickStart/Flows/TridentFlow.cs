using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SigningClients.Core;
using SigningClients.Core.Signing;
using SigningClients.Testing;
using Trident.SignerProcess;
using Trident.SignerProcess.Callbacks;
using Trident.SignerProcess.Signing;

namespace QuickStart.Flows;

/// <summary>TRIDENT through the neutral flow: embedded signing at the execution URL, the finish callback confirmed with TRIDENT.</summary>
internal sealed class TridentFlow : IProviderFlow
{
    private static readonly SigningParty Signer = new("Ann", "Lee", "ann.lee@example.com");

    public string Provider => "Trident";

    public async Task<string> RunAgainstSimulatorAsync(FlowContext context, CancellationToken cancellationToken)
    {
        await using var simulator = await TridentSimulator.StartAsync(cancellationToken: cancellationToken);
        var services = new ServiceCollection();
        services.AddTridentClient(o =>
        {
            o.Endpoint = simulator.BaseAddress;
            o.AllowHttpOnLoopback = true;
            o.ClientId = simulator.ClientId;
            o.ClientSecret = simulator.ClientSecret;
            o.AuthServer = simulator.AuthServer;
        });
        services.AddTridentSigningProvider();
        await using var provider = services.BuildServiceProvider();
        var signing = provider.GetRequiredService<ISigningProviderResolver>().GetProvider(Provider);
        var client = ((ISigningProvider<ITridentClient>)signing).Client;

        return await SigningFlow.RunAsync(context, signing, Signer, async operation =>
        {
            // The browser goes to the execution URL, the signer signs, TRIDENT redirects to the finish callback.
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var signed = await browser.GetAsync(operation.SigningUrls[0].Url.AbsoluteUri + "?action=sign", cancellationToken);
            if (signed.StatusCode != HttpStatusCode.Found || signed.Headers.Location is null)
            {
                throw new InvalidOperationException("Expected a 302 to the callback, got " + (int)signed.StatusCode + ".");
            }

            // The callback alone is never trusted: the native client confirms it with TRIDENT.
            var callback = SignerProcessCallback.ParseAndVerify(signed.Headers.Location, operation.Id);
            var result = await client.ConfirmCallbackAsync(callback, operation.Id, cancellationToken);
            context.Step("callback confirmed by TRIDENT: " + result);
        }, Fast, cancellationToken);
    }

    public async Task<string> RunAgainstProviderAsync(FlowContext context, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddTridentClient(configuration.GetSection("Trident"));
        services.AddTridentSigningProvider(configure: o => o.FinishCallbackUrl = new Uri(configuration["Trident:FinishCallbackUrl"] ?? "https://app.example.com/trident/callback"));
        await using var provider = services.BuildServiceProvider();
        var signing = provider.GetRequiredService<ISigningProviderResolver>().GetProvider(Provider);
        return await SigningFlow.RunAsync(context, signing, Signer, operation =>
        {
            context.Step("open in a browser and sign: " + operation.SigningUrls[0].Url);
            return Task.CompletedTask;
        }, new PollingOptions(), cancellationToken);
    }

    private static PollingOptions Fast => new() { InitialInterval = TimeSpan.FromMilliseconds(100), MaxInterval = TimeSpan.FromSeconds(1) };
}
