using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A user of an organization.</summary>
public sealed class User
{
    /// <summary>Unique id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The login name.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    /// <summary>The organization.</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; set; }

    /// <summary>Default language: it, en, es, fr (see <see cref="UserLanguage"/>).</summary>
    [JsonPropertyName("language")]
    public UserLanguage? Language { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Surname.</summary>
    [JsonPropertyName("surname")]
    public string? Surname { get; set; }

    /// <summary>Email address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    /// <summary>
    /// Phone number, as text. The vendor's models type it as a number, the doc's examples send a string such as
    /// <c>"+013392213450"</c>: both are read (a number as its digits) and written back in the form received; a value
    /// set here is sent as a string, the doc's form.
    /// </summary>
    [JsonIgnore]
    public string? Phone
    {
        get => Internal.WireValue.Text(PhoneValue);
        set => PhoneValue = Internal.WireValue.String(value);
    }

    /// <summary>admin, instructor or signer.</summary>
    [JsonPropertyName("role")]
    public UserRole? Role { get; set; }

    /// <summary>Groups of the user.</summary>
    [JsonPropertyName("groups")]
    public IReadOnlyList<UserGroup>? Groups { get; set; }

    /// <summary>What the user may do, e.g. dst.list.all (see <see cref="UserCapability"/>).</summary>
    [JsonPropertyName("capabilities")]
    public IReadOnlyList<UserCapability>? Capabilities { get; set; }

    /// <summary>Who created the user.</summary>
    [JsonPropertyName("createdBy")]
    public string? CreatedBy { get; set; }

    /// <summary>When created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When deleted.</summary>
    [JsonPropertyName("deletedAt")]
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>True for automatic users.</summary>
    [JsonPropertyName("automatic")]
    public bool? Automatic { get; set; }

    /// <summary>Extra data (free-form JSON members).</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }

    /// <summary>Additional user data.</summary>
    [JsonPropertyName("templateData")]
    public IReadOnlyDictionary<string, JsonElement>? TemplateData { get; set; }

    /// <summary>This user, or a shallow copy with an all-digit string phone written as a JSON number.</summary>
    internal User WithPhoneAsNumber()
    {
        if (PhoneValue is not { ValueKind: JsonValueKind.String } phone
            || !long.TryParse(phone.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long digits)
            || digits.ToString(System.Globalization.CultureInfo.InvariantCulture) != phone.GetString())
        {
            return this;
        }

        var copy = (User)MemberwiseClone();
        copy.PhoneValue = Internal.WireValue.Number(digits);
        return copy;
    }

    /// <summary>The <c>phone</c> member as sent (string or number).</summary>
    [JsonInclude]
    [JsonPropertyName("phone")]
    internal JsonElement? PhoneValue { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
