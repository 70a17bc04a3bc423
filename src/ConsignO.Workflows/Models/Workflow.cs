using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConsignO.Workflows.Models;

/// <summary>A workflow as ConsignO returns it (the <c>response</c> of the wrapped answer).</summary>
public sealed class Workflow
{
    /// <summary>The workflow id (24 hex characters).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>The state.</summary>
    public WorkflowStatus Status { get; set; }

    /// <summary>The documents.</summary>
    public IReadOnlyList<WorkflowDocument>? Documents { get; set; }

    /// <summary>Number of actions.</summary>
    public int? TotalActions { get; set; }

    /// <summary>Number of actions not done yet.</summary>
    public int? RemainingActions { get; set; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset? CreatedOn { get; set; }

    /// <summary>Expiry time.</summary>
    public DateTimeOffset? ExpiresOn { get; set; }

    /// <summary>Time of the last status change.</summary>
    public DateTimeOffset? StatusDate { get; set; }

    /// <summary>The audit-trail document id, once the workflow is completed.</summary>
    public string? AuditTrailDocumentId { get; set; }

    /// <summary>Where to send the initiator to complete the workflow in the ConsignO workspace.</summary>
    public Uri? EditUrl { get; set; }

    /// <summary>The actions (signers).</summary>
    public IReadOnlyList<WorkflowAction>? Actions { get; set; }

    /// <summary>Webhooks of the workflow.</summary>
    public IReadOnlyList<WorkflowWebhook>? Webhooks { get; set; }

    /// <summary>Whether the owner receives emails.</summary>
    public bool? WorkflowOwnerEmailsEnabled { get; set; }

    /// <summary>Members this SDK does not model, kept as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    public override string ToString() => "Workflow { Id = " + Id + ", Name = " + Name + ", Status = " + Status + " }";
}

/// <summary>A document of a workflow.</summary>
public sealed class WorkflowDocument
{
    /// <summary>The document id.</summary>
    public string? DocumentId { get; set; }

    /// <summary>The document name.</summary>
    public string? Name { get; set; }

    /// <summary>The id of the document as uploaded, before processing.</summary>
    public string? OriginalDocumentId { get; set; }

    /// <summary>The zones.</summary>
    public IReadOnlyList<WorkflowField>? Fields { get; set; }

    /// <summary>Members this SDK does not model, kept as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A zone of a document as returned by ConsignO.</summary>
public sealed class WorkflowField
{
    /// <summary>Left, in units.</summary>
    public double X { get; set; }

    /// <summary>Top, in units.</summary>
    public double Y { get; set; }

    /// <summary>Width, in units.</summary>
    public double Width { get; set; }

    /// <summary>Height, in units.</summary>
    public double Height { get; set; }

    /// <summary>The page.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? Page { get; set; }

    /// <summary>The signer reference.</summary>
    [JsonConverter(typeof(Serialization.StringOrNumberJsonConverter))]
    public string? AssignedTo { get; set; }

    /// <summary>Whether it is signed.</summary>
    [JsonPropertyName("signed")]
    public bool? IsSigned { get; set; }

    /// <summary>Whether it was declined.</summary>
    [JsonPropertyName("declined")]
    public bool? IsDeclined { get; set; }

    /// <summary>Members this SDK does not model, kept as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>An action (a signer's step) of a workflow as returned by ConsignO.</summary>
public sealed class WorkflowAction
{
    /// <summary>The action id (used for the embedded signing URL).</summary>
    public string? Id { get; set; }

    /// <summary>The step.</summary>
    public int? Step { get; set; }

    /// <summary>The signer.</summary>
    public WorkflowSigner? Signer { get; set; }

    /// <summary>The action-level reference, when the server returns one (the third-party client's form; see <see cref="WorkflowSigner.Ref"/>).</summary>
    [JsonConverter(typeof(Serialization.StringOrNumberJsonConverter))]
    public string? Ref { get; set; }

    /// <summary>The state.</summary>
    public ActionStatus? Status { get; set; }

    /// <summary>Time of the last status change.</summary>
    public DateTimeOffset? StatusDate { get; set; }

    /// <summary>Remote or embedded.</summary>
    public SigningMode? Mode { get; set; }

    /// <summary>Second factors the signer used.</summary>
    public IReadOnlyList<string>? SecondFactorUsed { get; set; }

    /// <summary>Why the signer declined, when they did.</summary>
    public JsonElement? DeclineReason { get; set; }

    /// <summary>Members this SDK does not model, kept as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    public override string ToString() => "WorkflowAction { Id = " + Id + ", Step = " + Step + ", Status = " + Status + " }";
}

/// <summary>A signer as returned by ConsignO.</summary>
public sealed class WorkflowSigner
{
    /// <summary>The signer type.</summary>
    public SignerType? Type { get; set; }

    /// <summary>First name.</summary>
    public string? FirstName { get; set; }

    /// <summary>Last name.</summary>
    public string? LastName { get; set; }

    /// <summary>Email.</summary>
    public string? Email { get; set; }

    /// <summary>Phone.</summary>
    public string? Phone { get; set; }

    /// <summary>Language.</summary>
    public SignerLanguage? Lang { get; set; }

    /// <summary>Authentication methods.</summary>
    public IReadOnlyList<AuthenticationMethod>? Amr { get; set; }

    /// <summary>Whether the signer is a placeholder.</summary>
    public bool? PlaceHolder { get; set; }

    /// <summary>The reference the zones' <c>assignedTo</c> carries (<c>signer.ref</c>, the documented form), when returned.</summary>
    [JsonConverter(typeof(Serialization.StringOrNumberJsonConverter))]
    public string? Ref { get; set; }

    /// <summary>Members this SDK does not model, kept as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    public override string ToString() => "WorkflowSigner { " + FirstName + " " + LastName + " }";
}
