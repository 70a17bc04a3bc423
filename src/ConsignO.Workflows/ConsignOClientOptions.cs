using System;
using SigningClients.Core;

namespace ConsignO.Workflows;

/// <summary>
/// Settings of a <see cref="ConsignOClient"/>. <see cref="SigningClientOptions.Endpoint"/> is the API base, e.g.
/// <c>https://cloud.consigno.com/api/v1</c> (the host depends on the account and environment).
/// </summary>
public sealed class ConsignOClientOptions : SigningClientOptions
{
    /// <summary>The user name used to log in (or the platform's API user).</summary>
    public string? Username { get; set; }

    /// <summary>The password (secret: never logged, never shown by <see cref="ToString"/>).</summary>
    public string? Password { get; set; }

    /// <summary>The tenant to log in to; omitted from the login body when not set.</summary>
    public string? Tenant { get; set; }

    /// <summary>Platform client id sent as <c>X-Client-Id</c> when acting for a user; optional.</summary>
    public string? ClientId { get; set; }

    /// <summary>Platform client secret sent as <c>X-Client-Secret</c> with <see cref="ClientId"/> (secret).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// How long a session token lives without activity. ConsignO expires tokens after 30 minutes of inactivity; the
    /// client logs in again before sending once this much time has passed since the last response. Default 30 minutes.
    /// </summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>JSON member of the login body carrying <see cref="Tenant"/>. Unverified name; default <c>tenant</c>.</summary>
    public string TenantFieldName { get; set; } = "tenant";

    /// <summary>Multipart part name of the uploaded PDF. Unverified name; default <c>file</c>.</summary>
    public string DocumentUploadPartName { get; set; } = "file";

    /// <summary>Member of the upload answer holding the document id. Unverified name; default <c>documentId</c>.</summary>
    public string DocumentIdPropertyName { get; set; } = "documentId";

    /// <summary>Multipart field asking for PDF/A conversion at upload. Unverified name; default <c>pdfa</c>.</summary>
    public string PdfaConversionFieldName { get; set; } = "pdfa";

    /// <summary>
    /// Path template of the embedded signing URL operation, with <c>{workflowId}</c> and <c>{actionId}</c>
    /// placeholders, used only when the workflow representation carries no URL (see
    /// <see cref="EmbeddedSigningUrlPropertyName"/>). Default <c>workflows/{workflowId}/actions/{actionId}/url</c>:
    /// **no source documents this path** (neither the Notarius page nor the third-party client); correct it for your
    /// deployment.
    /// </summary>
    public string EmbeddedSigningUrlPath { get; set; } = "workflows/{workflowId}/actions/{actionId}/url";


    /// <summary>
    /// Where a signer's <see cref="Models.WorkflowActionDefinition.Ref"/> (the value the zones' <c>assignedTo</c>
    /// carries) is written. Default <see cref="ZoneReferencePlacement.Signer"/> (<c>actions[i].signer.ref</c>): the
    /// Notarius documentation links <c>fields[j].assignedTo</c> to <c>actions[i].signer.ref</c>; the action-level
    /// <c>ref</c> comes from a third-party client and is available as <see cref="ZoneReferencePlacement.Action"/> or
    /// <see cref="ZoneReferencePlacement.Both"/>.
    /// </summary>
    public ZoneReferencePlacement ZoneReferencePlacement { get; set; } = ZoneReferencePlacement.Signer;

    /// <summary>
    /// Whether embedded signing is available to this account. ConsignO documents that embedded signing "is not
    /// available on the main tenant": with the default (<see langword="null"/>) it is assumed available only when
    /// <see cref="Tenant"/> is set, and a workflow with an embedded signer is refused before anything is sent otherwise.
    /// Set <see langword="true"/> when your own tenant is selected another way (e.g. by host), <see langword="false"/>
    /// to refuse embedded signers always.
    /// </summary>
    public bool? EmbeddedSigningEnabled { get; set; }

    /// <summary>
    /// The member of a workflow action (in <c>GET /workflows/{id}</c>) that carries an embedded signer's signing URL.
    /// Default <c>url</c>; unverified: the documentation says the URL is retrieved from <c>/workflows</c> without naming
    /// the member. <see cref="IConsignOClient.GetEmbeddedSigningUrlAsync"/> reads it there first.
    /// </summary>
    public string EmbeddedSigningUrlPropertyName { get; set; } = "url";

    internal bool IsEmbeddedSigningAvailable => EmbeddedSigningEnabled ?? !string.IsNullOrWhiteSpace(Tenant);

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(Username))
        {
            throw new ArgumentException("ConsignOClientOptions.Username is required.", nameof(Username));
        }

        if (string.IsNullOrEmpty(Password))
        {
            throw new ArgumentException("ConsignOClientOptions.Password is required.", nameof(Password));
        }

        if (string.IsNullOrEmpty(ClientId) != string.IsNullOrEmpty(ClientSecret))
        {
            throw new ArgumentException("ConsignOClientOptions.ClientId and ClientSecret must be set together.", nameof(ClientId));
        }

        if (SessionIdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("ConsignOClientOptions.SessionIdleTimeout must be positive.", nameof(SessionIdleTimeout));
        }

        RequireName(TenantFieldName, nameof(TenantFieldName));
        RequireName(DocumentUploadPartName, nameof(DocumentUploadPartName));
        RequireName(DocumentIdPropertyName, nameof(DocumentIdPropertyName));
        RequireName(PdfaConversionFieldName, nameof(PdfaConversionFieldName));
        RequireName(EmbeddedSigningUrlPath, nameof(EmbeddedSigningUrlPath));
        RequireName(EmbeddedSigningUrlPropertyName, nameof(EmbeddedSigningUrlPropertyName));
        if (ZoneReferencePlacement is not (ZoneReferencePlacement.Signer or ZoneReferencePlacement.Action or ZoneReferencePlacement.Both))
        {
            throw new ArgumentException("ConsignOClientOptions.ZoneReferencePlacement is not a known placement.", nameof(ZoneReferencePlacement));
        }
    }

    /// <summary>A display form without secrets.</summary>
    /// <returns>Endpoint, user and tenant; never the password or client secret.</returns>
    public override string ToString() =>
        "ConsignOClientOptions { Endpoint = " + EndpointForDisplay + ", Username = " + Username + ", Tenant = " + (Tenant ?? "(none)") +
        ", ClientId = " + (ClientId ?? "(none)") + ", Password = " + (string.IsNullOrEmpty(Password) ? "(not set)" : "***") +
        ", ClientSecret = " + (string.IsNullOrEmpty(ClientSecret) ? "(not set)" : "***") + " }";

    private static void RequireName(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("ConsignOClientOptions." + name + " cannot be empty.", name);
        }
    }
}

/// <summary>Where the reference linking a signer to its zones (<c>assignedTo</c>) is written in <c>POST /workflows</c>.</summary>
public enum ZoneReferencePlacement
{
    /// <summary><c>actions[i].signer.ref</c>, as the Notarius documentation describes (the default).</summary>
    Signer = 0,

    /// <summary><c>actions[i].ref</c>, the form of a third-party (Node) client.</summary>
    Action = 1,

    /// <summary>Both members, for a deployment whose reading is unknown.</summary>
    Both = 2,
}
