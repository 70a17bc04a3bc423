using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SigningClients.Testing;
using SigningClients.Testing.SigningToday;
using SigningClients.TestSupport;

namespace SigningToday.Dst.Tests;

/// <summary>
/// The Signing Today simulator and a client pointed at it (the shape of every provider harness:
/// <see cref="ProviderHarness{THarness, TSimulator, TSimulatorOptions, TClient, TClientOptions}"/>). <c>Client</c> is the
/// robot (robot token); <see cref="CreateAdminClient"/> logs in with the password grant.
/// </summary>
internal sealed class SigningTodayHarness : ProviderHarness<SigningTodayHarness, SigningTodaySimulator, SigningTodaySimulatorOptions, SigningTodayClient, SigningTodayClientOptions>
{
    public SigningTodayHarness()
        : base(o => o.Host, SigningTodaySimulator.StartAsync, (options, http, logs, clock) => new(options, http, logs, clock))
    {
    }

    /// <summary>A small PDF as a stream.</summary>
    public static MemoryStream Pdf(string text = "Hello") => new(TestPdf.Create(text));

    /// <summary>Options for the password grant as <paramref name="username"/> (by default the simulator's administrator).</summary>
    public SigningTodayClientOptions CreatePasswordOptions(string? username = null, string? password = null) => CreateOptions(o =>
    {
        o.AuthenticationMode = SigningTodayAuthenticationMode.Password;
        o.RobotToken = null;
        o.Username = username ?? Simulator.Settings.AdminUsername;
        o.Password = password ?? Simulator.Settings.AdminPassword;
        o.Domain = Simulator.Settings.Domain;
        o.ClientId = Simulator.Settings.ClientId;
        o.ClientSecret = Simulator.Settings.ClientSecret;
    });

    /// <summary>A client of the simulator's administrator (password grant), disposed with the harness.</summary>
    public SigningTodayClient CreateAdminClient(TimeProvider? clock = null, ILoggerFactory? loggerFactory = null) =>
        CreateClient(CreatePasswordOptions(), clock, loggerFactory: loggerFactory);

    protected override void PointAtSimulator(SigningTodayClientOptions options, SigningTodaySimulator simulator)
    {
        options.UseSimulator(simulator);
        options.Retry.InitialDelay = TimeSpan.FromMilliseconds(10);
    }
}
