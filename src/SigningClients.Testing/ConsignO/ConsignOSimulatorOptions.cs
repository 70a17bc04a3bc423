using System;

namespace SigningClients.Testing.ConsignO;

/// <summary>Settings of a <see cref="ConsignOSimulator"/>.</summary>
public sealed class ConsignOSimulatorOptions
{
    /// <summary>Host settings (clock, logging, journal limit).</summary>
    public SimulatorHostOptions Host { get; set; } = new();

    /// <summary>The user name accepted by the login. Default <c>integrator@example.com</c>.</summary>
    public string Username { get; set; } = "integrator@example.com";

    /// <summary>The password accepted by the login. Default <c>s3cret-Passw0rd!</c>.</summary>
    public string Password { get; set; } = "s3cret-Passw0rd!";

    /// <summary>The tenant the login must name; <see langword="null"/> accepts a login without tenant.</summary>
    public string? Tenant { get; set; }

    /// <summary>When set, the login must also carry <c>X-Client-Id</c> with this value (and <see cref="ClientSecret"/>).</summary>
    public string? ClientId { get; set; }

    /// <summary>The <c>X-Client-Secret</c> required with <see cref="ClientId"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Whether embedded signers are accepted. ConsignO: "Embedded Signing is not available on the main tenant". Default
    /// <see langword="null"/>: accepted only in a session that logged in with a tenant; <see langword="true"/>: always
    /// (the tenant is selected another way, e.g. by host); <see langword="false"/>: never.
    /// </summary>
    public bool? EmbeddedSigningAvailable { get; set; }

    /// <summary>The login body member carrying the tenant. Default <c>tenant</c>.</summary>
    public string TenantFieldName { get; set; } = "tenant";

    /// <summary>The multipart part carrying the uploaded PDF. Default <c>file</c>.</summary>
    public string UploadPartName { get; set; } = "file";

    /// <summary>The multipart field asking for PDF/A conversion. Default <c>pdfa</c>.</summary>
    public string PdfaFieldName { get; set; } = "pdfa";

    /// <summary>
    /// Issue a new token in the <c>X-Auth-Token</c> response header every this many authenticated responses of a
    /// session (0 = never rotate). Default 0.
    /// </summary>
    public int RotateTokenEvery { get; set; }

    /// <summary>Session inactivity limit, measured on the simulator's clock. Default 30 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Whether a token replaced by rotation is refused (401) afterwards. Default <see langword="true"/>: a client that
    /// keeps using a rotated-out token fails.
    /// </summary>
    public bool RejectSupersededTokens { get; set; } = true;
}
