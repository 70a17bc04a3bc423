using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using Microsoft.Extensions.DependencyInjection;
using SigningClients.Core.Signing;
using SigningClients.Testing;
using SigningClients.Testing.Signant;
using Xunit;

namespace SigningClients.TestSupport;

/// <summary>
/// The five simulators under one roof, for the tests that drive all five providers through the neutral signing flow
/// (signing, callbacks, tracking): the registration of the five clients and signing providers over them, and the human
/// signer of each provider. Derive to add what a suite needs (app instances, tracker nodes).
/// </summary>
public class FiveSimulators : IAsyncDisposable
{
    /// <summary>The AlphaTrust participants' password (API signing: the application signs for the authenticated signer).</summary>
    public const string Password = "Five-Sims-Pass-7";

    /// <summary>The five provider names, in the order the suites use them.</summary>
    public static readonly IReadOnlyList<string> Providers = new[] { "Signant", "Trident", "ConsignO", "SigningToday", "AlphaTrust" };

    /// <summary>A minimal one-page PDF every provider accepts.</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private readonly List<string> _spools = new();

    /// <summary>The Signant simulator.</summary>
    public SignantSimulator Signant { get; private set; } = null!;

    /// <summary>The TRIDENT simulator.</summary>
    public TridentSimulator Trident { get; private set; } = null!;

    /// <summary>The ConsignO simulator.</summary>
    public ConsignOSimulator ConsignO { get; private set; } = null!;

    /// <summary>The Signing Today simulator.</summary>
    public SigningTodaySimulator SigningToday { get; private set; } = null!;

    /// <summary>The AlphaTrust simulator.</summary>
    public AlphaTrustSimulator AlphaTrust { get; private set; } = null!;

    /// <summary>The five simulators.</summary>
    public IEnumerable<SimulatorHost> Simulators => new SimulatorHost[] { Signant, Trident, ConsignO, SigningToday, AlphaTrust };

    /// <summary>Starts the five simulators.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="signant">Signant simulator options (a shortened time to live, …), or <see langword="null"/>.</param>
    public static async Task<FiveSimulators> StartAsync(CancellationToken cancellationToken, SignantSimulatorOptions? signant = null)
    {
        var world = new FiveSimulators();
        await world.StartSimulatorsAsync(cancellationToken, signant);
        return world;
    }

    /// <summary>Starts the five simulators of a derived world.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="signant">Signant simulator options, or <see langword="null"/>.</param>
    protected async Task StartSimulatorsAsync(CancellationToken cancellationToken, SignantSimulatorOptions? signant = null)
    {
        Signant = await SignantSimulator.StartAsync(signant, cancellationToken);
        Trident = await TridentSimulator.StartAsync(cancellationToken: cancellationToken);
        ConsignO = await ConsignOSimulator.StartAsync(cancellationToken: cancellationToken);
        SigningToday = await SigningTodaySimulator.StartAsync(cancellationToken: cancellationToken);
        AlphaTrust = await AlphaTrustSimulator.StartAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Registers the five clients (pointed at the simulators) and the five signing providers over them.</summary>
    /// <param name="services">The container.</param>
    public void AddClientsAndProviders(IServiceCollection services)
    {
        services.AddSignantClient(o => o.UseSimulator(Signant));
        services.AddTridentClient(o => o.UseSimulator(Trident));
        services.AddConsignOClient(o => o.UseSimulator(ConsignO));
        services.AddSigningTodayClient(o => o.UseSimulator(SigningToday));
        services.AddAlphaTrustClient(o => o.UseSimulator(AlphaTrust));
        var spool = Path.Combine(Path.GetTempPath(), "signingclients-spool-" + Guid.NewGuid().ToString("N"));
        _spools.Add(spool);
        services.AddSignantSigningProvider(configure: o => o.SpoolDirectory = spool);
        services.AddTridentSigningProvider();
        services.AddConsignOSigningProvider();
        services.AddSigningTodaySigningProvider();
        services.AddAlphaTrustSigningProvider(configure: o =>
        {
            o.SendRequestViaEmail = false;
            o.Authentication = (_, _) => ParticipantAuthentication.Password(Password);
        });
    }

    /// <summary>An envelope with the sample PDF and one signer.</summary>
    /// <param name="title">The envelope's title.</param>
    public static SigningEnvelope Envelope(string title)
    {
        var envelope = new SigningEnvelope(title);
        envelope.Documents.Add(new SigningDocument(new MemoryStream(Pdf), "agreement.pdf"));
        envelope.Signers.Add(new SigningParty("Ann", "Lee", "ann.lee@example.com"));
        return envelope;
    }

    /// <summary>Plays the human signer of each provider.</summary>
    /// <param name="resolver">The signing providers (AlphaTrust signs through its native client).</param>
    /// <param name="operation">The operation to sign.</param>
    public async Task SignerActsAsync(ISigningProviderResolver resolver, SigningOperation operation)
    {
        switch (operation.Provider)
        {
            case "Signant":
                Signant.CompleteSigning(Guid.Parse(operation.Id), "Ann Lee");
                break;
            case "Trident":
            {
                using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
                using var answer = await browser.GetAsync(operation.SigningUrls[0].Url.AbsoluteUri + "?action=sign");
                Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
                break;
            }

            case "ConsignO":
                ConsignO.SignAll(operation.Id);
                break;
            case "SigningToday":
                SigningToday.Sign(operation.Id);
                break;
            case "AlphaTrust":
            {
                // API signing: the application signs for the authenticated signer through the native client.
                var client = ((ISigningProvider<IAlphaTrustClient>)resolver.GetProvider("AlphaTrust")).Client;
                var transaction = await client.GetTransactionAsync(long.Parse(operation.Id, System.Globalization.CultureInfo.InvariantCulture));
                foreach (var task in transaction!.Documents.SelectMany(d => d.Tasks))
                {
                    await client.RemoteSignAsync(new RemoteSignTask(task.Id, "203.0.113.10", TaskAuthentication.Password(Password)));
                }

                break;
            }

            default:
                throw new InvalidOperationException(operation.Provider);
        }
    }

    /// <summary>Stops the five simulators and removes the Signant spool folders.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        await Signant.DisposeAsync();
        await Trident.DisposeAsync();
        await ConsignO.DisposeAsync();
        await SigningToday.DisposeAsync();
        await AlphaTrust.DisposeAsync();
        foreach (var spool in _spools.Where(Directory.Exists))
        {
            try
            {
                Directory.Delete(spool, recursive: true);
            }
            catch (IOException)
            {
                // A spool still in use by a stopping provider; the temp folder is cleaned by the OS.
            }
        }

        GC.SuppressFinalize(this);
    }
}
