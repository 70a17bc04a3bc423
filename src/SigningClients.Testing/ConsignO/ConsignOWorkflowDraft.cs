using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace SigningClients.Testing.ConsignO;

/// <summary>A workflow to create, as parsed from <c>POST /workflows</c>.</summary>
internal sealed record ConsignOWorkflowDraft(
    string Name,
    string? ExpiresOn,
    bool Launch,
    IReadOnlyList<ConsignODocumentDraft> Documents,
    IReadOnlyList<ConsignOActionDraft> Actions,
    JsonObject Request);

/// <summary>One document of a workflow draft: an uploaded document's id, or a name and inline bytes; with its zone count.</summary>
internal sealed record ConsignODocumentDraft(string? DocumentId, string? Name, byte[]? Data, int Zones)
{
    /// <summary>The signer references the document's zones are assigned to (<c>assignedTo</c>).</summary>
    public IReadOnlyList<string> AssignedTo { get; init; } = Array.Empty<string>();
}

/// <summary>One signer's action of a workflow draft.</summary>
internal sealed record ConsignOActionDraft(int Step, ConsignOSigningMode Mode, IReadOnlyList<string?> Amr, bool HasPhone, JsonObject Signer)
{
    /// <summary>The reference zones are assigned to: <c>signer.ref</c> (documented) or the action-level <c>ref</c>.</summary>
    public string? Ref { get; init; }

    /// <summary>Whether the signer carries <c>secretQuestion</c>, <c>secretAnswer</c> and <c>isSecretAnswerChanged</c>.</summary>
    public bool HasCompleteSecret { get; init; }
}
