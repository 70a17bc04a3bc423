using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SigningToday.Dst.Models;
using SigningToday.Dst.Serialization;
using Xunit;

namespace SigningToday.Dst.Tests;

/// <summary>Every example response (and request body) of the doc deserializes and re-serializes without losing a member.</summary>
public sealed class DocExampleTests
{
    private static readonly SigningTodayJsonContext J = SigningTodayJsonContext.Default;

    // Operation number (line in DocExamples/operations.txt) -> the model its example uses.
    private static readonly Dictionary<string, Func<string, string>> Models = new()
    {
        ["response-01"] = s => RoundTrip(s, J.ListDstNote),
        ["response-02"] = s => RoundTrip(s, J.DstNote),
        ["response-03"] = s => RoundTrip(s, J.DstNote),
        ["response-05"] = s => RoundTrip(s, J.SigningTodayListDevice),
        ["response-06"] = s => RoundTrip(s, J.DeviceAuthorizationChallenge),
        ["response-07"] = s => RoundTrip(s, J.ListString),
        ["response-09"] = s => RoundTrip(s, J.SigningTodayListDigitalSignatureTransaction),
        ["response-10"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-11"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-12"] = s => RoundTrip(s, J.InstantiationResult),
        ["response-13"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-14"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-15"] = s => RoundTrip(s, J.ListAuditRecord),
        ["response-16"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-17"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-18"] = s => RoundTrip(s, J.SignatureAddress),
        ["response-19"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-20"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-22"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-23"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-25"] = s => RoundTrip(s, J.SigningTodayListInstantiationGroup),
        ["response-26"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-27"] = s => RoundTrip(s, J.SigningTodayListNotificationEvent),
        ["response-32"] = s => RoundTrip(s, J.DstResource),
        ["response-36"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-37"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-38"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-40"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-42"] = s => RoundTrip(s, J.RobotToken),
        ["response-44"] = s => RoundTrip(s, J.RobotConfiguration),
        ["response-46"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-47"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["response-48"] = s => RoundTrip(s, J.OAuthToken),
        ["response-50"] = s => RoundTrip(s, J.User),
        ["response-57"] = s => RoundTrip(s, J.ListString),
        ["response-59"] = s => RoundTrip(s, J.ServiceConfiguration),
        ["response-60"] = s => RoundTrip(s, J.SigningTodayListUser),
        ["response-61"] = s => RoundTrip(s, J.ListString),
        ["response-62"] = s => RoundTrip(s, J.SigningTodayListUserGroup),
        ["response-64"] = s => RoundTrip(s, J.User),
        ["response-68"] = s => RoundTrip(s, J.ListIdentity),
        ["request-02"] = s => RoundTrip(s, J.DstNote),
        ["request-03"] = s => RoundTrip(s, J.DstNote),
        ["request-07"] = s => RoundTrip(s, J.DeviceRegistration),
        ["request-10"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["request-20"] = s => RoundTrip(s, J.DigitalSignatureTransaction),
        ["request-22"] = s => RoundTrip(s, J.DstForm),
        ["request-29"] = s => RoundTrip(s, J.PushTokenRegistration),
        ["request-35"] = s => RoundTrip(s, J.DstResource),
        ["request-45"] = s => RoundTrip(s, J.RobotConfiguration),
        ["request-46"] = s => RoundTrip(s, J.RobotDstSpecification),
        ["request-47"] = s => RoundTrip(s, J.TemplateInstantiation),
        ["request-53"] = s => RoundTrip(s, J.PasswordChange),
        ["request-54"] = s => RoundTrip(s, J.String),
        ["request-55"] = s => RoundTrip(s, J.String),
        ["request-61"] = s => RoundTrip(s, J.CreateUserRequest),
        ["request-63"] = s => RoundTrip(s, J.ListUserGroup),
        ["request-65"] = s => RoundTrip(s, J.User),
    };

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(DocExampleFiles.Folder, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void Every_doc_example_has_a_model()
    {
        var files = Directory.GetFiles(DocExampleFiles.Folder, "*.json").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(41, files.Count(f => f!.StartsWith("response-", StringComparison.Ordinal)));
        Assert.Equal(17, files.Count(f => f!.StartsWith("request-", StringComparison.Ordinal)));
        Assert.All(files, f => Assert.True(Models.ContainsKey(f!), f));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_round_trips_without_losing_members(string name)
    {
        var original = File.ReadAllText(Path.Combine(DocExampleFiles.Folder, name + ".json"));
        var written = Models[name](original);
        using var expected = JsonDocument.Parse(original);
        using var actual = JsonDocument.Parse(written);
        var missing = JsonCompare.Missing(expected.RootElement, actual.RootElement);
        Assert.True(missing.Count == 0, name + ": " + string.Join("; ", missing));
    }

    [Fact]
    public void Unknown_members_and_unknown_enum_values_survive()
    {
        const string json = """{"id":"x","status":"archivedByRobot","documents":[{"status":"notarized","futureField":{"a":[1,2]}}],"brandNew":true}""";
        var dst = JsonSerializer.Deserialize(json, J.DigitalSignatureTransaction)!;
        Assert.Equal("archivedByRobot", dst.Status!.Value.Value);
        Assert.False(dst.Status.Value.IsTerminal);
        Assert.True(dst.AdditionalProperties!.ContainsKey("brandNew"));
        var written = JsonSerializer.Serialize(dst, J.DigitalSignatureTransaction);
        using var expected = JsonDocument.Parse(json);
        using var actual = JsonDocument.Parse(written);
        Assert.Empty(JsonCompare.Missing(expected.RootElement, actual.RootElement));
    }

    [Fact]
    public void Comparer_detects_a_lost_member()
    {
        using var expected = JsonDocument.Parse("""{"a":1,"b":{"c":"x"}}""");
        using var actual = JsonDocument.Parse("""{"a":1,"b":{}}""");
        Assert.Single(JsonCompare.Missing(expected.RootElement, actual.RootElement));
    }

    private static string RoundTrip<T>(string json, JsonTypeInfo<T> typeInfo)
    {
        var model = JsonSerializer.Deserialize(json, typeInfo);
        Assert.NotNull(model);
        return JsonSerializer.Serialize(model, typeInfo);
    }
}
