using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Core;
using SigningClients.Testing;
using SigningClients.Testing.Signant;
using SigningClients.TestSupport;

namespace Signant.InstantSign.Tests;

/// <summary>The Signant simulator and a client pointed at it (the shape of every provider harness: <see cref="ProviderHarness{THarness, TSimulator, TSimulatorOptions, TClient, TClientOptions}"/>).</summary>
internal sealed class SignantHarness : ProviderHarness<SignantHarness, SignantSimulator, SignantSimulatorOptions, SignantClient, SignantClientOptions>
{
    public SignantHarness()
        : base(o => o.Host, SignantSimulator.StartAsync, (options, http, logs, clock) => new(options, http, logs, clock))
    {
    }

    protected override void PointAtSimulator(SignantClientOptions options, SignantSimulator simulator)
    {
        options.UseSimulator(simulator);
        options.Retry = new RetryOptions { MaxRetries = 1, InitialDelay = TimeSpan.FromMilliseconds(10), UseJitter = false };
        if (Clock is FakeTimeProvider)
        {
            // Attempt timeouts run on the fake clock too: make them irrelevant while the test drives time.
            options.Retry.AttemptTimeout = TimeSpan.FromDays(1);
        }
    }
}
