using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConsignO.Workflows.Serialization;

/// <summary>
/// A calendar date carried by a <see cref="DateTimeOffset"/> (the SDK's one type for dates and instants): writes the
/// value's own calendar date (in its own offset) as <c>YYYY-MM-DD</c>; reads that form or a full ISO 8601 date/time
/// and returns that calendar date at midnight, offset zero.
/// </summary>
internal sealed class DateOnlyJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return new DateTimeOffset(value.Date, TimeSpan.Zero);
        }

        throw new JsonException("Expected a date (YYYY-MM-DD).");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
