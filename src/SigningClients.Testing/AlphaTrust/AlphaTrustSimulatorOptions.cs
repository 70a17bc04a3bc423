using System;

namespace SigningClients.Testing.AlphaTrust;

/// <summary>Settings of an <see cref="AlphaTrustSimulator"/>.</summary>
public sealed class AlphaTrustSimulatorOptions
{
    /// <summary>The API key every request must carry. Default <c>sim-api-key-4f9c2a</c>.</summary>
    public string ApiKey { get; set; } = "sim-api-key-4f9c2a";

    /// <summary>The API secret every request must carry. Default <c>sim-api-secret-b71e0d</c>.</summary>
    public string ApiSecret { get; set; } = "sim-api-secret-b71e0d";

    /// <summary>The API username every request must carry (a registered user). Default <c>api-robot</c>.</summary>
    public string ApiUsername { get; set; } = "api-robot";

    /// <summary>The API password every request must carry. Default <c>sim-api-password-93ad</c>.</summary>
    public string ApiPassword { get; set; } = "sim-api-password-93ad";

    /// <summary>Header carrying the API key. Default <c>apiKey</c>.</summary>
    public string ApiKeyHeader { get; set; } = "apiKey";

    /// <summary>Header carrying the API secret. Default <c>apiSecret</c>.</summary>
    public string ApiSecretHeader { get; set; } = "apiSecret";

    /// <summary>Header carrying the API username. Default <c>apiUsername</c>.</summary>
    public string ApiUsernameHeader { get; set; } = "apiUsername";

    /// <summary>Header carrying the API password. Default <c>apiPassword</c>.</summary>
    public string ApiPasswordHeader { get; set; } = "apiPassword";

    /// <summary>
    /// How failures are answered. <see langword="false"/> (default): HTTP 200 with <c>IsSuccessful = false</c> and a
    /// <c>Message</c>, as the AlphaTrust SDK example shows. <see langword="true"/>: the same body with a 4xx status
    /// (400 validation, 401 credentials, 403 permissions, 404 not found, 409 state conflicts).
    /// </summary>
    public bool UseHttpErrorStatuses { get; set; }

    /// <summary>Host settings (clock, logging, journal limit).</summary>
    public SimulatorHostOptions Host { get; set; } = new();
}

/// <summary>What the simulator's API user may do.</summary>
[Flags]
public enum AlphaTrustPermissions
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Remote-sign tasks.</summary>
    RemoteSign = 1,

    /// <summary>Create, update, close and read transactions and tasks.</summary>
    ManageTransactions = 2,

    /// <summary>Everything (the default).</summary>
    All = RemoteSign | ManageTransactions,
}
