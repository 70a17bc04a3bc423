using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.AlphaTrust;

/// <summary>Endpoint metadata: the permission the API user needs for the route.</summary>
internal sealed record AlphaTrustPermissionRequired(AlphaTrustPermissions Permission);

/// <summary>The caller of an authenticated AlphaTrust request: the API user named by the four service credentials.</summary>
internal sealed record AlphaTrustApiUser(string Username);

/// <summary>
/// AlphaTrust's wire (PascalCase JSON, read case-insensitively): the four service credential headers and the API
/// user's permission on every call, the default return <c>{IsSuccessful, Message}</c> (failures on HTTP 200 unless
/// <see cref="AlphaTrustSimulatorOptions.UseHttpErrorStatuses"/>), request parsing into drafts and transaction/task JSON.
/// </summary>
internal sealed class AlphaTrustWire : ISimulatorWire<AlphaTrustApiUser>
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };
    private readonly AlphaTrustState _state;
    private readonly AlphaTrustSimulatorOptions _options;

    public AlphaTrustWire(AlphaTrustState state, AlphaTrustSimulatorOptions options)
    {
        _state = state;
        _options = options;
    }

    public ValueTask<AlphaTrustApiUser> AuthenticateAsync(HttpContext context)
    {
        var request = context.Request;
        bool ok = Matches(request, _options.ApiKeyHeader, _options.ApiKey) &
                  Matches(request, _options.ApiSecretHeader, _options.ApiSecret) &
                  Matches(request, _options.ApiUsernameHeader, _options.ApiUsername) &
                  Matches(request, _options.ApiPasswordHeader, _options.ApiPassword);
        if (!ok)
        {
            throw new SimulatorStateException(SimulatorErrorKind.Unauthenticated, "Invalid or missing API credentials.");
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<AlphaTrustPermissionRequired>() is { } required)
        {
            _state.Authorize(required.Permission);
        }

        return ValueTask.FromResult(new AlphaTrustApiUser(_options.ApiUsername));
    }

    public Task WriteErrorAsync(HttpContext context, SimulatorStateException error)
    {
        int status = !_options.UseHttpErrorStatuses ? StatusCodes.Status200OK : error.Kind switch
        {
            SimulatorErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
            SimulatorErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            SimulatorErrorKind.NotFound => StatusCodes.Status404NotFound,
            SimulatorErrorKind.IllegalTransition or SimulatorErrorKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return context.WriteJsonAsync(new JsonObject { ["IsSuccessful"] = false, ["Message"] = error.Message }, status);
    }

    /// <summary>Writes a successful default return: the answer's members and <c>IsSuccessful: true</c>.</summary>
    public static Task OkAsync(HttpContext context, JsonObject answer)
    {
        answer["IsSuccessful"] = true;
        return context.WriteJsonAsync(answer);
    }

    /// <summary>Reads the request body: a JSON object (member names case-insensitive).</summary>
    public static async Task<JsonObject> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text, NodeOptions) as JsonObject ?? throw SimulatorStateException.Invalid("The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw SimulatorStateException.Invalid("The request body is not valid JSON.");
        }
    }

    // ---- Parsing -----------------------------------------------------------------------------------------------

    /// <summary><c>{"Transactions": [...]}</c> of <c>transactions/create</c>.</summary>
    public static IReadOnlyList<AlphaTrustTransactionDraft> ParseTransactions(JsonObject body) =>
        Objects(RequireItems(body, "Transactions", "transaction"), "transaction").Select(ParseTransaction).ToArray();

    /// <summary><c>{"IDs": [...]}</c> of <c>transactions/close</c> and <c>transactions/updateable</c>.</summary>
    public static IReadOnlyList<long> ParseIds(JsonObject body)
    {
        var ids = RequireArray(body, "IDs");
        if (ids.Count == 0)
        {
            throw SimulatorStateException.Invalid("IDs must contain at least one ID.");
        }

        return ids.Select(n => n is JsonValue v && v.TryGetValue(out long id) ? id : throw SimulatorStateException.Invalid("IDs must be numbers.")).ToArray();
    }

    /// <summary><c>{"Tasks": [{TransactionID, DocumentID, ParticipantID, Type}]}</c> of <c>tasks/create</c>.</summary>
    public static IReadOnlyList<AlphaTrustNewTask> ParseNewTasks(JsonObject body) =>
        Objects(RequireItems(body, "Tasks", "task"), "task")
            .Select(t => new AlphaTrustNewTask(RequireLong(t, "TransactionID"), RequireLong(t, "DocumentID"), RequireLong(t, "ParticipantID"), RequireTaskType(t)))
            .ToArray();

    /// <summary><c>{"Tasks": [{ID, Type?, ParticipantID?}]}</c> of <c>tasks/update</c>.</summary>
    public static IReadOnlyList<AlphaTrustTaskChange> ParseTaskChanges(JsonObject body) =>
        Objects(RequireItems(body, "Tasks", "task"), "task")
            .Select(t => new AlphaTrustTaskChange(
                RequireLong(t, "ID"),
                t["Type"] is null ? null : RequireTaskType(t),
                t["ParticipantID"] is null ? null : RequireLong(t, "ParticipantID")))
            .ToArray();

    /// <summary><c>{"Tasks": [{ID, IpAddress, Password?, Username?}]}</c> of <c>tasks/remotesign</c>.</summary>
    public static IReadOnlyList<AlphaTrustRemoteSignature> ParseRemoteSignatures(JsonObject body) =>
        Objects(RequireItems(body, "Tasks", "task"), "task")
            .Select(t => new AlphaTrustRemoteSignature(RequireLong(t, "ID"), Text(t, "IpAddress"), Text(t, "Username"), Text(t, "Password")))
            .ToArray();

    // ---- Rendering ---------------------------------------------------------------------------------------------

    public static JsonObject Render(SimulatedTransaction transaction) => new()
    {
        ["ID"] = transaction.Id,
        ["Status"] = AlphaTrustState.Wire(transaction.Status),
        ["Description"] = transaction.Description,
        ["IsTest"] = transaction.IsTest,
        ["ProntoID"] = transaction.ProntoId,
        ["Data"] = transaction.Data is null ? null : new JsonObject(transaction.Data.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))),
        ["Participants"] = new JsonArray(transaction.Participants.Select(p => (JsonNode)new JsonObject
        {
            ["ID"] = p.Id,
            ["FullName"] = p.FullName,
            ["EmailAddress"] = p.EmailAddress,
            ["Authentication"] = new JsonObject { ["Type"] = p.AuthenticationType },
        }).ToArray()),
        ["Documents"] = new JsonArray(transaction.Documents.Select(d => (JsonNode)new JsonObject
        {
            ["ID"] = d.Id,
            ["Title"] = d.Title,
            ["Tasks"] = new JsonArray(d.Tasks.Select(t => (JsonNode)Render(t)).ToArray()),
        }).ToArray()),
    };

    public static JsonObject Render(SimulatedTask task) => new()
    {
        ["ID"] = task.Id,
        ["Type"] = AlphaTrustState.Wire(task.Type),
        ["Status"] = AlphaTrustState.Wire(task.Status),
        ["DocumentID"] = task.DocumentId,
        ["ParticipantID"] = task.ParticipantId,
    };

    /// <summary>The per-task outcome of a remote sign.</summary>
    public static JsonObject RenderOutcome(SimulatedTask task) => new()
    {
        ["ID"] = task.Id,
        ["IsSuccessful"] = true,
        ["Status"] = AlphaTrustState.Wire(task.Status),
    };

    public static JsonArray List<T>(IEnumerable<T> items, Func<T, JsonObject> render) => new(items.Select(i => (JsonNode)render(i)).ToArray());

    private static AlphaTrustTransactionDraft ParseTransaction(JsonObject obj) => new(
        Text(obj, "Description"),
        Flag(obj, "IsTest"),
        Text(obj, "ProntoID"),
        ParseWorkflowData(obj),
        obj["Participants"] is null ? null : Objects(RequireArray(obj, "Participants"), "participant").Select(ParseParticipant).ToArray(),
        obj["Documents"] is null ? null : Objects(RequireArray(obj, "Documents"), "document").Select(ParseDocument).ToArray());

    private static AlphaTrustParticipantDraft ParseParticipant(JsonObject p)
    {
        var fullName = Text(p, "FullName");
        if (string.IsNullOrWhiteSpace(fullName))
        {
            throw SimulatorStateException.Invalid("Participant FullName is required.");
        }

        var auth = p["Authentication"] as JsonObject;
        return new AlphaTrustParticipantDraft(
            fullName,
            Text(p, "EmailAddress"),
            (auth is null ? null : Text(auth, "Type")) ?? "None",
            auth is null ? null : Text(auth, "Data"),
            p["Signature"] is JsonObject signature ? Text(signature, "ApplicationType") : null);
    }

    private static AlphaTrustDocumentDraft ParseDocument(JsonObject d)
    {
        var title = Text(d, "Title");
        var fileBytes = d["Source"] is JsonObject source ? Text(source, "FileBytes") : null;
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrEmpty(fileBytes))
        {
            throw SimulatorStateException.Invalid("Each document needs a Title and Source.FileBytes.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(fileBytes);
        }
        catch (FormatException)
        {
            throw SimulatorStateException.Invalid("Document " + title + ": Source.FileBytes is not base64.");
        }

        var tasks = Objects(RequireArray(d, "Tasks"), "task").Select(t => (RequireTaskType(t), (int)RequireLong(t, "ParticipantIndex"))).ToArray();
        return new AlphaTrustDocumentDraft(title, bytes, tasks);
    }

    /// <summary>The data injected into a Control Panel workflow: a JSON object of strings under <c>Data</c>.</summary>
    private static Dictionary<string, string>? ParseWorkflowData(JsonObject obj)
    {
        if (obj["Data"] is null)
        {
            return null;
        }

        if (obj["Data"] is not JsonObject data)
        {
            throw SimulatorStateException.Invalid("Data must be an object of strings.");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in data)
        {
            result[pair.Key] = pair.Value is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? value.GetValue<string>()
                : throw SimulatorStateException.Invalid("Data." + pair.Key + " must be a string.");
        }

        return result;
    }

    private static bool Matches(HttpRequest request, string header, string expected)
    {
        var values = request.Headers[header];
        return values.Count == 1 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(values[0] ?? string.Empty), Encoding.UTF8.GetBytes(expected));
    }

    private static JsonArray RequireArray(JsonObject obj, string name) =>
        obj[name] as JsonArray ?? throw SimulatorStateException.Invalid(name + " is required.");

    /// <summary>A required, non-empty list (<c>"Tasks must contain at least one task."</c>).</summary>
    private static JsonArray RequireItems(JsonObject obj, string name, string item)
    {
        var items = RequireArray(obj, name);
        return items.Count > 0 ? items : throw SimulatorStateException.Invalid(name + " must contain at least one " + item + ".");
    }

    private static IEnumerable<JsonObject> Objects(JsonArray items, string item) =>
        items.Select(node => node as JsonObject ?? throw SimulatorStateException.Invalid("Each " + item + " must be an object."));

    private static long RequireLong(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out long number)
            ? number
            : throw SimulatorStateException.Invalid(name + " is required and must be a number.");

    private static AlphaTrustTaskType RequireTaskType(JsonObject obj)
    {
        var type = Text(obj, "Type");
        return Enum.TryParse<AlphaTrustTaskType>(type, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(type, out _)
            ? parsed
            : throw SimulatorStateException.Invalid("Task Type '" + type + "' is not one of " + string.Join(", ", Enum.GetNames<AlphaTrustTaskType>()) + ".");
    }

    /// <summary>A boolean member, <see langword="false"/> when absent.</summary>
    private static bool Flag(JsonObject obj, string name) => obj[name] switch
    {
        null => false,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw SimulatorStateException.Invalid(name + " must be a boolean."),
    };

    /// <summary>A string member, or <see langword="null"/> when absent or null; any other JSON kind is refused.</summary>
    private static string? Text(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw SimulatorStateException.Invalid(name + " must be a string."),
    };
}
