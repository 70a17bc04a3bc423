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
using AlphaTrust.Tasks.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SigningClients.Core;
using SigningClients.Core.Operations;
using SigningClients.Core.Signing;
using SigningClients.Testing;
using Xunit;

namespace SigningClients.Signing.Tests;

/// <summary>
/// One application method signs and downloads through each of the five providers; only the configuration value
/// <c>Signing:Provider</c> changes. The simulated signer is the only per-provider part (it plays the human).
/// </summary>
public sealed class NeutralFlowTests
{
    [Fact]
    public void Every_wait_has_the_same_default_overall_timeout()
    {
        // Issue 16: "wait helpers have no default overall timeout". Every default polling the five packages create for a
        // wait (the clients' options, the neutral signing providers', Signant's per-call options) ends after 1 hour.
        var defaults = new (string Name, PollingOptions Polling)[]
        {
            ("AlphaTrust client", new AlphaTrustClientOptions().Polling),
            ("AlphaTrust signing", new AlphaTrustSigningProviderOptions().Polling),
            ("Trident client", new Trident.SignerProcess.TridentClientOptions().Polling),
            ("Trident signing", new Trident.SignerProcess.Signing.TridentSigningProviderOptions().Polling),
            ("Signant client", new Signant.InstantSign.SignantClientOptions().Polling),
            ("Signant wait", new Signant.InstantSign.Models.WaitForCompletionOptions().Polling),
            ("Signant signing", new Signant.InstantSign.Signing.SignantSigningProviderOptions().Waiting.Polling),
            ("ConsignO client", new ConsignO.Workflows.ConsignOClientOptions().Polling),
            ("ConsignO signing", new ConsignO.Workflows.Signing.ConsignOSigningProviderOptions().Polling),
            ("SigningToday client", new SigningToday.Dst.SigningTodayClientOptions().Polling),
            ("SigningToday signing", new SigningToday.Dst.Signing.SigningTodaySigningProviderOptions().Polling),
        };

        Assert.All(defaults, d => Assert.True(d.Polling.Timeout == SigningClientOptions.DefaultWaitTimeout, d.Name + ": " + d.Polling.Timeout));
        Assert.Equal(TimeSpan.FromHours(1), SigningClientOptions.DefaultWaitTimeout);
    }

    /// <summary>The application code under test: nothing in it names a provider.</summary>
    private static async Task<(SigningOutcome Outcome, byte[]? Signed)> SignAndDownloadAsync(
        IServiceProvider services, IConfiguration configuration, byte[] pdf, SigningParty signer, Func<SigningOperation, Task> signerActs, CancellationToken cancellationToken)
    {
        var resolver = services.GetRequiredService<ISigningProviderResolver>();
        var provider = resolver.GetProvider(configuration["Signing:Provider"]!);
        var envelope = new SigningEnvelope("Neutral agreement") { CallbackUrl = new Uri("https://app.example/signing/callback") };
        envelope.Documents.Add(new SigningDocument(new MemoryStream(pdf), "agreement.pdf"));
        envelope.Signers.Add(signer);
        var operation = await provider.StartSigningAsync(envelope, cancellationToken);

        // The process saves the token; it could stop here and a later one carry on.
        string saved = operation.RehydrationToken.ToJson();
        await signerActs(operation);
        var resumed = resolver.RehydrateSigning(OperationRehydrationToken.Parse(saved));
        var outcome = await resumed.WaitForCompletionAsync(new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(50), MaxInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromMinutes(2) }, cancellationToken);
        if (!outcome.IsSigned || !provider.Capabilities.DocumentDownload)
        {
            return (outcome, null);
        }

        using var signed = new MemoryStream();
        foreach (var document in outcome.Documents)
        {
            await provider.DownloadSignedDocumentAsync(outcome, document, signed, cancellationToken);
        }

        return (outcome, signed.ToArray());
    }

    [Theory]
    [InlineData("Signant")]
    [InlineData("Trident")]
    [InlineData("ConsignO")]
    [InlineData("SigningToday")]
    [InlineData("AlphaTrust")]
    public async Task Same_method_signs_and_downloads_through_the_provider_chosen_by_configuration(string providerName)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await FiveSimulators.StartAsync(ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Signing:Provider"] = providerName }).Build();

        var (outcome, signed) = await SignAndDownloadAsync(world.Services, configuration, Pdf, new SigningParty("Ann", "Lee", "ann.lee@example.com"), world.SignerActsAsync, ct);

        Assert.Equal(providerName, outcome.Provider);
        Assert.Equal(SigningState.Completed, outcome.State);
        var capabilities = world.Services.GetRequiredService<ISigningProviderResolver>().GetProvider(providerName).Capabilities;
        if (capabilities.DocumentDownload)
        {
            Assert.NotNull(signed);
            Assert.True(signed!.Length > 0);
            Assert.StartsWith(providerName == "ConsignO" && signed[0] == (byte)'P' ? "PK" : "%PDF", Encoding.ASCII.GetString(signed, 0, 4), StringComparison.Ordinal);
        }
        else
        {
            // AlphaTrust: the capability says so, instead of pretending.
            Assert.Equal("AlphaTrust", providerName);
            Assert.Null(signed);
            Assert.Empty(outcome.Documents);
        }
    }

    [Fact]
    public async Task Capabilities_are_stated_and_a_request_beyond_them_is_refused_before_any_call()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await FiveSimulators.StartAsync(ct);
        var resolver = world.Services.GetRequiredService<ISigningProviderResolver>();
        Assert.Equal(new[] { "AlphaTrust", "ConsignO", "Signant", "SigningToday", "Trident" }, resolver.Names);

        var trident = resolver.GetProvider("Trident");
        Assert.True(trident.Capabilities.EmbeddedSigning);
        Assert.Equal(1, trident.Capabilities.MaxSigners);
        Assert.True(resolver.GetProvider("ConsignO").Capabilities.AuditTrail);
        Assert.True(resolver.GetProvider("Signant").Capabilities.DocumentsExpire);
        Assert.False(resolver.GetProvider("AlphaTrust").Capabilities.DocumentDownload);

        var envelope = new SigningEnvelope("Two signers");
        envelope.Documents.Add(new SigningDocument(new MemoryStream(Pdf), "a.pdf"));
        envelope.Signers.Add(new SigningParty("Ann", "Lee", "ann@example.com"));
        envelope.Signers.Add(new SigningParty("Bob", "Ray", "bob@example.com"));
        int before = world.Trident.Journal.Count;
        await Assert.ThrowsAsync<ArgumentException>(() => trident.StartSigningAsync(envelope, ct));
        Assert.Equal(before, world.Trident.Journal.Count);
        Assert.Throws<ArgumentException>(() => resolver.GetProvider("Docusign"));

        // The native client stays one call away.
        Assert.IsAssignableFrom<ISigningProvider<IAlphaTrustClient>>(resolver.GetProvider("AlphaTrust"));
    }

    [Fact]
    public async Task Token_of_one_provider_is_refused_by_another_and_names_no_secret()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await FiveSimulators.StartAsync(ct);
        var resolver = world.Services.GetRequiredService<ISigningProviderResolver>();
        var envelope = new SigningEnvelope("Token");
        envelope.Documents.Add(new SigningDocument(new MemoryStream(Pdf), "a.pdf"));
        envelope.Signers.Add(new SigningParty("Ann", "Lee", "ann@example.com"));
        var operation = await resolver.GetProvider("SigningToday").StartSigningAsync(envelope, ct);
        var json = operation.RehydrationToken.ToJson();
        Assert.DoesNotContain(world.SigningToday.Settings.RobotToken, json, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => resolver.GetProvider("ConsignO").RehydrateSigning(OperationRehydrationToken.Parse(json)));
        Assert.Equal("SigningToday", resolver.RehydrateSigning(OperationRehydrationToken.Parse(json)).Provider);
    }

    internal static readonly byte[] Pdf = SigningClients.TestSupport.FiveSimulators.Pdf;

    /// <summary>The five simulators, the five clients and the five signing providers in one container.</summary>
    internal sealed class FiveSimulators : SigningClients.TestSupport.FiveSimulators
    {
        private FiveSimulators()
        {
        }

        public ServiceProvider Services { get; private set; } = null!;

        public static async Task<FiveSimulators> StartAsync(CancellationToken ct)
        {
            var w = new FiveSimulators();
            await w.StartSimulatorsAsync(ct);
            var services = new ServiceCollection();
            w.AddClientsAndProviders(services);
            w.Services = services.BuildServiceProvider();
            return w;
        }

        /// <summary>Plays the human signer of each provider.</summary>
        public Task SignerActsAsync(SigningOperation operation) => SignerActsAsync(Services.GetRequiredService<ISigningProviderResolver>(), operation);

        public override async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
