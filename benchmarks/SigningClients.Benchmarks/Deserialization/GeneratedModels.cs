using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

// P2's baseline: the models and deserializer an openapi-generator C# client (library "httpclient", the Newtonsoft.Json
// stack the incumbent SDKs ship) produces for the Signing Today DST schema. Shape as generated: [DataContract] classes
// with [DataMember]/[JsonProperty] members, closed enums with [EnumMember] values read by StringEnumConverter (an
// unknown value throws), DateTime members, Dictionary<string, object> for free-form objects, and the
// [JsonExtensionData] AdditionalProperties bag of the generator's additionalProperties support. Benchmarks only.
#pragma warning disable CA1002, CA1008, CA1034, CA1056, CA1711, CA1720, CA2227, CA1724, CA1707, SA1402, SA1649
namespace SigningClients.Benchmarks.Deserialization.Generated;

/// <summary>What openapi-generator's ApiClient does with a response body: read it as a string, then JsonConvert.</summary>
internal static class GeneratedJson
{
    // ApiClient's serializer settings as generated.
    public static readonly JsonSerializerSettings Settings = new()
    {
        ConstructorHandling = ConstructorHandling.AllowNonPublicDefaultConstructor,
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { OverrideSpecifiedNames = false } },
    };

    public static async System.Threading.Tasks.Task<T> DeserializeAsync<T>(System.Net.Http.HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return JsonConvert.DeserializeObject<T>(text, Settings)!;
    }
}

[DataContract(Name = "DSTsGetResponse")]
public class DSTsGetResponse
{
    [DataMember(Name = "count", EmitDefaultValue = false)]
    [JsonProperty("count")]
    public long? Count { get; set; }

    [DataMember(Name = "values", EmitDefaultValue = false)]
    [JsonProperty("values")]
    public List<DST> Values { get; set; } = null!;

    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
}

[DataContract(Name = "DST")]
public class DST
{
    [JsonConverter(typeof(StringEnumConverter))]
    public enum StatusEnum
    {
        [EnumMember(Value = "draft")] Draft = 1,
        [EnumMember(Value = "downloadingInDraft")] DownloadingInDraft = 2,
        [EnumMember(Value = "downloadingInPublished")] DownloadingInPublished = 3,
        [EnumMember(Value = "published")] Published = 4,
        [EnumMember(Value = "toFill")] ToFill = 5,
        [EnumMember(Value = "toSign")] ToSign = 6,
        [EnumMember(Value = "expired")] Expired = 7,
        [EnumMember(Value = "signed")] Signed = 8,
        [EnumMember(Value = "rejected")] Rejected = 9,
        [EnumMember(Value = "error")] Error = 10,
    }

    [DataMember(Name = "status", EmitDefaultValue = false)]
    [JsonProperty("status")]
    public StatusEnum? Status { get; set; }

    [DataMember(Name = "id", EmitDefaultValue = false)]
    [JsonProperty("id")]
    public string Id { get; set; } = null!;

    [DataMember(Name = "domain", EmitDefaultValue = false)]
    [JsonProperty("domain")]
    public string Domain { get; set; } = null!;

    [DataMember(Name = "title", EmitDefaultValue = false)]
    [JsonProperty("title")]
    public string Title { get; set; } = null!;

    [DataMember(Name = "replaces", EmitDefaultValue = false)]
    [JsonProperty("replaces")]
    public string Replaces { get; set; } = null!;

    [DataMember(Name = "replacedBy", EmitDefaultValue = false)]
    [JsonProperty("replacedBy")]
    public string ReplacedBy { get; set; } = null!;

    [DataMember(Name = "createdByUser", EmitDefaultValue = false)]
    [JsonProperty("createdByUser")]
    public string CreatedByUser { get; set; } = null!;

    [DataMember(Name = "createdAt", EmitDefaultValue = false)]
    [JsonProperty("createdAt")]
    public DateTime CreatedAt { get; set; }

    [DataMember(Name = "documents", EmitDefaultValue = false)]
    [JsonProperty("documents")]
    public List<Document> Documents { get; set; } = null!;

    [DataMember(Name = "publishedAt", EmitDefaultValue = false)]
    [JsonProperty("publishedAt")]
    public DateTime PublishedAt { get; set; }

    [DataMember(Name = "expiresAt", EmitDefaultValue = false)]
    [JsonProperty("expiresAt")]
    public DateTime ExpiresAt { get; set; }

    [DataMember(Name = "resources", EmitDefaultValue = false)]
    [JsonProperty("resources")]
    public List<LFResource> Resources { get; set; } = null!;

    [DataMember(Name = "signatures", EmitDefaultValue = false)]
    [JsonProperty("signatures")]
    public List<Signature> Signatures { get; set; } = null!;

    [DataMember(Name = "errorMessage", EmitDefaultValue = false)]
    [JsonProperty("errorMessage")]
    public string ErrorMessage { get; set; } = null!;

    [DataMember(Name = "deletedAt", EmitDefaultValue = false)]
    [JsonProperty("deletedAt")]
    public DateTime DeletedAt { get; set; }

    [DataMember(Name = "tags", EmitDefaultValue = false)]
    [JsonProperty("tags")]
    public List<string> Tags { get; set; } = null!;

    [DataMember(Name = "template", EmitDefaultValue = true)]
    [JsonProperty("template")]
    public bool Template { get; set; }

    [DataMember(Name = "publicTemplate", EmitDefaultValue = true)]
    [JsonProperty("publicTemplate")]
    public bool PublicTemplate { get; set; }

    [DataMember(Name = "extraData", EmitDefaultValue = false)]
    [JsonProperty("extraData")]
    public Dictionary<string, object> ExtraData { get; set; } = null!;

    [DataMember(Name = "visibleTo", EmitDefaultValue = false)]
    [JsonProperty("visibleTo")]
    public List<string> VisibleTo { get; set; } = null!;

    [DataMember(Name = "ccGroups", EmitDefaultValue = false)]
    [JsonProperty("ccGroups")]
    public List<string> CcGroups { get; set; } = null!;

    [DataMember(Name = "ccUsers", EmitDefaultValue = false)]
    [JsonProperty("ccUsers")]
    public List<string> CcUsers { get; set; } = null!;

    [DataMember(Name = "urgent", EmitDefaultValue = true)]
    [JsonProperty("urgent")]
    public bool Urgent { get; set; }

    [DataMember(Name = "updatedAt", EmitDefaultValue = false)]
    [JsonProperty("updatedAt")]
    public DateTime UpdatedAt { get; set; }

    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
}

[DataContract(Name = "Document")]
public class Document
{
    [JsonConverter(typeof(StringEnumConverter))]
    public enum StatusEnum
    {
        [EnumMember(Value = "plain")] Plain = 1,
        [EnumMember(Value = "filled")] Filled = 2,
        [EnumMember(Value = "signed")] Signed = 3,
    }

    [DataMember(Name = "status", EmitDefaultValue = false)]
    [JsonProperty("status")]
    public StatusEnum? Status { get; set; }

    [DataMember(Name = "_instance_id", EmitDefaultValue = false)]
    [JsonProperty("_instance_id")]
    public long InstanceId { get; set; }

    [DataMember(Name = "id", EmitDefaultValue = false)]
    [JsonProperty("id")]
    public int Id { get; set; }

    [DataMember(Name = "plainDocumentUuid", EmitDefaultValue = false)]
    [JsonProperty("plainDocumentUuid")]
    public string PlainDocumentUuid { get; set; } = null!;

    [DataMember(Name = "filledDocumentUuid", EmitDefaultValue = false)]
    [JsonProperty("filledDocumentUuid")]
    public string FilledDocumentUuid { get; set; } = null!;

    [DataMember(Name = "signedDocumentUuid", EmitDefaultValue = false)]
    [JsonProperty("signedDocumentUuid")]
    public string SignedDocumentUuid { get; set; } = null!;

    [DataMember(Name = "forms", EmitDefaultValue = false)]
    [JsonProperty("forms")]
    public List<FillableForm> Forms { get; set; } = null!;

    [DataMember(Name = "signatureRequests", EmitDefaultValue = false)]
    [JsonProperty("signatureRequests")]
    public List<SignatureRequest> SignatureRequests { get; set; } = null!;

    [DataMember(Name = "signerGroups", EmitDefaultValue = false)]
    [JsonProperty("signerGroups")]
    public List<SignerGroup> SignerGroups { get; set; } = null!;

    [DataMember(Name = "extraData", EmitDefaultValue = false)]
    [JsonProperty("extraData")]
    public Dictionary<string, object> ExtraData { get; set; } = null!;

    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
}

[DataContract(Name = "FillableForm")]
public class FillableForm
{
    [JsonConverter(typeof(StringEnumConverter))]
    public enum TypeEnum
    {
        [EnumMember(Value = "SignatureForm")] SignatureForm = 1,
        [EnumMember(Value = "TextForm")] TextForm = 2,
        [EnumMember(Value = "ClauseForm")] ClauseForm = 3,
    }

    [DataMember(Name = "type", EmitDefaultValue = false)]
    [JsonProperty("type")]
    public TypeEnum? Type { get; set; }

    [DataMember(Name = "_instance_id", EmitDefaultValue = false)]
    [JsonProperty("_instance_id")]
    public long InstanceId { get; set; }

    [DataMember(Name = "id", EmitDefaultValue = false)]
    [JsonProperty("id")]
    public int Id { get; set; }

    [DataMember(Name = "documentId", EmitDefaultValue = false)]
    [JsonProperty("documentId")]
    public int DocumentId { get; set; }

    [DataMember(Name = "positionX", EmitDefaultValue = false)]
    [JsonProperty("positionX")]
    public decimal PositionX { get; set; }

    [DataMember(Name = "positionY", EmitDefaultValue = false)]
    [JsonProperty("positionY")]
    public decimal PositionY { get; set; }

    [DataMember(Name = "width", EmitDefaultValue = false)]
    [JsonProperty("width")]
    public decimal Width { get; set; }

    [DataMember(Name = "height", EmitDefaultValue = false)]
    [JsonProperty("height")]
    public decimal Height { get; set; }

    [DataMember(Name = "page", EmitDefaultValue = false)]
    [JsonProperty("page")]
    public int Page { get; set; }

    [DataMember(Name = "signerId", EmitDefaultValue = false)]
    [JsonProperty("signerId")]
    public int SignerId { get; set; }

    [DataMember(Name = "toFill", EmitDefaultValue = true)]
    [JsonProperty("toFill")]
    public bool ToFill { get; set; }

    [DataMember(Name = "filled", EmitDefaultValue = true)]
    [JsonProperty("filled")]
    public bool Filled { get; set; }

    [DataMember(Name = "invisible", EmitDefaultValue = true)]
    [JsonProperty("invisible")]
    public bool Invisible { get; set; }

    [DataMember(Name = "extraData", EmitDefaultValue = false)]
    [JsonProperty("extraData")]
    public Dictionary<string, object> ExtraData { get; set; } = null!;

    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
}

[DataContract(Name = "SignatureRequest")]
public class SignatureRequest
{
    [JsonConverter(typeof(StringEnumConverter))]
    public enum SignProfileEnum
    {
        [EnumMember(Value = "CAdES")] CAdES = 1,
        [EnumMember(Value = "PAdES")] PAdES = 2,
    }

    [DataMember(Name = "signProfile", EmitDefaultValue = false)]
    [JsonProperty("signProfile")]
    public SignProfileEnum? SignProfile { get; set; }

    [DataMember(Name = "_instance_id", EmitDefaultValue = false)]
    [JsonProperty("_instance_id")]
    public long InstanceId { get; set; }

    [DataMember(Name = "id", EmitDefaultValue = false)]
    [JsonProperty("id")]
    public int Id { get; set; }

    [DataMember(Name = "reason", EmitDefaultValue = false)]
    [JsonProperty("reason")]
    public string Reason { get; set; } = null!;

    [DataMember(Name = "description", EmitDefaultValue = false)]
    [JsonProperty("description")]
    public string Description { get; set; } = null!;

    [DataMember(Name = "signerId", EmitDefaultValue = false)]
    [JsonProperty("signerId")]
    public int SignerId { get; set; }

    [DataMember(Name = "withTimestamp", EmitDefaultValue = true)]
    [JsonProperty("withTimestamp")]
    public bool WithTimestamp { get; set; }

    [DataMember(Name = "declinable", EmitDefaultValue = true)]
    [JsonProperty("declinable")]
    public bool Declinable { get; set; }

    [DataMember(Name = "restrictions", EmitDefaultValue = false)]
    [JsonProperty("restrictions")]
    public List<SignatureRestriction> Restrictions { get; set; } = null!;

    [DataMember(Name = "extraData", EmitDefaultValue = false)]
    [JsonProperty("extraData")]
    public Dictionary<string, object> ExtraData { get; set; } = null!;

    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
}

[DataContract(Name = "SignatureRestriction")]
public class SignatureRestriction
{
    [DataMember(Name = "rule", EmitDefaultValue = false)]
    [JsonProperty("rule")]
    public string Rule { get; set; } = null!;

    [DataMember(Name = "operator", EmitDefaultValue = false)]
    [JsonProperty("operator")]
    public string Operator { get; set; } = null!;

    [DataMember(Name = "value", EmitDefaultValue = false)]
    [JsonProperty("value")]
    public string Value { get; set; } = null!;

    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
}

[DataContract(Name = "SignerGroup")]
public class SignerGroup
{
    [DataMember(Name = "_instance_id", EmitDefaultValue = false)]
    [JsonProperty("_instance_id")]
    public long InstanceId { get; set; }

    [DataMember(Name = "label", EmitDefaultValue = false)]
    [JsonProperty("label")]
    public string Label { get; set; } = null!;

    [DataMember(Name = "signers", EmitDefaultValue = false)]
    [JsonProperty("signers")]
    public List<Signer> Signers { get; set; } = null!;

    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
}

[DataContract(Name = "Signer")]
public class Signer
{
    [DataMember(Name = "_instance_id", EmitDefaultValue = false)]
    [JsonProperty("_instance_id")]
    public long InstanceId { get; set; }

    [DataMember(Name = "id", EmitDefaultValue = false)]
    [JsonProperty("id")]
    public int Id { get; set; }

    [DataMember(Name = "name", EmitDefaultValue = false)]
    [JsonProperty("name")]
    public string Name { get; set; } = null!;

    [DataMember(Name = "surname", EmitDefaultValue = false)]
    [JsonProperty("surname")]
    public string Surname { get; set; } = null!;

    [DataMember(Name = "email", EmitDefaultValue = false)]
    [JsonProperty("email")]
    public string Email { get; set; } = null!;

    [DataMember(Name = "phone", EmitDefaultValue = false)]
    [JsonProperty("phone")]
    public string Phone { get; set; } = null!;

    [DataMember(Name = "role", EmitDefaultValue = false)]
    [JsonProperty("role")]
    public string Role { get; set; } = null!;

    [DataMember(Name = "userUUID", EmitDefaultValue = false)]
    [JsonProperty("userUUID")]
    public string UserUUID { get; set; } = null!;

    [DataMember(Name = "templateLabel", EmitDefaultValue = false)]
    [JsonProperty("templateLabel")]
    public string TemplateLabel { get; set; } = null!;

    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
}

[DataContract(Name = "Signature")]
public class Signature
{
    [JsonConverter(typeof(StringEnumConverter))]
    public enum StatusEnum
    {
        [EnumMember(Value = "signed")] Signed = 1,
        [EnumMember(Value = "declined")] Declined = 2,
    }

    [DataMember(Name = "status", EmitDefaultValue = false)]
    [JsonProperty("status")]
    public StatusEnum? Status { get; set; }

    [DataMember(Name = "_instance_id", EmitDefaultValue = false)]
    [JsonProperty("_instance_id")]
    public long InstanceId { get; set; }

    [DataMember(Name = "documentId", EmitDefaultValue = false)]
    [JsonProperty("documentId")]
    public int DocumentId { get; set; }

    [DataMember(Name = "signatureRequestId", EmitDefaultValue = false)]
    [JsonProperty("signatureRequestId")]
    public int SignatureRequestId { get; set; }

    [DataMember(Name = "signedAt", EmitDefaultValue = false)]
    [JsonProperty("signedAt")]
    public DateTime SignedAt { get; set; }

    [DataMember(Name = "declinedReason", EmitDefaultValue = false)]
    [JsonProperty("declinedReason")]
    public string DeclinedReason { get; set; } = null!;

    [DataMember(Name = "extraData", EmitDefaultValue = false)]
    [JsonProperty("extraData")]
    public Dictionary<string, object> ExtraData { get; set; } = null!;

    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
}

[DataContract(Name = "LFResource")]
public class LFResource
{
    [DataMember(Name = "id", EmitDefaultValue = false)]
    [JsonProperty("id")]
    public string Id { get; set; } = null!;

    [DataMember(Name = "domain", EmitDefaultValue = false)]
    [JsonProperty("domain")]
    public string Domain { get; set; } = null!;

    [DataMember(Name = "type", EmitDefaultValue = false)]
    [JsonProperty("type")]
    public string Type { get; set; } = null!;

    [DataMember(Name = "dstUuid", EmitDefaultValue = false)]
    [JsonProperty("dstUuid")]
    public string DstUuid { get; set; } = null!;

    [DataMember(Name = "title", EmitDefaultValue = false)]
    [JsonProperty("title")]
    public string Title { get; set; } = null!;

    [DataMember(Name = "filename", EmitDefaultValue = false)]
    [JsonProperty("filename")]
    public string Filename { get; set; } = null!;

    [DataMember(Name = "url", EmitDefaultValue = false)]
    [JsonProperty("url")]
    public string Url { get; set; } = null!;

    [DataMember(Name = "size", EmitDefaultValue = false)]
    [JsonProperty("size")]
    public long Size { get; set; }

    [DataMember(Name = "createdAt", EmitDefaultValue = false)]
    [JsonProperty("createdAt")]
    public DateTime CreatedAt { get; set; }

    [DataMember(Name = "mimetype", EmitDefaultValue = false)]
    [JsonProperty("mimetype")]
    public string Mimetype { get; set; } = null!;

    [DataMember(Name = "pages", EmitDefaultValue = false)]
    [JsonProperty("pages")]
    public int Pages { get; set; }

    [DataMember(Name = "extraData", EmitDefaultValue = false)]
    [JsonProperty("extraData")]
    public Dictionary<string, object> ExtraData { get; set; } = null!;

    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
}
