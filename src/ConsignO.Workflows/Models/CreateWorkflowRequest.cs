using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConsignO.Workflows.Serialization;

namespace ConsignO.Workflows.Models;

/// <summary>
/// The body of <c>POST /workflows</c>: documents with their zones, the actions (signers), notifications and webhooks.
/// Build it with <see cref="WorkflowBuilder"/> or set the members directly; either way the client checks the
/// documented rules before sending (see <see cref="WorkflowBuilder.Validate"/>).
/// </summary>
public sealed class CreateWorkflowRequest
{
    /// <summary>The workflow (project) name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The expiry date (sent as <c>YYYY-MM-DD</c>).</summary>
    [JsonConverter(typeof(DateOnlyJsonConverter))]
    public DateTime? ExpiresOn { get; set; }

    /// <summary>PDF/A policy of the workflow's documents.</summary>
    public PdfaPolicy? PdfaPolicy { get; set; }

    /// <summary>Whether to launch the workflow at creation (status 1) rather than only create it (status 0).</summary>
    [JsonIgnore]
    public bool Launch { get; set; }

    /// <summary>Where the initiator's browser returns after the workspace step (<c>?status=WORKFLOW_…</c> appended).</summary>
    public Uri? ReturnUrl { get; set; }

    /// <summary>Whether the owner receives completion and step emails (server default: true without webhook, false with one).</summary>
    public bool? WorkflowOwnerEmailsEnabled { get; set; }

    /// <summary>The documents, by uploaded id or inline.</summary>
    public IReadOnlyList<WorkflowDocumentDefinition> Documents { get; set; } = Array.Empty<WorkflowDocumentDefinition>();

    /// <summary>The actions, one per signer, in signing order.</summary>
    public IReadOnlyList<WorkflowActionDefinition> Actions { get; set; } = Array.Empty<WorkflowActionDefinition>();

    /// <summary>People notified at completion.</summary>
    public IReadOnlyList<WorkflowNotification>? Notifications { get; set; }

    /// <summary>Webhooks called on workflow events.</summary>
    public IReadOnlyList<WorkflowWebhook>? Webhooks { get; set; }

    /// <summary>Unknown or newer members to send as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The wire status: 0 create, 1 create and launch.</summary>
    [JsonInclude]
    [JsonPropertyName("status")]
    internal int WireStatus
    {
        get => Launch ? 1 : 0;
        set => Launch = value == 1;
    }

    /// <inheritdoc />
    public override string ToString() => "CreateWorkflowRequest { Name = " + Name + ", Documents = " + Documents.Count + ", Actions = " + Actions.Count + ", Launch = " + Launch + " }";
}

/// <summary>One document of a workflow: an uploaded document by id, or an inline one (name + bytes, sent base64).</summary>
public sealed class WorkflowDocumentDefinition
{
    /// <summary>The id returned by <see cref="IConsignOClient.UploadDocumentAsync"/>.</summary>
    public string? DocumentId { get; set; }

    /// <summary>The file name of an inline document.</summary>
    public string? Name { get; set; }

    /// <summary>The PDF bytes of an inline document (base64 on the wire).</summary>
    public byte[]? Data { get; set; }

    /// <summary>Zones by coordinates.</summary>
    public IReadOnlyList<SignatureZone>? Fields { get; set; }

    /// <summary>Zones placed at text anchors.</summary>
    public IReadOnlyList<SignatureAnchor>? Anchors { get; set; }

    /// <summary>Unknown or newer members to send as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    public override string ToString() => "WorkflowDocumentDefinition { DocumentId = " + DocumentId + ", Name = " + Name + " }";
}

/// <summary>
/// A signature or text zone at coordinates. Units are 1/72 inch, origin at the top-left corner of the page (a letter
/// page is 612 × 792). The default zone size is 165 × 37.
/// </summary>
public sealed class SignatureZone
{
    /// <summary>The default zone width, in units.</summary>
    public const double DefaultWidth = 165;

    /// <summary>The default zone height, in units.</summary>
    public const double DefaultHeight = 37;

    /// <summary>Distance from the left edge, in units.</summary>
    public double X { get; set; }

    /// <summary>Distance from the top edge, in units.</summary>
    public double Y { get; set; }

    /// <summary>The width, in units (default 165).</summary>
    public double Width { get; set; } = DefaultWidth;

    /// <summary>The height, in units (default 37).</summary>
    public double Height { get; set; } = DefaultHeight;

    /// <summary>The page number (1-based).</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public int Page { get; set; }

    /// <summary>The <see cref="WorkflowActionDefinition.Ref"/> of the signer who fills this zone.</summary>
    public string AssignedTo { get; set; } = string.Empty;

    /// <summary>Unknown or newer members to send as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// A zone placed wherever a text tag (typically white on white, e.g. <c>[sig1]</c>) appears; on every occurrence
/// unless restricted to pages.
/// </summary>
public sealed class SignatureAnchor
{
    /// <summary>The text tag; must not occur elsewhere in the document.</summary>
    public string Tag { get; set; } = string.Empty;

    /// <summary>Horizontal offset from the tag, in units.</summary>
    public double XOffset { get; set; }

    /// <summary>Vertical offset from the tag, in units.</summary>
    public double YOffset { get; set; }

    /// <summary>The width, in units (server default 165).</summary>
    public double? Width { get; set; }

    /// <summary>The height, in units (server default 37).</summary>
    public double? Height { get; set; }

    /// <summary>Page restriction (e.g. <c>1</c> or <c>1,3</c>); every page when not set.</summary>
    [JsonPropertyName("page")]
    public string? Pages { get; set; }

    /// <summary>The <see cref="WorkflowActionDefinition.Ref"/> of the signer who fills this zone.</summary>
    public string AssignedTo { get; set; } = string.Empty;

    /// <summary>Whether a missing tag is ignored instead of failing the workflow.</summary>
    public bool? SkipIfNotFound { get; set; }

    /// <summary>Unknown or newer members to send as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>One action of a workflow: a signer, how they sign and in which step.</summary>
public sealed class WorkflowActionDefinition
{
    /// <summary>Remote (default) or embedded.</summary>
    public SigningMode? Mode { get; set; }

    /// <summary>Embedded mode: where the signer's browser returns (<c>?status=success|decline|failure|expired</c>).</summary>
    public Uri? ReturnUrl { get; set; }

    /// <summary>Signers sharing a step sign in parallel; steps run in order. Omitted: the order of the actions.</summary>
    public int? Step { get; set; }

    /// <summary>A label shown on the signer's zones.</summary>
    public string? ZoneLabel { get; set; }

    /// <summary>
    /// The reference linking this signer to its zones: the zones' <c>assignedTo</c> carries the same value (the
    /// documentation calls it "a common random numerical value"; <see cref="WorkflowBuilder"/> assigns 1, 2, …). Where
    /// it is written is <see cref="ConsignOClientOptions.ZoneReferencePlacement"/>: <c>actions[i].signer.ref</c> by
    /// default, as the Notarius documentation says.
    /// </summary>
    [JsonIgnore]
    public string? Ref { get; set; }

    /// <summary>The signer.</summary>
    public SignerDefinition Signer { get; set; } = null!;

    /// <summary>Unknown or newer members to send as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    public override string ToString() => "WorkflowActionDefinition { Ref = " + Ref + ", Mode = " + Mode + ", Step = " + Step + " }";
}

/// <summary>A person: signer or notified contact, with the authentication methods they must pass.</summary>
public class ContactDefinition
{
    /// <summary>First name.</summary>
    public string? FirstName { get; set; }

    /// <summary>Last name.</summary>
    public string? LastName { get; set; }

    /// <summary>Email address.</summary>
    public string? Email { get; set; }

    /// <summary>Phone number (needed for <see cref="AuthenticationMethod.Sms"/> and <see cref="AuthenticationMethod.Call"/>).</summary>
    public string? Phone { get; set; }

    /// <summary>Message language.</summary>
    public SignerLanguage? Lang { get; set; }

    /// <summary>
    /// Authentication methods. For a signer, <see cref="AuthenticationMethod.Link"/> is always needed when the list is
    /// given ("it refers to the email being sent … or the returnUrl"); by default two factors must be defined (an
    /// organisation can have the second turned off, so that is not checked). Omitted: the organisation's default.
    /// </summary>
    public IReadOnlyList<AuthenticationMethod>? Amr { get; set; }

    /// <summary>The secret question (with <see cref="AuthenticationMethod.Secret"/>).</summary>
    public string? SecretQuestion { get; set; }

    /// <summary>The secret answer (with <see cref="AuthenticationMethod.Secret"/>; never shown by <see cref="ToString"/>).</summary>
    public string? SecretAnswer { get; set; }

    /// <summary>
    /// Whether the secret answer was changed (<c>isSecretAnswerChanged</c>). Required with
    /// <see cref="AuthenticationMethod.Secret"/>: the documentation asks for <c>secretQuestion</c>,
    /// <c>secretAnswer</c> and <c>isSecretAnswerChanged</c>.
    /// </summary>
    public bool? IsSecretAnswerChanged { get; set; }

    /// <summary>Unknown or newer members to send as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    public override string ToString() => GetType().Name + " { " + FirstName + " " + LastName + " }";
}

/// <summary>A signer (or a placeholder with a role, when the person is not known yet).</summary>
public sealed class SignerDefinition : ContactDefinition
{
    /// <summary>The signer type (esig, certifio, freezone, …).</summary>
    public SignerType? Type { get; set; }

    /// <summary>Embedded mode: the integrator's own id of the signer (shown in the signature reason and audit trail).</summary>
    public string? ClientUserId { get; set; }

    /// <summary>The role of a signer not known yet (with <see cref="PlaceHolder"/>).</summary>
    public string? Role { get; set; }

    /// <summary>Whether this signer is a placeholder to be completed in the workspace.</summary>
    public bool? PlaceHolder { get; set; }

    /// <summary>Certifio signers: the certificate subject DN.</summary>
    public string? SubjectDN { get; set; }
}

/// <summary>A person notified at completion (receives a link to the final documents).</summary>
public sealed class WorkflowNotification
{
    /// <summary>The contact.</summary>
    public ContactDefinition Contact { get; set; } = null!;

    /// <summary>Unknown or newer members to send as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A webhook called on workflow events.</summary>
public sealed class WorkflowWebhook
{
    /// <summary>The URL called.</summary>
    public Uri Url { get; set; } = null!;

    /// <summary>Whether TLS certificate errors are ignored (server default false).</summary>
    public bool? Insecure { get; set; }

    /// <summary>Unknown or newer members to send as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
