using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>One page of a Signing Today list: <c>{count, values}</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class SigningTodayList<T>
{
    /// <summary>The total number of items (present when <c>$count=true</c> was asked).</summary>
    [JsonPropertyName("count")]
    public long? Count { get; set; }

    /// <summary>The items of this page.</summary>
    [JsonPropertyName("values")]
    public IReadOnlyList<T>? Values { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
