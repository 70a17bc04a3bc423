using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Trident.SignerProcess.Models;

namespace Trident.SignerProcess.Serialization;

/// <summary>
/// Reads a signature field location in the reference form (<c>page {number}</c>, <c>rectangle {x, y, width, height}</c>)
/// and in the corner form (<c>page</c> as a number, <c>llx, lly, urx, ury</c>); writes the form that is set.
/// Unknown members are kept. Public so that your own source-generated JSON context can serialize the models.
/// </summary>
public sealed class SignatureFieldLocationConverter : JsonConverter<SignatureFieldLocation>
{
    /// <inheritdoc />
    public override SignatureFieldLocation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a signature field location object.");
        }

        var location = new SignatureFieldLocation();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return location;
            }

            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "page" when reader.TokenType == JsonTokenType.StartObject:
                    location.Page = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<SignaturePage>)options.GetTypeInfo(typeof(SignaturePage)));
                    location.PageReadAsNumber = false;
                    break;
                case "page" when reader.TokenType is JsonTokenType.Number or JsonTokenType.String:
                    location.Page = new SignaturePage { Number = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<SignaturePageNumber>)options.GetTypeInfo(typeof(SignaturePageNumber))) };
                    location.PageReadAsNumber = true;
                    break;
                case "rectangle" when reader.TokenType == JsonTokenType.StartObject:
                    location.Rectangle = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<SignatureRectangle>)options.GetTypeInfo(typeof(SignatureRectangle)));
                    break;
                case "llx" when IsNumeric(ref reader):
                    location.Llx = ReadDouble(ref reader);
                    break;
                case "lly" when IsNumeric(ref reader):
                    location.Lly = ReadDouble(ref reader);
                    break;
                case "urx" when IsNumeric(ref reader):
                    location.Urx = ReadDouble(ref reader);
                    break;
                case "ury" when IsNumeric(ref reader):
                    location.Ury = ReadDouble(ref reader);
                    break;
                default:
                    // Anything else (or a known member in an unexpected shape) is kept unchanged.
                    location.AdditionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                    location.AdditionalProperties[name] = JsonElement.ParseValue(ref reader);
                    break;
            }
        }

        throw new JsonException("Unterminated signature field location.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SignatureFieldLocation value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        writer.WriteStartObject();
        if (value.Page is { } page)
        {
            writer.WritePropertyName("page");
            bool asNumber = value.PageReadAsNumber ?? (value.HasCorners && value.Rectangle is null);
            if (asNumber && page.AdditionalProperties is not { Count: > 0 })
            {
                JsonSerializer.Serialize(writer, page.Number, (JsonTypeInfo<SignaturePageNumber>)options.GetTypeInfo(typeof(SignaturePageNumber)));
            }
            else
            {
                JsonSerializer.Serialize(writer, page, (JsonTypeInfo<SignaturePage>)options.GetTypeInfo(typeof(SignaturePage)));
            }
        }

        if (value.Rectangle is { } rectangle)
        {
            writer.WritePropertyName("rectangle");
            JsonSerializer.Serialize(writer, rectangle, (JsonTypeInfo<SignatureRectangle>)options.GetTypeInfo(typeof(SignatureRectangle)));
        }

        WriteNumber(writer, "llx", value.Llx);
        WriteNumber(writer, "lly", value.Lly);
        WriteNumber(writer, "urx", value.Urx);
        WriteNumber(writer, "ury", value.Ury);
        if (value.AdditionalProperties is { } extra)
        {
            foreach (var member in extra)
            {
                writer.WritePropertyName(member.Key);
                member.Value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static bool IsNumeric(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number ||
        (reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    private static double ReadDouble(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}

/// <summary>Reads a flag sent as a JSON boolean or as the string <c>"true"</c>/<c>"false"</c>; writes a boolean. Public so that your own source-generated JSON context can serialize the models.</summary>
public sealed class BooleanOrStringJsonConverter : JsonConverter<bool?>
{
    /// <inheritdoc />
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    return null;
                }

                if (bool.TryParse(text, out var flag))
                {
                    return flag;
                }

                if (text == "1" || text == "0")
                {
                    return text == "1";
                }

                throw new JsonException("Expected true or false.");
            case JsonTokenType.Number when reader.TryGetInt32(out var n) && (n == 0 || n == 1):
                return n == 1;
            default:
                throw new JsonException("Expected true or false.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (value is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
