using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Testing;

namespace SigningWeb.Sample;

/// <summary>The five providers, simulated in process. A real deployment configures the clients instead (appsettings).</summary>
internal sealed class Simulators : IAsyncDisposable
{
    private Simulators(TridentSimulator trident, SigningTodaySimulator signingToday, ConsignOSimulator consignO, AlphaTrustSimulator alphaTrust, SignantSimulator signant)
    {
        Trident = trident;
        SigningToday = signingToday;
        ConsignO = consignO;
        AlphaTrust = alphaTrust;
        Signant = signant;
    }

    public TridentSimulator Trident { get; }

    public SigningTodaySimulator SigningToday { get; }

    public ConsignOSimulator ConsignO { get; }

    public AlphaTrustSimulator AlphaTrust { get; }

    public SignantSimulator Signant { get; }

    public IEnumerable<SimulatorHost> All => new SimulatorHost[] { Trident, SigningToday, ConsignO, AlphaTrust, Signant };

    public static async Task<Simulators> StartAsync(CancellationToken cancellationToken)
    {
        var simulators = new Simulators(
            await TridentSimulator.StartAsync(cancellationToken: cancellationToken),
            await SigningTodaySimulator.StartAsync(cancellationToken: cancellationToken),
            await ConsignOSimulator.StartAsync(cancellationToken: cancellationToken),
            await AlphaTrustSimulator.StartAsync(cancellationToken: cancellationToken),
            await SignantSimulator.StartAsync(cancellationToken: cancellationToken));
        foreach (var simulator in simulators.All)
        {
            simulator.Callbacks.RetryDelay = TimeSpan.FromMilliseconds(200);
        }

        return simulators;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var simulator in All)
        {
            await simulator.DisposeAsync();
        }
    }
}
