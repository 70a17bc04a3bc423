using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SigningClients.Core.Serialization;
using SigningToday.Dst.Models;
using SigningToday.Dst.Serialization;
using SigningClients.TestSupport;
using Xunit;

namespace SigningToday.Dst.Tests;

/// <summary>
/// Issue 20 (P2): the hand-written DST reader used by the list and get paths reads exactly what the generated metadata
/// reads — every member, the tolerant forms (numbers in strings, every date form, unknown enum values, unknown
/// members, nulls) and the same refusals.
/// </summary>
public sealed class DstReaderTests
{
    private static readonly SigningTodayJsonContext J = SigningTodayJsonContext.Default;

    // For writing results back in the comparisons: the package's metadata, plus NaN and infinities (which a string
    // such as "NaN" or a number such as 1e400 read into a double) written as names instead of refused.
    private static readonly JsonSerializerOptions WriteBack = new(J.Options) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString | System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static readonly ModelReaderComparison Compare = new(WriteBack, "SigningToday.Dst.Models");

    private const string FullDst =
        "{\"id\":\"d1\",\"domain\":\"demo\",\"title\":\"T\",\"replaces\":\"r0\",\"replacedBy\":\"r2\",\"createdByUser\":\"u\",\"createdAt\":\"2024-05-01T10:00:00Z\"," +
        "\"documents\":[{\"_instance_id\":7001,\"id\":0,\"plainDocumentUuid\":\"p\",\"filledDocumentUuid\":\"f\",\"signedDocumentUuid\":\"s\",\"status\":\"signed\"," +
        "\"forms\":[{\"_instance_id\":1,\"id\":0,\"documentId\":0,\"type\":\"SignatureForm\",\"positionX\":\"100.00\",\"positionY\":58.14,\"width\":\"10.1\",\"height\":\"5.66\",\"page\":1,\"signerId\":0,\"toFill\":false,\"filled\":true,\"invisible\":false,\"extraData\":{\"signatureRequestId\":0}}]," +
        "\"signatureRequests\":[{\"_instance_id\":2,\"id\":0,\"reason\":\"As the Buyer\",\"description\":\"d\",\"signerId\":0,\"signProfile\":\"PAdES\",\"withTimestamp\":true,\"declinable\":false,\"restrictions\":[{\"rule\":\"email\",\"operator\":\"==\",\"value\":\"a@b.c\"}],\"extraData\":{\"st_uuid\":\"x\"}}]," +
        "\"signerGroups\":[{\"_instance_id\":3,\"label\":\"Buyers\",\"signers\":[{\"_instance_id\":4,\"id\":0,\"name\":\"Adam\",\"surname\":\"Smith\",\"email\":\"a@b.c\",\"phone\":\"+390000000000\",\"role\":\"buyer\",\"userUUID\":\"uu\",\"templateLabel\":\"tl\"}]}]," +
        "\"extraData\":{\"additionalProperty\":{}}}]," +
        "\"publishedAt\":\"2024-05-02T10:00:00.123+02:00\",\"expiresAt\":\"2099-12-31T23:59:59.000Z\"," +
        "\"resources\":[{\"id\":\"r\",\"domain\":\"demo\",\"type\":\"PDF_Document\",\"dstUuid\":\"d1\",\"title\":\"c.pdf\",\"filename\":\"c.pdf\",\"url\":\"https://x/c.pdf\",\"size\":184320,\"createdAt\":\"2024-05-01T10:00:00.000Z\",\"mimetype\":\"application/pdf\",\"pages\":3,\"extraData\":{\"toSign\":true}}]," +
        "\"signatures\":[{\"_instance_id\":5,\"documentId\":0,\"signatureRequestId\":0,\"signedAt\":\"2024-05-03 09:26:03.478039\",\"declinedReason\":\"no\",\"status\":\"performed\",\"extraData\":{\"a\":[1,{\"b\":null}]}}]," +
        "\"status\":\"signed\",\"errorMessage\":\"e\",\"deletedAt\":\"2024-05-04\",\"tags\":[\"sales\",\"2024\"],\"template\":false,\"publicTemplate\":true," +
        "\"extraData\":{\"email_disabled\":false,\"dst_urlback\":\"https://crm.example/x\",\"crm_deal\":12},\"visibleTo\":[\"v\"],\"ccGroups\":[\"legal\"],\"ccUsers\":[\"c\"],\"urgent\":true,\"updatedAt\":1714557600000}";

    public static TheoryData<string> EdgeCases() => new()
    {
        // Every member, and the page shape.
        FullDst,
        // JSON null for every kind of member, and null items in lists.
        "{\"id\":null,\"title\":null,\"createdAt\":null,\"documents\":null,\"status\":null,\"tags\":null,\"template\":null,\"extraData\":null,\"urgent\":null,\"resources\":[null],\"signatures\":[]}",
        "{\"tags\":[null,\"a\"],\"documents\":[null,{\"forms\":[null],\"status\":null,\"_instance_id\":null}]}",
        "{\"documents\":[{\"forms\":[{\"positionX\":null,\"page\":null,\"type\":null,\"toFill\":null,\"extraData\":null}],\"signerGroups\":[{\"signers\":[{\"phone\":null}]}]}]}",
        // Numbers in strings, escaped, named, out of range, with white space, as other number forms.
        "{\"documents\":[{\"_instance_id\":\"12\",\"id\":\"3\",\"forms\":[{\"page\":\"2\",\"positionX\":\"1.5\",\"positionY\":\"-0\",\"width\":\"1e2\",\"height\":\"+7\"}]}],\"resources\":[{\"size\":\"9007199254740993\",\"pages\":\"4\"}]}",
        "{\"documents\":[{\"forms\":[{\"page\":\"\\u0032\",\"positionX\":\"\\u0031.5\"}]}]}",
        "{\"documents\":[{\"forms\":[{\"positionX\":\"NaN\",\"positionY\":\"Infinity\",\"width\":\"-Infinity\"}]}]}",
        "{\"documents\":[{\"forms\":[{\"positionX\":\"nan\"}]}]}",
        "{\"documents\":[{\"forms\":[{\"page\":\" 2\"}]}]}",
        "{\"documents\":[{\"forms\":[{\"page\":\"2.0\"}]}]}",
        "{\"documents\":[{\"forms\":[{\"page\":2.5}]}]}",
        "{\"documents\":[{\"forms\":[{\"page\":99999999999}]}]}",
        "{\"documents\":[{\"forms\":[{\"page\":\"99999999999\"}]}]}",
        "{\"documents\":[{\"forms\":[{\"positionX\":1e400}]}]}",
        "{\"documents\":[{\"forms\":[{\"positionX\":\"1e400\"}]}]}",
        "{\"documents\":[{\"forms\":[{\"page\":\"\"}]}]}",
        "{\"documents\":[{\"forms\":[{\"page\":true}]}]}",
        // Every date form the converter accepts, and refusals.
        "{\"createdAt\":\"2024-05-01T10:00:00Z\",\"publishedAt\":\"2018-12-19 09:26:03.478039\",\"expiresAt\":\"2024-05-01\",\"deletedAt\":\"20240501\",\"updatedAt\":1714557600000}",
        "{\"createdAt\":\" 2024-05-01T10:00:00+02:00 \",\"publishedAt\":\"2024-05-01T10:00:00\\u002B02:00\",\"expiresAt\":\"2024-05-01T10:00:00.123456789Z\",\"deletedAt\":\"2024-05-01 10:00\",\"updatedAt\":\"2024-05-01T10:00:00.1234567\"}",
        "{\"createdAt\":\"not a date\"}",
        "{\"createdAt\":true}",
        // Extensible enums: known, unknown, other token kinds, escaped.
        "{\"status\":\"brand_new_status\",\"documents\":[{\"status\":3,\"forms\":[{\"type\":true}]}],\"resources\":[{\"type\":\"sign\\u0065d\"}],\"signatures\":[{\"status\":\"\"}]}",
        "{\"status\":{}}",
        // Unknown members at every level (kept, null included), repeated names (refused by the reader, see
        // AssertSame), escaped and cased names.
        "{\"future\":{\"a\":[1,2,{\"b\":null}]},\"nothing\":null,\"x\":1,\"documents\":[{\"more\":\"m\",\"forms\":[{\"zz\":[true]}],\"signatureRequests\":[{\"q\":1,\"restrictions\":[{\"w\":2}]}],\"signerGroups\":[{\"g\":3,\"signers\":[{\"h\":4}]}]}],\"resources\":[{\"r\":5}],\"signatures\":[{\"s\":6}]}",
        "{\"\\u0074ags\":[\"t\"],\"Title\":\"cased\",\"\\u00e9t\\u00e9\":\"summer\",\"ti\\\"tle\":1}",
        "{\"extraData\":{},\"documents\":[{\"extraData\":{\"a\":{\"b\":{\"c\":[1,\"\\u00e9\",1.50]}},\"A2\":2}}]}",
        // Names the reader's keys cannot tell apart (same length, first and last eight bytes; bytes equal but for bit
        // 0x20), which the exact comparison must: accepted when distinct, refused when equal but for case.
        "{\"aaaaaaaaXaaaaaaaaa\":1,\"aaaaaaaaYaaaaaaaaa\":2,\"@a\":3,\"`a\":4,\"[\":5,\"{\":6,\"title\":\"t\"}",
        "{\"aaaaaaaaXaaaaaaaaa\":1,\"aaaaaaaaxaaaaaaaaa\":2}",
        "{\"documents\":[{\"forms\":[{\"aaaaaaaa\u00e9aaaaaaaa\":1,\"aaaaaaaa\u00c9aaaaaaaa\":2}]}]}",
        "{\"documents\":[{\"forms\":[{\"aaaaaaaa\u00e9aaaaaaaa\":1,\"aaaaaaaaeaaaaaaaa\":2,\"page\":1}]}]}",
        "{\"future\":{\"a\":[1,2,{\"b\":null}]},\"nothing\":null,\"x\":1,\"x\":2,\"documents\":[{\"more\":\"m\",\"forms\":[{\"zz\":[true]}],\"signatureRequests\":[{\"q\":1,\"restrictions\":[{\"w\":2}]}],\"signerGroups\":[{\"g\":3,\"signers\":[{\"h\":4}]}]}],\"resources\":[{\"r\":5}],\"signatures\":[{\"s\":6}]}",
        "{\"title\":\"a\",\"title\":\"b\",\"\\u0074ags\":[\"t\"],\"Title\":\"cased\",\"\\u00e9t\\u00e9\":\"summer\",\"ti\\\"tle\":1}",
        // The phone member as the doc and the vendor send it, and other forms.
        "{\"documents\":[{\"signerGroups\":[{\"signers\":[{\"phone\":\"+013392213450\"},{\"phone\":390000000000},{\"phone\":{\"n\":1}},{\"phone\":[1]}]}]}]}",
        // extraData forms.
        "{\"extraData\":{},\"documents\":[{\"extraData\":{\"a\":{\"b\":{\"c\":[1,\"\\u00e9\",1.50]}},\"a\":2}}]}",
        "{\"extraData\":[1]}",
        "{\"extraData\":\"x\"}",
        // Values of the wrong kind.
        "{\"title\":5}",
        "{\"urgent\":\"true\"}",
        "{\"documents\":{}}",
        "{\"tags\":[1]}",
        "{\"tags\":\"a\"}",
        "{\"documents\":[[]]}",
        "{\"documents\":[5]}",
        "[]",
        "\"dst\"",
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void A_dst_reads_as_with_the_generated_metadata(string json)
    {
        Compare.AssertSame(json, J.DigitalSignatureTransaction, DstReader.Dst);
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void A_page_of_dsts_reads_as_with_the_generated_metadata(string json)
    {
        Compare.AssertSame("{\"count\":\"2\",\"values\":[" + json + ",{\"id\":\"second\"}],\"odata\":1}", J.SigningTodayListDigitalSignatureTransaction, DstReader.DstList);
    }

    [Theory]
    [InlineData("{\"values\":null}")]
    [InlineData("{\"values\":[],\"count\":null}")]
    [InlineData("{\"count\":1.5,\"values\":[]}")]
    [InlineData("{\"values\":[null]}")]
    [InlineData("{\"values\":{}}")]
    [InlineData("null")]
    [InlineData("{}")]
    public void The_page_itself_reads_as_with_the_generated_metadata(string json)
    {
        Compare.AssertSame(json, J.SigningTodayListDigitalSignatureTransaction, DstReader.DstList);
    }

    [Fact]
    public void A_page_shares_the_strings_that_repeat_and_reads_every_distinct_one_as_it_is()
    {
        // More distinct values than the table has slots (slots are taken over), lengths around the limit of 64,
        // escaped and non-ASCII forms of the same text, empty strings and nulls.
        var dsts = Enumerable.Range(0, 600).Select(i =>
            "{\"id\":\"d" + i + "\",\"domain\":\"acme\",\"tags\":[\"t" + (i % 400) + "\",\"t" + (i * 7 % 400) + "\",\"caf\\u00e9\",\"caf\u00e9\",\"cafe\",\"\",null]," +
            "\"createdByUser\":\"" + new string('u', i % 70) + "\",\"ccUsers\":[\"" + new string('c', 60 + (i % 8)) + "\"],\"documents\":[{\"signerGroups\":[{\"label\":\"L" + (i % 3) + "\",\"signers\":[{\"role\":\"r" + (i % 300) + "\",\"userUUID\":\"uu\"}]}]}]}");
        var json = "{\"count\":600,\"values\":[" + string.Join(",", dsts) + "]}";
        Compare.AssertSame(json, J.SigningTodayListDigitalSignatureTransaction, DstReader.DstList);

        var page = JsonSerializer.Deserialize("{\"values\":[{\"domain\":\"acme\",\"tags\":[\"x\"]},{\"domain\":\"acme\",\"tags\":[\"x\"]}]}", DstReader.DstList)!;
        Assert.Same(page.Values![0].Domain, page.Values[1].Domain);
        Assert.Same(page.Values[0].Tags![0], page.Values[1].Tags![0]);
        Assert.Equal("acme", page.Values[1].Domain);
    }

    [Fact]
    public void Comments_trailing_commas_and_depth_are_refused_as_before()
    {
        var deep = "{\"extraData\":" + string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70) + "}";
        foreach (var json in new[] { "{\"title\":\"a\" /* c */}", "{\"title\":\"a\",}", "{\"tags\":[\"a\",]}", deep })
        {
            Compare.AssertSame(json, J.DigitalSignatureTransaction, DstReader.Dst);
            Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, DstReader.Dst));
        }
    }

    [Fact]
    public void Every_member_of_every_model_on_a_dst_is_read_by_name_none_falls_into_additional_properties()
    {
        // Built from the generated metadata, so a member added to a model but not to the reader fails here.
        var json = Compare.Sample(typeof(DigitalSignatureTransaction), Leaf);
        var read = JsonSerializer.Deserialize(json, DstReader.Dst)!;
        Assert.EndsWith(" additional: ", Compare.Read(json, DstReader.Dst), StringComparison.Ordinal);
        Compare.AssertSame(json, J.DigitalSignatureTransaction, DstReader.Dst);
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize(json, J.DigitalSignatureTransaction)!, J.DigitalSignatureTransaction), JsonSerializer.Serialize(read, J.DigitalSignatureTransaction));
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_a_json_exception_naming_its_path()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{\"values\":[{},{\"documents\":[{},{\"forms\":[{\"page\":\"x\"}]}]}]}", DstReader.DstList));
        Assert.Equal("$.values[1].documents[1].forms[0].page", ex.Path);
        Assert.Contains("$.values[1].documents[1].forms[0].page", ex.Message, StringComparison.Ordinal);
        var escaped = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{\"\\u0074itle\":1}", DstReader.Dst));
        Assert.Equal("$.title", escaped.Path);
    }

    [Fact]
    public void Unknown_values_and_members_round_trip_through_the_reader()
    {
        var json = "{\"status\":\"brand_new_status\",\"documents\":[{\"forms\":[{\"type\":\"HologramForm\",\"future\":[1,{\"x\":null}]}]}],\"zz\":null}";
        var dst = JsonSerializer.Deserialize(json, DstReader.Dst)!;
        Assert.Equal("brand_new_status", dst.Status!.Value.Value);
        Assert.Equal("HologramForm", dst.Documents![0].Forms![0].Type!.Value.Value);
        Assert.Equal("[1,{\"x\":null}]", dst.Documents[0].Forms![0].AdditionalProperties!["future"].GetRawText());
        Assert.Equal(JsonValueKind.Null, dst.AdditionalProperties!["zz"].ValueKind);
        // Written back by the generated metadata: known members in declaration order, then the unknown ones.
        Assert.Equal("{\"documents\":[{\"forms\":[{\"type\":\"HologramForm\",\"future\":[1,{\"x\":null}]}]}],\"status\":\"brand_new_status\",\"zz\":null}", JsonSerializer.Serialize(dst, DstReader.Dst));
    }

    [Fact]
    public void The_list_and_get_operations_use_the_reader()
    {
        // The reader's metadata writes through the generated metadata (no recursion) and reads through the reader.
        var page = new SigningTodayList<DigitalSignatureTransaction> { Count = 1, Values = new[] { new DigitalSignatureTransaction { Id = "a", Urgent = true } } };
        Assert.Equal(JsonSerializer.Serialize(page, J.SigningTodayListDigitalSignatureTransaction), JsonSerializer.Serialize(page, DstReader.DstList));
        Assert.IsType<List<DigitalSignatureTransaction>>(JsonSerializer.Deserialize("{\"values\":[{}]}", DstReader.DstList)!.Values);
    }

    // Signing Today's own value types, for the sample of every member.
    private static string? Leaf(Type t) =>
        t == typeof(JsonElement) ? "\"+39\"" :
        typeof(IExtensibleEnum).IsAssignableFrom(t) ? "\"some_value\"" :
        t == typeof(IReadOnlyDictionary<string, JsonElement>) ? "{\"k\":[1]}" :
        null;
}
