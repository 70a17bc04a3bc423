using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningClients.Core.Serialization;

/// <summary>
/// Reads the date/time forms providers actually send: ISO 8601 with or without offset, a space instead of
/// <c>T</c> (<c>2018-12-19 09:26:03.478039</c>), date only (<c>2024-05-01</c>) and Unix epoch milliseconds.
/// Values without an offset are taken as UTC. Writes ISO 8601 (round-trip format).
/// </summary>
public sealed class TolerantDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] Formats =
    {
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd",
        "yyyyMMdd",
    };

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64());
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected a date/time string.");
        }

        var text = reader.GetString();
        if (TryParse(text, out var value))
        {
            return value;
        }

        throw new JsonException("Unrecognized date/time format.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
    }

    /// <summary>Parses a provider date/time string.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether the text was recognized.</returns>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text!.Trim();
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, Styles, out value) ||
               DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out value);
    }
}
