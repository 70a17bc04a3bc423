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
    /// placeholders. Unverified; default <c>workflows/{workflowId}/actions/{actionId}/url</c>.
    /// </summary>
    public string EmbeddedSigningUrlPath { get; set; } = "workflows/{workflowId}/actions/{actionId}/url";


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
    }

    /// <summary>A display form without secrets.</summary>
    /// <returns>Endpoint, user and tenant; never the password or client secret.</returns>
    public override string ToString() =>
        "ConsignOClientOptions { Endpoint = " + Endpoint + ", Username = " + Username + ", Tenant = " + (Tenant ?? "(none)") +
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
