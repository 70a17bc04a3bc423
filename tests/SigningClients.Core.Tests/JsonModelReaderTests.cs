using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;
using Xunit;

namespace SigningClients.Core.Tests;

/// <summary>The shared steps of the hand-written model readers (issue 20): names, numbers, unknown members, repeats.</summary>
public sealed class JsonModelReaderTests
{
    [Fact]
    public void No_non_ascii_character_equals_an_ascii_one_ignoring_case_so_name_is_matches_ordinal_ignore_case()
    {
        // NameIs compares bytes, which can only match ASCII names; that is OrdinalIgnoreCase only while the runtime's
        // case mapping sends no non-ASCII character onto an ASCII one (the Turkish dotless i, the long s and the Kelvin
        // sign included). Checked here for every UTF-16 code unit.
        for (int c = 0x80; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var text = ((char)c).ToString();
            for (char a = ' '; a < 0x7F; a++)
            {
                Assert.False(string.Equals(text, a.ToString(), StringComparison.OrdinalIgnoreCase), "U+" + c.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + " equals '" + a + "'");
            }
        }
    }

    [Theory]
    [InlineData("documentId", "documentId", true)]
    [InlineData("DOCUMENTID", "documentId", true)]
    [InlineData("documentid", "documentId", true)]
    [InlineData("document_d", "documentId", false)]
    [InlineData("documentI", "documentId", false)]
    [InlineData("@", "`", false)]
    [InlineData("[", "{", false)]
    [InlineData("", "", true)]
    public void Name_is_compares_ascii_names_ignoring_case(string name, string known, bool equal)
    {
        Assert.Equal(equal, JsonModelReader.NameIs(Encoding.UTF8.GetBytes(name), Encoding.UTF8.GetBytes(known)));
        Assert.Equal(equal, string.Equals(name, known, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("-0")]
    [InlineData("2.5")]
    [InlineData("1e2")]
    [InlineData("99999999999")]
    [InlineData("\"7\"")]
    [InlineData("\" 7\"")]
    [InlineData("\"\\u0037\"")]
    [InlineData("\"7.0\"")]
    [InlineData("\"\"")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("1e400")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Numbers_read_as_the_serializer_reads_them_with_the_same_handling(string json)
    {
        foreach (var handling in new[] { JsonNumberHandling.Strict, JsonNumberHandling.AllowReadingFromString, JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals })
        {
            var options = new JsonSerializerOptions { NumberHandling = handling, TypeInfoResolver = NumberJsonContext.Default };
            Assert.Equal(Serializer<int?>(json, options), Ours(json, (ref Utf8JsonReader r) => JsonModelReader.ReadInt32(ref r, handling)));
            Assert.Equal(Serializer<long?>(json, options), Ours(json, (ref Utf8JsonReader r) => JsonModelReader.ReadInt64(ref r, handling)));
            Assert.Equal(Serializer<double?>(json, options), Ours(json, (ref Utf8JsonReader r) => JsonModelReader.ReadDouble(ref r, handling)));
        }
    }

    [Fact]
    public void Unknown_members_are_kept_or_skipped_and_checked_for_repeated_names_either_way()
    {
        const string json = "{\"known\":1,\"a\":{\"x\":[1,{\"y\":null}]},\"b\":null}";
        var kept = Model(json, keep: true);
        Assert.Equal(1, kept.Known);
        Assert.Equal(new[] { "a", "b" }, kept.Unknown!.Keys);
        Assert.Equal(JsonValueKind.Null, kept.Unknown["b"].ValueKind);
        Assert.Null(Model(json, keep: false).Unknown);

        foreach (var keep in new[] { true, false })
        {
            var ex = Assert.ThrowsAny<JsonException>(() => Model("{\"a\":{\"deep\":[{\"v\":1,\"V\":2}]}}", keep));
            Assert.Contains("'V'", ex.Message, StringComparison.Ordinal);
            Assert.ThrowsAny<JsonException>(() => Model("{\"known\":1,\"KNOWN\":2}", keep));
            Assert.ThrowsAny<JsonException>(() => Model("{\"\\u00e9\":1,\"\\u00c9\":2}", keep));
        }
    }

    [Fact]
    public void A_failure_names_the_path_of_the_value()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => Model("{\"list\":[1,2,\"x\"]}", keep: true));
        Assert.Equal("$.list[2]", ex.Path);
    }

    private sealed class Sample
    {
        public int? Known { get; set; }

        public List<int>? List { get; set; }

        public IDictionary<string, JsonElement>? Unknown { get; set; }
    }

    private static Sample Model(string json, bool keep)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        Assert.False(JsonModelReader.IsNullObject(ref reader));
        return JsonModelReader.ReadObject(ref reader, new Sample(), Members, keep ? (s, unknown) => s.Unknown = unknown : null);

        static bool Members(Sample value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
        {
            if (JsonModelReader.NameIs(name, "known"u8))
            {
                value.Known = JsonModelReader.ReadInt32(ref reader, JsonNumberHandling.Strict);
                return true;
            }

            if (JsonModelReader.NameIs(name, "list"u8))
            {
                value.List = JsonModelReader.ReadValueList(ref reader, (ref Utf8JsonReader r) => JsonModelReader.NonNull(JsonModelReader.ReadInt32(ref r, JsonNumberHandling.Strict)));
                return true;
            }

            return false;
        }
    }

    private static string Serializer<T>(string json, JsonSerializerOptions options)
    {
        try
        {
            return Convert.ToString(JsonSerializer.Deserialize<T>(json, options), System.Globalization.CultureInfo.InvariantCulture) ?? "null";
        }
        catch (JsonException)
        {
            return "JsonException";
        }
    }

    private static string Ours<T>(string json, JsonValueReader<T> read)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            return Convert.ToString(read(ref reader), System.Globalization.CultureInfo.InvariantCulture) ?? "null";
        }
        catch (JsonException)
        {
            return "JsonException";
        }
    }
}
