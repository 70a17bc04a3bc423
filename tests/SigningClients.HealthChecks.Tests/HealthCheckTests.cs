using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SigningClients.Core.Security;
using SigningClients.Testing;
using Xunit;

namespace SigningClients.HealthChecks.Tests;

/// <summary>
/// <c>AddSigningClientHealthChecks()</c> against every provider's simulator: healthy with only the documented read on
/// the wire, and unhealthy with a reason that keeps the provider's message but never the secret it echoed.
/// </summary>
public sealed class HealthCheckTests
{
    public static TheoryData<string> Providers => new(ProviderSetup.Names);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reachable_provider_is_healthy_and_the_probe_only_reads(string provider)
    {
        await using var setup = await ProviderSetup.StartAsync(provider);
        using var services = setup.Services(s => s.AddHealthChecks().AddSigningClientHealthChecks());
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        var entry = Assert.Single(report.Entries);
        Assert.Equal("signingclients:" + provider, entry.Key);
        Assert.True(entry.Value.Status == HealthStatus.Healthy, entry.Value.Description);
        Assert.Equal(provider, entry.Value.Data["provider"]);
        Assert.Contains("signingclients", entry.Value.Tags);
        Assert.NotEmpty(setup.Simulator.Journal.Entries);
        Assert.All(setup.Simulator.Journal.Entries, e => Assert.True(setup.IsProbeRequest(e), "not a probe request: " + e.Method + " " + e.Path));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Failing_provider_is_unhealthy_with_a_redacted_reason(string provider)
    {
        await using var setup = await ProviderSetup.StartAsync(provider);
        setup.Simulator.Faults.Enqueue(setup.FaultEchoing("credentials " + setup.Secret + " rejected"), count: 20);
        using var services = setup.Services(s => s.AddHealthChecks().AddSigningClientHealthChecks());
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        var entry = Assert.Single(report.Entries).Value;
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith(provider + " ", entry.Description, StringComparison.Ordinal);
        Assert.Contains("HTTP " + setup.FaultStatus, entry.Description, StringComparison.Ordinal);
        Assert.Contains("credentials " + SecretRedactor.Mask + " rejected", entry.Description, StringComparison.Ordinal);
        Assert.Null(entry.Exception);
        var texts = new[] { entry.Description! }.Concat(entry.Data.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty));
        Assert.DoesNotContain(texts, t => t.Contains(setup.Secret, StringComparison.Ordinal));
        Assert.Equal(setup.FaultStatus, entry.Data["status"]);
    }

    [Fact]
    public async Task Each_named_client_gets_its_own_check_and_options_apply()
    {
        await using var setup = await ProviderSetup.StartAsync("SigningToday");
        using var services = setup.Services(
            s => s.AddHealthChecks().AddSigningClientHealthChecks(o =>
            {
                o.NamePrefix = "esign";
                o.FailureStatus = HealthStatus.Degraded;
                o.Tags.Add("ready");
            }),
            extraName: "tenant-b");
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new[] { "esign:SigningToday", "esign:SigningToday:tenant-b" }, report.Entries.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(report.Entries.Values, e => Assert.Equal(HealthStatus.Healthy, e.Status));
        Assert.All(report.Entries.Values, e => Assert.Contains("ready", e.Tags));

        setup.Simulator.Faults.Enqueue(SimulatedFault.Status(400, body: "{\"code\":\"X\",\"message\":\"no\"}"), count: 20);
        report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        Assert.All(report.Entries.Values, e => Assert.Equal(HealthStatus.Degraded, e.Status));
    }

    [Fact]
    public async Task Unreachable_provider_is_unhealthy_with_the_connection_failure()
    {
        await using var setup = await ProviderSetup.StartAsync("SigningToday");
        using var services = setup.Services(s => s.AddHealthChecks().AddSigningClientHealthChecks(), endpoint: new Uri("http://127.0.0.1:9/api/"));
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        var entry = Assert.Single(report.Entries).Value;
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("ConnectionFailure", entry.Description, StringComparison.Ordinal);
        Assert.Equal(0, entry.Data["status"]);
    }

    [Fact]
    public void No_registered_client_adds_no_check()
    {
        var services = new ServiceCollection();
        services.AddOptions();
        services.AddHealthChecks().AddSigningClientHealthChecks();
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>().Value;
        Assert.Empty(options.Registrations);
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddHealthChecks().AddSigningClientHealthChecks(o => o.NamePrefix = " "));
    }
}
