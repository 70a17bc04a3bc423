using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using ConsignO.Workflows.Models;
using ConsignO.Workflows.Serialization;
using SigningClients.Core;
using SigningClients.Core.Serialization;
using SigningClients.TestSupport;
using Xunit;

namespace ConsignO.Workflows.Tests;

/// <summary>
/// Issue 20 (P1/P5): the hand-written workflow reader used by every workflow answer reads exactly what the generated
/// metadata reads — every member, names in any case, the tolerant forms (a zone's page in a string, every date form,
/// references as strings or numbers, unknown enum values, unknown members, nulls) and the same refusals — and refuses
/// repeated member names itself, so the pipeline's separate pass over the body is skipped.
/// </summary>
public sealed class WorkflowReaderTests
{
    private static readonly ConsignOJsonContext J = ConsignOJsonContext.Default;

    // For writing results back in the comparisons: the package's metadata, plus NaN and infinities (which a number such
    // as 1e400 reads into a double) written as names instead of refused.
    private static readonly JsonSerializerOptions WriteBack = new(J.Options) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static readonly ModelReaderComparison Compare = new(WriteBack, "ConsignO.Workflows");

    private const string FullWorkflow =
        "{\"id\":\"64b7f0c2a1e3d4f5a6b7c8d9\",\"name\":\"Contract\",\"status\":1," +
        "\"documents\":[{\"documentId\":\"d1\",\"name\":\"c.pdf\",\"originalDocumentId\":\"d0\"," +
        "\"fields\":[{\"x\":72.5,\"y\":640.25,\"width\":180,\"height\":48,\"page\":3,\"assignedTo\":\"a1\",\"signed\":false,\"declined\":true,\"isSigned\":false}," +
        "{\"x\":320,\"y\":1e2,\"width\":-0,\"height\":4.8e1,\"page\":\"3\",\"assignedTo\":12345,\"signed\":true}]}]," +
        "\"totalActions\":2,\"remainingActions\":0,\"createdOn\":\"2024-05-01T10:00:00.000Z\",\"expiresOn\":\"2024-05-31 10:00:00\"," +
        "\"statusDate\":1714557600000,\"auditTrailDocumentId\":\"at\",\"editUrl\":\"https://cloud.consigno.com/workspace/x/edit\"," +
        "\"actions\":[{\"id\":\"a1\",\"step\":1,\"ref\":7,\"status\":\"STARTED\",\"statusDate\":\"2024-05-01T10:00:05.000Z\",\"mode\":\"REMOTE\"," +
        "\"secondFactorUsed\":[\"SMS\",null],\"declineReason\":{\"code\":1,\"text\":\"no\"}," +
        "\"signer\":{\"type\":\"EXTERNAL\",\"firstName\":\"Jean\",\"lastName\":\"Tremblay\",\"email\":\"j@example.com\",\"phone\":\"+15145550100\",\"lang\":\"fr\",\"amr\":[\"EMAIL\",\"SMS\"],\"placeHolder\":false,\"ref\":\"r1\"}}," +
        "{\"id\":\"a2\",\"step\":2,\"status\":\"NOT_STARTED\",\"mode\":\"REMOTE\",\"declineReason\":\"text\",\"signer\":{\"lang\":\"en\",\"amr\":[]}}]," +
        "\"webhooks\":[{\"url\":\"https://crm.example/hook\",\"insecure\":false},{\"url\":\"relative/hook\"}],\"workflowOwnerEmailsEnabled\":true}";

    public static TheoryData<string> EdgeCases() => new()
    {
        // Every member.
        FullWorkflow,
        // JSON null for every kind of member, and null items in lists.
        "{\"id\":null,\"name\":null,\"documents\":null,\"totalActions\":null,\"createdOn\":null,\"editUrl\":null,\"actions\":null,\"webhooks\":null,\"workflowOwnerEmailsEnabled\":null}",
        "{\"documents\":[null,{\"fields\":[null],\"name\":null}],\"actions\":[null,{\"signer\":null,\"status\":null,\"mode\":null,\"ref\":null,\"declineReason\":null,\"secondFactorUsed\":[null]}],\"webhooks\":[null,{\"url\":null,\"insecure\":null}]}",
        "{\"documents\":[{\"fields\":[{\"page\":null,\"assignedTo\":null,\"signed\":null}]}],\"actions\":[{\"signer\":{\"type\":null,\"lang\":null,\"amr\":null,\"ref\":null,\"placeHolder\":null}}]}",
        "{\"status\":null}",
        "{\"documents\":[{\"fields\":[{\"x\":null}]}]}",
        "{\"actions\":[{\"signer\":{\"amr\":[null]}}]}",
        // Names in any case (PropertyNameCaseInsensitive), escaped, and non-ASCII forms of ASCII letters.
        "{\"ID\":\"i\",\"Name\":\"n\",\"STATUS\":2,\"Documents\":[{\"DOCUMENTID\":\"d\",\"Fields\":[{\"X\":1,\"Signed\":true,\"DECLINED\":false,\"AssignedTo\":\"a\"}]}],\"ACTIONS\":[{\"Signer\":{\"FirstName\":\"f\",\"AMR\":[\"EMAIL\"]}}],\"EditURL\":\"https://x/\"}",
        "{\"\\u0069d\":\"escaped\",\"n\\u0061me\":\"n\",\"docum\\u0065nts\":[{\"f\\u0069elds\":[{\"p\\u0061ge\":2}]}]}",
        "{\"\u0131d\":\"dotless\",\"\u017Ftatus\":3,\"webhoo\u212As\":[],\"d\u00e9cuments\":1}",
        "{\"\\u0131d\":\"dotless escaped\",\"name\":\"n\"}",
        // Numbers: strict members refuse strings, a zone's page reads them; other number forms and range.
        "{\"totalActions\":\"2\"}",
        "{\"remainingActions\":2.5}",
        "{\"remainingActions\":99999999999}",
        "{\"actions\":[{\"step\":\"1\"}]}",
        "{\"documents\":[{\"fields\":[{\"x\":\"1.5\"}]}]}",
        "{\"documents\":[{\"fields\":[{\"page\":\"\\u0032\"}]}]}",
        "{\"documents\":[{\"fields\":[{\"page\":\" 2\"}]}]}",
        "{\"documents\":[{\"fields\":[{\"page\":\"2.0\"}]}]}",
        "{\"documents\":[{\"fields\":[{\"page\":\"99999999999\"}]}]}",
        "{\"documents\":[{\"fields\":[{\"page\":\"\"}]}]}",
        "{\"documents\":[{\"fields\":[{\"page\":true}]}]}",
        "{\"documents\":[{\"fields\":[{\"x\":1e400,\"y\":-1e400}]}]}",
        "{\"documents\":[{\"fields\":[{\"x\":\"NaN\"}]}]}",
        // The workflow status: a number or a numeric string, else refused.
        "{\"status\":\"4\"}",
        "{\"status\":99}",
        "{\"status\":\"launched\"}",
        "{\"status\":1.5}",
        "{\"status\":{}}",
        // Dates: every form the converter accepts, and refusals.
        "{\"createdOn\":\"2024-05-01T10:00:00Z\",\"expiresOn\":\"2018-12-19 09:26:03.478039\",\"statusDate\":\"2024-05-01\"}",
        "{\"createdOn\":\" 2024-05-01T10:00:00+02:00 \",\"expiresOn\":\"2024-05-01T10:00:00\\u002B02:00\",\"statusDate\":\"2024-05-01T10:00:00.123456789Z\"}",
        "{\"createdOn\":\"not a date\"}",
        "{\"createdOn\":true}",
        // Extensible enums: known, unknown, other token kinds, escaped.
        "{\"actions\":[{\"status\":\"SOMETHING_NEW\",\"mode\":3,\"signer\":{\"type\":true,\"lang\":\"\\u0065n\",\"amr\":[\"FACE_ID\",\"sms\"]}}]}",
        "{\"actions\":[{\"status\":{}}]}",
        "{\"actions\":[{\"signer\":{\"amr\":[[]]}}]}",
        // References as strings, numbers, other kinds.
        "{\"documents\":[{\"fields\":[{\"assignedTo\":1.50},{\"assignedTo\":-3e2},{\"assignedTo\":\"x\\u0041\"}]}]}",
        "{\"documents\":[{\"fields\":[{\"assignedTo\":true}]}]}",
        "{\"actions\":[{\"ref\":{}}]}",
        // URIs: absolute, relative, refused.
        "{\"editUrl\":\"/relative\",\"webhooks\":[{\"url\":\"https://x.example/\\u0068ook\"}]}",
        "{\"editUrl\":\"http://[bad\"}",
        "{\"editUrl\":5}",
        // Unknown members at every level (kept, null included), repeated names (refused by the reader, see AssertSame).
        "{\"future\":{\"a\":[1,2,{\"b\":null}]},\"nothing\":null,\"additionalProperties\":{\"x\":1},\"documents\":[{\"more\":\"m\",\"fields\":[{\"zz\":[true]}]}],\"actions\":[{\"q\":1,\"signer\":{\"w\":2}}],\"webhooks\":[{\"h\":3}]}",
        "{\"id\":\"a\",\"ID\":\"b\"}",
        "{\"documents\":[{\"fields\":[{\"signed\":true,\"Signed\":false}]}]}",
        "{\"future\":{\"a\":1,\"A\":2}}",
        "{\"actions\":[{\"declineReason\":{\"c\":1,\"c\":2}}]}",
        "{\"aaaaaaaaXaaaaaaaaa\":1,\"aaaaaaaaYaaaaaaaaa\":2,\"@a\":3,\"`a\":4,\"[\":5,\"{\":6,\"name\":\"t\"}",
        "{\"aaaaaaaaXaaaaaaaaa\":1,\"aaaaaaaaxaaaaaaaaa\":2}",
        "{\"\u00e9t\u00e9\":1,\"\u00c9T\u00c9\":2}",
        // Values of the wrong kind.
        "{\"id\":5}",
        "{\"workflowOwnerEmailsEnabled\":\"true\"}",
        "{\"documents\":{}}",
        "{\"actions\":[[]]}",
        "{\"actions\":[5]}",
        "{\"actions\":[{\"secondFactorUsed\":[1]}]}",
        "{\"actions\":[{\"signer\":[]}]}",
        "[]",
        "\"workflow\"",
        "null",
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void A_workflow_answer_reads_as_with_the_generated_metadata(string json)
    {
        Compare.AssertSame("{\"msg\":\"OK\",\"parameters\":null,\"response\":" + json + "}", J.ConsignOEnvelopeWorkflow, WorkflowReader.Envelope);
    }

    [Theory]
    [InlineData("{\"msg\":\"OK\"}")]
    [InlineData("{\"msg\":\"OK\",\"response\":null}")]
    [InlineData("{\"MSG\":\"cased\",\"Response\":{\"id\":\"x\"},\"PARAMETERS\":{\"p\":[1]}}")]
    [InlineData("{\"parameters\":[1,{\"a\":null}],\"response\":{}}")]
    [InlineData("{\"extra\":{\"deep\":[{\"a\":1}]},\"other\":1,\"response\":{\"id\":\"x\"}}")]
    [InlineData("{\"extra\":{\"deep\":[{\"a\":1,\"A\":2}]},\"response\":{\"id\":\"x\"}}")]
    [InlineData("{\"msg\":\"a\",\"Msg\":\"b\",\"response\":{}}")]
    [InlineData("{\"msg\":5}")]
    [InlineData("{\"response\":[]}")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("[]")]
    public void The_envelope_itself_reads_as_with_the_generated_metadata(string json)
    {
        Compare.AssertSame(json, J.ConsignOEnvelopeWorkflow, WorkflowReader.Envelope);
    }

    [Fact]
    public void Comments_trailing_commas_and_depth_are_refused_as_before()
    {
        foreach (var json in new[] { "{\"response\":{\"id\":\"x\"/*c*/}}", "{\"response\":{\"id\":\"x\",}}", "{\"response\":{\"future\":" + new string('[', 70) + new string(']', 70) + "}}" })
        {
            Assert.Equal("JsonException", Compare.Read(json, J.ConsignOEnvelopeWorkflow));
            Assert.Equal("JsonException", Compare.Read(json, WorkflowReader.Envelope));
        }
    }

    [Fact]
    public void Every_member_of_every_model_on_a_workflow_is_read_by_name_none_falls_into_additional_properties()
    {
        // A workflow with every member the generated metadata knows, at every level, each with a value of its type.
        var json = Compare.Sample(typeof(Workflow), Leaf);
        Assert.Contains("\"signed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"amr\"", json, StringComparison.Ordinal);
        var envelope = "{\"msg\":\"OK\",\"response\":" + json + "}";
        Compare.AssertSame(envelope, J.ConsignOEnvelopeWorkflow, WorkflowReader.Envelope);
        Assert.EndsWith(" additional: ", Compare.Read(envelope, WorkflowReader.Envelope), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_a_json_exception_naming_its_path()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{\"response\":{\"actions\":[{},{\"signer\":{\"amr\":[\"EMAIL\",[]]}}]}}", WorkflowReader.Envelope));
        Assert.Equal("$.response.actions[1].signer.amr[1]", ex.Path);

        var repeated = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{\"response\":{\"documents\":[{\"fields\":[{\"page\":1,\"PAGE\":2}]}]}}", WorkflowReader.Envelope));
        Assert.Contains("PAGE", repeated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reader_refuses_repeated_names_itself_so_the_pipeline_skips_its_separate_pass()
    {
        Assert.IsAssignableFrom<IRefusesRepeatedMemberNames>(WorkflowReader.Envelope.Converter);
    }

    [Fact]
    public async Task The_workflow_operations_use_the_reader_and_refuse_an_ambiguous_answer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: ct);
        var created = await harness.CreateLaunchedWorkflowAsync();
        var read = await harness.Client.GetWorkflowAsync(created.Id, ct);
        Assert.Equal(created.Id, read.Id);
        Assert.NotNull(read.Actions);

        harness.Simulator.Faults.EnqueueFor("GET", "/api/v1/workflows", SigningClients.Testing.SimulatedFault.MalformedBody("{\"msg\":\"OK\",\"response\":{\"id\":\"" + created.Id + "\",\"status\":1,\"Status\":2}}"));
        var error = await Assert.ThrowsAsync<SigningApiException>(() => harness.Client.GetWorkflowAsync(created.Id, ct));
        Assert.Equal(SigningFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    // ConsignO's own value types, for the sample of every member.
    private static string? Leaf(Type t) =>
        t == typeof(WorkflowStatus) ? "7" :
        t == typeof(Uri) ? "\"https://x.example/p\"" :
        t == typeof(JsonElement) ? "{\"reason\":\"r\"}" :
        t.GetCustomAttribute<JsonConverterAttribute>() is not null ? "\"SOME_VALUE\"" :
        null;
}
