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

        if (TryReadIso(ref reader, out var iso))
        {
            return iso;
        }

        var text = reader.GetString();
        if (TryParse(text, out var value))
        {
            return value;
        }

        throw new JsonException("Unrecognized date/time format.");
    }

    /// <summary>
    /// The fast path for the form nearly every answer uses (ISO 8601 with <c>T</c>, or a date alone): parsed from the
    /// UTF-8 bytes by the reader, without a string. Anything else (a space for <c>T</c>, <c>yyyyMMdd</c>, padding,
    /// escapes) falls through to <see cref="TryParse"/>, which accepts the same ISO forms too, with the same result.
    /// </summary>
    private static bool TryReadIso(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return false;
        }

        var span = reader.ValueSpan;

        // yyyy-MM-dd, then optionally 'T' and a time: anything else is left to the tolerant parser.
        if (span.Length < 10 || span[4] != (byte)'-' || span[7] != (byte)'-' || (span.Length > 10 && span[10] != (byte)'T'))
        {
            return false;
        }

        bool offset = HasOffset(span, out bool longFraction);
        if (longFraction)
        {
            return false;
        }

        if (offset)
        {
            return reader.TryGetDateTimeOffset(out value);
        }

        // No offset: the value is UTC (the reader would take it as local time).
        if (reader.TryGetDateTime(out var unspecified))
        {
            value = new DateTimeOffset(unspecified.Ticks, TimeSpan.Zero);
            return true;
        }

        return false;
    }

    // Whether the time part carries an offset; false also when it has more fraction digits than a DateTimeOffset
    // holds, which the reader would truncate where the general parser rounds (so the general parser decides).
    private static bool HasOffset(ReadOnlySpan<byte> span, out bool longFraction)
    {
        longFraction = false;
        int fractionStart = -1;
        for (int i = 11; i < span.Length; i++)
        {
            byte b = span[i];
            if (b == (byte)'.')
            {
                fractionStart = i + 1;
            }
            else if (b == (byte)'Z' || b == (byte)'z' || b == (byte)'+' || b == (byte)'-')
            {
                longFraction = fractionStart >= 0 && i - fractionStart > 7;
                return true;
            }
        }

        longFraction = fractionStart >= 0 && span.Length - fractionStart > 7;
        return false;
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
