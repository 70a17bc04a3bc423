using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConsignO.Workflows.Models;

/// <summary>A workflow as ConsignO returns it (the <c>response</c> of the wrapped answer).</summary>
public sealed class Workflow
{
    /// <summary>The workflow id (24 hex characters).</summary>
    public required string Id { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The state.</summary>
    public WorkflowStatus Status { get; init; }

    /// <summary>The documents.</summary>
    public IReadOnlyList<WorkflowDocument>? Documents { get; init; }

    /// <summary>Number of actions.</summary>
    public int? TotalActions { get; init; }

    /// <summary>Number of actions not done yet.</summary>
    public int? RemainingActions { get; init; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset? CreatedOn { get; init; }

    /// <summary>Expiry time.</summary>
    public DateTimeOffset? ExpiresOn { get; init; }

    /// <summary>Time of the last status change.</summary>
    public DateTimeOffset? StatusDate { get; init; }

    /// <summary>The audit-trail document id, once the workflow is completed.</summary>
    public string? AuditTrailDocumentId { get; init; }

    /// <summary>Where to send the initiator to complete the workflow in the ConsignO workspace.</summary>
    public Uri? EditUrl { get; init; }

    /// <summary>The actions (signers).</summary>
    public IReadOnlyList<WorkflowAction>? Actions { get; init; }

    /// <summary>Webhooks of the workflow.</summary>
    public IReadOnlyList<WorkflowWebhook>? Webhooks { get; init; }

    /// <summary>Whether the owner receives emails.</summary>
    public bool? WorkflowOwnerEmailsEnabled { get; init; }

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
    public string? DocumentId { get; init; }

    /// <summary>The document name.</summary>
    public string? Name { get; init; }

    /// <summary>The id of the document as uploaded, before processing.</summary>
    public string? OriginalDocumentId { get; init; }

    /// <summary>The zones.</summary>
    public IReadOnlyList<WorkflowField>? Fields { get; init; }

    /// <summary>Members this SDK does not model, kept as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A zone of a document as returned by ConsignO.</summary>
public sealed class WorkflowField
{
    /// <summary>Left, in units.</summary>
    public double X { get; init; }

    /// <summary>Top, in units.</summary>
    public double Y { get; init; }

    /// <summary>Width, in units.</summary>
    public double Width { get; init; }

    /// <summary>Height, in units.</summary>
    public double Height { get; init; }

    /// <summary>The page.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? Page { get; init; }

    /// <summary>The signer reference.</summary>
    public string? AssignedTo { get; init; }

    /// <summary>Whether it is signed.</summary>
    [JsonPropertyName("signed")]
    public bool? IsSigned { get; init; }

    /// <summary>Whether it was declined.</summary>
    [JsonPropertyName("declined")]
    public bool? IsDeclined { get; init; }

    /// <summary>Members this SDK does not model, kept as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>An action (a signer's step) of a workflow as returned by ConsignO.</summary>
public sealed class WorkflowAction
{
    /// <summary>The action id (used for the embedded signing URL).</summary>
    public string? Id { get; init; }

    /// <summary>The step.</summary>
    public int? Step { get; init; }

    /// <summary>The signer.</summary>
    public WorkflowSigner? Signer { get; init; }

    /// <summary>The state.</summary>
    public ActionStatus? Status { get; init; }

    /// <summary>Time of the last status change.</summary>
    public DateTimeOffset? StatusDate { get; init; }

    /// <summary>Remote or embedded.</summary>
    public SigningMode? Mode { get; init; }

    /// <summary>Second factors the signer used.</summary>
    public IReadOnlyList<string>? SecondFactorUsed { get; init; }

    /// <summary>Why the signer declined, when they did.</summary>
    public JsonElement? DeclineReason { get; init; }

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
    public SignerType? Type { get; init; }

    /// <summary>First name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Email.</summary>
    public string? Email { get; init; }

    /// <summary>Phone.</summary>
    public string? Phone { get; init; }

    /// <summary>Language.</summary>
    public SignerLanguage? Lang { get; init; }

    /// <summary>Authentication methods.</summary>
    public IReadOnlyList<AuthenticationMethod>? Amr { get; init; }

    /// <summary>Whether the signer is a placeholder.</summary>
    public bool? PlaceHolder { get; init; }

    /// <summary>Members this SDK does not model, kept as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    public override string ToString() => "WorkflowSigner { " + FirstName + " " + LastName + " }";
}
