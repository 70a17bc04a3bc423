using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SigningClients.Core.DependencyInjection;
using SigningClients.Testing;
using Xunit;

namespace ConsignO.Workflows.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task Configuration_section_binds_and_the_client_works()
    {
        await using var simulator = await ConsignOSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConsignO:Endpoint"] = simulator.ApiEndpoint.ToString(),
            ["ConsignO:AllowHttpOnLoopback"] = "true",
            ["ConsignO:Username"] = simulator.Settings.Username,
            ["ConsignO:Password"] = simulator.Settings.Password,
            ["ConsignO:SessionIdleTimeout"] = "00:20:00",
            ["ConsignO:Retry:MaxRetries"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddConsignOClient(configuration.GetSection("ConsignO"));
        services.AddConsignOClient("second", o =>
        {
            o.Endpoint = simulator.ApiEndpoint;
            o.AllowHttpOnLoopback = true;
            o.Username = simulator.Settings.Username;
            o.Password = simulator.Settings.Password;
        });
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<ConsignOClientOptions>>().Get(Options.DefaultName);
        Assert.Equal(TimeSpan.FromMinutes(20), options.SessionIdleTimeout);
        Assert.Equal(1, options.Retry.MaxRetries);

        var client = provider.GetRequiredService<IConsignOClient>();
        await client.LoginAsync(TestContext.Current.CancellationToken);
        var second = provider.GetRequiredService<ISigningClientFactory<IConsignOClient>>().GetClient("second");
        Assert.NotSame(client, second);
        Assert.Equal(1, simulator.LoginCount);
    }

    [Fact]
    public void Invalid_options_fail_validation()
    {
        var services = new ServiceCollection();
        services.AddConsignOClient(o => { o.Endpoint = new Uri("https://cloud.example.com/api/v1"); o.Username = "u"; });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IConsignOClient>());
        Assert.Contains("Password", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ConsignOClient(new ConsignOClientOptions { Endpoint = new Uri("http://cloud.example.com/api/v1"), Username = "u", Password = "p" }));
        Assert.Throws<ArgumentException>(() => new ConsignOClient(new ConsignOClientOptions { Endpoint = new Uri("https://cloud.example.com/api/v1"), Username = "u", Password = "p", ClientId = "id" }));
    }

    [Fact]
    public void Options_ToString_hides_secrets()
    {
        var options = new ConsignOClientOptions { Endpoint = new Uri("https://cloud.example.com/api/v1"), Username = "u", Password = "hunter2-password", ClientId = "id", ClientSecret = "client-secret-value" };
        var text = options.ToString();
        Assert.DoesNotContain("hunter2-password", text, StringComparison.Ordinal);
        Assert.DoesNotContain("client-secret-value", text, StringComparison.Ordinal);
        Assert.Contains("***", text, StringComparison.Ordinal);
    }
}
