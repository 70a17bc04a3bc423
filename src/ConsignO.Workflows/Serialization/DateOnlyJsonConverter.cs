using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConsignO.Workflows.Serialization;

/// <summary>Writes a date as <c>YYYY-MM-DD</c>; reads that form or a full ISO 8601 date/time.</summary>
internal sealed class DateOnlyJsonConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
        {
            return value.Date;
        }

        throw new JsonException("Expected a date (YYYY-MM-DD).");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
