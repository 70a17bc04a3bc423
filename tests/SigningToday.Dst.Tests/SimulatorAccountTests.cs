using System;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Testing;
using SigningToday.Dst.Models;
using Xunit;

namespace SigningToday.Dst.Tests;

/// <summary>The simulator's extra accounts (users, robots) and the state counters tests use to prove a write's effect.</summary>
public sealed class SimulatorAccountTests
{
    [Fact]
    public async Task A_second_robot_has_its_own_token_which_the_admin_can_clear()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var token = sim.AddRobot("robot-two");
        using var second = harness.CreateClient(o => o.RobotToken = token);
        using var admin = harness.CreateAdminClient();
        var seeded = harness.Client;

        await second.Robots.GetConfigurationAsync(null, ct);
        await admin.Robots.ClearTokenAsync(new RobotAccount { Username = "robot-two", Domain = sim.Settings.Domain }, ct);

        Assert.False(sim.IsRobotTokenValid(token));
        Assert.True(sim.IsRobotTokenValid(sim.Settings.RobotToken));
        var error = await Assert.ThrowsAsync<SigningApiException>(() => second.Robots.GetConfigurationAsync(null, ct));
        Assert.Equal(401, error.Status);
        await seeded.Robots.GetConfigurationAsync(null, ct);
        Assert.Throws<SimulatorStateException>(() => sim.AddRobot("robot-two"));
    }

    [Fact]
    public async Task Added_users_log_in_and_password_changes_and_emails_are_counted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var userId = sim.AddUser("dora", "Dora-Pass-1", "instructor");
        using var admin = harness.CreateAdminClient();

        var token = await admin.Services.RequestTokenAsync("dora@" + sim.Settings.Domain, "Dora-Pass-1", ct);
        Assert.False(string.IsNullOrEmpty(token.AccessToken));
        Assert.Equal("instructor", (await admin.Users.GetAsync(userId, ct)).Role?.Value);
        Assert.Throws<SimulatorStateException>(() => sim.AddUser("dora", "x"));

        await admin.Services.ResetUserPasswordAsync("dora", sim.Settings.Domain, ct);
        await admin.Services.RequestPasswordRecoveryAsync("dora", sim.Settings.Domain, ct);
        await admin.Services.RequestPasswordRecoveryAsync("nobody", sim.Settings.Domain, ct);
        Assert.Equal(2, sim.PasswordEmails(userId));
        Assert.Equal(0, sim.PasswordChanges(userId));

        await admin.Services.ChangeServicePasswordAsync("dora", sim.Settings.Domain, "Dora-Pass-2", ct);
        Assert.Equal(1, sim.PasswordChanges(userId));
        await Assert.ThrowsAsync<SigningApiException>(() => admin.Services.RequestTokenAsync("dora@" + sim.Settings.Domain, "Dora-Pass-1", ct));
        await admin.Services.RequestTokenAsync("dora@" + sim.Settings.Domain, "Dora-Pass-2", ct);
    }

    [Fact]
    public async Task Resource_and_group_counts_follow_the_writes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var robot = harness.Client;
        using var admin = harness.CreateAdminClient();
        var draft = await robot.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = "Draft" }, ct);
        int resources = sim.ResourceCount, groups = sim.UserGroupCount;

        using var pdf = SigningTodayHarness.Pdf();
        await robot.Resources.AppendToDstAsync(draft.Id!, pdf, "a.pdf", null, ct);
        await admin.Users.CreateGroupsAsync(new[] { new UserGroup { Name = "Legal" }, new UserGroup { Name = "Sales" } }, ct);

        Assert.Equal(resources + 1, sim.ResourceCount);
        Assert.Equal(groups + 2, sim.UserGroupCount);
    }
}
