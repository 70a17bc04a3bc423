using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks.Serialization;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Core.Authentication;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Security;
using SigningClients.Core.Validation;

namespace AlphaTrust.Tasks;

/// <summary>
/// The AlphaTrust e-Sign REST client (see <see cref="IAlphaTrustClient"/>). Thread-safe; create one per
/// installation and credential set and reuse it.
/// </summary>
public sealed class AlphaTrustClient : IAlphaTrustClient, IDisposable
{
    /// <summary>The provider name used in logs, traces and errors.</summary>
    public const string ProviderName = "AlphaTrust";

    private static readonly JsonTypeInfo<DefaultReturnModel> DefaultReturnInfo = AlphaTrustJsonContext.Default.DefaultReturnModel;

    private readonly SigningPipeline _pipeline;
    private readonly AlphaTrustPaths _paths;
    private readonly int _maxBatch;
    private readonly AlphaTrustWireNames _wireNames;
    private readonly HttpClientOwner? _httpClientOwner;

    /// <summary>Creates a client for direct (non-DI) use.</summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="httpClient">The HTTP client to use; a private one is created (and disposed with this client) when omitted.</param>
    /// <param name="loggerFactory">The logger factory, if any.</param>
    /// <param name="timeProvider">The clock, the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public AlphaTrustClient(AlphaTrustClientOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, httpClient is null ? null : () => httpClient, loggerFactory, timeProvider, ownsClient: httpClient is null)
    {
    }

    /// <summary>Creates a client that asks <paramref name="httpClientProvider"/> for its HTTP client (used with <c>IHttpClientFactory</c>).</summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="httpClientProvider">Returns the HTTP client for an attempt.</param>
    /// <param name="loggerFactory">The logger factory, if any.</param>
    /// <param name="timeProvider">The clock, the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public AlphaTrustClient(AlphaTrustClientOptions options, Func<HttpClient> httpClientProvider, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, httpClientProvider ?? throw new ArgumentNullException(nameof(httpClientProvider)), loggerFactory, timeProvider, ownsClient: false)
    {
    }

    private AlphaTrustClient(AlphaTrustClientOptions options, Func<HttpClient>? httpClientProvider, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, bool ownsClient)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        var headers = options.CredentialHeaders;
        var redactor = SecretRedactor.ForCredentials();
        var authentication = new StaticHeadersAuthenticationPolicy(
            new[]
            {
                new KeyValuePair<string, string>(headers.ApiKey, options.ApiKey!),
                new KeyValuePair<string, string>(headers.ApiSecret, options.ApiSecret!),
                new KeyValuePair<string, string>(headers.ApiUsername, options.ApiUsername!),
                new KeyValuePair<string, string>(headers.ApiPassword, options.ApiPassword!),
            },
            redactor);
        var pipelineOptions = SigningPipelineOptions.ForClient(ProviderName, options, new AlphaTrustErrorParser(), redactor, loggerFactory, timeProvider, authentication);

        _paths = new AlphaTrustPaths
        {
            RemoteSign = options.Paths.RemoteSign,
            CreateTransactions = options.Paths.CreateTransactions,
            CloseTransactions = options.Paths.CloseTransactions,
            GetUpdateableTransactions = options.Paths.GetUpdateableTransactions,
            CreateTasks = options.Paths.CreateTasks,
            UpdateTasks = options.Paths.UpdateTasks,
        };
        _maxBatch = options.MaxRemoteSignBatchSize;
        _wireNames = new AlphaTrustWireNames
        {
            ParticipantSignature = options.WireNames.ParticipantSignature,
            SignatureApplicationType = options.WireNames.SignatureApplicationType,
            WorkflowData = options.WireNames.WorkflowData,
            RemoteSignTaskResults = options.WireNames.RemoteSignTaskResults,
        };
        if (ownsClient)
        {
            _httpClientOwner = new HttpClientOwner(null);
            httpClientProvider = _httpClientOwner.Provider;
        }

        _pipeline = new SigningPipeline(httpClientProvider!, pipelineOptions);
    }

    /// <inheritdoc />
    public Task<RemoteSignResult> RemoteSignAsync(RemoteSignTask task, CancellationToken cancellationToken = default)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        return RemoteSignAsync(new[] { task }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RemoteSignResult> RemoteSignAsync(IEnumerable<RemoteSignTask> tasks, CancellationToken cancellationToken = default)
    {
        if (tasks is null)
        {
            throw new ArgumentNullException(nameof(tasks));
        }

        var body = new TaskRemoteSignRequestModel();
        var ids = new List<long>();
        var seen = new HashSet<long>();
        int index = 0;
        foreach (var task in tasks)
        {
            if (task is null)
            {
                throw new ArgumentException("tasks[" + index.ToString(CultureInfo.InvariantCulture) + "] is null.", nameof(tasks));
            }

            ValidateIpAddress(task.IpAddress, index, nameof(tasks));
            if (!seen.Add(task.TaskId))
            {
                throw new ArgumentException("Task " + task.TaskId.ToString(CultureInfo.InvariantCulture) + " appears more than once in the batch.", nameof(tasks));
            }

            var auth = task.Authentication ?? TaskAuthentication.None;
            _pipeline.Redactor.AddSecret(auth.WirePassword);
            body.Tasks.Add(new TaskRemoteSignModel
            {
                Id = task.TaskId,
                IpAddress = task.IpAddress,
                Password = auth.WirePassword,
                Username = auth.WireUsername,
            });
            ids.Add(task.TaskId);
            index++;
        }

        if (body.Tasks.Count == 0)
        {
            throw new ArgumentException("At least one task is required for a remote sign.", nameof(tasks));
        }

        if (body.Tasks.Count > _maxBatch)
        {
            throw new ArgumentException(
                "A remote-sign batch holds at most " + _maxBatch.ToString(CultureInfo.InvariantCulture) + " tasks (MaxRemoteSignBatchSize); this one has " +
                body.Tasks.Count.ToString(CultureInfo.InvariantCulture) + ". Split it into several calls, keeping each batch within one transaction, as AlphaTrust advises to avoid request timeouts.",
                nameof(tasks));
        }

        var request = new SigningRequest(HttpMethod.Post, _paths.RemoteSign, "RemoteSign", Idempotency.NotIdempotent)
        {
            Content = RequestContent.Json(body, AlphaTrustJsonContext.Default.TaskRemoteSignRequestModel),
        };
        var answer = await SendAsync(request, DefaultReturnInfo, cancellationToken).ConfigureAwait(false);
        return CreateRemoteSignResult(ids.AsReadOnly(), answer);
    }

    /// <inheritdoc />
    public async Task<Transaction> CreateTransactionAsync(TransactionCreate transaction, CancellationToken cancellationToken = default)
    {
        if (transaction is null)
        {
            throw new ArgumentNullException(nameof(transaction));
        }

        // A Control Panel workflow (ProntoID) brings its own documents, participants and tasks.
        bool fromWorkflow = !string.IsNullOrWhiteSpace(transaction.ProntoId);
        var participants = transaction.Participants ?? Array.Empty<ParticipantInsert>();
        var documents = transaction.Documents ?? Array.Empty<DocumentInsert>();
        if (!fromWorkflow && participants.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one participant (unless it launches a Control Panel workflow by ProntoId).", nameof(transaction));
        }

        if (!fromWorkflow && documents.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one document (unless it launches a Control Panel workflow by ProntoId).", nameof(transaction));
        }

        if (transaction.WorkflowData is { Count: > 0 } && !fromWorkflow)
        {
            throw new ArgumentException("WorkflowData is injected into a Control Panel workflow: set ProntoId to the workflow's ID.", nameof(transaction));
        }

        var model = new TransactionCreateModel
        {
            IsTest = transaction.IsTest,
            Description = transaction.Description,
            ProntoId = fromWorkflow ? transaction.ProntoId : null,
        };
        if (transaction.WorkflowData is { Count: > 0 } data)
        {
            model.Extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [_wireNames.WorkflowData] = WorkflowDataElement(data) };
        }

        foreach (var participant in participants)
        {
            if (participant is null || string.IsNullOrWhiteSpace(participant.FullName))
            {
                throw new ArgumentException("Every participant needs a full name.", nameof(transaction));
            }

            var auth = participant.Authentication ?? ParticipantAuthentication.None;
            if (participant.SignatureApplicationType is { } applicationType)
            {
                if (applicationType.Value is null)
                {
                    throw new ArgumentException("Participant '" + participant.FullName + "' has an empty SignatureApplicationType.", nameof(transaction));
                }

                if (applicationType == SignatureApplicationType.Registered && auth.Type != ParticipantAuthenticationType.RegisteredUser)
                {
                    throw new ArgumentException(
                        "Participant '" + participant.FullName + "' uses SignatureApplicationType.Registered, which applies a registered user's stored signature image: it needs ParticipantAuthentication.RegisteredUser.",
                        nameof(transaction));
                }
            }

            if (auth.Type != ParticipantAuthenticationType.RegisteredUser)
            {
                _pipeline.Redactor.AddSecret(auth.Data);
            }

            var participantModel = new ParticipantInsertModel
            {
                FullName = participant.FullName,
                EmailAddress = participant.EmailAddress,
                SendRequestViaEmail = participant.SendRequestViaEmail,
                Authentication = new AuthenticationModel { Type = auth.Type, Data = auth.Data },
            };
            if (participant.SignatureApplicationType is { } type)
            {
                participantModel.Extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
                {
                    [_wireNames.ParticipantSignature] = SignatureElement(_wireNames.SignatureApplicationType, type.Value!),
                };
            }

            (model.Participants ??= new List<ParticipantInsertModel>()).Add(participantModel);
        }

        // Validate every document (and check that it is a PDF) before any request is sent.
        var contents = new List<Stream>(documents.Count);
        foreach (var document in documents)
        {
            if (document is null || string.IsNullOrWhiteSpace(document.Title))
            {
                throw new ArgumentException("Every document needs a title.", nameof(transaction));
            }

            if (document.Content is not { CanRead: true })
            {
                throw new ArgumentException("Document '" + document.Title + "' needs a readable content stream.", nameof(transaction));
            }

            var tasks = document.Tasks ?? Array.Empty<TaskInsert>();
            if (!fromWorkflow && tasks.Count == 0)
            {
                throw new ArgumentException("Document '" + document.Title + "' needs at least one task.", nameof(transaction));
            }

            foreach (var task in tasks)
            {
                if (task is null || task.ParticipantIndex < 0 || task.ParticipantIndex >= participants.Count)
                {
                    throw new ArgumentException("A task of document '" + document.Title + "' refers to no participant (ParticipantIndex out of range).", nameof(transaction));
                }
            }
        }

        foreach (var document in documents)
        {
            contents.Add(await PdfContent.EnsurePdfAsync(document.Content, nameof(transaction), cancellationToken).ConfigureAwait(false));
        }

        for (int i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var documentModel = new DocumentInsertModel
            {
                Title = document.Title,
                Source = new DocumentSourceModel { FileBytes = await ReadAllAsync(contents[i], cancellationToken).ConfigureAwait(false) },
            };
            foreach (var task in document.Tasks ?? Array.Empty<TaskInsert>())
            {
                documentModel.Tasks.Add(new TaskInsertModel { Type = task.Type, ParticipantIndex = task.ParticipantIndex });
            }

            (model.Documents ??= new List<DocumentInsertModel>()).Add(documentModel);
        }

        var body = new TransactionCreateRequestModel { EnableLogging = false };
        body.Transactions.Add(model);
        var request = new SigningRequest(HttpMethod.Post, _paths.CreateTransactions, "CreateTransaction", Idempotency.NotIdempotent)
        {
            Content = RequestContent.Json(body, AlphaTrustJsonContext.Default.TransactionCreateRequestModel),
        };
        var answer = await SendAsync(request, AlphaTrustJsonContext.Default.TransactionsReturnModel, cancellationToken).ConfigureAwait(false);
        if (answer.Transactions is not { Count: > 0 })
        {
            throw _pipeline.CreateException(request, null, SigningFailureKind.InvalidResponse, null, "The service reported success but returned no transaction.");
        }

        return answer.Transactions[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TransactionTask>> AddTasksAsync(long transactionId, IEnumerable<TaskCreate> tasks, CancellationToken cancellationToken = default)
    {
        if (tasks is null)
        {
            throw new ArgumentNullException(nameof(tasks));
        }

        var body = new TaskCreateRequestModel();
        foreach (var task in tasks)
        {
            if (task is null)
            {
                throw new ArgumentException("A task is null.", nameof(tasks));
            }

            body.Tasks.Add(new TaskCreateModel { TransactionId = transactionId, DocumentId = task.DocumentId, ParticipantId = task.ParticipantId, Type = task.Type });
        }

        if (body.Tasks.Count == 0)
        {
            throw new ArgumentException("At least one task is required.", nameof(tasks));
        }

        var request = new SigningRequest(HttpMethod.Post, _paths.CreateTasks, "AddTasks", Idempotency.NotIdempotent)
        {
            Content = RequestContent.Json(body, AlphaTrustJsonContext.Default.TaskCreateRequestModel),
        };
        var answer = await SendAsync(request, AlphaTrustJsonContext.Default.TasksReturnModel, cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<TransactionTask>?)answer.Tasks ?? Array.Empty<TransactionTask>();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TransactionTask>> UpdateTasksAsync(IEnumerable<TaskUpdate> tasks, CancellationToken cancellationToken = default)
    {
        if (tasks is null)
        {
            throw new ArgumentNullException(nameof(tasks));
        }

        var body = new TaskUpdateRequestModel();
        foreach (var task in tasks)
        {
            if (task is null)
            {
                throw new ArgumentException("A task update is null.", nameof(tasks));
            }

            if (task.Type is null && task.ParticipantId is null)
            {
                throw new ArgumentException("The update of task " + task.TaskId.ToString(CultureInfo.InvariantCulture) + " changes nothing.", nameof(tasks));
            }

            body.Tasks.Add(new TaskUpdateModel { Id = task.TaskId, Type = task.Type, ParticipantId = task.ParticipantId });
        }

        if (body.Tasks.Count == 0)
        {
            throw new ArgumentException("At least one task update is required.", nameof(tasks));
        }

        var request = new SigningRequest(HttpMethod.Post, _paths.UpdateTasks, "UpdateTasks", Idempotency.Idempotent)
        {
            Content = RequestContent.Json(body, AlphaTrustJsonContext.Default.TaskUpdateRequestModel),
        };
        var answer = await SendAsync(request, AlphaTrustJsonContext.Default.TasksReturnModel, cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<TransactionTask>?)answer.Tasks ?? Array.Empty<TransactionTask>();
    }

    /// <inheritdoc />
    public async Task CloseTransactionsAsync(IEnumerable<long> transactionIds, CancellationToken cancellationToken = default)
    {
        var request = new SigningRequest(HttpMethod.Post, _paths.CloseTransactions, "CloseTransactions", Idempotency.Idempotent)
        {
            Content = RequestContent.Json(IdsBody(transactionIds), AlphaTrustJsonContext.Default.TransactionIdsRequestModel),
        };
        await SendAsync(request, DefaultReturnInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Transaction>> GetUpdateableTransactionsAsync(IEnumerable<long> transactionIds, CancellationToken cancellationToken = default)
    {
        var request = new SigningRequest(HttpMethod.Post, _paths.GetUpdateableTransactions, "GetUpdateableTransactions", Idempotency.Safe)
        {
            Content = RequestContent.Json(IdsBody(transactionIds), AlphaTrustJsonContext.Default.TransactionIdsRequestModel),
        };
        var answer = await SendAsync(request, AlphaTrustJsonContext.Default.TransactionsReturnModel, cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<Transaction>?)answer.Transactions ?? Array.Empty<Transaction>();
    }

    /// <inheritdoc />
    public async Task<Transaction?> GetTransactionAsync(long transactionId, CancellationToken cancellationToken = default)
    {
        var transactions = await GetUpdateableTransactionsAsync(new[] { transactionId }, cancellationToken).ConfigureAwait(false);
        foreach (var transaction in transactions)
        {
            if (transaction.Id == transactionId)
            {
                return transaction;
            }
        }

        return null;
    }

    /// <summary>Disposes the HTTP client this instance created, if any.</summary>
    public void Dispose() => _httpClientOwner?.Dispose();

    /// <summary>
    /// Validates a client IP address for the audit trail: an IPv6 address, or an IPv4 address in dotted-decimal form
    /// with four parts (0–255). Shorthand forms that <see cref="IPAddress.TryParse(string, out IPAddress)"/> also
    /// accepts ("10.1", "0x7f.1") are rejected because they would put a misleading address in the audit trail.
    /// </summary>
    /// <param name="ipAddress">The address.</param>
    /// <returns>Whether it is acceptable.</returns>
    public static bool IsValidIpAddress(string? ipAddress)
    {
        if (string.IsNullOrEmpty(ipAddress) || ipAddress!.Trim().Length != ipAddress.Length ||
            !IPAddress.TryParse(ipAddress, out var address))
        {
            return false;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        var parts = ipAddress.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0 || part.Length > 3 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > 255)
            {
                return false;
            }
        }

        return true;
    }

    private static void ValidateIpAddress(string? ipAddress, int index, string paramName)
    {
        if (!IsValidIpAddress(ipAddress))
        {
            throw new ArgumentException(
                "tasks[" + index.ToString(CultureInfo.InvariantCulture) + "].IpAddress '" + ipAddress + "' is not a valid IPv4 or IPv6 address; the client IP is required for the audit trail (note: 123.45.67.890, the documentation's example, is not a valid address).",
                paramName);
        }
    }

    private RemoteSignResult CreateRemoteSignResult(IReadOnlyList<long> requestedTaskIds, DefaultReturnModel answer)
    {
        Dictionary<string, JsonElement>? rest = answer.AdditionalProperties;
        IReadOnlyList<RemoteSignTaskOutcome> outcomes = Array.Empty<RemoteSignTaskOutcome>();
        if (rest is not null)
        {
            foreach (var member in rest)
            {
                if (!string.Equals(member.Key, _wireNames.RemoteSignTaskResults, StringComparison.OrdinalIgnoreCase) || member.Value.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                try
                {
                    var parsed = member.Value.Deserialize(AlphaTrustJsonContext.Default.ListRemoteSignTaskOutcome);
                    if (parsed is not null && !parsed.Contains(null!))
                    {
                        outcomes = parsed.AsReadOnly();
                        rest = new Dictionary<string, JsonElement>(rest, StringComparer.Ordinal);
                        rest.Remove(member.Key);
                    }
                }
                catch (JsonException)
                {
                    // An unexpected shape stays in AdditionalProperties, unchanged; nothing the server sends throws here.
                }

                break;
            }
        }

        return new RemoteSignResult(requestedTaskIds, answer.Message, outcomes, rest is { Count: > 0 } ? rest : null);
    }

    private static JsonElement WorkflowDataElement(IDictionary<string, string> data)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var entry in data)
            {
                if (string.IsNullOrWhiteSpace(entry.Key))
                {
                    throw new ArgumentException("WorkflowData has an empty field name.", nameof(data));
                }

                writer.WriteString(entry.Key, entry.Value);
            }

            writer.WriteEndObject();
        }

        return ParseElement(buffer);
    }

    private static JsonElement SignatureElement(string memberName, string value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(memberName, value);
            writer.WriteEndObject();
        }

        return ParseElement(buffer);
    }

    private static JsonElement ParseElement(MemoryStream buffer)
    {
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static TransactionIdsRequestModel IdsBody(IEnumerable<long> transactionIds)
    {
        if (transactionIds is null)
        {
            throw new ArgumentNullException(nameof(transactionIds));
        }

        var body = new TransactionIdsRequestModel();
        body.Ids.AddRange(transactionIds);
        if (body.Ids.Count == 0)
        {
            throw new ArgumentException("At least one transaction ID is required.", nameof(transactionIds));
        }

        return body;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }


    private Task<T> SendAsync<T>(SigningRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : DefaultReturnModel =>
        _pipeline.SendAsync(request, async (response, ct) =>
        {
            var answer = await response.ReadJsonAsync(typeInfo, ct).ConfigureAwait(false);
            if (answer.IsSuccessful == true)
            {
                return answer;
            }

            if (answer.IsSuccessful == false)
            {
                throw _pipeline.CreateException(request, response, SigningFailureKind.ProviderError, null,
                    string.IsNullOrEmpty(answer.Message) ? "The service reported IsSuccessful = false without a message." : answer.Message);
            }

            throw _pipeline.CreateException(request, response, SigningFailureKind.InvalidResponse, null, "The answer has no IsSuccessful member.");
        }, cancellationToken);
}
