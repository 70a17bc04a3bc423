using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.Trident;

/// <summary>
/// TRIDENT (TrustedX) eSignSP signer processes as the documentation describes them
/// (trident-signer-process-execution.txt, FACTS.md "Trident"), without HTTP:
/// <list type="bullet">
/// <item><b>Tokens.</b> The authorization server issues an access token to a client authenticated with its id and
/// secret for <c>grant_type=client_credentials</c> and an allowed scope; it lasts
/// <see cref="TridentSimulatorOptions.TokenLifetime"/> (<c>expires_in</c>, 600 s) on the simulator's clock.</item>
/// <item><b>Signer processes.</b> A process is created with its <c>process</c> definition and one PDF; it is
/// <c>pending</c> with one <c>UserBrowserTask</c>. "The execution of the signature process of a document is ordered by
/// sending a redirect response to the browser": the user signs (<c>finished</c>, the document is signed), the signature
/// fails (<c>failed</c>) or the user cancels (<c>canceled</c>), and the browser is sent to
/// <c>finish_callback_url?status=…&amp;signer_process_id=…</c>. An ended process cannot be executed again.</item>
/// <item><b>Results.</b> The result of a pending process is not there yet (404); a process that does not exist is gone
/// (410). Deleting a process's last document removes the process.</item>
/// </list>
/// Every transition checks the current status and refuses illegal moves with a <see cref="SimulatorStateException"/>.
/// </summary>
internal sealed class TridentState : SimulatorState
{
    /// <summary>The marker appended to a document's bytes when the simulated user signs it.</summary>
    public const string SignatureMarker = "%TRIDENT-SIMULATOR-SIGNATURE";

    private readonly TridentSimulatorOptions _options;
    private readonly Dictionary<string, TridentAccessToken> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Process> _processes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Process> _tasks = new(StringComparer.Ordinal);
    private int _tokensIssued;

    public TridentState(TridentSimulatorOptions options, TimeProvider timeProvider)
        : base(timeProvider)
    {
        _options = options;
    }

    public int TokensIssued => Read(() => _tokensIssued);

    /// <summary>The ids of the processes that exist.</summary>
    public IReadOnlyCollection<string> ProcessIds => Read(() => _processes.Keys.ToArray());

    /// <summary>The wire spelling of a status.</summary>
    public static string Wire(TridentProcessStatus status) => status switch
    {
        TridentProcessStatus.Pending => "pending",
        TridentProcessStatus.Finished => "finished",
        TridentProcessStatus.Failed => "failed",
        _ => "canceled",
    };

    // ---- Tokens ------------------------------------------------------------------------------------------------

    /// <summary>Checks that the token path names the configured authorization server.</summary>
    public void RequireAuthServer(string authServer)
    {
        if (!string.Equals(authServer, _options.AuthServer, StringComparison.Ordinal))
        {
            throw new SimulatorStateException(SimulatorErrorKind.NotFound, "Unknown authorization server.", "not_found");
        }
    }

    /// <summary>Checks the client's id and secret (HTTP Basic).</summary>
    public void AuthenticateClient(string? clientId, string? clientSecret)
    {
        if (!string.Equals(clientId, _options.ClientId, StringComparison.Ordinal) || !string.Equals(clientSecret, _options.ClientSecret, StringComparison.Ordinal))
        {
            throw new SimulatorStateException(SimulatorErrorKind.Unauthenticated, "Client authentication failed.", "invalid_client");
        }
    }

    /// <summary>Issues a token for <c>client_credentials</c> and a scope within the allowed one (empty: the allowed scope).</summary>
    public TridentAccessToken IssueToken(string? grantType, string requestedScope) => Write(() =>
    {
        if (!string.Equals(grantType, "client_credentials", StringComparison.Ordinal))
        {
            throw SimulatorStateException.Invalid("Only client_credentials is supported.", "unsupported_grant_type");
        }

        var allowed = _options.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requestedScope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s => !allowed.Contains(s, StringComparer.Ordinal)))
        {
            throw SimulatorStateException.Invalid("The requested scope is not allowed for this client.", "invalid_scope");
        }

        var token = new TridentAccessToken("sim-at-" + Guid.NewGuid().ToString("N"), Now + _options.TokenLifetime, requestedScope.Length > 0 ? requestedScope : _options.Scope);
        _tokens[token.Token] = token;
        _tokensIssued++;
        return token;
    });

    /// <summary>Checks a bearer token: issued here and not expired.</summary>
    public TridentAccessToken Authenticate(string? token) => Read(() =>
        token is not null && _tokens.TryGetValue(token, out var issued) && Now < issued.ExpiresAt
            ? issued
            : throw new SimulatorStateException(
                SimulatorErrorKind.Unauthenticated,
                token is null ? "A bearer token is required." : "The access token is invalid or expired.",
                "invalid_token"));

    // ---- Signer processes --------------------------------------------------------------------------------------

    /// <summary>Creates a pending process with its document (which must be a PDF) and its user browser task.</summary>
    public TridentSignerProcessSnapshot Create(TridentProcessDraft draft)
    {
        if (!IsPdf(draft.Document))
        {
            throw SimulatorStateException.Invalid("The document is not a PDF.", "invalid_document");
        }

        return Write(() =>
        {
            var process = new Process(NewId("sp"), NewId("task"), draft);
            var document = new Document(NewId("doc"), process, draft.FileName, draft.Document);
            process.Documents.Add(document);
            _processes[process.Id] = process;
            _documents[document.Id] = document;
            _tasks[process.TaskId] = process;
            Changed("signer_process", process.Id, null, Wire(TridentProcessStatus.Pending));
            return process.Snapshot();
        });
    }

    /// <summary>A process that exists (410 Gone otherwise).</summary>
    public TridentSignerProcessSnapshot Get(string processId) => Read(() => Existing(processId).Snapshot());

    /// <summary>A process that exists, or <see langword="null"/>.</summary>
    public TridentSignerProcessSnapshot? Find(string processId) => Read(() => _processes.TryGetValue(processId, out var process) ? process.Snapshot() : null);

    /// <summary>The result operation: the process must exist (410) and have ended (404 "not finished yet").</summary>
    public TridentSignerProcessSnapshot Result(string processId) => Read(() =>
    {
        var process = Existing(processId);
        return process.Status != TridentProcessStatus.Pending
            ? process.Snapshot()
            : throw new SimulatorStateException(SimulatorErrorKind.IllegalTransition, "The signer process has not finished yet.", "not_finished");
    });

    /// <summary>A document that was not deleted, with its process.</summary>
    public (TridentDocumentSnapshot Document, TridentSignerProcessSnapshot Process) GetDocument(string documentId) => Read(() =>
    {
        var document = LiveDocument(documentId);
        return (document.Snapshot(), document.Process.Snapshot());
    });

    /// <summary>Deletes a document; the process goes with its last document (its result is 410 Gone from then on).</summary>
    public void DeleteDocument(string documentId) => Write(() =>
    {
        var document = LiveDocument(documentId);
        document.Deleted = true;
        _documents.Remove(documentId);
        var process = document.Process;
        if (!process.LiveDocuments().Any())
        {
            _processes.Remove(process.Id);
            _tasks.Remove(process.TaskId);
        }
    });

    /// <summary>Checks that a user browser task exists (its process may have ended).</summary>
    public void RequireTask(string taskId) => Read(() => _tasks.ContainsKey(taskId) ? true : throw UnknownTask());

    /// <summary>The user's browser opens the task page: the task must exist and its process be pending.</summary>
    public TridentSignerProcessSnapshot OpenTask(string taskId) => Read(() => PendingTask(taskId).Snapshot());

    /// <summary>The user's browser executes the task: sign, fail or cancel.</summary>
    public TridentSignerProcessSnapshot ExecuteTask(string taskId, TridentUserAction action) => Write(() => End(PendingTask(taskId), action));

    /// <summary>Plays the user without a browser: the process must exist and be pending.</summary>
    public TridentSignerProcessSnapshot Execute(string processId, TridentUserAction action) => Write(() =>
    {
        var process = _processes.TryGetValue(processId, out var found) ? found : throw SimulatorStateException.NotFound("signer process '" + processId + "'");
        return process.Status == TridentProcessStatus.Pending
            ? End(process, action)
            : throw SimulatorStateException.IllegalTransition("Signer process '" + processId + "' is not pending.");
    });

    private static SimulatorStateException UnknownTask() => new(SimulatorErrorKind.NotFound, "Unknown or expired task");

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..16];

    private Process Existing(string processId) =>
        _processes.TryGetValue(processId, out var process)
            ? process
            : throw new SimulatorStateException(SimulatorErrorKind.NotFound, "The signer process does not exist.", "gone");

    private Document LiveDocument(string documentId) =>
        _documents.TryGetValue(documentId, out var document)
            ? document
            : throw new SimulatorStateException(SimulatorErrorKind.NotFound, "No such document.", "not_found");

    private Process PendingTask(string taskId)
    {
        var process = _tasks.TryGetValue(taskId, out var found) ? found : throw UnknownTask();
        return process.Status == TridentProcessStatus.Pending
            ? process
            : throw SimulatorStateException.IllegalTransition("This signature process has already ended.");
    }

    /// <summary>Ends a pending process as the user's action decides; a signed process's documents get the signature.</summary>
    private TridentSignerProcessSnapshot End(Process process, TridentUserAction action)
    {
        (process.Status, process.Message) = action switch
        {
            TridentUserAction.Sign => (TridentProcessStatus.Finished, (string?)null),
            TridentUserAction.Fail => (TridentProcessStatus.Failed, "The signature could not be generated (simulated failure)."),
            _ => (TridentProcessStatus.Canceled, "The user canceled the signature process."),
        };
        if (process.Status == TridentProcessStatus.Finished)
        {
            foreach (var document in process.Documents)
            {
                var marker = Encoding.ASCII.GetBytes("\n" + SignatureMarker + " process=" + process.Id + " document=" + document.Id + "\n");
                document.Content = document.Original.Concat(marker).ToArray();
            }
        }

        Changed("signer_process", process.Id, Wire(TridentProcessStatus.Pending), Wire(process.Status));
        return process.Snapshot();
    }

    private sealed class Process
    {
        public Process(string id, string taskId, TridentProcessDraft draft)
        {
            Id = id;
            TaskId = taskId;
            Draft = draft;
        }

        public string Id { get; }

        public string TaskId { get; }

        public TridentProcessDraft Draft { get; }

        public TridentProcessStatus Status { get; set; }

        public string? Message { get; set; }

        public List<Document> Documents { get; } = new();

        public IEnumerable<Document> LiveDocuments() => Documents.Where(d => !d.Deleted);

        public TridentSignerProcessSnapshot Snapshot() =>
            new(Id, Status, Draft.ProcessType, Draft.FinishCallbackUrl, Draft.ProcessJson, Draft.Settings, Message, Documents.Select(d => d.Snapshot()).ToArray())
            {
                TaskId = TaskId,
            };
    }

    private sealed class Document
    {
        public Document(string id, Process process, string fileName, byte[] original)
        {
            Id = id;
            Process = process;
            FileName = fileName;
            Original = original;
            Content = original;
        }

        public string Id { get; }

        public Process Process { get; }

        public string FileName { get; }

        public byte[] Original { get; }

        public byte[] Content { get; set; }

        public bool Deleted { get; set; }

        public TridentDocumentSnapshot Snapshot() => new(Id, FileName, (byte[])Content.Clone(), Deleted);
    }
}
