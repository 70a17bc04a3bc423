using System;
using AlphaTrust.Tasks;
using ConsignO.Workflows;
using Signant.InstantSign;
using SigningClients.Core;
using SigningToday.Dst;
using Trident.SignerProcess;

namespace SigningClients.Testing;

/// <summary>
/// The one way to point a client at a simulator: <c>options.UseSimulator(simulator)</c> sets the endpoint, allows
/// plain http on loopback and copies the credentials (and any wire names the simulator was started with) into the
/// client's options. Works in code (<c>new XxxClient(new XxxClientOptions().UseSimulator(sim))</c>) and with DI
/// (<c>services.AddXxxClient(o =&gt; o.UseSimulator(sim))</c>). Other settings (retry, polling) are left as they are.
/// </summary>
public static class SimulatorClientOptionsExtensions
{
    /// <summary>Points AlphaTrust options at <paramref name="simulator"/> (endpoint, credentials, credential header names).</summary>
    /// <param name="options">The client options.</param>
    /// <param name="simulator">The running simulator.</param>
    /// <returns>The same options.</returns>
    public static AlphaTrustClientOptions UseSimulator(this AlphaTrustClientOptions options, AlphaTrustSimulator simulator)
    {
        PointAt(options, simulator, s => s.BaseAddress);
        var settings = simulator.Settings;
        options.ApiKey = settings.ApiKey;
        options.ApiSecret = settings.ApiSecret;
        options.ApiUsername = settings.ApiUsername;
        options.ApiPassword = settings.ApiPassword;
        options.CredentialHeaders.ApiKey = settings.ApiKeyHeader;
        options.CredentialHeaders.ApiSecret = settings.ApiSecretHeader;
        options.CredentialHeaders.ApiUsername = settings.ApiUsernameHeader;
        options.CredentialHeaders.ApiPassword = settings.ApiPasswordHeader;
        return options;
    }

    /// <summary>Points ConsignO options at <paramref name="simulator"/> (API endpoint, login, tenant, wire names).</summary>
    /// <param name="options">The client options.</param>
    /// <param name="simulator">The running simulator.</param>
    /// <returns>The same options.</returns>
    public static ConsignOClientOptions UseSimulator(this ConsignOClientOptions options, ConsignOSimulator simulator)
    {
        PointAt(options, simulator, s => s.ApiEndpoint);
        var settings = simulator.Settings;
        options.Username = settings.Username;
        options.Password = settings.Password;
        options.Tenant = settings.Tenant;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.TenantFieldName = settings.TenantFieldName;
        options.DocumentUploadPartName = settings.UploadPartName;
        options.PdfaConversionFieldName = settings.PdfaFieldName;
        return options;
    }

    /// <summary>Points Signant options at <paramref name="simulator"/> (service address, distributor, access code, SOAP names).</summary>
    /// <param name="options">The client options.</param>
    /// <param name="simulator">The running simulator.</param>
    /// <returns>The same options.</returns>
    public static SignantClientOptions UseSimulator(this SignantClientOptions options, SignantSimulator simulator)
    {
        PointAt(options, simulator, s => s.ServiceAddress);
        var settings = simulator.Settings;
        options.DistributorId = settings.DistributorId;
        options.AccessCode = settings.AccessCode;
        options.ServiceNamespace = settings.ServiceNamespace;
        options.ContractName = settings.ContractName;
        options.DataContractNamespace = settings.DataContractNamespace;
        return options;
    }

    /// <summary>Points SigningToday options at <paramref name="simulator"/> (API endpoint, robot token authentication).</summary>
    /// <param name="options">The client options.</param>
    /// <param name="simulator">The running simulator.</param>
    /// <returns>The same options.</returns>
    public static SigningTodayClientOptions UseSimulator(this SigningTodayClientOptions options, SigningTodaySimulator simulator)
    {
        PointAt(options, simulator, s => s.ApiEndpoint);
        options.AuthenticationMode = SigningTodayAuthenticationMode.RobotToken;
        options.RobotToken = simulator.Settings.RobotToken;
        return options;
    }

    /// <summary>Points Trident options at <paramref name="simulator"/> (endpoint, OAuth2 client, authorization server).</summary>
    /// <param name="options">The client options.</param>
    /// <param name="simulator">The running simulator.</param>
    /// <returns>The same options.</returns>
    public static TridentClientOptions UseSimulator(this TridentClientOptions options, TridentSimulator simulator)
    {
        PointAt(options, simulator, s => s.BaseAddress);
        options.ClientId = simulator.ClientId;
        options.ClientSecret = simulator.ClientSecret;
        options.AuthServer = simulator.AuthServer;
        return options;
    }

    /// <summary>What every simulator asks of every client: its (loopback, plain-http) endpoint.</summary>
    private static void PointAt<TSimulator>(SigningClientOptions options, TSimulator simulator, Func<TSimulator, Uri> endpoint)
        where TSimulator : SimulatorHost
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(simulator);
        options.Endpoint = endpoint(simulator);
        options.AllowHttpOnLoopback = true;
    }
}
