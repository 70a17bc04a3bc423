using System;

namespace SigningClients.Testing.SigningToday;

/// <summary>Settings of a <see cref="SigningClients.Testing.SigningTodaySimulator"/>: seeded accounts, OAuth client, token lifetime.</summary>
public sealed class SigningTodaySimulatorOptions
{
    /// <summary>Host settings (clock, logging, journal limit).</summary>
    public SimulatorHostOptions Host { get; set; } = new();

    /// <summary>The organization (domain) of the seeded accounts. Default <c>demo</c>.</summary>
    public string Domain { get; set; } = "demo";

    /// <summary>The lifetime token of the seeded robot account.</summary>
    public string RobotToken { get; set; } = "robot-token-" + Guid.NewGuid().ToString("N");

    /// <summary>User name of the seeded admin user (log in as <c>admin@demo</c>).</summary>
    public string AdminUsername { get; set; } = "admin";

    /// <summary>Password of the seeded admin user.</summary>
    public string AdminPassword { get; set; } = "Admin-Passw0rd!";

    /// <summary>User name of the seeded signer user.</summary>
    public string SignerUsername { get; set; } = "jdo";

    /// <summary>Password of the seeded signer user.</summary>
    public string SignerPassword { get; set; } = "Signer-Passw0rd!";

    /// <summary>OAuth client id accepted with HTTP Basic at <c>/oauth/token</c>.</summary>
    public string ClientId { get; set; } = "signingtoday-sim";

    /// <summary>OAuth client secret accepted with HTTP Basic at <c>/oauth/token</c>.</summary>
    public string ClientSecret { get; set; } = "sim-client-secret";

    /// <summary>Lifetime of the OAuth access tokens. Default 30623 s (the doc's example).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(30623);

    /// <summary>Largest <c>$top</c> served; bigger values are capped. Default 1000.</summary>
    public int MaxPageSize { get; set; } = 1000;
}
