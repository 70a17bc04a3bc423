using System.Linq;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Testing;
using SigningToday.Dst.Models;
using Xunit;

namespace SigningToday.Dst.Tests;

/// <summary>
/// Operations the server rejects when repeated must never be resent after a lost answer: the caller gets
/// OutcomeUnknown (and the change, which did happen, is not turned into a 4xx error by a replay).
/// </summary>
public sealed class ReplaySafetyTests
{
    [Fact]
    public async Task Modify_template_whose_answer_is_lost_is_not_resent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var robot = harness.Client;
        using var pdf = SigningTodayHarness.Pdf("template");
        var template = await robot.Dsts.CreateTemplateByFileAsync(pdf, "template.pdf", ct);
        await robot.Dsts.PublishAsync(template.Id!, ct);
        var route = "/api/DST/" + template.Id + "/modify";
        sim.Faults.EnqueueFor("POST", route, SimulatedFault.DropAfterProcessing());

        var error = await Assert.ThrowsAsync<SigningApiException>(() => robot.Dsts.ModifyTemplateAsync(template.Id!, ct));

        Assert.True(error.OutcomeUnknown);
        Assert.Equal(1, sim.Journal.CountOf("POST", route));
        Assert.Equal("draft", (string?)sim.GetDst(template.Id!)!.Json["status"]);
    }

    [Fact]
    public async Task Own_password_change_whose_answer_is_lost_is_not_resent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var userId = sim.AddUser("carla", "Carla-Old-1");
        var carla = harness.CreateClient(harness.CreatePasswordOptions("carla", "Carla-Old-1"));
        await carla.Services.GetCurrentUserAsync(ct);
        sim.Faults.EnqueueFor("POST", "/api/auth/passwordReset", SimulatedFault.DropAfterProcessing());

        var error = await Assert.ThrowsAsync<SigningApiException>(() => carla.Services.ChangeOwnPasswordAsync(new PasswordChange { CurrentPassword = "Carla-Old-1", NewPassword = "Carla-New-2" }, ct));

        Assert.True(error.OutcomeUnknown);
        Assert.Equal(1, sim.Journal.CountOf("POST", "/api/auth/passwordReset"));
        Assert.Equal(1, sim.PasswordChanges(userId));
        var token = await carla.Services.RequestTokenAsync("carla@" + sim.Settings.Domain, "Carla-New-2", ct);
        Assert.False(string.IsNullOrEmpty(token.AccessToken));
    }
}
