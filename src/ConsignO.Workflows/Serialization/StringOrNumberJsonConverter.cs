using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConsignO.Workflows.Serialization;

/// <summary>
/// Reads a reference that the documentation calls "a common random numerical value" whether the server sends it as a
/// JSON string or a JSON number (kept as its exact text); writes a string.
/// </summary>
public sealed class StringOrNumberJsonConverter : JsonConverter<string?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
            JsonTokenType.Null => null,
            _ => throw new JsonException("Expected a reference (string or number)."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
