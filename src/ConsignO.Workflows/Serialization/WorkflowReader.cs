using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ConsignO.Workflows.Models;
using SigningClients.Core.Serialization;
using J = SigningClients.Core.Serialization.JsonModelReader;

namespace ConsignO.Workflows.Serialization;

/// <summary>
/// Reads ConsignO's workflow answer (<c>{msg, parameters, response}</c> around a <see cref="Workflow"/>) straight from
/// the <see cref="Utf8JsonReader"/>, one method per model, with the rules of the generated metadata of
/// <see cref="ConsignOJsonContext"/>: names matched ignoring case (<c>PropertyNameCaseInsensitive</c>), unknown
/// members kept in <c>AdditionalProperties</c> (skipped in the envelope, which has none), numbers only from number
/// tokens except a zone's <c>page</c> (also from a string), dates by <see cref="TolerantDateTimeOffsetConverter"/>,
/// enums by their own converters (unknown values kept), references by <see cref="StringOrNumberJsonConverter"/>.
/// </summary>
/// <remarks>
/// A workflow answer is the call every status poll makes. Read this way it needs no separate pass over the body for
/// repeated member names (the reader refuses them itself: <see cref="IRefusesRepeatedMemberNames"/>, see
/// <see cref="JsonModelReader"/>), and none of the serializer's per-member machinery. Writing uses the generated
/// metadata. The reader tests read every member and the edge cases both ways and compare.
/// </remarks>
internal static class WorkflowReader
{
    private const JsonNumberHandling Strict = JsonNumberHandling.Strict;
    private const JsonNumberHandling FromString = JsonNumberHandling.AllowReadingFromString;

    private static readonly ConsignOJsonContext Context = ConsignOJsonContext.Default;
    private static readonly WorkflowStatus.Converter WorkflowStatuses = new();
    private static readonly ActionStatus.Converter ActionStatuses = new();
    private static readonly SigningMode.Converter SigningModes = new();
    private static readonly SignerType.Converter SignerTypes = new();
    private static readonly SignerLanguage.Converter SignerLanguages = new();
    private static readonly AuthenticationMethod.Converter AuthenticationMethods = new();
    private static readonly StringOrNumberJsonConverter References = new();

    private static readonly JsonValueReader<WorkflowDocument?> DocumentItem = ReadDocument;
    private static readonly JsonValueReader<WorkflowField?> FieldItem = ReadField;
    private static readonly JsonValueReader<WorkflowAction?> ActionItem = ReadAction;
    private static readonly JsonValueReader<WorkflowWebhook?> WebhookItem = ReadWebhook;
    private static readonly JsonValueReader<string?> StringItem = J.ReadString;
    private static readonly JsonValueReader<AuthenticationMethod> AuthenticationMethodItem = (ref Utf8JsonReader reader) => J.NonNull(J.ReadConverted(ref reader, AuthenticationMethods));

    /// <summary>Metadata for the workflow answer whose reads go through this reader (writes through the generated metadata).</summary>
    public static JsonTypeInfo<ConsignOEnvelope<Workflow>> Envelope { get; } =
        JsonMetadataServices.CreateValueInfo<ConsignOEnvelope<Workflow>>(Context.Options, new EnvelopeConverter());

    /// <summary>Reads the answer; the reader is on its first token.</summary>
    public static ConsignOEnvelope<Workflow>? ReadEnvelope(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new ConsignOEnvelope<Workflow>(), EnvelopeMembers, null);

    private static bool EnvelopeMembers(ConsignOEnvelope<Workflow> value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 3 when J.NameIs(name, "msg"u8): value.Msg = J.ReadString(ref reader); return true;
            case 8 when J.NameIs(name, "response"u8): value.Response = ReadWorkflow(ref reader); return true;
            case 10 when J.NameIs(name, "parameters"u8): value.Parameters = J.ReadElement(ref reader); return true;
        }

        return false;
    }

    /// <summary>Reads one workflow; the reader is on the value's first token.</summary>
    public static Workflow? ReadWorkflow(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new Workflow(), WorkflowMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool WorkflowMembers(Workflow value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 2 when J.NameIs(name, "id"u8): value.Id = J.ReadString(ref reader)!; return true;
            case 4 when J.NameIs(name, "name"u8): value.Name = J.ReadString(ref reader); return true;
            case 6 when J.NameIs(name, "status"u8): value.Status = WorkflowStatuses.Read(ref reader, typeof(WorkflowStatus), Context.Options); return true;
            case 7 when J.NameIs(name, "actions"u8): value.Actions = J.ReadList(ref reader, ActionItem); return true;
            case 7 when J.NameIs(name, "editUrl"u8): value.EditUrl = J.ReadUri(ref reader); return true;
            case 8 when J.NameIs(name, "webhooks"u8): value.Webhooks = J.ReadList(ref reader, WebhookItem); return true;
            case 9 when J.NameIs(name, "documents"u8): value.Documents = J.ReadList(ref reader, DocumentItem); return true;
            case 9 when J.NameIs(name, "createdOn"u8): value.CreatedOn = J.ReadDate(ref reader); return true;
            case 9 when J.NameIs(name, "expiresOn"u8): value.ExpiresOn = J.ReadDate(ref reader); return true;
            case 10 when J.NameIs(name, "statusDate"u8): value.StatusDate = J.ReadDate(ref reader); return true;
            case 12 when J.NameIs(name, "totalActions"u8): value.TotalActions = J.ReadInt32(ref reader, Strict); return true;
            case 16 when J.NameIs(name, "remainingActions"u8): value.RemainingActions = J.ReadInt32(ref reader, Strict); return true;
            case 20 when J.NameIs(name, "auditTrailDocumentId"u8): value.AuditTrailDocumentId = J.ReadString(ref reader); return true;
            case 26 when J.NameIs(name, "workflowOwnerEmailsEnabled"u8): value.WorkflowOwnerEmailsEnabled = J.ReadBoolean(ref reader); return true;
        }

        return false;
    }

    private static WorkflowDocument? ReadDocument(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new WorkflowDocument(), DocumentMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool DocumentMembers(WorkflowDocument value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 4 when J.NameIs(name, "name"u8): value.Name = J.ReadString(ref reader); return true;
            case 6 when J.NameIs(name, "fields"u8): value.Fields = J.ReadList(ref reader, FieldItem); return true;
            case 10 when J.NameIs(name, "documentId"u8): value.DocumentId = J.ReadString(ref reader); return true;
            case 18 when J.NameIs(name, "originalDocumentId"u8): value.OriginalDocumentId = J.ReadString(ref reader); return true;
        }

        return false;
    }

    private static WorkflowField? ReadField(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new WorkflowField(), FieldMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool FieldMembers(WorkflowField value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 1 when J.NameIs(name, "x"u8): value.X = J.NonNull(J.ReadDouble(ref reader, Strict)); return true;
            case 1 when J.NameIs(name, "y"u8): value.Y = J.NonNull(J.ReadDouble(ref reader, Strict)); return true;
            case 4 when J.NameIs(name, "page"u8): value.Page = J.ReadInt32(ref reader, FromString); return true;
            case 5 when J.NameIs(name, "width"u8): value.Width = J.NonNull(J.ReadDouble(ref reader, Strict)); return true;
            case 6 when J.NameIs(name, "height"u8): value.Height = J.NonNull(J.ReadDouble(ref reader, Strict)); return true;
            case 6 when J.NameIs(name, "signed"u8): value.IsSigned = J.ReadBoolean(ref reader); return true;
            case 8 when J.NameIs(name, "declined"u8): value.IsDeclined = J.ReadBoolean(ref reader); return true;
            case 10 when J.NameIs(name, "assignedTo"u8): value.AssignedTo = Reference(ref reader); return true;
        }

        return false;
    }

    private static WorkflowAction? ReadAction(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new WorkflowAction(), ActionMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool ActionMembers(WorkflowAction value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 2 when J.NameIs(name, "id"u8): value.Id = J.ReadString(ref reader); return true;
            case 3 when J.NameIs(name, "ref"u8): value.Ref = Reference(ref reader); return true;
            case 4 when J.NameIs(name, "step"u8): value.Step = J.ReadInt32(ref reader, Strict); return true;
            case 4 when J.NameIs(name, "mode"u8): value.Mode = J.ReadConverted(ref reader, SigningModes); return true;
            case 6 when J.NameIs(name, "signer"u8): value.Signer = ReadSigner(ref reader); return true;
            case 6 when J.NameIs(name, "status"u8): value.Status = J.ReadConverted(ref reader, ActionStatuses); return true;
            case 10 when J.NameIs(name, "statusDate"u8): value.StatusDate = J.ReadDate(ref reader); return true;
            case 13 when J.NameIs(name, "declineReason"u8): value.DeclineReason = J.ReadElement(ref reader); return true;
            case 16 when J.NameIs(name, "secondFactorUsed"u8): value.SecondFactorUsed = J.ReadList(ref reader, StringItem); return true;
        }

        return false;
    }

    private static WorkflowSigner? ReadSigner(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new WorkflowSigner(), SignerMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool SignerMembers(WorkflowSigner value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 3 when J.NameIs(name, "amr"u8): value.Amr = J.ReadValueList(ref reader, AuthenticationMethodItem); return true;
            case 3 when J.NameIs(name, "ref"u8): value.Ref = Reference(ref reader); return true;
            case 4 when J.NameIs(name, "type"u8): value.Type = J.ReadConverted(ref reader, SignerTypes); return true;
            case 4 when J.NameIs(name, "lang"u8): value.Lang = J.ReadConverted(ref reader, SignerLanguages); return true;
            case 5 when J.NameIs(name, "email"u8): value.Email = J.ReadString(ref reader); return true;
            case 5 when J.NameIs(name, "phone"u8): value.Phone = J.ReadString(ref reader); return true;
            case 8 when J.NameIs(name, "lastName"u8): value.LastName = J.ReadString(ref reader); return true;
            case 9 when J.NameIs(name, "firstName"u8): value.FirstName = J.ReadString(ref reader); return true;
            case 11 when J.NameIs(name, "placeHolder"u8): value.PlaceHolder = J.ReadBoolean(ref reader); return true;
        }

        return false;
    }

    private static WorkflowWebhook? ReadWebhook(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new WorkflowWebhook(), WebhookMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool WebhookMembers(WorkflowWebhook value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 3 when J.NameIs(name, "url"u8): value.Url = J.ReadUri(ref reader)!; return true;
            case 8 when J.NameIs(name, "insecure"u8): value.Insecure = J.ReadBoolean(ref reader); return true;
        }

        return false;
    }

    // A reference sent as a string or a number (StringOrNumberJsonConverter handles null itself).
    private static string? Reference(ref Utf8JsonReader reader) => References.Read(ref reader, typeof(string), Context.Options);

    private sealed class EnvelopeConverter : JsonConverter<ConsignOEnvelope<Workflow>>, IRefusesRepeatedMemberNames
    {
        public override ConsignOEnvelope<Workflow>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadEnvelope(ref reader);

        public override void Write(Utf8JsonWriter writer, ConsignOEnvelope<Workflow> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, Context.ConsignOEnvelopeWorkflow);
    }
}
