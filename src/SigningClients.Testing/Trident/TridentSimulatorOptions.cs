using System;

namespace SigningClients.Testing.Trident;

/// <summary>Settings of a <see cref="TridentSimulator"/>.</summary>
public sealed class TridentSimulatorOptions
{
    /// <summary>The OAuth2 client id the token endpoint accepts. Default <c>sim-client</c>.</summary>
    public string ClientId { get; set; } = "sim-client";

    /// <summary>The OAuth2 client secret the token endpoint accepts. Default <c>sim-secret-4f1c2e</c>.</summary>
    public string ClientSecret { get; set; } = "sim-secret-4f1c2e";

    /// <summary>The authorization server name in the token path. Default <c>main-as</c>.</summary>
    public string AuthServer { get; set; } = "main-as";

    /// <summary>The scope the client may request. Default <c>urn:safelayer:eidas:sign:process:document</c>.</summary>
    public string Scope { get; set; } = "urn:safelayer:eidas:sign:process:document";

    /// <summary>The lifetime of issued tokens (<c>expires_in</c>). Default 600 s, as in the TRIDENT docs.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>Host settings (clock, logging, journal limit).</summary>
    public SimulatorHostOptions Host { get; set; } = new();
}
