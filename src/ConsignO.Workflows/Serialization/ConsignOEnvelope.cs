using System.Text.Json;

namespace ConsignO.Workflows.Serialization;

/// <summary>The wrapper of every ConsignO answer: <c>{msg, parameters, response}</c>.</summary>
/// <typeparam name="T">The payload type.</typeparam>
internal sealed class ConsignOEnvelope<T>
{
    public string? Msg { get; set; }

    public JsonElement? Parameters { get; set; }

    public T? Response { get; set; }
}
