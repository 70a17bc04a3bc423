using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using SigningClients.Core.Http;
using SigningClients.Core.Serialization;
using Xunit;

namespace SigningClients.Core.Tests;

[JsonConverter(typeof(Converter))]
public readonly struct Colour : IExtensibleEnum, IEquatable<Colour>
{
    public Colour(string value) => Value = value;

    public string? Value { get; }

    public static Colour Red { get; } = new("red");

    public bool Equals(Colour other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Colour other && Equals(other);

    public override int GetHashCode() => Value?.GetHashCode(StringComparison.Ordinal) ?? 0;

    public override string ToString() => Value ?? string.Empty;

    public static bool operator ==(Colour left, Colour right) => left.Equals(right);

    public static bool operator !=(Colour left, Colour right) => !left.Equals(right);

    public sealed class Converter : ExtensibleEnumConverter<Colour>
    {
        protected override Colour Create(string value) => new(value);
    }
}

public sealed class Paint
{
    public Colour Colour { get; set; }

    public DateTimeOffset? When { get; set; }

    public Dictionary<Colour, int>? Counts { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = new[] { typeof(TolerantDateTimeOffsetConverter) })]
[JsonSerializable(typeof(Paint))]
internal sealed partial class PaintContext : JsonSerializerContext
{
}

public sealed class SerializationTests
{
    [Fact]
    public void Unknown_extensible_enum_values_round_trip_without_throwing()
    {
        var paint = JsonSerializer.Deserialize("{\"colour\":\"ultraviolet\",\"counts\":{\"red\":1,\"new-shade\":2}}", PaintContext.Default.Paint)!;

        Assert.Equal("ultraviolet", paint.Colour.Value);
        Assert.NotEqual(Colour.Red, paint.Colour);
        Assert.Equal(2, paint.Counts![new Colour("new-shade")]);
        Assert.Equal(1, paint.Counts[Colour.Red]);
        Assert.Equal("{\"colour\":\"ultraviolet\",\"when\":null,\"counts\":{\"red\":1,\"new-shade\":2}}", JsonSerializer.Serialize(paint, PaintContext.Default.Paint));
    }

    [Theory]
    [InlineData("2018-12-19 09:26:03.478039", "2018-12-19T09:26:03.4780390+00:00")]
    [InlineData("2018-12-19T09:26:03Z", "2018-12-19T09:26:03.0000000+00:00")]
    [InlineData("2018-12-19T09:26:03+02:00", "2018-12-19T09:26:03.0000000+02:00")]
    [InlineData("2024-05-01", "2024-05-01T00:00:00.0000000+00:00")]
    public void Tolerant_dates_accept_provider_formats(string wire, string expected)
    {
        var paint = JsonSerializer.Deserialize("{\"when\":\"" + wire + "\"}", PaintContext.Default.Paint)!;
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), paint.When);
    }

    [Fact]
    public void Unix_milliseconds_and_garbage_dates()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), JsonSerializer.Deserialize("{\"when\":1700000000000}", PaintContext.Default.Paint)!.When);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"when\":\"yesterday-ish\"}", PaintContext.Default.Paint));
    }

    [Fact]
    public void Query_parameters_keep_dollar_names_and_escape_values()
    {
        var query = new QueryParameters().Add("$filter", "title==Sample Template&x=1").Add("$orderBy", "updatedAt,desc").Add("skip", (string?)null).Add("q", "a+b/c?");
        Assert.Equal("$filter=title%3D%3DSample%20Template%26x%3D1&$orderBy=updatedAt%2Cdesc&q=a%2Bb%2Fc%3F", query.ToString());
    }

    [Fact]
    public void Path_segments_are_escaped_and_empty_ids_rejected()
    {
        Assert.Equal("a%2Fb%3F%20c", SigningRequest.EscapeSegment("a/b? c"));
        Assert.Throws<ArgumentException>(() => SigningRequest.EscapeSegment(" ", "dstId"));
    }

    [Fact]
    public void Json_error_parser_reads_string_and_numeric_codes_and_ignores_garbage()
    {
        var parser = new JsonProviderErrorParser("code", "msg", wrapperProperty: "error");
        var numeric = parser.Parse(400, "application/json", "{\"error\":{\"code\":5004,\"msg\":\"[5004 - ENTITY_NOT_FOUND] x\"}}");
        Assert.Equal("5004", numeric!.Code);
        Assert.Equal("[5004 - ENTITY_NOT_FOUND] x", numeric.Message);
        Assert.Null(parser.Parse(500, "text/html", "<html>oops</html>"));
        Assert.Null(parser.Parse(500, "application/json", "{\"code\": "));
        Assert.Null(parser.Parse(500, "application/json", "[1,2]"));
    }
}
