using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.ConsignO;

/// <summary>
/// ConsignO Cloud as the documentation describes it (consigno-cloud-workflows.txt, FACTS.md "ConsignO"), without HTTP:
/// <list type="bullet">
/// <item><b>Sessions.</b> A login with the user name, password, tenant and (when the platform requires it) the client id
/// and secret opens a session and issues a token. "The token expires after 30 minutes of inactivity. The integrator
/// must re-authentify if token has expired." Any answer may carry a new token that replaces the old one at once
/// (<see cref="ConsignOSimulatorOptions.RotateTokenEvery"/>).</item>
/// <item><b>Documents.</b> Uploaded PDFs (or inline base64 documents of a workflow); a document belongs to at most one
/// workflow.</item>
/// <item><b>Workflows.</b> Created (0) or created and launched (1). "In case of remote signers, it is not mandatory to
/// define signature zones [or signers] to create a project. It is mandatory to launch it however." "If two or more
/// steps are defined within a workflow, the steps will be done in sequence. Signers with same step will sign in
/// parallel." An embedded signer cannot use the <c>secret</c> factor nor sign in a parallel step; <c>sms</c> and
/// <c>call</c> need a phone. When the last action completes the workflow is completed (2) and gets its audit trail; a
/// decline makes it declined (5); it can expire (3) and be deleted (6, then unknown to the API).</item>
/// </list>
/// Every transition checks the current status and refuses illegal moves with a <see cref="SimulatorStateException"/>.
/// </summary>
internal sealed class ConsignOState : SimulatorState
{
    private readonly ConsignOSimulatorOptions _options;
    private readonly Dictionary<string, Session> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Workflow> _workflows = new(StringComparer.Ordinal);
    private readonly List<string> _issuedTokens = new();
    private int _logins;

    public ConsignOState(ConsignOSimulatorOptions options, TimeProvider timeProvider)
        : base(timeProvider)
    {
        _options = options;
    }

    public int LoginCount => Read(() => _logins);

    public IReadOnlyList<string> IssuedTokens => Read(() => _issuedTokens.ToArray());

    public int DocumentCount => Read(() => _documents.Count);

    public int WorkflowCount => Read(() => _workflows.Count);

    // ---- Sessions ----------------------------------------------------------------------------------------------

    /// <summary>Opens a session: the credentials, the tenant (when one is configured) and the platform client must match.</summary>
    /// <returns>The session's first token.</returns>
    public string Login(string? username, string? password, string? tenant, string? clientId, string? clientSecret) => Write(() =>
    {
        bool clientOk = _options.ClientId is null || (clientId == _options.ClientId && clientSecret == _options.ClientSecret);
        if (username != _options.Username || password != _options.Password || !clientOk)
        {
            throw new SimulatorStateException(SimulatorErrorKind.Unauthenticated, "Bad credentials.", "INVALID_CREDENTIALS");
        }

        if (_options.Tenant is not null && !string.Equals(tenant, _options.Tenant, StringComparison.Ordinal))
        {
            throw new SimulatorStateException(SimulatorErrorKind.Unauthenticated, "Unknown tenant '" + tenant + "'.", "INVALID_TENANT");
        }

        _logins++;
        return Issue(new Session { LastActivity = Now });
    });

    /// <summary>
    /// Checks a token and records the activity. Refused: unknown, ended (logout, restart), idle past
    /// <see cref="ConsignOSimulatorOptions.IdleTimeout"/>, or replaced by a rotation (when
    /// <see cref="ConsignOSimulatorOptions.RejectSupersededTokens"/>).
    /// </summary>
    public Session Authenticate(string? token, string missingMessage) => Write(() =>
    {
        if (string.IsNullOrEmpty(token) || !_tokens.TryGetValue(token, out var session))
        {
            throw Unauthenticated(missingMessage);
        }

        if (session.Ended)
        {
            throw Unauthenticated("The session has ended.");
        }

        if (Now - session.LastActivity > _options.IdleTimeout)
        {
            session.Ended = true;
            throw Unauthenticated("The token expired after inactivity.");
        }

        if (_options.RejectSupersededTokens && !string.Equals(session.CurrentToken, token, StringComparison.Ordinal))
        {
            throw Unauthenticated("The token was replaced by a newer one.");
        }

        session.LastActivity = Now;
        return session;
    });

    /// <summary>Counts an authenticated answer; every <see cref="ConsignOSimulatorOptions.RotateTokenEvery"/> answers a new token replaces the session's.</summary>
    /// <returns>The new token to send, or <see langword="null"/>.</returns>
    public string? CountAnswer(Session session) => Write(() =>
    {
        session.Answers++;
        return _options.RotateTokenEvery > 0 && session.Answers % _options.RotateTokenEvery == 0 ? Issue(session) : null;
    });

    /// <summary>Ends the session of a token (logout).</summary>
    public void Logout(Session session) => Write(() => session.Ended = true);

    /// <summary>Ends every session (as if the server restarted).</summary>
    public void EndAllSessions() => Write(() =>
    {
        foreach (var session in _tokens.Values)
        {
            session.Ended = true;
        }
    });

    // ---- Documents ---------------------------------------------------------------------------------------------

    /// <summary>Stores an uploaded PDF ("Upload … PDF only").</summary>
    public ConsignODocumentSnapshot Upload(string name, byte[] content, bool pdfa)
    {
        if (content.Length < 5 || content[0] != '%' || content[1] != 'P' || content[2] != 'D' || content[3] != 'F' || content[4] != '-')
        {
            throw SimulatorStateException.Invalid("Only PDF documents can be uploaded.", "INVALID_DOCUMENT_TYPE");
        }

        return Write(() => Store(new Document(NextHexId(), name, content, content.LongLength, pdfa)).Snapshot());
    }

    /// <summary>Stores a document generated while it is sent (a PDF header, filler, <c>%%EOF</c>).</summary>
    public string AddSyntheticDocument(long size, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 64);
        return Write(() => Store(new Document(NextHexId(), name, null, size, false)).Id);
    }

    // ---- Workflows ---------------------------------------------------------------------------------------------

    /// <summary>Creates a workflow, launched when the draft asks for it (documented rules above).</summary>
    public ConsignOWorkflowSnapshot Create(ConsignOWorkflowDraft draft) => Write(() =>
    {
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            throw Invalid("A workflow needs a name.");
        }

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

        if (documents.Count == 0)
        {
            throw Invalid("A workflow needs at least one document.");
        }

        foreach (var action in draft.Actions)
        {
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

    /// <summary>The signers of the current step complete their actions; the next step starts, or the workflow completes.</summary>
    /// <returns>How many actions were completed.</returns>
    public int SignCurrentStep(string workflowId) => Write(() =>
    {
        var workflow = Launched(workflowId);
        var current = workflow.Actions.Where(a => a.Status is ConsignOActionStatus.Started or ConsignOActionStatus.InProgress).ToList();
        foreach (var action in current)
        {
            MoveAction(workflow, action, ConsignOActionStatus.Completed);
            action.SecondFactorUsed = "sms";
        }

        if (current.Count > 0)
        {
            StartNextStep(workflow);
        }

        return current.Count;
    });

    /// <summary>A signer of the current step declines: their action is declined and the workflow declined (5).</summary>
    public void Decline(string workflowId, string reason) => Write(() =>
    {
        var workflow = Launched(workflowId);
        var action = workflow.Actions.FirstOrDefault(a => a.Status is ConsignOActionStatus.Started or ConsignOActionStatus.InProgress)
            ?? throw SimulatorStateException.IllegalTransition("No signer of workflow '" + workflowId + "' can act.", "INVALID_STATE");
        MoveAction(workflow, action, ConsignOActionStatus.Declined);
        action.DeclineReason = reason;
        Move(workflow, ConsignOWorkflowStatus.Declined);
    });

    /// <summary>A launched workflow expires (3).</summary>
    public void Expire(string workflowId) => Write(() => Move(Launched(workflowId), ConsignOWorkflowStatus.Expired));

    /// <summary>The documents to download: the signed versions once completed, else the originals.</summary>
    public (IReadOnlyList<ConsignODocumentSnapshot> Documents, bool Signed) Documents(string workflowId) => Read(() =>
    {
        var workflow = Visible(workflowId);
        return ((IReadOnlyList<ConsignODocumentSnapshot>)workflow.Documents.Select(d => d.Snapshot()).ToArray(), workflow.Status == ConsignOWorkflowStatus.Completed);
    });

    /// <summary>The workflow whose audit trail is asked for: "workflow must be completed".</summary>
    public ConsignOWorkflowSnapshot AuditTrail(string workflowId) => Read(() =>
    {
        var workflow = Visible(workflowId);
        if (workflow.Status != ConsignOWorkflowStatus.Completed)
        {
            throw SimulatorStateException.IllegalTransition(
                "The audit trail is only available once the workflow is completed (status " + ((int)workflow.Status).ToString(CultureInfo.InvariantCulture) + ").",
                "WORKFLOW_NOT_COMPLETED");
        }

        return workflow.Snapshot();
    });

    /// <summary>Checks that an embedded signer of a launched workflow can be sent to the signing page.</summary>
    public void RequireEmbeddedAction(string workflowId, string actionId) => Read(() =>
    {
        var workflow = Visible(workflowId);
        if (workflow.Status != ConsignOWorkflowStatus.Launched)
        {
            throw SimulatorStateException.IllegalTransition("The workflow is not launched.", "INVALID_STATE");
        }

        var action = workflow.Actions.FirstOrDefault(a => a.Id == actionId) ?? throw SimulatorStateException.NotFound("workflow '" + workflowId + "/" + actionId + "'");
        return action.Mode == ConsignOSigningMode.Embedded
            ? true
            : throw SimulatorStateException.IllegalTransition("The action is not in embedded mode.", "INVALID_STATE");
    });

    /// <summary>The wire spelling of a workflow status (its number).</summary>
    public static string Wire(ConsignOWorkflowStatus status) => ((int)status).ToString(CultureInfo.InvariantCulture);

    /// <summary>The wire spelling of an action status.</summary>
    public static string Wire(ConsignOActionStatus status) => status switch
    {
        ConsignOActionStatus.NotStarted => "NOT_STARTED",
        ConsignOActionStatus.Started => "STARTED",
        ConsignOActionStatus.InProgress => "IN_PROGRESS",
        ConsignOActionStatus.Completed => "COMPLETED",
        _ => "DECLINED",
    };

    private static SimulatorStateException Invalid(string message) => SimulatorStateException.Invalid(message, "INVALID_WORKFLOW");

    private static SimulatorStateException Unauthenticated(string message) => new(SimulatorErrorKind.Unauthenticated, message, "INVALID_TOKEN");

    private string Issue(Session session)
    {
        var token = "eyJhbGciOiJIUzI1NiJ9." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=') + ".sim";
        session.CurrentToken = token;
        _tokens[token] = session;
        _issuedTokens.Add(token);
        return token;
    }

    private Document Store(Document document)
    {
        _documents[document.Id] = document;
        return document;
    }

    private Workflow Visible(string workflowId) =>
        _workflows.TryGetValue(workflowId, out var workflow) && workflow.Status != ConsignOWorkflowStatus.Deleted
            ? workflow
            : throw SimulatorStateException.NotFound("workflow '" + workflowId + "'");

    private Workflow Launched(string workflowId)
    {
        var workflow = _workflows.TryGetValue(workflowId, out var found) ? found : throw SimulatorStateException.NotFound("workflow '" + workflowId + "'");
        return workflow.Status == ConsignOWorkflowStatus.Launched
            ? workflow
            : throw SimulatorStateException.IllegalTransition(
                "The workflow '" + workflowId + "' is not launched (status " + ((int)workflow.Status).ToString(CultureInfo.InvariantCulture) + ").", "INVALID_STATE");
    }

    /// <summary>Starts the lowest step still waiting; when none is left, the workflow is completed and gets its audit trail.</summary>
    private void StartNextStep(Workflow workflow)
    {
        if (workflow.Actions.Any(a => a.Status is ConsignOActionStatus.Started or ConsignOActionStatus.InProgress))
        {
            return;
        }

        var pending = workflow.Actions.Where(a => a.Status == ConsignOActionStatus.NotStarted).ToList();
        if (pending.Count == 0)
        {
            workflow.AuditTrailDocumentId = NextHexId();
            Move(workflow, ConsignOWorkflowStatus.Completed);
            return;
        }

        int step = pending.Min(a => a.Step);
        foreach (var action in pending.Where(a => a.Step == step))
        {
            MoveAction(workflow, action, ConsignOActionStatus.Started);
        }
    }

    private void Move(Workflow workflow, ConsignOWorkflowStatus to)
    {
        var from = workflow.Status;
        workflow.Status = to;
        workflow.StatusDate = Now;
        Changed("workflow", workflow.Id, Wire(from), Wire(to));
    }

    private void MoveAction(Workflow workflow, Action action, ConsignOActionStatus to)
    {
        var from = action.Status;
        action.Status = to;
        action.StatusDate = Now;
        Changed("action", action.Id, Wire(from), Wire(to), workflow.Id);
    }

    /// <summary>A login session.</summary>
    internal sealed class Session
    {
        public string CurrentToken { get; set; } = string.Empty;

        public DateTimeOffset LastActivity { get; set; }

        public long Answers { get; set; }

        public bool Ended { get; set; }
    }

    private sealed class Document
    {
        public Document(string id, string name, byte[]? content, long size, bool pdfa)
        {
            Id = id;
            Name = name;
            Content = content;
            Size = size;
            PdfA = pdfa;
        }

        public string Id { get; }

        public string Name { get; }

        public byte[]? Content { get; }

        public long Size { get; }

        public bool PdfA { get; }

        public bool Used { get; set; }

        public ConsignODocumentSnapshot Snapshot() => new(Id, Name, Size, PdfA, Used) { Content = Content };
    }

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

/// <summary>A workflow to create, as parsed from <c>POST /workflows</c>.</summary>
internal sealed record ConsignOWorkflowDraft(
    string Name,
    string? ExpiresOn,
    bool Launch,
    IReadOnlyList<ConsignODocumentDraft> Documents,
    IReadOnlyList<ConsignOActionDraft> Actions,
    JsonObject Request);

/// <summary>One document of a workflow draft: an uploaded document's id, or a name and inline bytes; with its zone count.</summary>
internal sealed record ConsignODocumentDraft(string? DocumentId, string? Name, byte[]? Data, int Zones);

/// <summary>One signer's action of a workflow draft.</summary>
internal sealed record ConsignOActionDraft(int Step, ConsignOSigningMode Mode, IReadOnlyList<string?> Amr, bool HasPhone, JsonObject Signer);
