using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SigningClients.Core.Http;
using SigningClients.Core.Serialization;
using SigningClients.Testing;
using Xunit;

namespace SigningClients.Core.Tests;

/// <summary>
/// Metadata whose converter refuses repeated names itself (<see cref="IRefusesRepeatedMemberNames"/>): the pipeline
/// skips its separate pass for it, and a refusal by the converter ends as the same "ambiguous" answer.
/// </summary>
public sealed class RepeatedNameConverterTests
{
    private static Task<SimulatorHost> StartAsync(string body) =>
        SimulatorHost.StartAsync(r => r.MapGet("/op", (HttpContext c) => Results.Text(body, "application/json", Encoding.UTF8)), cancellationToken: TestContext.Current.CancellationToken);

    private static readonly JsonSerializerOptions Options = TestJsonContext.Default.Options;

    [Fact]
    public async Task The_separate_pass_is_skipped_for_a_converter_that_checks_itself()
    {
        // This converter claims to check and does not: the repeat is not seen, which shows the pass was skipped.
        await using var host = await StartAsync("{\"id\":1,\"id\":2}");
        var item = await Pipelines.Create(host.BaseAddress).SendAsync(Pipelines.Request(Idempotency.Safe), Info(new Claims(check: false)), TestContext.Current.CancellationToken);
        Assert.Equal(2, item.Id);

        // Without the claim the same answer is refused by the pipeline's own pass.
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => Pipelines.Create(host.BaseAddress).SendAsync(Pipelines.Request(Idempotency.Safe), Info(new DoesNotClaim()), TestContext.Current.CancellationToken));
        Assert.Contains("ambiguous: the member 'id'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\":1,\"ID\":2}", "ambiguous: the member 'ID' appears more than once")]
    [InlineData("{\"id\":\"x\"}", "not valid JSON")]
    [InlineData("{\"id\":1", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    public async Task A_refusal_by_the_converter_is_reported_as_by_the_separate_pass(string body, string expected)
    {
        await using var host = await StartAsync(body);
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => Pipelines.Create(host.BaseAddress).SendAsync(Pipelines.Request(Idempotency.Safe), Info(new Claims(check: true)), TestContext.Current.CancellationToken));
        Assert.Equal(SigningFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_extra_data_converter_refuses_repeats_only_when_asked()
    {
        const string Json = "{\"a\":{\"b\":[{\"c\":1,\"C\":2}]},\"a2\":1}";
        var keeps = new JsonObjectDictionaryConverter();
        var refuses = new JsonObjectDictionaryConverter(refuseRepeatedNames: true);
        Assert.False(keeps.RefusesRepeatedNames);
        Assert.True(refuses.RefusesRepeatedNames);
        Assert.Equal(2, Read(keeps, Json).Count);
        Assert.Equal(2, Read(keeps, "{\"a\":1,\"A\":2}").Count);
        var ex = Assert.Throws<JsonException>(() => Read(refuses, Json));
        Assert.Contains("'C'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => Read(refuses, "{\"a\":1,\"A\":2}"));
        Assert.Equal(2, Read(refuses, "{\"a\":{\"c\":1},\"b\":{\"c\":1}}").Count);
    }

    // The small flat objects are compared while they are copied; everything else by the exact guard on the copy.
    [Theory]
    [InlineData("{\"a\":1,\"b\":[1,2],\"A\":2}", "A")]
    [InlineData("{\"\\u0061\":1,\"a\":2}", "a")]
    [InlineData("{\"a\":1,\"\\u0041\":2}", "A")]
    [InlineData("{\"caf\u00e9\":1,\"CAF\u00c9\":2}", "CAF\u00c9")]
    [InlineData("{\"m0\":0,\"m1\":1,\"m2\":2,\"m3\":3,\"m4\":4,\"m5\":5,\"m6\":6,\"M0\":7}", "M0")]
    [InlineData("{\"m0\":0,\"m1\":1,\"m2\":2,\"m3\":3,\"m4\":4,\"m5\":5,\"m6\":6,\"m7\":7,\"M0\":8}", "M0")]
    [InlineData("{\"m0\":0,\"m1\":1,\"m2\":2,\"m3\":3,\"m4\":4,\"m5\":5,\"m6\":6,\"m7\":7,\"m8\":8,\"m8\":9}", "m8")]
    [InlineData("{\"a\":[{\"x\":1},{\"x\":1,\"X\":2}]}", "X")]
    [InlineData("{\"a\":{\"a\":1},\"a\":2}", "a")]
    public void The_extra_data_converter_finds_every_repeat(string json, string repeated)
    {
        var ex = Assert.Throws<JsonException>(() => Read(new JsonObjectDictionaryConverter(refuseRepeatedNames: true), json));
        Assert.Contains("'" + repeated + "'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"a\":1,\"b\":[1,{\"a\":1}],\"c\":{\"a\":1,\"b\":2}}")]
    [InlineData("{\"@a\":1,\"`a\":2,\"[\":3,\"{\":4,\"ab\":5,\"abc\":6,\"caf\u00e9\":7,\"cafe\":8}")]
    [InlineData("{\"\\u0061\":1,\"b\":2}")]
    [InlineData("{\"m0\":0,\"m1\":1,\"m2\":2,\"m3\":3,\"m4\":4,\"m5\":5,\"m6\":6,\"m7\":7,\"m8\":8,\"m9\":9}")]
    public void The_extra_data_converter_accepts_distinct_names(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(document.RootElement.EnumerateObject().Count(), Read(new JsonObjectDictionaryConverter(refuseRepeatedNames: true), json).Count);
    }

    private static System.Collections.Generic.IReadOnlyDictionary<string, JsonElement> Read(JsonObjectDictionaryConverter converter, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return converter.Read(ref reader, typeof(object), Options)!;
    }

    private static JsonTypeInfo<Item> Info(JsonConverter<Item> converter) => JsonMetadataServices.CreateValueInfo<Item>(Options, converter);

    // Reads {"id":n} (the last id wins), refusing a repeat itself when asked to.
    private class ItemConverter : JsonConverter<Item>
    {
        private readonly bool _check;

        protected ItemConverter(bool check) => _check = check;

        public override Item Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var item = new Item();
            var seen = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(member.Name) && _check)
                {
                    throw new JsonException("repeated");
                }

                item.Id = member.Value.GetInt32();
            }

            return item;
        }

        public override void Write(Utf8JsonWriter writer, Item value, JsonSerializerOptions options) => throw new NotSupportedException();
    }

    private sealed class Claims : ItemConverter, IRefusesRepeatedMemberNames
    {
        public Claims(bool check)
            : base(check)
        {
        }
    }

    private sealed class DoesNotClaim : ItemConverter
    {
        public DoesNotClaim()
            : base(check: false)
        {
        }
    }
}
