using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using System.Text;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Testing;
using SigningToday.Dst;
using Xunit;

namespace SigningClients.Reliability.Tests.Guarantees;

/// <summary>
/// Issue 16: a standard resilience handler (Microsoft.Extensions.Http.Resilience) added by the application must not
/// multiply the SDK's retries nor replay writes, whether it is added on the client's builder or for every client.
/// </summary>
public sealed class ForeignRetryHandlerTests
{
    public enum Attach
    {
        OnClientBuilder,
        HttpClientDefaults,
        Both,
    }

    private const int MaxRetries = 3;

    [Theory]
    [InlineData(Attach.OnClientBuilder)]
    [InlineData(Attach.HttpClientDefaults)]
    [InlineData(Attach.Both)]
    public async Task Persistent_503_GET_makes_exactly_MaxRetries_plus_one_requests(Attach attach)
    {
        await using var sim = await SigningTodaySimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        const string dstId = "dst-behind-a-503";
        var logs = new LogCollector();
        await using var provider = WithForeignRetry(attach, services => services.AddLogging(b => b.AddProvider(logs)).AddSigningTodayClient(o => o.UseSimulator(sim).Retry = FastRetry()));
        var client = provider.GetRequiredService<ISigningTodayClient>();
        sim.Faults.EnqueueFor("GET", "/api/DST/", SimulatedFault.Status(503), count: 1000);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.Dsts.GetAsync(dstId, TestContext.Current.CancellationToken));

        Assert.Equal(503, ex.Status);
        Assert.Equal(MaxRetries + 1, sim.Journal.CountOf("GET", "/api/DST/" + dstId));
        Assert.Equal(MaxRetries + 1, ex.Attempts);
        Assert.True(ex.WasRetried);
        Assert.Contains(logs.Messages, m => m.Contains("ResilienceHandler", StringComparison.Ordinal) && m.Contains("AllowForeignRetryHandlers", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Attach.OnClientBuilder)]
    [InlineData(Attach.HttpClientDefaults)]
    [InlineData(Attach.Both)]
    public async Task Lost_answer_write_reaches_the_simulator_exactly_once(Attach attach)
    {
        await using var sim = await AlphaTrustSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var provider = WithForeignRetry(attach, services => services.AddAlphaTrustClient(o => o.UseSimulator(sim).Retry = FastRetry()));
        var client = provider.GetRequiredService<IAlphaTrustClient>();
        sim.Faults.EnqueueFor("POST", AlphaTrustSimulator.CreateTransactionsPath, SimulatedFault.DropAfterProcessing());

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.CreateTransactionAsync(NewTransaction(), TestContext.Current.CancellationToken));

        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(1, ex.Attempts);
        Assert.False(ex.WasRetried);
        Assert.Equal(1, sim.Journal.CountOf("POST", AlphaTrustSimulator.CreateTransactionsPath));
    }

    [Fact]
    public async Task AllowForeignRetryHandlers_keeps_the_application_handler()
    {
        await using var sim = await SigningTodaySimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        const string dstId = "dst-behind-a-503";
        var services = new ServiceCollection();
        services.AddSigningTodayClient(o => o.UseSimulator(sim).Retry = new RetryOptions { MaxRetries = 0 })
            .AllowForeignRetryHandlers()
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.MaxRetryAttempts = 2;
                o.Retry.Delay = TimeSpan.FromMilliseconds(1);
                o.Retry.BackoffType = Polly.DelayBackoffType.Constant;
                o.Retry.UseJitter = false;
            });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ISigningTodayClient>();
        sim.Faults.EnqueueFor("GET", "/api/DST/", SimulatedFault.Status(503), count: 1000);

        await Assert.ThrowsAsync<SigningApiException>(() => client.Dsts.GetAsync(dstId, TestContext.Current.CancellationToken));

        // The application's handler retried (the SDK's own MaxRetries is 0): 1 + 2 requests.
        Assert.Equal(3, sim.Journal.CountOf("GET", "/api/DST/" + dstId));
    }

    /// <summary>The services with the application's standard resilience handler where <paramref name="attach"/> says, around the client <paramref name="addClient"/> registers.</summary>
    private static ServiceProvider WithForeignRetry(Attach attach, Func<IServiceCollection, IHttpClientBuilder> addClient)
    {
        var services = new ServiceCollection();
        if (attach is Attach.HttpClientDefaults or Attach.Both)
        {
            services.ConfigureHttpClientDefaults(h => h.AddStandardResilienceHandler());
        }

        var builder = addClient(services);
        if (attach is Attach.OnClientBuilder or Attach.Both)
        {
            builder.AddStandardResilienceHandler();
        }

        return services.BuildServiceProvider();
    }

    private static RetryOptions FastRetry() => new() { MaxRetries = MaxRetries, InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), UseJitter = false };

    private static TransactionCreate NewTransaction() => new()
    {
        Description = "foreign retry handler",
        IsTest = true,
        Participants = [new ParticipantInsert { FullName = "Ada Lovelace", EmailAddress = "ada@example.com", Authentication = ParticipantAuthentication.None }],
        Documents = [new DocumentInsert { Title = "Agreement", Content = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")), Tasks = [new TaskInsert(TaskType.Signature, 0)] }],
    };

    private sealed class LogCollector : ILoggerProvider
    {
        public List<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collector(this);

        public void Dispose()
        {
        }

        private sealed class Collector(LogCollector owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Messages)
                {
                    owner.Messages.Add(formatter(state, exception));
                }
            }
        }
    }
}
