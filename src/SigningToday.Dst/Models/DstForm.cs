using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A fillable element of a document: text field, signature field or clause (FillableForm).</summary>
public sealed class DstForm
{
    /// <summary>Internal id used by Signing Today; kept as received.</summary>
    [JsonPropertyName("_instance_id")]
    public long? InstanceId { get; set; }

    /// <summary>Id of the form.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; set; }

    /// <summary>Id of the document.</summary>
    [JsonPropertyName("documentId")]
    public int? DocumentId { get; set; }

    /// <summary>Type of the form (SignatureForm, TextForm, ClauseForm).</summary>
    [JsonPropertyName("type")]
    public FormType? Type { get; set; }

    /// <summary>Position on the X axis, in percent.</summary>
    [JsonPropertyName("positionX")]
    public decimal? PositionX { get; set; }

    /// <summary>Position on the Y axis, in percent.</summary>
    [JsonPropertyName("positionY")]
    public decimal? PositionY { get; set; }

    /// <summary>Width in percent.</summary>
    [JsonPropertyName("width")]
    public decimal? Width { get; set; }

    /// <summary>Height in percent.</summary>
    [JsonPropertyName("height")]
    public decimal? Height { get; set; }

    /// <summary>Page of the document where the form is.</summary>
    [JsonPropertyName("page")]
    public int? Page { get; set; }

    /// <summary>Id of the signer in the sign plan.</summary>
    [JsonPropertyName("signerId")]
    public int? SignerId { get; set; }

    /// <summary>True when the field must be filled by the user (false for signatures).</summary>
    [JsonPropertyName("toFill")]
    public bool? ToFill { get; set; }

    /// <summary>True once the form has been filled.</summary>
    [JsonPropertyName("filled")]
    public bool? Filled { get; set; }

    /// <summary>True when the appearance is hidden.</summary>
    [JsonPropertyName("invisible")]
    public bool? Invisible { get; set; }

    /// <summary>Extra data (free-form JSON members).</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
