using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using SigningToday.Dst.Models;
using Xunit;

namespace SigningToday.Dst.Tests;

/// <summary>Bad input and bad options fail with an ArgumentException before any request.</summary>
public sealed class ValidationTests
{
    [Fact]
    public async Task Invalid_arguments_throw_before_any_request()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var c = harness.Client;
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Dsts.GetAsync("", ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Dsts.GetAsync(null!, ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Notes.AddAsync("x", " ", ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Dsts.GetSignatureAddressAsync("x", -1, 0, ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Robots.CreateAndPublishFromPdfAsync(new MemoryStream(), "a.pdf", "T", new Signer(), cancellationToken: ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Robots.InstantiateTemplateAsync("t", new Dictionary<string, Signer>(), cancellationToken: ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Services.ChangePasswordWithTokenAsync("tok", "", ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Users.CreateGroupsAsync(Array.Empty<UserGroup>(), ct));
        Assert.Throws<ArgumentException>(() => new SigningTodayClient(new SigningTodayClientOptions { Endpoint = sim.ApiEndpoint, AllowHttpOnLoopback = true }));
        Assert.Throws<ArgumentException>(() => new SigningTodayClient(new SigningTodayClientOptions { Endpoint = new Uri("http://example.com/api"), RobotToken = "t" }));
        Assert.Equal(0, sim.Journal.Count);
    }
}
