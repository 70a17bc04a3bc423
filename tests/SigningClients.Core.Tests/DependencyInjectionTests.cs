using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SigningClients.Core.DependencyInjection;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Testing;
using Xunit;

namespace SigningClients.Core.Tests;

public sealed class DemoOptions : SigningClientOptions
{
    public string? ApiKey { get; set; }

    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrEmpty(ApiKey))
        {
            throw new ArgumentException("ApiKey is required.", nameof(ApiKey));
        }
    }
}

public interface IDemoClient
{
    string Name { get; }

    Task<int> PingAsync(CancellationToken cancellationToken = default);
}

public sealed class DemoClient : IDemoClient
{
    private readonly SigningPipeline _pipeline;

    public DemoClient(SigningClientContext<DemoOptions> context)
    {
        Name = context.Name;
        _pipeline = new SigningPipeline(context.HttpClientProvider, new SigningPipelineOptions("Demo", context.Options.Endpoint!) { AllowHttpOnLoopback = context.Options.AllowHttpOnLoopback });
    }

    public string Name { get; }

    public Task<int> PingAsync(CancellationToken cancellationToken = default) =>
        _pipeline.SendAsync(new SigningRequest(HttpMethod.Get, "ping", "Ping", Idempotency.Safe), cancellationToken);
}

public sealed class DependencyInjectionTests
{
    private sealed class CountingHandler : DelegatingHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task Registers_default_and_named_clients_and_returns_the_http_client_builder()
    {
        await using var host = await SimulatorHost.StartAsync(r => r.MapGet("/ping", () => "pong"), cancellationToken: TestContext.Current.CancellationToken);
        var handler = new CountingHandler();
        var services = new ServiceCollection();
        services.AddSigningClient<IDemoClient, DemoOptions>(Options.DefaultName, o => { o.Endpoint = host.BaseAddress; o.ApiKey = "k1"; o.AllowHttpOnLoopback = true; }, ctx => new DemoClient(ctx))
            .AddHttpMessageHandler(() => handler);
        services.AddSigningClient<IDemoClient, DemoOptions>("tenant-b", o => { o.Endpoint = host.BaseAddress; o.ApiKey = "k2"; o.AllowHttpOnLoopback = true; }, ctx => new DemoClient(ctx));
        await using var provider = services.BuildServiceProvider();

        var defaultClient = provider.GetRequiredService<IDemoClient>();
        var factory = provider.GetRequiredService<ISigningClientFactory<IDemoClient>>();
        var tenantB = factory.GetClient("tenant-b");

        Assert.Same(defaultClient, factory.GetClient(Options.DefaultName));
        Assert.Same(tenantB, factory.GetClient("tenant-b"));
        Assert.Equal("tenant-b", tenantB.Name);
        Assert.Equal(200, await defaultClient.PingAsync(TestContext.Current.CancellationToken));
        Assert.Equal(200, await tenantB.PingAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, handler.Calls);
        Assert.Throws<ArgumentException>(() => factory.GetClient("unknown"));
    }

    [Fact]
    public void Options_are_validated_with_a_clear_message()
    {
        var services = new ServiceCollection();
        services.AddSigningClient<IDemoClient, DemoOptions>("acme", o => o.Endpoint = new Uri("http://example.com"), ctx => new DemoClient(ctx));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ISigningClientFactory<IDemoClient>>().GetClient("acme"));
        Assert.Contains("DemoOptions 'acme'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("https", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_runs_at_host_start()
    {
        var services = new ServiceCollection();
        services.AddSigningClient<IDemoClient, DemoOptions>(Options.DefaultName, o => o.Endpoint = new Uri("https://example.com"), ctx => new DemoClient(ctx));
        await using var provider = services.BuildServiceProvider();
        var startupValidator = provider.GetRequiredService<IStartupValidator>();

        var ex = Assert.Throws<OptionsValidationException>(() => startupValidator.Validate());
        Assert.Contains("ApiKey is required", ex.Message, StringComparison.Ordinal);
    }
}
