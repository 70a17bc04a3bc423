using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using SigningClients.Core.Security;
using SigningClients.Core.Validation;

namespace AlphaTrust.Tasks.Serialization;

/// <summary>
/// Renders a <see cref="TransactionCreate"/> as the <c>transactions/create</c> body, refusing before anything is sent
/// what the documentation forbids: "When you create a new Transaction, you are required to include at least one
/// Document, one Participant, and one Task per Document/Participant" — unless a Control Panel workflow (ProntoID)
/// brings its own; a registered signature image needs a registered user; every document is a PDF.
/// </summary>
internal static class TransactionCreateWriter
{
    /// <summary>Checks the transaction and renders it; participant secrets are added to <paramref name="redactor"/>.</summary>
    /// <param name="transaction">The caller's transaction; document streams are read to their end.</param>
    /// <param name="wireNames">The configured names of the undocumented members.</param>
    /// <param name="redactor">The client's redactor.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The request body.</returns>
    /// <exception cref="ArgumentException">A documented rule is broken (the parameter is <c>transaction</c>).</exception>
    public static async Task<TransactionCreateRequestModel> WriteAsync(TransactionCreate transaction, AlphaTrustWireNames wireNames, SecretRedactor redactor, CancellationToken cancellationToken)
    {
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
            model.Extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [wireNames.WorkflowData] = WorkflowDataElement(data) };
        }

        foreach (var participant in participants)
        {
            (model.Participants ??= new List<ParticipantInsertModel>()).Add(Participant(participant, wireNames, redactor, nameof(transaction)));
        }

        // Validate every document (and check that it is a PDF) before any request is sent.
        foreach (var document in documents)
        {
            CheckDocument(document, fromWorkflow, participants.Count, nameof(transaction));
        }

        var contents = new List<Stream>(documents.Count);
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
        return body;
    }

    private static ParticipantInsertModel Participant(ParticipantInsert participant, AlphaTrustWireNames wireNames, SecretRedactor redactor, string paramName)
    {
        if (participant is null || string.IsNullOrWhiteSpace(participant.FullName))
        {
            throw new ArgumentException("Every participant needs a full name.", paramName);
        }

        var auth = participant.Authentication ?? ParticipantAuthentication.None;
        if (participant.SignatureApplicationType is { } applicationType)
        {
            if (applicationType.Value is null)
            {
                throw new ArgumentException("Participant '" + participant.FullName + "' has an empty SignatureApplicationType.", paramName);
            }

            // "If the registered user has a signature image stored in their profile AND the Participant Signature's
            // ApplicationType is set to Registered THEN their stored signature image will be applied."
            if (applicationType == SignatureApplicationType.Registered && auth.Type != ParticipantAuthenticationType.RegisteredUser)
            {
                throw new ArgumentException(
                    "Participant '" + participant.FullName + "' uses SignatureApplicationType.Registered, which applies a registered user's stored signature image: it needs ParticipantAuthentication.RegisteredUser.",
                    paramName);
            }
        }

        if (auth.Type != ParticipantAuthenticationType.RegisteredUser)
        {
            redactor.AddSecret(auth.Data);
        }

        var model = new ParticipantInsertModel
        {
            FullName = participant.FullName,
            EmailAddress = participant.EmailAddress,
            SendRequestViaEmail = participant.SendRequestViaEmail,
            Authentication = new AuthenticationModel { Type = auth.Type, Data = auth.Data },
        };
        if (participant.SignatureApplicationType is { } type)
        {
            model.Extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            {
                [wireNames.ParticipantSignature] = ObjectElement(new[] { new KeyValuePair<string, string>(wireNames.SignatureApplicationType, type.Value!) }),
            };
        }

        return model;
    }

    private static void CheckDocument(DocumentInsert document, bool fromWorkflow, int participantCount, string paramName)
    {
        if (document is null || string.IsNullOrWhiteSpace(document.Title))
        {
            throw new ArgumentException("Every document needs a title.", paramName);
        }

        if (document.Content is not { CanRead: true })
        {
            throw new ArgumentException("Document '" + document.Title + "' needs a readable content stream.", paramName);
        }

        var tasks = document.Tasks ?? Array.Empty<TaskInsert>();
        if (!fromWorkflow && tasks.Count == 0)
        {
            throw new ArgumentException("Document '" + document.Title + "' needs at least one task.", paramName);
        }

        foreach (var task in tasks)
        {
            if (task is null || task.ParticipantIndex < 0 || task.ParticipantIndex >= participantCount)
            {
                throw new ArgumentException("A task of document '" + document.Title + "' refers to no participant (ParticipantIndex out of range).", paramName);
            }
        }
    }

    private static JsonElement WorkflowDataElement(IDictionary<string, string> data)
    {
        foreach (var entry in data)
        {
            if (string.IsNullOrWhiteSpace(entry.Key))
            {
                throw new ArgumentException("WorkflowData has an empty field name.", nameof(data));
            }
        }

        return ObjectElement(data);
    }

    /// <summary>A JSON object of string members, as an element to put among a model's extension data.</summary>
    private static JsonElement ObjectElement(IEnumerable<KeyValuePair<string, string>> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var member in members)
            {
                writer.WriteString(member.Key, member.Value);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
