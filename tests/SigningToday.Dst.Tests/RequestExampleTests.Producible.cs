using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Testing;
using SigningToday.Dst.Models;
using SigningToday.Dst.Serialization;
using Xunit;

namespace SigningToday.Dst.Tests;

/// <summary>Every request example body of the doc is producible by the client: the wire body holds every example member.</summary>
public sealed partial class RequestExampleTests
{
    private static readonly SigningTodayJsonContext J = SigningTodayJsonContext.Default;
    private const string Dst = "737dc132-a3f0-11e9-a2a3-2a2ae2dbcce4";

    public static TheoryData<string> RequestExamples() => new(Directory.GetFiles(DocExampleFiles.Folder, "request-*.json").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(RequestExamples))]
    public async Task Request_example_is_producible(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var example = File.ReadAllText(Path.Combine(DocExampleFiles.Folder, name + ".json"));
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var c = harness.CreateClient(o => o.Retry.MaxRetries = 0);
        Func<Task> call = name switch
        {
            "request-02" => () => c.Notes.AddAsync(Dst, JsonSerializer.Deserialize(example, J.DstNote)!.Text!, ct),
            "request-03" => () => c.Notes.UpdateAsync(Dst, 14, JsonSerializer.Deserialize(example, J.DstNote)!, ct),
            "request-07" => () => c.Devices.RegisterAsync(JsonSerializer.Deserialize(example, J.DeviceRegistration)!, ct),
            "request-10" => () => c.Dsts.CreateAsync(JsonSerializer.Deserialize(example, J.DigitalSignatureTransaction)!, ct),
            "request-20" => () => c.Dsts.UpdateAsync(Dst, JsonSerializer.Deserialize(example, J.DigitalSignatureTransaction)!, ct),
            "request-22" => () => c.Dsts.FillAsync(Dst, JsonSerializer.Deserialize(example, J.DstForm)!, ct),
            "request-29" => () => c.Notifications.RegisterPushTokenAsync(JsonSerializer.Deserialize(example, J.PushTokenRegistration)!, ct),
            "request-35" => () => c.Resources.UpdateAsync(Dst, JsonSerializer.Deserialize(example, J.DstResource)!, ct),
            "request-45" => () => c.Robots.UpdateConfigurationAsync(JsonSerializer.Deserialize(example, J.RobotConfiguration)!, cancellationToken: ct),
            "request-46" => () => c.Robots.CreateDstAsync(JsonSerializer.Deserialize(example, J.RobotDstSpecification)!, ct),
            "request-47" => () => c.Robots.InstantiateTemplateAsync(Dst, JsonSerializer.Deserialize(example, J.TemplateInstantiation)!, ct),
            "request-53" => () => c.Services.ChangeOwnPasswordAsync(JsonSerializer.Deserialize(example, J.PasswordChange)!, ct),
            "request-54" => () => c.Services.ChangePasswordWithTokenAsync("05ea656f-df69-49b1-a12b-9bf640c427c2", JsonSerializer.Deserialize(example, J.String)!, ct),
            "request-55" => () => c.Services.ChangeServicePasswordAsync("jdo", "demo", JsonSerializer.Deserialize(example, J.String)!, ct),
            "request-61" => () => c.Users.CreateAsync(JsonSerializer.Deserialize(example, J.CreateUserRequest)!, ct),
            "request-63" => () => c.Users.CreateGroupsAsync(JsonSerializer.Deserialize(example, J.ListUserGroup)!, ct),
            "request-65" => () => c.Users.UpdateAsync(Dst, JsonSerializer.Deserialize(example, J.User)!, ct),
            _ => throw new InvalidOperationException("No client call mapped for " + name),
        };

        try
        {
            await call();
        }
        catch (SigningApiException)
        {
            // The simulator may refuse the doc's sample ids (404/409); the wire body is what this test checks.
        }

        var entry = Assert.Single(sim.Journal.Entries);
        using var expected = JsonDocument.Parse(example);
        using var actual = JsonDocument.Parse(entry.BodyText);
        var missing = JsonCompare.Missing(expected.RootElement, actual.RootElement);
        Assert.True(missing.Count == 0, name + ": " + string.Join("; ", missing));
    }
}
