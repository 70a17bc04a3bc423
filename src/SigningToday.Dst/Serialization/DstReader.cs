using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SigningClients.Core.Serialization;
using J = SigningClients.Core.Serialization.JsonModelReader;
using SigningToday.Dst.Models;

namespace SigningToday.Dst.Serialization;

/// <summary>
/// Reads a DST, and a page of them, straight from the <see cref="Utf8JsonReader"/>: one method per model, members
/// matched on their UTF-8 names and set directly. It does what the source-generated metadata of
/// <see cref="SigningTodayJsonContext"/> does for these models, with the same rules, but without the serializer's
/// per-member machinery (a read-stack frame pushed and popped per object and list, a property-cache lookup, setter
/// delegates and nullable wrappers per member), which is most of the time of reading a large list page.
/// </summary>
/// <remarks>
/// Same rules as the generated metadata (tests read every member and the edge cases both ways and compare):
/// names matched exactly (case-sensitive) after unescaping, unknown members are
/// kept in <c>AdditionalProperties</c> as <see cref="JsonElement"/> values (a JSON <c>null</c> included), JSON
/// <c>null</c> reads as <see langword="null"/> for every member and list item, numbers are also read from strings
/// (the uncommon forms, e.g. escapes or <c>"NaN"</c>, by the serializer's own number reader), dates by
/// <see cref="TolerantDateTimeOffsetConverter"/>, extensible enums by their converters (unknown values kept),
/// <c>extraData</c> by <see cref="JsonObjectDictionaryConverter"/>. A value of the wrong kind is a
/// <see cref="JsonException"/> naming its path. Writing uses the generated metadata. One rule differs, on purpose: an
/// object that repeats a member name (compared case-insensitively, at any depth, extension data included) is refused
/// with a <see cref="JsonException"/> instead of the last value winning — the reader is an
/// <see cref="IRefusesRepeatedMemberNames"/> converter, so the pipeline skips its separate pass over the body.
/// </remarks>
internal static partial class DstReader
{
    private static readonly SigningTodayJsonContext Context = SigningTodayJsonContext.Default;
    private static readonly JsonSerializerOptions Options = Context.Options;

    // Every number of the Signing Today models is also read from a string (the context's NumberHandling).
    private const JsonNumberHandling Numbers = JsonNumberHandling.AllowReadingFromString;

    private static readonly DstStatus.Converter DstStatuses = new();
    private static readonly DocumentStatus.Converter DocumentStatuses = new();
    private static readonly FormType.Converter FormTypes = new();
    private static readonly SignProfile.Converter SignProfiles = new();
    private static readonly ResourceType.Converter ResourceTypes = new();
    private static readonly SignatureStatus.Converter SignatureStatuses = new();

    private static readonly JsonValueReader<DstDocument?> DocumentItem = ReadDocument;
    private static readonly JsonValueReader<DstForm?> FormItem = ReadForm;
    private static readonly JsonValueReader<SignatureRequest?> SignatureRequestItem = ReadSignatureRequest;
    private static readonly JsonValueReader<SignatureRestriction?> RestrictionItem = ReadRestriction;
    private static readonly JsonValueReader<SignerGroup?> SignerGroupItem = ReadSignerGroup;
    private static readonly JsonValueReader<Signer?> SignerItem = ReadSigner;
    private static readonly JsonValueReader<DstResource?> ResourceItem = ReadResource;
    private static readonly JsonValueReader<DstSignature?> SignatureItem = ReadSignature;
    private static readonly JsonValueReader<DigitalSignatureTransaction?> DstItem = ReadDst;
    private static readonly JsonValueReader<string?> StringItem = J.ReadString;
    private static readonly JsonValueReader<string?> SharedStringItem = J.ReadSharedString;

    /// <summary>Metadata for a DST whose reads go through this reader (writes through the generated metadata).</summary>
    public static JsonTypeInfo<DigitalSignatureTransaction> Dst { get; } =
        JsonMetadataServices.CreateValueInfo<DigitalSignatureTransaction>(Options, new DstConverter());

    /// <summary>Metadata for a page of DSTs whose reads go through this reader (writes through the generated metadata).</summary>
    public static JsonTypeInfo<SigningTodayList<DigitalSignatureTransaction>> DstList { get; } =
        JsonMetadataServices.CreateValueInfo<SigningTodayList<DigitalSignatureTransaction>>(Options, new DstListConverter());

    /// <summary>Reads a page of DSTs; the reader is on the value's first token (null, or the object's start).</summary>
    public static SigningTodayList<DigitalSignatureTransaction>? ReadDstList(ref Utf8JsonReader reader)
    {
        if (J.IsNullObject(ref reader))
        {
            return null;
        }

        using (J.ShareStrings())
        {
            return J.ReadObject(ref reader, new SigningTodayList<DigitalSignatureTransaction>(), DstListMembers, (v, unknown) => v.AdditionalProperties = unknown);
        }
    }

    private static bool DstListMembers(SigningTodayList<DigitalSignatureTransaction> value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 5 when name.SequenceEqual("count"u8): value.Count = J.ReadInt64(ref reader, Numbers); return true;
            case 6 when name.SequenceEqual("values"u8): value.Values = J.ReadList(ref reader, DstItem); return true;
        }

        return false;
    }

    /// <summary>Reads one DST; the reader is on the value's first token.</summary>
    public static DigitalSignatureTransaction? ReadDst(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new DigitalSignatureTransaction(), DstMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool DstMembers(DigitalSignatureTransaction value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): value.Id = J.ReadString(ref reader); return true;
            case 4 when name.SequenceEqual("tags"u8): value.Tags = J.ReadList(ref reader, SharedStringItem); return true;
            case 5 when name.SequenceEqual("title"u8): value.Title = J.ReadString(ref reader); return true;
            case 6 when name.SequenceEqual("domain"u8): value.Domain = J.ReadSharedString(ref reader); return true;
            case 6 when name.SequenceEqual("status"u8): value.Status = J.ReadConverted(ref reader, DstStatuses); return true;
            case 6 when name.SequenceEqual("urgent"u8): value.Urgent = J.ReadBoolean(ref reader); return true;
            case 7 when name.SequenceEqual("ccUsers"u8): value.CcUsers = J.ReadList(ref reader, SharedStringItem); return true;
            case 8 when name.SequenceEqual("replaces"u8): value.Replaces = J.ReadString(ref reader); return true;
            case 8 when name.SequenceEqual("ccGroups"u8): value.CcGroups = J.ReadList(ref reader, SharedStringItem); return true;
            case 8 when name.SequenceEqual("template"u8): value.Template = J.ReadBoolean(ref reader); return true;
            case 9 when name.SequenceEqual("documents"u8): value.Documents = J.ReadList(ref reader, DocumentItem); return true;
            case 9 when name.SequenceEqual("createdAt"u8): value.CreatedAt = J.ReadDate(ref reader); return true;
            case 9 when name.SequenceEqual("expiresAt"u8): value.ExpiresAt = J.ReadDate(ref reader); return true;
            case 9 when name.SequenceEqual("resources"u8): value.Resources = J.ReadList(ref reader, ResourceItem); return true;
            case 9 when name.SequenceEqual("deletedAt"u8): value.DeletedAt = J.ReadDate(ref reader); return true;
            case 9 when name.SequenceEqual("extraData"u8): value.ExtraData = J.ReadObjectMap(ref reader); return true;
            case 9 when name.SequenceEqual("visibleTo"u8): value.VisibleTo = J.ReadList(ref reader, SharedStringItem); return true;
            case 9 when name.SequenceEqual("updatedAt"u8): value.UpdatedAt = J.ReadDate(ref reader); return true;
            case 10 when name.SequenceEqual("replacedBy"u8): value.ReplacedBy = J.ReadString(ref reader); return true;
            case 10 when name.SequenceEqual("signatures"u8): value.Signatures = J.ReadList(ref reader, SignatureItem); return true;
            case 11 when name.SequenceEqual("publishedAt"u8): value.PublishedAt = J.ReadDate(ref reader); return true;
            case 12 when name.SequenceEqual("errorMessage"u8): value.ErrorMessage = J.ReadString(ref reader); return true;
            case 13 when name.SequenceEqual("createdByUser"u8): value.CreatedByUser = J.ReadSharedString(ref reader); return true;
            case 14 when name.SequenceEqual("publicTemplate"u8): value.PublicTemplate = J.ReadBoolean(ref reader); return true;
        }

        return false;
    }

    private static DstDocument? ReadDocument(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new DstDocument(), DocumentMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool DocumentMembers(DstDocument value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): value.Id = J.ReadInt32(ref reader, Numbers); return true;
            case 5 when name.SequenceEqual("forms"u8): value.Forms = J.ReadList(ref reader, FormItem); return true;
            case 6 when name.SequenceEqual("status"u8): value.Status = J.ReadConverted(ref reader, DocumentStatuses); return true;
            case 9 when name.SequenceEqual("extraData"u8): value.ExtraData = J.ReadObjectMap(ref reader); return true;
            case 12 when name.SequenceEqual("_instance_id"u8): value.InstanceId = J.ReadInt64(ref reader, Numbers); return true;
            case 12 when name.SequenceEqual("signerGroups"u8): value.SignerGroups = J.ReadList(ref reader, SignerGroupItem); return true;
            case 17 when name.SequenceEqual("plainDocumentUuid"u8): value.PlainDocumentUuid = J.ReadString(ref reader); return true;
            case 17 when name.SequenceEqual("signatureRequests"u8): value.SignatureRequests = J.ReadList(ref reader, SignatureRequestItem); return true;
            case 18 when name.SequenceEqual("filledDocumentUuid"u8): value.FilledDocumentUuid = J.ReadString(ref reader); return true;
            case 18 when name.SequenceEqual("signedDocumentUuid"u8): value.SignedDocumentUuid = J.ReadString(ref reader); return true;
        }

        return false;
    }

    private static DstForm? ReadForm(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new DstForm(), FormMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool FormMembers(DstForm value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): value.Id = J.ReadInt32(ref reader, Numbers); return true;
            case 4 when name.SequenceEqual("type"u8): value.Type = J.ReadConverted(ref reader, FormTypes); return true;
            case 4 when name.SequenceEqual("page"u8): value.Page = J.ReadInt32(ref reader, Numbers); return true;
            case 5 when name.SequenceEqual("width"u8): value.Width = J.ReadDouble(ref reader, Numbers); return true;
            case 6 when name.SequenceEqual("height"u8): value.Height = J.ReadDouble(ref reader, Numbers); return true;
            case 6 when name.SequenceEqual("toFill"u8): value.ToFill = J.ReadBoolean(ref reader); return true;
            case 6 when name.SequenceEqual("filled"u8): value.Filled = J.ReadBoolean(ref reader); return true;
            case 8 when name.SequenceEqual("signerId"u8): value.SignerId = J.ReadInt32(ref reader, Numbers); return true;
            case 9 when name.SequenceEqual("positionX"u8): value.PositionX = J.ReadDouble(ref reader, Numbers); return true;
            case 9 when name.SequenceEqual("positionY"u8): value.PositionY = J.ReadDouble(ref reader, Numbers); return true;
            case 9 when name.SequenceEqual("invisible"u8): value.Invisible = J.ReadBoolean(ref reader); return true;
            case 9 when name.SequenceEqual("extraData"u8): value.ExtraData = J.ReadObjectMap(ref reader); return true;
            case 10 when name.SequenceEqual("documentId"u8): value.DocumentId = J.ReadInt32(ref reader, Numbers); return true;
            case 12 when name.SequenceEqual("_instance_id"u8): value.InstanceId = J.ReadInt64(ref reader, Numbers); return true;
        }

        return false;
    }

    private static SignatureRequest? ReadSignatureRequest(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new SignatureRequest(), SignatureRequestMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool SignatureRequestMembers(SignatureRequest value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): value.Id = J.ReadInt32(ref reader, Numbers); return true;
            case 6 when name.SequenceEqual("reason"u8): value.Reason = J.ReadSharedString(ref reader); return true;
            case 8 when name.SequenceEqual("signerId"u8): value.SignerId = J.ReadInt32(ref reader, Numbers); return true;
            case 9 when name.SequenceEqual("extraData"u8): value.ExtraData = J.ReadObjectMap(ref reader); return true;
            case 10 when name.SequenceEqual("declinable"u8): value.Declinable = J.ReadBoolean(ref reader); return true;
            case 11 when name.SequenceEqual("description"u8): value.Description = J.ReadString(ref reader); return true;
            case 11 when name.SequenceEqual("signProfile"u8): value.SignProfile = J.ReadConverted(ref reader, SignProfiles); return true;
            case 12 when name.SequenceEqual("_instance_id"u8): value.InstanceId = J.ReadInt64(ref reader, Numbers); return true;
            case 12 when name.SequenceEqual("restrictions"u8): value.Restrictions = J.ReadList(ref reader, RestrictionItem); return true;
            case 13 when name.SequenceEqual("withTimestamp"u8): value.WithTimestamp = J.ReadBoolean(ref reader); return true;
        }

        return false;
    }

    private static SignatureRestriction? ReadRestriction(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new SignatureRestriction(), RestrictionMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool RestrictionMembers(SignatureRestriction value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 4 when name.SequenceEqual("rule"u8): value.Rule = J.ReadSharedString(ref reader); return true;
            case 5 when name.SequenceEqual("value"u8): value.Value = J.ReadString(ref reader); return true;
            case 8 when name.SequenceEqual("operator"u8): value.Operator = J.ReadSharedString(ref reader); return true;
        }

        return false;
    }

    private static SignerGroup? ReadSignerGroup(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new SignerGroup(), SignerGroupMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool SignerGroupMembers(SignerGroup value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 5 when name.SequenceEqual("label"u8): value.Label = J.ReadSharedString(ref reader); return true;
            case 7 when name.SequenceEqual("signers"u8): value.Signers = J.ReadList(ref reader, SignerItem); return true;
            case 12 when name.SequenceEqual("_instance_id"u8): value.InstanceId = J.ReadInt64(ref reader, Numbers); return true;
        }

        return false;
    }

    private static Signer? ReadSigner(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new Signer(), SignerMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool SignerMembers(Signer value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): value.Id = J.ReadInt32(ref reader, Numbers); return true;
            case 4 when name.SequenceEqual("name"u8): value.Name = J.ReadString(ref reader); return true;
            case 4 when name.SequenceEqual("role"u8): value.Role = J.ReadSharedString(ref reader); return true;
            case 5 when name.SequenceEqual("email"u8): value.Email = J.ReadString(ref reader); return true;
            case 5 when name.SequenceEqual("phone"u8): value.PhoneValue = J.ReadElement(ref reader); return true;
            case 7 when name.SequenceEqual("surname"u8): value.Surname = J.ReadString(ref reader); return true;
            case 8 when name.SequenceEqual("userUUID"u8): value.UserUuid = J.ReadSharedString(ref reader); return true;
            case 12 when name.SequenceEqual("_instance_id"u8): value.InstanceId = J.ReadInt64(ref reader, Numbers); return true;
            case 13 when name.SequenceEqual("templateLabel"u8): value.TemplateLabel = J.ReadSharedString(ref reader); return true;
        }

        return false;
    }

    private static DstResource? ReadResource(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new DstResource(), ResourceMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool ResourceMembers(DstResource value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): value.Id = J.ReadString(ref reader); return true;
            case 3 when name.SequenceEqual("url"u8): value.Url = J.ReadString(ref reader); return true;
            case 4 when name.SequenceEqual("type"u8): value.Type = J.ReadConverted(ref reader, ResourceTypes); return true;
            case 4 when name.SequenceEqual("size"u8): value.Size = J.ReadInt64(ref reader, Numbers); return true;
            case 5 when name.SequenceEqual("title"u8): value.Title = J.ReadString(ref reader); return true;
            case 5 when name.SequenceEqual("pages"u8): value.Pages = J.ReadInt32(ref reader, Numbers); return true;
            case 6 when name.SequenceEqual("domain"u8): value.Domain = J.ReadSharedString(ref reader); return true;
            case 7 when name.SequenceEqual("dstUuid"u8): value.DstUuid = J.ReadSharedString(ref reader); return true;
            case 8 when name.SequenceEqual("filename"u8): value.Filename = J.ReadString(ref reader); return true;
            case 8 when name.SequenceEqual("mimetype"u8): value.MimeType = J.ReadSharedString(ref reader); return true;
            case 9 when name.SequenceEqual("createdAt"u8): value.CreatedAt = J.ReadDate(ref reader); return true;
            case 9 when name.SequenceEqual("extraData"u8): value.ExtraData = J.ReadObjectMap(ref reader); return true;
        }

        return false;
    }

    private static DstSignature? ReadSignature(ref Utf8JsonReader reader) =>
        J.IsNullObject(ref reader) ? null : J.ReadObject(ref reader, new DstSignature(), SignatureMembers, (v, unknown) => v.AdditionalProperties = unknown);

    private static bool SignatureMembers(DstSignature value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 6 when name.SequenceEqual("status"u8): value.Status = J.ReadConverted(ref reader, SignatureStatuses); return true;
            case 8 when name.SequenceEqual("signedAt"u8): value.SignedAt = J.ReadDate(ref reader); return true;
            case 9 when name.SequenceEqual("extraData"u8): value.ExtraData = J.ReadObjectMap(ref reader); return true;
            case 10 when name.SequenceEqual("documentId"u8): value.DocumentId = J.ReadInt32(ref reader, Numbers); return true;
            case 12 when name.SequenceEqual("_instance_id"u8): value.InstanceId = J.ReadInt64(ref reader, Numbers); return true;
            case 14 when name.SequenceEqual("declinedReason"u8): value.DeclinedReason = J.ReadString(ref reader); return true;
            case 18 when name.SequenceEqual("signatureRequestId"u8): value.SignatureRequestId = J.ReadInt32(ref reader, Numbers); return true;
        }

        return false;
    }

    private sealed class DstConverter : JsonConverter<DigitalSignatureTransaction>, IRefusesRepeatedMemberNames
    {
        public override DigitalSignatureTransaction? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadDst(ref reader);

        public override void Write(Utf8JsonWriter writer, DigitalSignatureTransaction value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, Context.DigitalSignatureTransaction);
    }

    private sealed class DstListConverter : JsonConverter<SigningTodayList<DigitalSignatureTransaction>>, IRefusesRepeatedMemberNames
    {
        public override SigningTodayList<DigitalSignatureTransaction>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadDstList(ref reader);

        public override void Write(Utf8JsonWriter writer, SigningTodayList<DigitalSignatureTransaction> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, Context.SigningTodayListDigitalSignatureTransaction);
    }
}
