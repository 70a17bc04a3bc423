using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SigningToday.Dst.Serialization;

namespace SigningToday.Dst.Internal;

/// <summary>
/// Members whose wire type differs between the vendor's models and the doc (a number or a string, an id or an
/// object) are stored as the <see cref="JsonElement"/> the server sent, so a round trip writes back exactly what was
/// read; the typed views below never throw on a form they do not expect.
/// </summary>
internal static class WireValue
{
    /// <summary>The text of a string or number (raw digits); null for any other form.</summary>
    public static string? Text(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Number => value.Value.GetRawText(),
        _ => null,
    };

    /// <summary>An integer from a number or a numeric string; null for any other form.</summary>
    public static int? Int32(JsonElement? value)
    {
        if (value is null)
        {
            return null;
        }

        var element = value.Value;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int number))
        {
            return number;
        }

        return element.ValueKind == JsonValueKind.String && int.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number) ? number : null;
    }

    /// <summary>A member of an object form; null when the value is not an object or lacks it.</summary>
    public static JsonElement? Member(JsonElement? value, string name) =>
        value is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out var member) ? member : null;

    /// <summary>The object form read as <typeparamref name="T"/>; null when the value is not an object or does not read as one.</summary>
    public static T? Object<T>(JsonElement? value, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (value is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        try
        {
            return element.Deserialize(typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A JSON string, or null.</summary>
    public static JsonElement? String(string? value) =>
        value is null ? null : JsonSerializer.SerializeToElement(value, SigningTodayJsonContext.Default.String);

    /// <summary>A JSON number, or null.</summary>
    public static JsonElement? Number(long? value)
    {
        if (value is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(value.Value.ToString(CultureInfo.InvariantCulture));
        return document.RootElement.Clone();
    }

    /// <summary>A JSON object written from <paramref name="value"/>, or null.</summary>
    public static JsonElement? From<T>(T? value, JsonTypeInfo<T> typeInfo)
        where T : class =>
        value is null ? null : JsonSerializer.SerializeToElement(value, typeInfo);
}
