using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks;
using ConsignO.Workflows;
using Microsoft.Extensions.Logging;
using Signant.InstantSign;
using SigningClients.Core;
using SigningToday.Dst;
using Trident.SignerProcess;

namespace SigningClients.Hostile.Tests.Infrastructure;

/// <summary>Clients of the five providers pointed at a hostile server, with the suite's credentials and small limits.</summary>
public static class Clients
{
    public const string AlphaTrustApiKey = "atkey-4f8e2c1d9b";
    public const string AlphaTrustApiSecret = "atsecret-7d3b9e0c55";
    public const string AlphaTrustUser = "atuser-91f3aa";
    public const string AlphaTrustPassword = "atpass-Pw0rd-5521";
    public const string ConsignOUser = "co-user@example.com";
    public const string ConsignOPassword = "copass-Pw0rd-8831";
    public const string ConsignOClientSecret = "cosecret-77a1b2c3d4";
    public const string SignantAccessCode = "sgaccess-90b3c7e1f2";
    public const string TridentClientSecret = "trsecret-4471abcd";
    public const string SigningTodayPassword = "stpass-Pw0rd-3390";
    public const string SigningTodayClientSecret = "stsecret-55c1d2e3";
    public const string AccessToken = "tok-b1946ac92492d2347c6235b4d2611184";
    public const string SessionToken = "sess-6f1ed002ab5595859014ebf0951522d9";

    public static readonly string[] Credentials =
    {
        AlphaTrustApiKey, AlphaTrustApiSecret, AlphaTrustUser, AlphaTrustPassword, ConsignOPassword, ConsignOClientSecret,
        SignantAccessCode, TridentClientSecret, SigningTodayPassword, SigningTodayClientSecret,
    };

    public static readonly string[] Providers = { "AlphaTrust", "ConsignO", "Signant", "SigningToday", "Trident" };

    public static AlphaTrustClient AlphaTrust(Uri endpoint, HttpClient? http = null, ILoggerFactory? logs = null) =>
        new(Tune(new AlphaTrustClientOptions
        {
            Endpoint = endpoint,
            ApiKey = AlphaTrustApiKey,
            ApiSecret = AlphaTrustApiSecret,
            ApiUsername = AlphaTrustUser,
            ApiPassword = AlphaTrustPassword,
        }), http, logs);

    public static ConsignOClient ConsignO(Uri endpoint, HttpClient? http = null, ILoggerFactory? logs = null) =>
        new(Tune(new ConsignOClientOptions
        {
            Endpoint = new Uri(endpoint, "api/v1/"),
            Username = ConsignOUser,
            Password = ConsignOPassword,
            ClientId = "co-client",
            ClientSecret = ConsignOClientSecret,
        }), http, logs);

    public static SignantClient Signant(Uri endpoint, HttpClient? http = null, ILoggerFactory? logs = null) =>
        new(Tune(new SignantClientOptions
        {
            Endpoint = new Uri(endpoint, "WS/V1/InstantSignatureService.svc"),
            DistributorId = "distributor-1",
            AccessCode = SignantAccessCode,
        }, s => HostileLimits.Signant(s)), http, logs);

    public static SigningTodayClient SigningToday(Uri endpoint, HttpClient? http = null, ILoggerFactory? logs = null) =>
        new(Tune(new SigningTodayClientOptions
        {
            Endpoint = endpoint,
            AuthenticationMode = SigningTodayAuthenticationMode.Password,
            Username = "st-user",
            Domain = "example",
            Password = SigningTodayPassword,
            ClientId = "st-client",
            ClientSecret = SigningTodayClientSecret,
        }), http, logs);

    public static TridentClient Trident(Uri endpoint, HttpClient? http = null, ILoggerFactory? logs = null) =>
        new(Tune(new TridentClientOptions
        {
            Endpoint = endpoint,
            ClientId = "tr-client",
            ClientSecret = TridentClientSecret,
            AuthServer = "main",
        }), http, logs);

    /// <summary>Options of the suite: one quick retry, a long attempt timeout (the probes bound time themselves), small limits.</summary>
    public static T Tune<T>(T options, Action<T>? extra = null)
        where T : SigningClientOptions
    {
        options.AllowHttpOnLoopback = true;
        options.Retry.MaxRetries = 1;
        options.Retry.InitialDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Retry.UseJitter = false;
        options.Retry.AttemptTimeout = TimeSpan.FromSeconds(60);
        HostileLimits.Apply(options);
        extra?.Invoke(options);
        return options;
    }

    /// <summary>A JSON token answer (OAuth2) that also carries a session header (ConsignO's login).</summary>
    public static Task AuthAsync(HostileConnection c, string? accessToken = null, string expiresIn = "3600") =>
        c.JsonAsync(200, "{\"access_token\":\"" + (accessToken ?? AccessToken) + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}", "X-Auth-Token: " + SessionToken + "\r\n");

    /// <summary>Whether the request is an authentication request of one of the providers.</summary>
    public static bool IsAuth(ReceivedRequest r) =>
        r.Target.Contains("/oauth", StringComparison.OrdinalIgnoreCase) || r.Target.Contains("auth/login", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first call of each provider (after authentication where it has one).</summary>
    public static Task CallAsync(string provider, Uri endpoint, HttpClient? http = null, ILoggerFactory? logs = null)
    {
        switch (provider)
        {
            case "AlphaTrust":
                return AlphaTrust(endpoint, http, logs).RemoteSignAsync(new RemoteSignTask(1, "203.0.113.7", TaskAuthentication.Password("task-pw-00001")));
            case "ConsignO":
                return ConsignO(endpoint, http, logs).GetWorkflowAsync("wf-1");
            case "Signant":
                return Signant(endpoint, http, logs).GetPostingStatusAsync(Guid.NewGuid());
            case "SigningToday":
                return FirstPageAsync(SigningToday(endpoint, http, logs));
            case "Trident":
                return Trident(endpoint, http, logs).GetSignerProcessAsync("sp-1");
            default:
                throw new ArgumentOutOfRangeException(nameof(provider));
        }
    }

    private static async Task FirstPageAsync(SigningTodayClient client)
    {
        await foreach (var page in client.Dsts.ListAsync().AsPages())
        {
            _ = page;
            break;
        }
    }
}
