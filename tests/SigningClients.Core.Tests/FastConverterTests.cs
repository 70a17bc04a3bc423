using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using SigningClients.Core.Serialization;
using Xunit;

namespace SigningClients.Core.Tests;

public sealed class Sheet
{
    public DateTimeOffset? When { get; set; }

    public Colour? Colour { get; set; }

    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(TolerantDateTimeOffsetConverter), typeof(JsonObjectDictionaryConverter) })]
[JsonSerializable(typeof(Sheet))]
[JsonSerializable(typeof(List<Sheet>))]
internal sealed partial class SheetContext : JsonSerializerContext
{
}

/// <summary>The allocation-free read paths (dates from UTF-8, cached enum values, one document per extraData object) keep every tolerance of the general ones.</summary>
public sealed class FastConverterTests
{
    // Every date form the provider docs show (and a few neighbours): the converter's result must equal the general
    // parser's (TolerantDateTimeOffsetConverter.TryParse), whichever path reads it.
    [Theory]
    [InlineData("2018-12-19 09:26:03.478039")]
    [InlineData("2018-12-19T09:26:03.478039")]
    [InlineData("2018-12-19T09:26:03.4780391")]
    [InlineData("2018-12-19T09:26:03Z")]
    [InlineData("2018-12-19T09:26:03z")]
    [InlineData("2018-12-19T09:26:03.123Z")]
    [InlineData("2018-12-19T09:26:03+02:00")]
    [InlineData("2018-12-19T09:26:03-05:30")]
    [InlineData("2018-12-19T09:26:03")]
    [InlineData("2021-10-17T07:26Z")]
    [InlineData("2021-10-17T07:26")]
    [InlineData("2021-10-17 07:26")]
    [InlineData("2024-05-01")]
    [InlineData("20240501")]
    [InlineData(" 2024-05-01T10:00:00Z ")]
    [InlineData("2024-05-01T10:00:00.000Z")]
    [InlineData("2024-05-01T10:00:00.000+0200")]
    [InlineData("2024-02-29T23:59:59.9999999Z")]
    [InlineData("2018-12-19T09:26:03.12345678Z")]
    [InlineData("2018-12-19T09:26:03.12345678")]
    public void Dates_read_from_utf8_equal_the_general_parser(string wire)
    {
        Assert.True(TolerantDateTimeOffsetConverter.TryParse(wire, out var expected));
        var sheet = JsonSerializer.Deserialize("{\"when\":\"" + wire + "\"}", SheetContext.Default.Sheet)!;
        Assert.Equal(expected, sheet.When);
        Assert.Equal(expected.Offset, sheet.When!.Value.Offset);
    }

    [Fact]
    public void Dates_without_offset_are_utc_and_escaped_or_odd_forms_still_read()
    {
        var utc = JsonSerializer.Deserialize("{\"when\":\"2018-12-19T09:26:03\"}", SheetContext.Default.Sheet)!.When!.Value;
        Assert.Equal(TimeSpan.Zero, utc.Offset);
        Assert.Equal(new DateTimeOffset(2018, 12, 19, 9, 26, 3, TimeSpan.Zero), utc);

        // An escaped digit and a '+' written as \u002B: the reader's fast path is skipped, the result is the same.
        var escaped = JsonSerializer.Deserialize("{\"when\":\"\\u0032018-12-19T09:26:03\\u002B02:00\"}", SheetContext.Default.Sheet)!.When!.Value;
        Assert.Equal(new DateTimeOffset(2018, 12, 19, 9, 26, 3, TimeSpan.FromHours(2)), escaped);

        // More fraction digits than DateTimeOffset holds: the fast path declines, the general parser decides (as before).
        Assert.Equal(TolerantDateTimeOffsetConverter.TryParse("2018-12-19T09:26:03.12345678Z", out var many), ReadsDate("2018-12-19T09:26:03.12345678Z", out var read));
        Assert.Equal(many, read);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"when\":\"2018-13-45T99:99:99Z\"}", SheetContext.Default.Sheet));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"when\":\"2018-12-19Tnoon\"}", SheetContext.Default.Sheet));
    }

    [Fact]
    public async Task Dates_and_extra_data_read_across_buffer_boundaries_in_async_reads()
    {
        // DeserializeAsync with a 1-byte buffer: values arrive in pieces (a ValueSequence-free copy is made by the serializer).
        var json = "[" + string.Join(",", Enumerable.Range(0, 50).Select(i => "{\"when\":\"2024-05-01T10:00:" + (i % 60).ToString("00", CultureInfo.InvariantCulture) + "Z\",\"extraData\":{\"i\":" + i.ToString(CultureInfo.InvariantCulture) + ",\"s\":[\"a\",{\"b\":null}]}}")) + "]";
        using var stream = new System.IO.MemoryStream(Encoding.UTF8.GetBytes(json));
        var options = new JsonSerializerOptions(SheetContext.Default.Options) { DefaultBufferSize = 1 };
        var list = await JsonSerializer.DeserializeAsync(stream, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<List<Sheet>>)options.GetTypeInfo(typeof(List<Sheet>)), TestContext.Current.CancellationToken);
        Assert.Equal(50, list!.Count);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 49, TimeSpan.Zero), list[49].When);
        Assert.Equal(49, list[49].ExtraData!["i"].GetInt32());
        Assert.Equal("{\"i\":7,\"s\":[\"a\",{\"b\":null}]}", JsonSerializer.Serialize(list[7].ExtraData, SheetContext.Default.Options));
    }

    [Fact]
    public void Enum_values_from_the_cache_equal_fresh_ones_and_unknown_values_never_throw()
    {
        // More distinct values than the cache keeps, long ones, escaped ones, repeated ones: each reads as its own value.
        var values = Enumerable.Range(0, 150).Select(i => "shade-" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        values.Add(new string('x', 200));
        values.Add("caf\u00e9");
        for (int round = 0; round < 3; round++)
        {
            foreach (var value in values)
            {
                var json = "{\"colour\":" + JsonSerializer.Serialize(value) + "}";
                Assert.Equal(new Colour(value), JsonSerializer.Deserialize(json, SheetContext.Default.Sheet)!.Colour);
            }
        }

        Assert.Equal(new Colour("red"), JsonSerializer.Deserialize("{\"colour\":\"\\u0072ed\"}", SheetContext.Default.Sheet)!.Colour);
        Assert.Equal(new Colour("42"), JsonSerializer.Deserialize("{\"colour\":42}", SheetContext.Default.Sheet)!.Colour);
        Assert.Equal(new Colour("true"), JsonSerializer.Deserialize("{\"colour\":true}", SheetContext.Default.Sheet)!.Colour);
    }

    [Fact]
    public void Enum_cache_is_safe_under_concurrent_reads()
    {
        var converter = new Colour.Converter();
        Parallel.For(0, 2000, i =>
        {
            var value = "c" + (i % 97).ToString(CultureInfo.InvariantCulture);
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"" + value + "\""));
            reader.Read();
            Assert.Equal(value, converter.Read(ref reader, typeof(Colour), JsonSerializerOptions.Default).Value);
        });
    }

    [Fact]
    public void Extra_data_keeps_every_member_and_writes_it_back_as_received()
    {
        const string Extra = "{\"st_uuid\":\"d6eb\",\"n\":1.50,\"flag\":false,\"none\":null,\"nested\":{\"a\":[1,{\"b\":\"c\"}]},\"list\":[],\"esc\":\"caf\\u00e9\"}";
        var sheet = JsonSerializer.Deserialize("{\"extraData\":" + Extra + ",\"unknown\":{\"x\":1}}", SheetContext.Default.Sheet)!;
        var extra = sheet.ExtraData!;

        Assert.Equal(7, extra.Count);
        Assert.Equal(new[] { "st_uuid", "n", "flag", "none", "nested", "list", "esc" }, extra.Keys.ToArray());
        Assert.Equal("d6eb", extra["st_uuid"].GetString());
        Assert.Equal(1.50m, extra["n"].GetDecimal());
        Assert.Equal(JsonValueKind.False, extra["flag"].ValueKind);
        Assert.Equal(JsonValueKind.Null, extra["none"].ValueKind);
        Assert.Equal("c", extra["nested"].GetProperty("a")[1].GetProperty("b").GetString());
        Assert.Equal("caf\u00e9", extra["esc"].GetString());
        Assert.True(extra.ContainsKey("list"));
        Assert.False(extra.TryGetValue("missing", out _));
        Assert.Throws<KeyNotFoundException>(() => extra["missing"]);
        Assert.Equal(extra.Keys.Count(), extra.Values.Count());
        Assert.Equal(1, sheet.AdditionalProperties!["unknown"].GetProperty("x").GetInt32());

        // Written back byte for byte (number forms, escapes, nulls, nesting and member order kept), the unknown member too.
        Assert.Equal("{\"extraData\":" + Extra + ",\"unknown\":{\"x\":1}}", JsonSerializer.Serialize(sheet, SheetContext.Default.Sheet));

        // Whitespace is dropped, nothing else: the object reads back the same.
        var spaced = JsonSerializer.Deserialize("{ \"extraData\" : { \"a\" : [ 1 , 2 ] ,\n \"b\" : { } , \"c\" : \"x y\" } }", SheetContext.Default.Sheet)!;
        Assert.Equal("{\"extraData\":{\"a\":[1,2],\"b\":{},\"c\":\"x y\"}}", JsonSerializer.Serialize(spaced, SheetContext.Default.Sheet));
        Assert.Equal(2, spaced.ExtraData!["a"][1].GetInt32());
    }

    [Fact]
    public void Extra_data_with_repeated_names_behaves_like_a_dictionary_and_outlives_concurrent_first_use()
    {
        var names = Enumerable.Range(0, 20).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var json = "{\"extraData\":{" + string.Join(",", names.Select((n, i) => "\"" + n + "\":" + i.ToString(CultureInfo.InvariantCulture))) + ",\"k3\":\"last\",\"k15\":\"last\"}}";
        var extra = JsonSerializer.Deserialize(json, SheetContext.Default.Sheet)!.ExtraData!;
        var dictionary = new Dictionary<string, JsonElement>();
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.GetProperty("extraData").EnumerateObject())
        {
            dictionary[p.Name] = p.Value;
        }

        var seen = new List<KeyValuePair<string, JsonElement>>[8];
        Parallel.For(0, seen.Length, i => seen[i] = extra.ToList());
        foreach (var list in seen)
        {
            Assert.Equal(dictionary.Keys, list.Select(p => p.Key));
            Assert.Equal(dictionary.Values.Select(v => v.GetRawText()), list.Select(p => p.Value.GetRawText()));
        }

        Assert.Equal(20, extra.Count);
        Assert.Equal("last", extra["k3"].GetString());
        Assert.Equal("last", extra["k15"].GetString());
    }

    [Fact]
    public void Extra_data_null_user_dictionaries_and_invalid_shapes()
    {
        Assert.Null(JsonSerializer.Deserialize("{\"extraData\":null}", SheetContext.Default.Sheet)!.ExtraData);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"extraData\":\"text\"}", SheetContext.Default.Sheet));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"extraData\":[1]}", SheetContext.Default.Sheet));

        using var value = JsonDocument.Parse("{\"on\":true}");
        var sheet = new Sheet { ExtraData = new Dictionary<string, JsonElement> { ["a\"b"] = value.RootElement, ["n"] = value.RootElement.GetProperty("on") } };
        Assert.Equal("{\"extraData\":{\"a\\u0022b\":{\"on\":true},\"n\":true}}", JsonSerializer.Serialize(sheet, SheetContext.Default.Sheet));
    }

    private static bool ReadsDate(string wire, out DateTimeOffset value)
    {
        try
        {
            value = JsonSerializer.Deserialize("{\"when\":\"" + wire + "\"}", SheetContext.Default.Sheet)!.When!.Value;
            return true;
        }
        catch (JsonException)
        {
            value = default;
            return false;
        }
    }
}
