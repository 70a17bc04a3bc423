using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.ConsignO;

/// <summary>
/// Workflows: created (0) or created and launched (1). "In case of remote signers, it is not mandatory to define
/// signature zones [or signers] to create a project. It is mandatory to launch it however." An embedded signer cannot
/// use the <c>secret</c> factor nor sign in a parallel step (and is not available on the main tenant); <c>sms</c> and
/// <c>call</c> need a phone; <c>link</c> is always needed. A deleted workflow (6) is unknown to the API.
/// </summary>
internal sealed partial class ConsignOState
{
    private readonly Dictionary<string, Workflow> _workflows = new(StringComparer.Ordinal);

    public int WorkflowCount => Read(() => _workflows.Count);

    /// <summary>Creates a workflow, launched when the draft asks for it (documented rules above).</summary>
    public ConsignOWorkflowSnapshot Create(ConsignOWorkflowDraft draft, Session? session = null) => Write(() =>
    {
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            throw Invalid("A workflow needs a name.");
        }

        var documents = TakeDocuments(draft);
        CheckSigners(draft, embeddedAvailable: _options.EmbeddedSigningAvailable ?? session?.Tenant is not null);
        foreach (var document in documents)
        {
            document.Used = true;
            _documents[document.Id] = document;
        }

        var workflow = new Workflow(NextHexId(), draft.Name, Now, draft.ExpiresOn, documents, draft.Request)
        {
            StatusDate = Now,
        };
        foreach (var action in draft.Actions)
        {
            workflow.Actions.Add(new Action(NextHexId(), action.Step, action.Mode, action.Signer) { StatusDate = Now });
        }

        _workflows[workflow.Id] = workflow;
        Changed("workflow", workflow.Id, null, Wire(ConsignOWorkflowStatus.Created));
        if (draft.Launch)
        {
            Move(workflow, ConsignOWorkflowStatus.Launched);
            StartNextStep(workflow);
        }

        return workflow.Snapshot();
    });

    /// <summary>A workflow as the API shows it; deleted workflows are unknown.</summary>
    public ConsignOWorkflowSnapshot Get(string workflowId) => Read(() => Visible(workflowId).Snapshot());

    /// <summary>A workflow in any status (deleted included), or <see langword="null"/>.</summary>
    public ConsignOWorkflowSnapshot? Find(string workflowId) =>
        Read(() => _workflows.TryGetValue(workflowId, out var workflow) ? workflow.Snapshot() : null);

    /// <summary>Deletes a workflow (6); afterwards the API does not know it.</summary>
    public void Delete(string workflowId) => Write(() => Move(Visible(workflowId), ConsignOWorkflowStatus.Deleted));

    /// <summary>The workflow whose audit trail is asked for: "workflow must be completed".</summary>
    public ConsignOWorkflowSnapshot AuditTrail(string workflowId) => Read(() =>
    {
        var workflow = Visible(workflowId);
        if (workflow.Status != ConsignOWorkflowStatus.Completed)
        {
            throw SimulatorStateException.IllegalTransition(
                "The audit trail is only available once the workflow is completed (status " + Wire(workflow.Status) + ").",
                "WORKFLOW_NOT_COMPLETED");
        }

        return workflow.Snapshot();
    });

    /// <summary>The draft's documents: uploaded ones not yet in a workflow, or inline ones; at least one.</summary>
    private List<Document> TakeDocuments(ConsignOWorkflowDraft draft)
    {
        var documents = new List<Document>();
        foreach (var document in draft.Documents)
        {
            if (document.DocumentId is { } documentId)
            {
                if (!_documents.TryGetValue(documentId, out var uploaded))
                {
                    throw Invalid("[5004] Unknown document '" + documentId + "'.");
                }

                if (uploaded.Used || documents.Contains(uploaded))
                {
                    throw Invalid("The document '" + documentId + "' is already assigned to a workflow.");
                }

                documents.Add(uploaded);
            }
            else if (document.Data is { } data && document.Name is { } name)
            {
                documents.Add(new Document(NextHexId(), name, data, data.LongLength, false));
            }
            else
            {
                throw Invalid("A document needs a documentId or name and data.");
            }
        }

        return documents.Count > 0 ? documents : throw Invalid("A workflow needs at least one document.");
    }

    /// <summary>The documented rules on the signers, their zones and their authentication factors.</summary>
    private static void CheckSigners(ConsignOWorkflowDraft draft, bool embeddedAvailable)
    {
        var references = new HashSet<string>(draft.Actions.Select(a => a.Ref).Where(r => r is not null).Select(r => r!), StringComparer.Ordinal);
        foreach (var reference in draft.Documents.SelectMany(d => d.AssignedTo))
        {
            if (!references.Contains(reference))
            {
                throw Invalid("A zone is assigned to '" + reference + "', which no signer's ref names (fields[j].assignedTo links to actions[i].signer.ref).");
            }
        }

        foreach (var action in draft.Actions)
        {
            if (action.Mode == ConsignOSigningMode.Embedded && !embeddedAvailable)
            {
                throw Invalid("Embedded Signing is not available on the main tenant.");
            }

            if (action.Amr.Count > 0 && !action.Amr.Contains("link"))
            {
                throw Invalid("The amr list must contain link (link is always needed).");
            }

            if (action.Amr.Contains("secret") && !action.HasCompleteSecret)
            {
                throw Invalid("The secret amr needs secretQuestion, secretAnswer and isSecretAnswerChanged.");
            }

            if (action.Mode == ConsignOSigningMode.Embedded && action.Amr.Contains("secret"))
            {
                throw Invalid("Secret amr cannot be used with embedded signer.");
            }

            if ((action.Amr.Contains("sms") || action.Amr.Contains("call")) && !action.HasPhone)
            {
                throw Invalid("A phone number is required for sms and call.");
            }
        }

        if (draft.Actions.Any(a => a.Mode == ConsignOSigningMode.Embedded && draft.Actions.Count(b => b.Step == a.Step) > 1))
        {
            throw Invalid("An embedded signer cannot be defined in a parallel sequence.");
        }

        if (draft.Launch && (draft.Actions.Count == 0 || draft.Documents.Sum(d => d.Zones) == 0))
        {
            throw Invalid("A signing project must have at least 1 signer and 1 zone to be launched.");
        }
    }

    /// <summary>A workflow in any status, deleted included.</summary>
    private Workflow Known(string workflowId) =>
        _workflows.TryGetValue(workflowId, out var workflow) ? workflow : throw WorkflowNotFound(workflowId);

    /// <summary>A workflow the API knows: not deleted.</summary>
    private Workflow Visible(string workflowId)
    {
        var workflow = Known(workflowId);
        return workflow.Status != ConsignOWorkflowStatus.Deleted ? workflow : throw WorkflowNotFound(workflowId);
    }

    private static SimulatorStateException Invalid(string message) => SimulatorStateException.Invalid(message, "INVALID_WORKFLOW");

    private static SimulatorStateException WorkflowNotFound(string workflowId) => SimulatorStateException.NotFound("workflow '" + workflowId + "'");

    private sealed class Action
    {
        public Action(string id, int step, ConsignOSigningMode mode, JsonObject signer)
        {
            Id = id;
            Step = step;
            Mode = mode;
            Signer = signer;
        }

        public string Id { get; }

        public int Step { get; }

        public ConsignOSigningMode Mode { get; }

        public JsonObject Signer { get; }

        public ConsignOActionStatus Status { get; set; }

        public DateTimeOffset StatusDate { get; set; }

        public string? SecondFactorUsed { get; set; }

        public string? DeclineReason { get; set; }

        /// <summary>Whether the signer can act now: their step is current (started or opened, not yet done).</summary>
        public bool CanAct => Status is ConsignOActionStatus.Started or ConsignOActionStatus.InProgress;

        public ConsignOActionSnapshot Snapshot() =>
            new(Id, Step, Mode, Status, StatusDate, SecondFactorUsed, DeclineReason) { Signer = (JsonObject)Signer.DeepClone() };
    }

    private sealed class Workflow
    {
        public Workflow(string id, string name, DateTimeOffset createdOn, string? expiresOn, List<Document> documents, JsonObject request)
        {
            Id = id;
            Name = name;
            CreatedOn = createdOn;
            ExpiresOn = expiresOn;
            Documents = documents;
            Request = request;
        }

        public string Id { get; }

        public string Name { get; }

        public DateTimeOffset CreatedOn { get; }

        public string? ExpiresOn { get; }

        public List<Document> Documents { get; }

        public List<Action> Actions { get; } = new();

        /// <summary>The creation request, echoed where the API echoes it (fields, webhooks, owner e-mails).</summary>
        public JsonObject Request { get; }

        public ConsignOWorkflowStatus Status { get; set; }

        public DateTimeOffset StatusDate { get; set; }

        public string? AuditTrailDocumentId { get; set; }

        public ConsignOWorkflowSnapshot Snapshot() => new(
            Id,
            Name,
            Status,
            CreatedOn,
            StatusDate,
            ExpiresOn,
            AuditTrailDocumentId,
            Documents.Select(d => d.Snapshot()).ToArray(),
            Actions.Select(a => a.Snapshot()).ToArray())
        {
            Request = (JsonObject)Request.DeepClone(),
        };
    }
}
