using System.Text.Json.Serialization;
using ConsignO.Workflows.Models;
using SigningClients.Core.Serialization;

namespace SigningClients.Benchmarks.Overhead;

/// <summary>
/// The hand-written baselines' own source-generated context. It deserializes into the same public model types the SDK
/// returns, with the same options as the provider package, so SDK and baseline do the same JSON work and the
/// difference is the SDK's request path alone.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    Converters = new[] { typeof(TolerantDateTimeOffsetConverter) })]
[JsonSerializable(typeof(RawConsignOEnvelope<Workflow>))]
internal sealed partial class ConsignOBaselineJsonContext : JsonSerializerContext
{
}

/// <summary>ConsignO's answer wrapper, written by hand as a user would.</summary>
internal sealed class RawConsignOEnvelope<T>
{
    public string? Msg { get; set; }

    public T? Response { get; set; }
}

/// <summary>The SigningToday baselines' context: same model types and options as the SigningToday package.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = new[] { typeof(TolerantDateTimeOffsetConverter) })]
[JsonSerializable(typeof(SigningToday.Dst.Models.DigitalSignatureTransaction))]
[JsonSerializable(typeof(SigningToday.Dst.Models.SigningTodayList<SigningToday.Dst.Models.DigitalSignatureTransaction>))]
internal sealed partial class SigningTodayBaselineJsonContext : JsonSerializerContext
{
}
