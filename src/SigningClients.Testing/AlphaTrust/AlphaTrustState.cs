using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.AlphaTrust;

/// <summary>
/// AlphaTrust e-Sign as the documentation describes it (alphatrust-remote-task-signing.txt, FACTS.md "AlphaTrust"),
/// without HTTP:
/// <list type="bullet">
/// <item><b>Transactions.</b> "When you create a new Transaction, you are required to include at least one Document,
/// one Participant, and one Task per Document/Participant." A transaction launched from a Control Panel workflow
/// (<c>ProntoID</c>, optionally with injected <c>Data</c>) brings its own. A transaction is <c>Pending</c> until every
/// task is completed (then <c>Completed</c>) or the integrator closes it (<c>Closed</c>); a completed transaction
/// cannot be closed.</item>
/// <item><b>Tasks.</b> "After the Transaction is created, you can add new Tasks or update existing Tasks via the API
/// at any point as long as the transaction is still in the Pending status." A completed task cannot change.</item>
/// <item><b>Remote signing.</b> Each task needs its ID and the client's IP address "for audit trail"; "Only Password,
/// PasswordHashed, and RegisteredUser authentication types are supported"; a registered user's stored signature image
/// is applied when "the Participant Signature's ApplicationType is set to Registered". A batch is atomic: every task
/// is checked before any is completed.</item>
/// <item><b>The API user.</b> Its <see cref="AlphaTrustPermissions"/> decide what it may call ("Insufficient
/// permissions").</item>
/// </list>
/// Every transition checks the current status and refuses illegal moves with a <see cref="SimulatorStateException"/>.
/// </summary>
internal sealed class AlphaTrustState : SimulatorState
{
    private const long FirstId = 1_000_000_000;
    private readonly Dictionary<long, Transaction> _transactions = new();
    private readonly Dictionary<long, TaskItem> _tasks = new();
    private readonly Dictionary<string, RegisteredUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private AlphaTrustPermissions _permissions = AlphaTrustPermissions.All;

    public AlphaTrustState(TimeProvider timeProvider)
        : base(timeProvider)
    {
    }

    /// <summary>What the API user may do.</summary>
    public AlphaTrustPermissions Permissions
    {
        get => Read(() => _permissions);
        set => Write(() => _permissions = value);
    }

    /// <summary>The hash a PasswordHashed participant stores: lower-case hex SHA-256 of the UTF-8 password.</summary>
    public static string HashPassword(string password) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password))).ToLowerInvariant();

    /// <summary>The wire spelling of a status or type (AlphaTrust sends string enums, PascalCase).</summary>
    public static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();

    /// <summary>Refuses the call when the API user lacks <paramref name="needed"/>.</summary>
    public void Authorize(AlphaTrustPermissions needed) => Read(() =>
        (_permissions & needed) == needed
            ? true
            : throw new SimulatorStateException(SimulatorErrorKind.Forbidden, "Insufficient permissions: the API user is not allowed to " +
                (needed == AlphaTrustPermissions.RemoteSign ? "remote sign tasks." : "manage transactions.")));

    /// <summary>Adds (or replaces) a registered user of the installation.</summary>
    public void AddRegisteredUser(string username, string password, byte[]? signatureImage) =>
        Write(() => _users[username] = new RegisteredUser(password, signatureImage));

    public SimulatedTransaction? FindTransaction(long transactionId) =>
        Read(() => _transactions.TryGetValue(transactionId, out var transaction) ? transaction.Snapshot() : null);

    public SimulatedTask? FindTask(long taskId) => Read(() => _tasks.TryGetValue(taskId, out var task) ? task.Snapshot() : null);

    // ---- Transactions ------------------------------------------------------------------------------------------

    /// <summary>Creates transactions (all or none: every draft is checked first), each <c>Pending</c>.</summary>
    public IReadOnlyList<SimulatedTransaction> CreateTransactions(IReadOnlyList<AlphaTrustTransactionDraft> drafts) => Write(() =>
    {
        var built = drafts.Select(Build).ToList();
        foreach (var transaction in built)
        {
            transaction.Id = NextId();
            foreach (var participant in transaction.Participants)
            {
                participant.Id = NextId();
            }

            foreach (var document in transaction.Documents)
            {
                document.Id = NextId();
                foreach (var task in document.Tasks)
                {
                    task.Id = NextId();
                    _tasks[task.Id] = task;
                }
            }

            _transactions[transaction.Id] = transaction;
            Changed("transaction", Id(transaction.Id), null, Wire(AlphaTrustTransactionStatus.Pending));
        }

        return (IReadOnlyList<SimulatedTransaction>)built.Select(t => t.Snapshot()).ToArray();
    });

    /// <summary>Closes (cancels) transactions that are not completed (all or none).</summary>
    public void CloseTransactions(IReadOnlyList<long> ids) => Write(() =>
    {
        var closing = ids.Select(id =>
        {
            var transaction = Known(id);
            return transaction.Status == AlphaTrustTransactionStatus.Completed
                ? throw SimulatorStateException.IllegalTransition("Transaction " + Id(id) + " is Completed and cannot be closed.")
                : transaction;
        }).ToList();
        foreach (var transaction in closing)
        {
            Move(transaction, AlphaTrustTransactionStatus.Closed);
        }
    });

    /// <summary>The transactions of <paramref name="ids"/> that exist, in any status (unknown ids are left out).</summary>
    public IReadOnlyList<SimulatedTransaction> Transactions(IReadOnlyList<long> ids) =>
        Read(() => (IReadOnlyList<SimulatedTransaction>)ids.Where(_transactions.ContainsKey).Select(id => _transactions[id].Snapshot()).ToArray());

    // ---- Tasks -------------------------------------------------------------------------------------------------

    /// <summary>Adds tasks to pending transactions (all or none).</summary>
    public IReadOnlyList<SimulatedTask> CreateTasks(IReadOnlyList<AlphaTrustNewTask> tasks) => Write(() =>
    {
        var plan = tasks.Select(t =>
        {
            var transaction = Pending(t.TransactionId);
            var document = transaction.Documents.FirstOrDefault(d => d.Id == t.DocumentId)
                ?? throw new SimulatorStateException(SimulatorErrorKind.NotFound, "Document ID " + Id(t.DocumentId) + " doesn't exist in transaction " + Id(transaction.Id) + ".");
            return new TaskItem(transaction, document, ParticipantOf(transaction, t.ParticipantId), t.Type);
        }).ToList();
        foreach (var task in plan)
        {
            task.Id = NextId();
            task.Document.Tasks.Add(task);
            _tasks[task.Id] = task;
        }

        return (IReadOnlyList<SimulatedTask>)plan.Select(t => t.Snapshot()).ToArray();
    });

    /// <summary>Changes the type or participant of pending tasks of pending transactions (all or none).</summary>
    public IReadOnlyList<SimulatedTask> UpdateTasks(IReadOnlyList<AlphaTrustTaskChange> changes) => Write(() =>
    {
        var plan = changes.Select(change =>
        {
            var task = KnownTask(change.TaskId);
            Pending(task.Transaction.Id);
            if (task.Status == AlphaTrustTaskStatus.Completed)
            {
                throw AlreadyCompleted(task.Id);
            }

            return (Task: task, change.Type, Participant: change.ParticipantId is { } participantId ? ParticipantOf(task.Transaction, participantId) : null);
        }).ToList();
        foreach (var (task, type, participant) in plan)
        {
            task.Type = type ?? task.Type;
            task.Participant = participant ?? task.Participant;
        }

        return (IReadOnlyList<SimulatedTask>)plan.Select(p => p.Task.Snapshot()).ToArray();
    });

    /// <summary>
    /// Completes tasks without the e-Sign interface. Every task is checked first (IP address, existence, duplicates,
    /// not completed, transaction pending, the participant's authentication); then all are completed.
    /// </summary>
    public IReadOnlyList<SimulatedTask> RemoteSign(IReadOnlyList<AlphaTrustRemoteSignature> signatures) => Write(() =>
    {
        var plan = new List<(TaskItem Task, string Ip, byte[]? Image)>();
        var seen = new HashSet<long>();
        foreach (var signature in signatures)
        {
            string id = Id(signature.TaskId);
            var ip = signature.IpAddress;
            if (string.IsNullOrEmpty(ip) || !IPAddress.TryParse(ip, out var parsed) ||
                (parsed.AddressFamily == AddressFamily.InterNetwork && ip.Split('.').Length != 4))
            {
                throw SimulatorStateException.Invalid("Task " + id + ": IpAddress is required and must be a valid IP address.");
            }

            var task = KnownTask(signature.TaskId);
            if (!seen.Add(signature.TaskId))
            {
                throw SimulatorStateException.Invalid("Task " + id + " appears more than once.");
            }

            if (task.Status == AlphaTrustTaskStatus.Completed)
            {
                throw AlreadyCompleted(task.Id);
            }

            if (task.Transaction.Status != AlphaTrustTransactionStatus.Pending)
            {
                throw SimulatorStateException.IllegalTransition("Task " + id + " belongs to transaction " + Id(task.Transaction.Id) + ", which is " + Wire(task.Transaction.Status) + ".");
            }

            plan.Add((task, ip, Authenticate(task, signature.Username, signature.Password)));
        }

        foreach (var (task, ip, image) in plan)
        {
            Complete(task, ip, image);
        }

        return (IReadOnlyList<SimulatedTask>)plan.Select(p => p.Task.Snapshot()).ToArray();
    });

    /// <summary>The participant completes a pending task in the e-Sign interface.</summary>
    public void CompleteInUserInterface(long taskId) => Write(() =>
    {
        var task = _tasks.TryGetValue(taskId, out var found) ? found : throw SimulatorStateException.NotFound("task " + Id(taskId));
        if (task.Status == AlphaTrustTaskStatus.Completed)
        {
            throw AlreadyCompleted(taskId);
        }

        Complete(task, null, null);
    });

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static SimulatorStateException AlreadyCompleted(long taskId) =>
        SimulatorStateException.IllegalTransition("Task " + Id(taskId) + " was already completed.");

    private static SimulatorStateException Unknown(string what, long id) =>
        new(SimulatorErrorKind.NotFound, what + " ID " + Id(id) + " doesn't exist or isn't accessible.");

    /// <summary>Checks a transaction draft against the documented creation rules.</summary>
    private static Transaction Build(AlphaTrustTransactionDraft draft)
    {
        // A Control Panel workflow (ProntoID) brings its own documents, participants and tasks: the lists may be absent.
        bool fromWorkflow = !string.IsNullOrWhiteSpace(draft.ProntoId);
        if (draft.Data is not null && !fromWorkflow)
        {
            throw SimulatorStateException.Invalid("Data is injected into a Control Panel workflow: the transaction needs a ProntoID.");
        }

        var participants = draft.Participants ?? (fromWorkflow ? Array.Empty<AlphaTrustParticipantDraft>() : throw SimulatorStateException.Invalid("Participants is required."));
        var documents = draft.Documents ?? (fromWorkflow ? Array.Empty<AlphaTrustDocumentDraft>() : throw SimulatorStateException.Invalid("Documents is required."));
        if (!fromWorkflow && (participants.Count == 0 || documents.Count == 0))
        {
            throw SimulatorStateException.Invalid("A transaction needs at least one document, one participant and one task.");
        }

        var transaction = new Transaction(draft.Description, draft.IsTest, draft.ProntoId, draft.Data);
        foreach (var p in participants)
        {
            if (p.AuthenticationType != "None" && string.IsNullOrEmpty(p.AuthenticationData))
            {
                throw SimulatorStateException.Invalid("Participant " + p.FullName + ": authentication type " + p.AuthenticationType + " needs Data.");
            }

            transaction.Participants.Add(new Participant(p));
        }

        foreach (var d in documents)
        {
            if (!IsPdf(d.FileBytes))
            {
                throw SimulatorStateException.Invalid("Document " + d.Title + ": Source.FileBytes is not a PDF (the file must start with %PDF-).");
            }

            if (d.Tasks.Count == 0)
            {
                throw SimulatorStateException.Invalid("Document " + d.Title + " needs at least one task.");
            }

            var document = new Document(d.Title, d.FileBytes);
            foreach (var (type, index) in d.Tasks)
            {
                if (index < 0 || index >= transaction.Participants.Count)
                {
                    throw SimulatorStateException.Invalid("Document " + d.Title + ": ParticipantIndex " + index.ToString(CultureInfo.InvariantCulture) + " refers to no participant.");
                }

                document.Tasks.Add(new TaskItem(transaction, document, transaction.Participants[index], type));
            }

            transaction.Documents.Add(document);
        }

        return transaction;
    }

    /// <summary>Checks the participant's authentication; returns the stored signature image to apply, if any.</summary>
    private byte[]? Authenticate(TaskItem task, string? username, string? password)
    {
        var participant = task.Participant;
        string id = Id(task.Id);
        switch (participant.AuthenticationType)
        {
            case "None":
                return null;
            case "Password" when !string.IsNullOrEmpty(password) && string.Equals(password, participant.AuthenticationData, StringComparison.Ordinal):
            case "PasswordHashed" when !string.IsNullOrEmpty(password) && string.Equals(HashPassword(password), participant.AuthenticationData, StringComparison.OrdinalIgnoreCase):
                return null;
            case "Password" or "PasswordHashed":
                throw Unauthenticated("Task " + id + ": password authentication failed.");
            case "RegisteredUser":
                if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password) ||
                    !string.Equals(username, participant.AuthenticationData, StringComparison.OrdinalIgnoreCase) ||
                    !_users.TryGetValue(username, out var user) || !string.Equals(user.Password, password, StringComparison.Ordinal))
                {
                    throw Unauthenticated("Task " + id + ": registered user authentication failed.");
                }

                // The doc: the stored image is applied only when the participant signature's ApplicationType is Registered.
                return task.Type is AlphaTrustTaskType.Signature or AlphaTrustTaskType.Initial &&
                    string.Equals(participant.SignatureApplicationType, "Registered", StringComparison.OrdinalIgnoreCase)
                    ? user.SignatureImage
                    : null;
            default:
                throw SimulatorStateException.Invalid("Task " + id + ": authentication type " + participant.AuthenticationType + " is not supported for remote signing (only Password, PasswordHashed and RegisteredUser).");
        }

        static SimulatorStateException Unauthenticated(string message) => new(SimulatorErrorKind.Unauthenticated, message);
    }

    /// <summary>Completes a task; when it was the last pending one, the transaction is completed.</summary>
    private void Complete(TaskItem task, string? ip, byte[]? image)
    {
        task.Status = AlphaTrustTaskStatus.Completed;
        task.CompletedFromIp = ip;
        task.CompletedAt = Now;
        task.SignatureImage = image;
        Changed("task", Id(task.Id), Wire(AlphaTrustTaskStatus.Pending), Wire(AlphaTrustTaskStatus.Completed), Id(task.Transaction.Id));
        var transaction = task.Transaction;
        if (transaction.Status == AlphaTrustTransactionStatus.Pending && transaction.Documents.SelectMany(d => d.Tasks).All(t => t.Status == AlphaTrustTaskStatus.Completed))
        {
            Move(transaction, AlphaTrustTransactionStatus.Completed);
        }
    }

    private void Move(Transaction transaction, AlphaTrustTransactionStatus to)
    {
        var from = transaction.Status;
        transaction.Status = to;
        Changed("transaction", Id(transaction.Id), Wire(from), Wire(to));
    }

    private long NextId() => FirstId + NextNumber();

    private Transaction Known(long id) => _transactions.TryGetValue(id, out var transaction) ? transaction : throw Unknown("Transaction", id);

    private TaskItem KnownTask(long id) => _tasks.TryGetValue(id, out var task) ? task : throw Unknown("Task", id);

    private Transaction Pending(long id)
    {
        var transaction = Known(id);
        return transaction.Status == AlphaTrustTransactionStatus.Pending
            ? transaction
            : throw SimulatorStateException.IllegalTransition("Transaction " + Id(id) + " is " + Wire(transaction.Status) + "; tasks can only be added or updated while it is Pending.");
    }

    private static Participant ParticipantOf(Transaction transaction, long participantId) =>
        transaction.Participants.FirstOrDefault(p => p.Id == participantId)
        ?? throw new SimulatorStateException(SimulatorErrorKind.NotFound, "Participant ID " + Id(participantId) + " doesn't exist in transaction " + Id(transaction.Id) + ".");

    private sealed record RegisteredUser(string Password, byte[]? SignatureImage);

    private sealed class Transaction
    {
        public Transaction(string? description, bool isTest, string? prontoId, IReadOnlyDictionary<string, string>? data)
        {
            Description = description;
            IsTest = isTest;
            ProntoId = prontoId;
            Data = data;
        }

        public long Id { get; set; }

        public AlphaTrustTransactionStatus Status { get; set; }

        public string? Description { get; }

        public bool IsTest { get; }

        public string? ProntoId { get; }

        public IReadOnlyDictionary<string, string>? Data { get; }

        public List<Participant> Participants { get; } = new();

        public List<Document> Documents { get; } = new();

        public SimulatedTransaction Snapshot() => new(
            Id,
            Status,
            Description,
            IsTest,
            Participants.Select(p => new SimulatedParticipant(p.Id, p.FullName, p.EmailAddress, p.AuthenticationType)).ToArray(),
            Documents.Select(d => new SimulatedDocument(d.Id, d.Title, (byte[])d.FileBytes.Clone(), d.Tasks.Select(t => t.Snapshot()).ToArray())).ToArray())
        {
            ProntoId = ProntoId,
            Data = Data is null ? null : new Dictionary<string, string>(Data, StringComparer.Ordinal),
        };
    }

    private sealed class Participant
    {
        public Participant(AlphaTrustParticipantDraft draft)
        {
            FullName = draft.FullName;
            EmailAddress = draft.EmailAddress;
            AuthenticationType = draft.AuthenticationType;
            AuthenticationData = draft.AuthenticationData;
            SignatureApplicationType = draft.SignatureApplicationType;
        }

        public long Id { get; set; }

        public string FullName { get; }

        public string? EmailAddress { get; }

        public string AuthenticationType { get; }

        public string? AuthenticationData { get; }

        /// <summary>The participant signature's <c>ApplicationType</c> (<c>Signature.ApplicationType</c>), if sent.</summary>
        public string? SignatureApplicationType { get; }
    }

    private sealed class Document
    {
        public Document(string title, byte[] fileBytes)
        {
            Title = title;
            FileBytes = fileBytes;
        }

        public long Id { get; set; }

        public string Title { get; }

        public byte[] FileBytes { get; }

        public List<TaskItem> Tasks { get; } = new();
    }

    private sealed class TaskItem
    {
        public TaskItem(Transaction transaction, Document document, Participant participant, AlphaTrustTaskType type)
        {
            Transaction = transaction;
            Document = document;
            Participant = participant;
            Type = type;
        }

        public long Id { get; set; }

        public Transaction Transaction { get; }

        public Document Document { get; }

        public Participant Participant { get; set; }

        public AlphaTrustTaskType Type { get; set; }

        public AlphaTrustTaskStatus Status { get; set; }

        public string? CompletedFromIp { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        public byte[]? SignatureImage { get; set; }

        public SimulatedTask Snapshot() => new(Id, Type, Status, Document.Id, Participant.Id, CompletedFromIp, CompletedAt, (byte[]?)SignatureImage?.Clone());
    }
}
