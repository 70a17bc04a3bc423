using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Testing.AlphaTrust;

namespace SigningClients.Testing;

/// <summary>
/// A stateful in-process simulator of the AlphaTrust e-Sign REST API v5 (PascalCase JSON): transactions with
/// participants, documents and tasks; remote signing with the task authentication rules (none, Password,
/// PasswordHashed, RegisteredUser with a stored signature image); Pending/Completed/Closed states; the four service
/// credential headers checked on every call; and API-user permissions. Every answer is AlphaTrust's default return
/// (<c>IsSuccessful</c>, <c>Message</c>); failures use HTTP 200 by default or 4xx with
/// <see cref="AlphaTrustSimulatorOptions.UseHttpErrorStatuses"/>.
/// </summary>
/// <remarks>
/// Routes (the unverified ones are the SDK's defaults): <c>POST /api/v5/tasks/remotesign</c>,
/// <c>POST /api/v5/transactions/create</c>, <c>POST /api/v5/transactions/close</c>,
/// <c>POST /api/v5/transactions/updateable</c>, <c>POST /api/v5/tasks/create</c>, <c>POST /api/v5/tasks/update</c>.
/// A PasswordHashed participant's data is the lower-case hex SHA-256 of the password (see <see cref="HashPassword"/>).
/// A remote-sign batch is atomic: every task is checked before any is completed.
/// </remarks>
public sealed partial class AlphaTrustSimulator : SimulatorHost
{
    /// <summary>Remote-sign route.</summary>
    public const string RemoteSignPath = "/api/v5/tasks/remotesign";

    /// <summary>Transaction creation route.</summary>
    public const string CreateTransactionsPath = "/api/v5/transactions/create";

    /// <summary>Transaction closing route.</summary>
    public const string CloseTransactionsPath = "/api/v5/transactions/close";

    /// <summary>Updateable-transactions read route.</summary>
    public const string GetUpdateableTransactionsPath = "/api/v5/transactions/updateable";

    /// <summary>Task creation route.</summary>
    public const string CreateTasksPath = "/api/v5/tasks/create";

    /// <summary>Task update route.</summary>
    public const string UpdateTasksPath = "/api/v5/tasks/update";

    private static readonly string[] TaskTypes = { "Signature", "Initial", "Acknowledgement", "Delivery", "NoActionRequired" };
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly AlphaTrustSimulatorOptions _settings;
    private readonly object _gate = new();
    private readonly Dictionary<long, TransactionState> _transactions = new();
    private readonly Dictionary<long, TaskState> _tasks = new();
    private readonly Dictionary<string, RegisteredUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId = 1_000_000_000;
    private int _permissions = (int)AlphaTrustPermissions.All;

    private AlphaTrustSimulator(AlphaTrustSimulatorOptions settings)
        : base(settings.Host)
    {
        _settings = settings;
    }

    /// <summary>The credentials and behaviour the simulator was started with.</summary>
    public AlphaTrustSimulatorOptions Settings => _settings;

    /// <summary>What the API user may do; <see cref="AlphaTrustPermissions.All"/> by default. Changeable at any time.</summary>
    public AlphaTrustPermissions ApiUserPermissions
    {
        get => (AlphaTrustPermissions)Volatile.Read(ref _permissions);
        set => Volatile.Write(ref _permissions, (int)value);
    }

    /// <summary>Starts a simulator on a free loopback port.</summary>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator; dispose it to stop it.</returns>
    public static Task<AlphaTrustSimulator> StartAsync(AlphaTrustSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        return StartSimulatorAsync(new AlphaTrustSimulator(options ?? new AlphaTrustSimulatorOptions()), cancellationToken);
    }

    /// <summary>The hash a PasswordHashed participant stores: lower-case hex SHA-256 of the UTF-8 password.</summary>
    /// <param name="password">The clear-text password.</param>
    /// <returns>The hash.</returns>
    public static string HashPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password))).ToLowerInvariant();
    }

    /// <summary>Adds (or replaces) a registered user of the installation, optionally with a stored signature image.</summary>
    /// <param name="username">The user name.</param>
    /// <param name="password">The password.</param>
    /// <param name="signatureImage">The stored signature image (applied to documents the user signs remotely), if any.</param>
    public void AddRegisteredUser(string username, string password, byte[]? signatureImage = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        lock (_gate)
        {
            _users[username] = new RegisteredUser(password, signatureImage);
        }
    }

    /// <summary>A snapshot of a transaction, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="transactionId">The transaction ID.</param>
    /// <returns>The snapshot.</returns>
    public SimulatedTransaction? GetTransaction(long transactionId)
    {
        lock (_gate)
        {
            return _transactions.TryGetValue(transactionId, out var transaction) ? Snapshot(transaction) : null;
        }
    }

    /// <summary>A snapshot of a task, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="taskId">The task ID.</param>
    /// <returns>The snapshot.</returns>
    public SimulatedTask? GetTask(long taskId)
    {
        lock (_gate)
        {
            return _tasks.TryGetValue(taskId, out var task) ? Snapshot(task) : null;
        }
    }

    /// <summary>Completes a task as its participant would in the e-Sign interface (for "already completed" scenarios).</summary>
    /// <param name="taskId">The task ID.</param>
    /// <exception cref="InvalidOperationException">The task does not exist or is already completed.</exception>
    public void CompleteTaskInUserInterface(long taskId)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(taskId, out var task) || task.Status == "Completed")
            {
                throw new InvalidOperationException("Task " + taskId.ToString(CultureInfo.InvariantCulture) + " does not exist or is already completed.");
            }

            Complete(task, null, null);
        }
    }

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost(RemoteSignPath, (RequestDelegate)(context => HandleAsync(context, AlphaTrustPermissions.RemoteSign, RemoteSign)));
        routes.MapPost(CreateTransactionsPath, (RequestDelegate)(context => HandleAsync(context, AlphaTrustPermissions.ManageTransactions, CreateTransactions)));
        routes.MapPost(CloseTransactionsPath, (RequestDelegate)(context => HandleAsync(context, AlphaTrustPermissions.ManageTransactions, CloseTransactions)));
        routes.MapPost(GetUpdateableTransactionsPath, (RequestDelegate)(context => HandleAsync(context, AlphaTrustPermissions.ManageTransactions, GetUpdateable)));
        routes.MapPost(CreateTasksPath, (RequestDelegate)(context => HandleAsync(context, AlphaTrustPermissions.ManageTransactions, CreateTasks)));
        routes.MapPost(UpdateTasksPath, (RequestDelegate)(context => HandleAsync(context, AlphaTrustPermissions.ManageTransactions, UpdateTasks)));
    }

    private async Task HandleAsync(HttpContext context, AlphaTrustPermissions needed, Func<JsonObject, JsonObject> handler)
    {
        JsonObject answer;
        int status = StatusCodes.Status200OK;
        try
        {
            CheckCredentials(context.Request);
            if ((ApiUserPermissions & needed) != needed)
            {
                throw new Failure(StatusCodes.Status403Forbidden, "Insufficient permissions: the API user is not allowed to " +
                    (needed == AlphaTrustPermissions.RemoteSign ? "remote sign tasks." : "manage transactions."));
            }

            JsonObject body;
            using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
            {
                var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
                try
                {
                    body = JsonNode.Parse(text, NodeOptions) as JsonObject ?? throw new Failure(StatusCodes.Status400BadRequest, "The request body must be a JSON object.");
                }
                catch (JsonException)
                {
                    throw new Failure(StatusCodes.Status400BadRequest, "The request body is not valid JSON.");
                }
            }

            lock (_gate)
            {
                answer = handler(body);
            }

            answer["IsSuccessful"] = true;
        }
        catch (Failure failure)
        {
            status = _settings.UseHttpErrorStatuses ? failure.Status : StatusCodes.Status200OK;
            answer = new JsonObject { ["IsSuccessful"] = false, ["Message"] = failure.Message };
        }

        var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = SimulatorHttp.JsonContentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private void CheckCredentials(HttpRequest request)
    {
        bool ok = Matches(request, _settings.ApiKeyHeader, _settings.ApiKey) &
                  Matches(request, _settings.ApiSecretHeader, _settings.ApiSecret) &
                  Matches(request, _settings.ApiUsernameHeader, _settings.ApiUsername) &
                  Matches(request, _settings.ApiPasswordHeader, _settings.ApiPassword);
        if (!ok)
        {
            throw new Failure(StatusCodes.Status401Unauthorized, "Invalid or missing API credentials.");
        }
    }

    private static bool Matches(HttpRequest request, string header, string expected)
    {
        var values = request.Headers[header];
        return values.Count == 1 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(values[0] ?? string.Empty), Encoding.UTF8.GetBytes(expected));
    }

    private JsonObject RemoteSign(JsonObject body)
    {
        var items = RequireArray(body, "Tasks");
        if (items.Count == 0)
        {
            throw new Failure(StatusCodes.Status400BadRequest, "Tasks must contain at least one task.");
        }

        var plan = new List<(TaskState Task, string Ip, byte[]? Image)>();
        var seen = new HashSet<long>();
        foreach (var item in items)
        {
            var obj = item as JsonObject ?? throw new Failure(StatusCodes.Status400BadRequest, "Each task must be an object.");
            long id = RequireLong(obj, "ID");
            var ip = obj["IpAddress"]?.GetValue<string>();
            if (string.IsNullOrEmpty(ip) || !IPAddress.TryParse(ip, out var parsed) ||
                (parsed.AddressFamily == AddressFamily.InterNetwork && ip.Split('.').Length != 4))
            {
                throw new Failure(StatusCodes.Status400BadRequest, "Task " + Id(id) + ": IpAddress is required and must be a valid IP address.");
            }

            if (!_tasks.TryGetValue(id, out var task))
            {
                throw new Failure(StatusCodes.Status404NotFound, "Task ID " + Id(id) + " doesn't exist or isn't accessible.");
            }

            if (!seen.Add(id))
            {
                throw new Failure(StatusCodes.Status400BadRequest, "Task " + Id(id) + " appears more than once.");
            }

            if (task.Status == "Completed")
            {
                throw new Failure(StatusCodes.Status409Conflict, "Task " + Id(id) + " was already completed.");
            }

            if (task.Transaction.Status != "Pending")
            {
                throw new Failure(StatusCodes.Status409Conflict, "Task " + Id(id) + " belongs to transaction " + Id(task.Transaction.Id) + ", which is " + task.Transaction.Status + ".");
            }

            var password = obj["Password"]?.GetValue<string>();
            var username = obj["Username"]?.GetValue<string>();
            plan.Add((task, ip, Authenticate(task, username, password)));
        }

        foreach (var (task, ip, image) in plan)
        {
            Complete(task, ip, image);
        }

        return new JsonObject();
    }

    private byte[]? Authenticate(TaskState task, string? username, string? password)
    {
        var participant = task.Participant;
        string id = Id(task.Id);
        switch (participant.AuthType)
        {
            case "None":
                return null;
            case "Password":
                if (string.IsNullOrEmpty(password) || !string.Equals(password, participant.AuthData, StringComparison.Ordinal))
                {
                    throw new Failure(StatusCodes.Status401Unauthorized, "Task " + id + ": password authentication failed.");
                }

                return null;
            case "PasswordHashed":
                if (string.IsNullOrEmpty(password) || !string.Equals(HashPassword(password), participant.AuthData, StringComparison.OrdinalIgnoreCase))
                {
                    throw new Failure(StatusCodes.Status401Unauthorized, "Task " + id + ": password authentication failed.");
                }

                return null;
            case "RegisteredUser":
                if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password) ||
                    !string.Equals(username, participant.AuthData, StringComparison.OrdinalIgnoreCase) ||
                    !_users.TryGetValue(username, out var user) || !string.Equals(user.Password, password, StringComparison.Ordinal))
                {
                    throw new Failure(StatusCodes.Status401Unauthorized, "Task " + id + ": registered user authentication failed.");
                }

                return task.Type is "Signature" or "Initial" ? user.SignatureImage : null;
            default:
                throw new Failure(StatusCodes.Status400BadRequest, "Task " + id + ": authentication type " + participant.AuthType + " is not supported for remote signing (only Password, PasswordHashed and RegisteredUser).");
        }
    }

    private void Complete(TaskState task, string? ip, byte[]? image)
    {
        task.Status = "Completed";
        task.CompletedFromIp = ip;
        task.CompletedAt = TimeProvider.GetUtcNow();
        task.SignatureImage = image;
        var transaction = task.Transaction;
        if (transaction.Documents.SelectMany(d => d.Tasks).All(t => t.Status == "Completed"))
        {
            transaction.Status = "Completed";
        }

        NotifyCompleted(task.Transaction.Id, task.Id, transaction.Status == "Completed");
    }

    private JsonObject CreateTransactions(JsonObject body)
    {
        var list = RequireArray(body, "Transactions");
        if (list.Count == 0)
        {
            throw new Failure(StatusCodes.Status400BadRequest, "Transactions must contain at least one transaction.");
        }

        // Validate everything first so that a failure creates nothing.
        var created = new List<TransactionState>();
        foreach (var node in list)
        {
            created.Add(BuildTransaction(node as JsonObject ?? throw new Failure(StatusCodes.Status400BadRequest, "Each transaction must be an object.")));
        }

        var result = new JsonArray();
        foreach (var transaction in created)
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
            result.Add(ToJson(transaction));
        }

        return new JsonObject { ["Transactions"] = result };
    }

    private static TransactionState BuildTransaction(JsonObject obj)
    {
        var transaction = new TransactionState
        {
            Description = obj["Description"]?.GetValue<string>(),
            IsTest = obj["IsTest"]?.GetValue<bool>() ?? false,
            ProntoId = obj["ProntoID"]?.GetValue<string>(),
        };
        var participants = RequireArray(obj, "Participants");
        var documents = RequireArray(obj, "Documents");
        if (participants.Count == 0 || documents.Count == 0)
        {
            throw new Failure(StatusCodes.Status400BadRequest, "A transaction needs at least one document, one participant and one task.");
        }

        foreach (var node in participants)
        {
            var p = node as JsonObject ?? throw new Failure(StatusCodes.Status400BadRequest, "Each participant must be an object.");
            var fullName = p["FullName"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(fullName))
            {
                throw new Failure(StatusCodes.Status400BadRequest, "Participant FullName is required.");
            }

            var auth = p["Authentication"] as JsonObject;
            var type = auth?["Type"]?.GetValue<string>() ?? "None";
            var data = auth?["Data"]?.GetValue<string>();
            if (type != "None" && string.IsNullOrEmpty(data))
            {
                throw new Failure(StatusCodes.Status400BadRequest, "Participant " + fullName + ": authentication type " + type + " needs Data.");
            }

            transaction.Participants.Add(new ParticipantState(transaction, fullName, p["EmailAddress"]?.GetValue<string>(), type, data));
        }

        foreach (var node in documents)
        {
            var d = node as JsonObject ?? throw new Failure(StatusCodes.Status400BadRequest, "Each document must be an object.");
            var title = d["Title"]?.GetValue<string>();
            var fileBytes = (d["Source"] as JsonObject)?["FileBytes"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(title) || string.IsNullOrEmpty(fileBytes))
            {
                throw new Failure(StatusCodes.Status400BadRequest, "Each document needs a Title and Source.FileBytes.");
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(fileBytes);
            }
            catch (FormatException)
            {
                throw new Failure(StatusCodes.Status400BadRequest, "Document " + title + ": Source.FileBytes is not base64.");
            }

            var document = new DocumentState(title, bytes);
            var tasks = RequireArray(d, "Tasks");
            if (tasks.Count == 0)
            {
                throw new Failure(StatusCodes.Status400BadRequest, "Document " + title + " needs at least one task.");
            }

            foreach (var taskNode in tasks)
            {
                var t = taskNode as JsonObject ?? throw new Failure(StatusCodes.Status400BadRequest, "Each task must be an object.");
                var type = RequireTaskType(t);
                var index = (int)RequireLong(t, "ParticipantIndex");
                if (index < 0 || index >= transaction.Participants.Count)
                {
                    throw new Failure(StatusCodes.Status400BadRequest, "Document " + title + ": ParticipantIndex " + index.ToString(CultureInfo.InvariantCulture) + " refers to no participant.");
                }

                document.Tasks.Add(new TaskState(transaction, document, transaction.Participants[index], type));
            }

            transaction.Documents.Add(document);
        }

        return transaction;
    }

    private JsonObject CloseTransactions(JsonObject body)
    {
        var ids = RequireIds(body);
        var closing = new List<TransactionState>();
        foreach (var id in ids)
        {
            if (!_transactions.TryGetValue(id, out var transaction))
            {
                throw new Failure(StatusCodes.Status404NotFound, "Transaction ID " + Id(id) + " doesn't exist or isn't accessible.");
            }

            if (transaction.Status == "Completed")
            {
                throw new Failure(StatusCodes.Status409Conflict, "Transaction " + Id(id) + " is Completed and cannot be closed.");
            }

            closing.Add(transaction);
        }

        foreach (var transaction in closing)
        {
            transaction.Status = "Closed";
        }

        return new JsonObject();
    }

    private JsonObject GetUpdateable(JsonObject body)
    {
        var result = new JsonArray();
        foreach (var id in RequireIds(body))
        {
            if (_transactions.TryGetValue(id, out var transaction))
            {
                result.Add(ToJson(transaction));
            }
        }

        return new JsonObject { ["Transactions"] = result };
    }

    private JsonObject CreateTasks(JsonObject body)
    {
        var items = RequireArray(body, "Tasks");
        if (items.Count == 0)
        {
            throw new Failure(StatusCodes.Status400BadRequest, "Tasks must contain at least one task.");
        }

        var plan = new List<TaskState>();
        foreach (var node in items)
        {
            var t = node as JsonObject ?? throw new Failure(StatusCodes.Status400BadRequest, "Each task must be an object.");
            var transaction = PendingTransaction(RequireLong(t, "TransactionID"));
            long documentId = RequireLong(t, "DocumentID");
            long participantId = RequireLong(t, "ParticipantID");
            var document = transaction.Documents.FirstOrDefault(d => d.Id == documentId)
                ?? throw new Failure(StatusCodes.Status404NotFound, "Document ID " + Id(documentId) + " doesn't exist in transaction " + Id(transaction.Id) + ".");
            var participant = transaction.Participants.FirstOrDefault(p => p.Id == participantId)
                ?? throw new Failure(StatusCodes.Status404NotFound, "Participant ID " + Id(participantId) + " doesn't exist in transaction " + Id(transaction.Id) + ".");
            plan.Add(new TaskState(transaction, document, participant, RequireTaskType(t)));
        }

        var result = new JsonArray();
        foreach (var task in plan)
        {
            task.Id = NextId();
            task.Document.Tasks.Add(task);
            _tasks[task.Id] = task;
            result.Add(ToJson(task));
        }

        return new JsonObject { ["Tasks"] = result };
    }

    private JsonObject UpdateTasks(JsonObject body)
    {
        var items = RequireArray(body, "Tasks");
        if (items.Count == 0)
        {
            throw new Failure(StatusCodes.Status400BadRequest, "Tasks must contain at least one task.");
        }

        var plan = new List<(TaskState Task, string? Type, ParticipantState? Participant)>();
        foreach (var node in items)
        {
            var t = node as JsonObject ?? throw new Failure(StatusCodes.Status400BadRequest, "Each task must be an object.");
            long id = RequireLong(t, "ID");
            if (!_tasks.TryGetValue(id, out var task))
            {
                throw new Failure(StatusCodes.Status404NotFound, "Task ID " + Id(id) + " doesn't exist or isn't accessible.");
            }

            PendingTransaction(task.Transaction.Id);
            if (task.Status == "Completed")
            {
                throw new Failure(StatusCodes.Status409Conflict, "Task " + Id(id) + " was already completed.");
            }

            string? type = t["Type"] is null ? null : RequireTaskType(t);
            ParticipantState? participant = null;
            if (t["ParticipantID"] is not null)
            {
                long participantId = RequireLong(t, "ParticipantID");
                participant = task.Transaction.Participants.FirstOrDefault(p => p.Id == participantId)
                    ?? throw new Failure(StatusCodes.Status404NotFound, "Participant ID " + Id(participantId) + " doesn't exist in transaction " + Id(task.Transaction.Id) + ".");
            }

            plan.Add((task, type, participant));
        }

        var result = new JsonArray();
        foreach (var (task, type, participant) in plan)
        {
            task.Type = type ?? task.Type;
            task.Participant = participant ?? task.Participant;
            result.Add(ToJson(task));
        }

        return new JsonObject { ["Tasks"] = result };
    }

    private TransactionState PendingTransaction(long id)
    {
        if (!_transactions.TryGetValue(id, out var transaction))
        {
            throw new Failure(StatusCodes.Status404NotFound, "Transaction ID " + Id(id) + " doesn't exist or isn't accessible.");
        }

        if (transaction.Status != "Pending")
        {
            throw new Failure(StatusCodes.Status409Conflict, "Transaction " + Id(id) + " is " + transaction.Status + "; tasks can only be added or updated while it is Pending.");
        }

        return transaction;
    }

    private long NextId() => ++_nextId;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static JsonArray RequireArray(JsonObject obj, string name) =>
        obj[name] as JsonArray ?? throw new Failure(StatusCodes.Status400BadRequest, name + " is required.");

    private static long RequireLong(JsonObject obj, string name)
    {
        if (obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out long number))
        {
            return number;
        }

        throw new Failure(StatusCodes.Status400BadRequest, name + " is required and must be a number.");
    }

    private static List<long> RequireIds(JsonObject body)
    {
        var ids = RequireArray(body, "IDs");
        if (ids.Count == 0)
        {
            throw new Failure(StatusCodes.Status400BadRequest, "IDs must contain at least one ID.");
        }

        return ids.Select(n => n is JsonValue v && v.TryGetValue(out long id) ? id : throw new Failure(StatusCodes.Status400BadRequest, "IDs must be numbers.")).ToList();
    }

    private static string RequireTaskType(JsonObject obj)
    {
        var type = obj["Type"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        return TaskTypes.FirstOrDefault(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase))
            ?? throw new Failure(StatusCodes.Status400BadRequest, "Task Type '" + type + "' is not one of " + string.Join(", ", TaskTypes) + ".");
    }

    private static JsonObject ToJson(TransactionState transaction) => new()
    {
        ["ID"] = transaction.Id,
        ["Status"] = transaction.Status,
        ["Description"] = transaction.Description,
        ["IsTest"] = transaction.IsTest,
        ["ProntoID"] = transaction.ProntoId,
        ["Participants"] = new JsonArray(transaction.Participants.Select(p => (JsonNode)new JsonObject
        {
            ["ID"] = p.Id,
            ["FullName"] = p.FullName,
            ["EmailAddress"] = p.EmailAddress,
            ["Authentication"] = new JsonObject { ["Type"] = p.AuthType },
        }).ToArray()),
        ["Documents"] = new JsonArray(transaction.Documents.Select(d => (JsonNode)new JsonObject
        {
            ["ID"] = d.Id,
            ["Title"] = d.Title,
            ["Tasks"] = new JsonArray(d.Tasks.Select(t => (JsonNode)ToJson(t)).ToArray()),
        }).ToArray()),
    };

    private static JsonObject ToJson(TaskState task) => new()
    {
        ["ID"] = task.Id,
        ["Type"] = task.Type,
        ["Status"] = task.Status,
        ["DocumentID"] = task.Document.Id,
        ["ParticipantID"] = task.Participant.Id,
    };

    private static SimulatedTransaction Snapshot(TransactionState t) => new(
        t.Id,
        t.Status,
        t.Description,
        t.IsTest,
        t.Participants.Select(p => new SimulatedParticipant(p.Id, p.FullName, p.EmailAddress, p.AuthType)).ToArray(),
        t.Documents.Select(d => new SimulatedDocument(d.Id, d.Title, d.FileBytes, d.Tasks.Select(Snapshot).ToArray())).ToArray());

    private static SimulatedTask Snapshot(TaskState t) =>
        new(t.Id, t.Type, t.Status, t.Document.Id, t.Participant.Id, t.CompletedFromIp, t.CompletedAt, t.SignatureImage);

    private sealed class Failure : Exception
    {
        public Failure(int status, string message)
            : base(message) => Status = status;

        public int Status { get; }
    }

    private sealed record RegisteredUser(string Password, byte[]? SignatureImage);

    private sealed class TransactionState
    {
        public long Id { get; set; }

        public string Status { get; set; } = "Pending";

        public string? Description { get; init; }

        public bool IsTest { get; init; }

        public string? ProntoId { get; init; }

        public List<ParticipantState> Participants { get; } = new();

        public List<DocumentState> Documents { get; } = new();
    }

    private sealed class ParticipantState
    {
        public ParticipantState(TransactionState transaction, string fullName, string? emailAddress, string authType, string? authData)
        {
            Transaction = transaction;
            FullName = fullName;
            EmailAddress = emailAddress;
            AuthType = authType;
            AuthData = authData;
        }

        public long Id { get; set; }

        public TransactionState Transaction { get; }

        public string FullName { get; }

        public string? EmailAddress { get; }

        public string AuthType { get; }

        public string? AuthData { get; }
    }

    private sealed class DocumentState
    {
        public DocumentState(string title, byte[] fileBytes)
        {
            Title = title;
            FileBytes = fileBytes;
        }

        public long Id { get; set; }

        public string Title { get; }

        public byte[] FileBytes { get; }

        public List<TaskState> Tasks { get; } = new();
    }

    private sealed class TaskState
    {
        public TaskState(TransactionState transaction, DocumentState document, ParticipantState participant, string type)
        {
            Transaction = transaction;
            Document = document;
            Participant = participant;
            Type = type;
        }

        public long Id { get; set; }

        public TransactionState Transaction { get; }

        public DocumentState Document { get; }

        public ParticipantState Participant { get; set; }

        public string Type { get; set; }

        public string Status { get; set; } = "Pending";

        public string? CompletedFromIp { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        public byte[]? SignatureImage { get; set; }
    }
}
