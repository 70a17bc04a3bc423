namespace SigningClients.Core.Serialization;

/// <summary>
/// Marks a <see cref="System.Text.Json.Serialization.JsonConverter"/> that refuses, itself, JSON in which one object
/// repeats a member name: while it reads, every object of the value at every depth (nested objects and arrays, extension
/// data and values kept as <see cref="System.Text.Json.JsonElement"/> included) is checked, names compared with
/// <see cref="System.StringComparer.OrdinalIgnoreCase"/> after unescaping, and a repeat throws a
/// <see cref="System.Text.Json.JsonException"/>.
/// </summary>
/// <remarks>
/// <see cref="Http.SigningResponse.ReadJsonAsync{T}"/> refuses an ambiguous answer
/// (<c>{"status":"a","status":"b"}</c>) with a separate pass over the body before it is deserialized. When the metadata's
/// <see cref="System.Text.Json.Serialization.Metadata.JsonTypeInfo.Converter"/> implements this interface, that pass is
/// skipped (the converter already matches every name, so it finds repeats at almost no cost); when the converter throws,
/// the body is checked then, so the answer is refused with the same message as by the separate pass. A converter that
/// implements this interface without checking every object makes the SDK accept ambiguous answers: implement it only
/// with tests that prove every object is checked.
/// </remarks>
public interface IRefusesRepeatedMemberNames
{
}
