using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using SigningClients.Testing;
using SigningClients.TestSupport;
using SigningToday.Dst.Models;
using Xunit;

namespace SigningToday.Dst.Tests;

/// <summary>Issue 15 ("All five"): a robot DST from a PDF refuses non-PDF content before any request, like every provider.</summary>
public sealed class PdfCheckTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_robot_DST_from_content_that_is_not_a_PDF_is_refused_before_any_request(bool seekable)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await SigningTodaySimulator.StartAsync(cancellationToken: ct);
        var client = TestHelpers.RobotClient(sim);
        var bytes = Encoding.ASCII.GetBytes("hello");
        Stream content = seekable ? new MemoryStream(bytes) : new NonSeekableStream(new MemoryStream(bytes));
        int before = sim.Journal.Count;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Robots.CreateAndPublishFromPdfAsync(content, "hello.pdf", "Hello", new Signer { Name = "John", Surname = "Doe", Email = "jdo@example.com" }, cancellationToken: ct));

        Assert.Equal("pdf", ex.ParamName);
        Assert.Equal(before, sim.Journal.Count);
    }
}
