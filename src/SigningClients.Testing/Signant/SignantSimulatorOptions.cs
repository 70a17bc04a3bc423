using System;

namespace SigningClients.Testing.Signant;

/// <summary>Settings of a <see cref="SigningClients.Testing.SignantSimulator"/>: credentials, SOAP names and posting lifetimes.</summary>
public sealed class SignantSimulatorOptions
{
    /// <summary>Host settings (clock, logging, journal limit).</summary>
    public SimulatorHostOptions Host { get; set; } = new();

    /// <summary>The DistributorID the simulator accepts. Default <c>sim-distributor</c>.</summary>
    public string DistributorId { get; set; } = "sim-distributor";

    /// <summary>The AccessCode the simulator accepts. Default <c>sim-access-code-7f3a</c>.</summary>
    public string AccessCode { get; set; } = "sim-access-code-7f3a";

    /// <summary>The service namespace. Default <c>http://tempuri.org/</c>.</summary>
    public string ServiceNamespace { get; set; } = "http://tempuri.org/";

    /// <summary>The contract name expected in SOAPAction. Default <c>IInstantSignatureService</c>.</summary>
    public string ContractName { get; set; } = "IInstantSignatureService";

    /// <summary>The data-contract namespace. Default <c>http://schemas.datacontract.org/2004/07/Signant.Common.Models</c>.</summary>
    public string DataContractNamespace { get; set; } = "http://schemas.datacontract.org/2004/07/Signant.Common.Models";

    /// <summary>Time to live after creation and after each signing action. Default 15 minutes.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an expired posting still answers with status Expired before it is deleted (then 4008). Default zero: deleted at expiry.</summary>
    public TimeSpan DeletionDelay { get; set; } = TimeSpan.Zero;
}
