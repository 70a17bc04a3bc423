using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ConsignO.Workflows.Models;

namespace ConsignO.Workflows;

/// <summary>
/// Builds every model an <see cref="IConsignOClient"/> returns, for tests of your own code (e.g. a substitute that
/// returns a <see cref="Models.Workflow"/>), in the manner of the Azure SDK's model factories. Downloads are
/// <see cref="SigningClients.Core.SigningDownload"/>, which has a public constructor.
/// </summary>
public static class ConsignOModelFactory
{
    /// <summary>Builds a workflow.</summary>
    /// <param name="id">The workflow id (24 hex characters on the real service).</param>
    /// <param name="name">The name.</param>
    /// <param name="status">The status.</param>
    /// <param name="documents">The documents.</param>
    /// <param name="actions">The actions (signers).</param>
    /// <param name="totalActions">The number of actions.</param>
    /// <param name="remainingActions">The number of actions left.</param>
    /// <param name="createdOn">Creation time.</param>
    /// <param name="expiresOn">Expiry time.</param>
    /// <param name="editUrl">The workspace URL.</param>
    /// <param name="auditTrailDocumentId">The audit trail's document id.</param>
    /// <param name="additionalProperties">Other members.</param>
    /// <returns>The workflow.</returns>
    public static Workflow Workflow(
        string id = "",
        string? name = null,
        WorkflowStatus status = default,
        IEnumerable<WorkflowDocument>? documents = null,
        IEnumerable<WorkflowAction>? actions = null,
        int? totalActions = null,
        int? remainingActions = null,
        DateTimeOffset? createdOn = null,
        DateTimeOffset? expiresOn = null,
        Uri? editUrl = null,
        string? auditTrailDocumentId = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Name = name,
            Status = status,
            Documents = documents?.ToList().AsReadOnly(),
            Actions = actions?.ToList().AsReadOnly(),
            TotalActions = totalActions,
            RemainingActions = remainingActions,
            CreatedOn = createdOn,
            ExpiresOn = expiresOn,
            EditUrl = editUrl,
            AuditTrailDocumentId = auditTrailDocumentId,
            AdditionalProperties = additionalProperties,
        };

    /// <summary>Builds a document of a workflow.</summary>
    /// <param name="documentId">The document id.</param>
    /// <param name="name">The name.</param>
    /// <param name="fields">The zones.</param>
    /// <returns>The document.</returns>
    public static WorkflowDocument WorkflowDocument(string? documentId = null, string? name = null, IEnumerable<WorkflowField>? fields = null) =>
        new() { DocumentId = documentId, Name = name, Fields = fields?.ToList().AsReadOnly() };

    /// <summary>Builds a zone of a workflow document.</summary>
    /// <param name="page">The page (1-based).</param>
    /// <param name="x">Distance from the left edge.</param>
    /// <param name="y">Distance from the top edge.</param>
    /// <param name="width">The width.</param>
    /// <param name="height">The height.</param>
    /// <param name="assignedTo">The signer reference.</param>
    /// <param name="isSigned">Whether it is signed.</param>
    /// <returns>The zone.</returns>
    public static WorkflowField WorkflowField(int? page = null, double x = 0, double y = 0, double width = SignatureZone.DefaultWidth, double height = SignatureZone.DefaultHeight, string? assignedTo = null, bool? isSigned = null) =>
        new() { Page = page, X = x, Y = y, Width = width, Height = height, AssignedTo = assignedTo, IsSigned = isSigned };

    /// <summary>Builds an action (a signer's step) of a workflow.</summary>
    /// <param name="id">The action id (what <see cref="IConsignOClient.GetEmbeddedSigningUrlAsync"/> takes).</param>
    /// <param name="status">The action status.</param>
    /// <param name="signer">The signer.</param>
    /// <param name="mode">The signing mode.</param>
    /// <param name="step">The step.</param>
    /// <param name="statusDate">When the status last changed.</param>
    /// <param name="additionalProperties">Other members (e.g. an embedded signing URL).</param>
    /// <returns>The action.</returns>
    public static WorkflowAction WorkflowAction(
        string? id = null,
        ActionStatus? status = null,
        WorkflowSigner? signer = null,
        SigningMode? mode = null,
        int? step = null,
        DateTimeOffset? statusDate = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Id = id, Status = status, Signer = signer, Mode = mode, Step = step, StatusDate = statusDate, AdditionalProperties = additionalProperties };

    /// <summary>Builds the signer of a workflow action.</summary>
    /// <param name="firstName">First name.</param>
    /// <param name="lastName">Last name.</param>
    /// <param name="email">Email.</param>
    /// <param name="type">The signer type.</param>
    /// <param name="reference">The reference the zones' <c>assignedTo</c> carries.</param>
    /// <returns>The signer.</returns>
    public static WorkflowSigner WorkflowSigner(string? firstName = null, string? lastName = null, string? email = null, SignerType? type = null, string? reference = null) =>
        new() { FirstName = firstName, LastName = lastName, Email = email, Type = type, Ref = reference };
}
