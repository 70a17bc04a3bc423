using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A signer of a DST: a member of the organization (by UUID or email) or an occasional signer.</summary>
public sealed class Signer
{
    /// <summary>Internal id used by Signing Today; kept as received.</summary>
    [JsonPropertyName("_instance_id")]
    public long? InstanceId { get; set; }

    /// <summary>Id of the signer in the sign plan.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; set; }

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

    /// <summary>Role of the signer (for templates, the role name).</summary>
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    /// <summary>UUID of the user account.</summary>
    [JsonPropertyName("userUUID")]
    public string? UserUuid { get; set; }

    /// <summary>Label of the role in the template.</summary>
    [JsonPropertyName("templateLabel")]
    public string? TemplateLabel { get; set; }

    /// <summary>A copy with the sign-plan id <paramref name="id"/> (the server's internal id is not copied).</summary>
    internal Signer ForPlan(int id) => new()
    {
        Id = id,
        Name = Name,
        Surname = Surname,
        Email = Email,
        PhoneValue = PhoneValue,
        Role = Role,
        UserUuid = UserUuid,
        TemplateLabel = TemplateLabel,
        AdditionalProperties = AdditionalProperties,
    };

    /// <summary>The <c>phone</c> member as sent (string or number).</summary>
    [JsonInclude]
    [JsonPropertyName("phone")]
    internal JsonElement? PhoneValue { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
