using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SigningClients.Core;
using SigningClients.Testing;
using Xunit;

namespace SigningClients.HealthChecks.Tests;

/// <summary>One provider's simulator and the DI registration of a client pointed at it.</summary>
internal sealed class ProviderSetup : IAsyncDisposable
{
    public static readonly string[] Names = { "AlphaTrust", "Trident", "Signant", "ConsignO", "SigningToday" };

    private readonly Action<IServiceCollection, string, Uri?> _register;
    private readonly Func<JournalEntry, bool> _isProbe;

    private ProviderSetup(SimulatorHost simulator, string secret, Action<IServiceCollection, string, Uri?> register, Func<JournalEntry, bool> isProbe, int faultStatus = 400, Func<string, SimulatedFault>? fault = null)
    {
        Simulator = simulator;
        Secret = secret;
        _register = register;
        _isProbe = isProbe;
        FaultStatus = faultStatus;
        FaultEchoing = fault ?? (message => SimulatedFault.Status(faultStatus, body: Json(message)));
    }

    public SimulatorHost Simulator { get; }

    /// <summary>A secret of the client (registered with its redactor) that the failing simulator echoes.</summary>
    public string Secret { get; }

    /// <summary>The status of <see cref="FaultEchoing"/>'s answer.</summary>
    public int FaultStatus { get; }

    /// <summary>A fault in the provider's error format whose message is the given text.</summary>
    public Func<string, SimulatedFault> FaultEchoing { get; }

    public bool IsProbeRequest(JournalEntry entry) => _isProbe(entry);

    public static async Task<ProviderSetup> StartAsync(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        switch (provider)
        {
            case "AlphaTrust":
            {
                var sim = await AlphaTrustSimulator.StartAsync(null, ct);
                return new ProviderSetup(sim, sim.Settings.ApiPassword, (s, name, endpoint) => s.AddAlphaTrustClient(name, o =>
                {
                    o.Endpoint = endpoint ?? sim.BaseAddress;
                    o.AllowHttpOnLoopback = true;
                    o.ApiKey = sim.Settings.ApiKey;
                    o.ApiSecret = sim.Settings.ApiSecret;
                    o.ApiUsername = sim.Settings.ApiUsername;
                    o.ApiPassword = sim.Settings.ApiPassword;
                    Fast(o.Retry);
                }), e => e.Method == "POST" && e.Path == AlphaTrustSimulator.GetUpdateableTransactionsPath);
            }

            case "Trident":
            {
                var sim = await TridentSimulator.StartAsync(null, ct);
                return new ProviderSetup(sim, sim.ClientSecret, (s, name, endpoint) => s.AddTridentClient(name, o =>
                {
                    o.Endpoint = endpoint ?? sim.BaseAddress;
                    o.AllowHttpOnLoopback = true;
                    o.ClientId = sim.ClientId;
                    o.ClientSecret = sim.ClientSecret;
                    o.AuthServer = sim.AuthServer;
                    Fast(o.Retry);
                }), e => (e.Method == "GET" && e.Path.Contains("/signer_processes/", StringComparison.Ordinal)) || (e.Method == "POST" && e.Path.Contains("token", StringComparison.OrdinalIgnoreCase)));
            }

            case "Signant":
            {
                var sim = await SignantSimulator.StartAsync(null, ct);
                return new ProviderSetup(sim, sim.Settings.AccessCode, (s, name, endpoint) => s.AddSignantClient(name, o =>
                {
                    o.Endpoint = endpoint ?? sim.ServiceAddress;
                    o.AllowHttpOnLoopback = true;
                    o.DistributorId = sim.Settings.DistributorId;
                    o.AccessCode = sim.Settings.AccessCode;
                    Fast(o.Retry);
                }), e => e.Method == "POST" && e.BodyText.Contains("GetPostingStatus", StringComparison.Ordinal) && !e.BodyText.Contains("CreateInstantPosting", StringComparison.Ordinal),
                faultStatus: 500,
                fault: message => SimulatedFault.Status(500, body: SignantSimulator.FaultBody("soap:Server", message), contentType: "text/xml"));
            }

            case "ConsignO":
            {
                var sim = await ConsignOSimulator.StartAsync(null, ct);
                return new ProviderSetup(sim, sim.Settings.Password, (s, name, endpoint) => s.AddConsignOClient(name, o =>
                {
                    o.Endpoint = endpoint ?? new Uri(sim.BaseAddress, "api/v1/");
                    o.AllowHttpOnLoopback = true;
                    o.Username = sim.Settings.Username;
                    o.Password = sim.Settings.Password;
                    Fast(o.Retry);
                }), e => (e.Method == "HEAD" && e.Path.EndsWith("/auth", StringComparison.Ordinal)) || (e.Method == "POST" && e.Path.EndsWith("/auth/login", StringComparison.Ordinal)));
            }

            case "SigningToday":
            {
                var sim = await SigningTodaySimulator.StartAsync(null, ct);
                return new ProviderSetup(sim, sim.Settings.RobotToken, (s, name, endpoint) => s.AddSigningTodayClient(name, o =>
                {
                    o.Endpoint = endpoint ?? new Uri(sim.BaseAddress, "api/");
                    o.AllowHttpOnLoopback = true;
                    o.RobotToken = sim.Settings.RobotToken;
                    Fast(o.Retry);
                }), e => e.Method == "GET" && e.Path == "/api/auth/user");
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    /// <summary>A service provider with the default client (and optionally a second, named one) and the given extras.</summary>
    public ServiceProvider Services(Action<IServiceCollection> configure, string? extraName = null, Uri? endpoint = null)
    {
        var services = new ServiceCollection();
        _register(services, string.Empty, endpoint);
        if (extraName is not null)
        {
            _register(services, extraName, endpoint);
        }

        configure(services);
        return services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();

    private static void Fast(RetryOptions retry)
    {
        retry.MaxRetries = 1;
        retry.InitialDelay = TimeSpan.FromMilliseconds(1);
        retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        retry.UseJitter = false;
    }

    private static string Json(string message)
    {
        var escaped = message.Replace("\"", "\\\"", StringComparison.Ordinal);
        return "{\"code\":\"AUTH\",\"message\":\"" + escaped + "\",\"msg\":\"" + escaped + "\",\"Message\":\"" + escaped + "\",\"IsSuccessful\":false,\"error\":\"AUTH\",\"error_description\":\"" + escaped + "\"}";
    }
}
