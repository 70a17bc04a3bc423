using System;
using ConsignO.Workflows.Models;
using Xunit;

namespace ConsignO.Workflows.Tests;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("https://my.return.url/?status=WORKFLOW_UPDATED", "WORKFLOW_UPDATED", true, false)]
    [InlineData("https://my.return.url/?status=WORKFLOW_LAUNCHED", "WORKFLOW_LAUNCHED", true, false)]
    [InlineData("https://my.return.url/?status=WORKFLOW_CANCELED", "WORKFLOW_CANCELED", true, false)]
    [InlineData("https://my.return.url/?status=SIGNATURE_SUCCESS", "SIGNATURE_SUCCESS", true, false)]
    [InlineData("https://my.return.url/?status=SIGNATURE_CANCELLED", "SIGNATURE_CANCELLED", true, false)]
    [InlineData("https://my.return.url/?status=SIGNATURE_DECLINE", "SIGNATURE_DECLINE", true, false)]
    [InlineData("https://my.return.url/?status=success", "success", false, true)]
    [InlineData("https://my.return.url/?status=decline", "decline", false, true)]
    [InlineData("https://my.return.url/?status=failure", "failure", false, true)]
    [InlineData("https://my.return.url/cb?order=42&status=expired#top", "expired", false, true)]
    public void Parses_documented_statuses(string url, string status, bool workflowEvent, bool signatureResult)
    {
        var result = ReturnUrlResult.Parse(new Uri(url));

        Assert.Equal(new ReturnStatus(status), result.Status);
        Assert.Equal(workflowEvent, result.IsWorkflowEvent);
        Assert.Equal(signatureResult, result.IsSignatureResult);
    }

    [Fact]
    public void Keeps_other_parameters_and_unknown_statuses()
    {
        var result = ReturnUrlResult.Parse(new Uri("https://app.example.com/done?order=A%2042&status=SOMETHING_NEW"));

        Assert.Equal("SOMETHING_NEW", result.Status.Value);
        Assert.False(result.IsWorkflowEvent);
        Assert.False(result.IsSignatureResult);
        Assert.Equal("A 42", result.Parameters["order"]);
        Assert.True(ReturnUrlResult.Parse(new Uri("https://x.example/?status=success")).IsSigned);
    }

    [Fact]
    public void Missing_status_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ReturnUrlResult.Parse(new Uri("https://app.example.com/done?x=1")));
        Assert.False(ReturnUrlResult.TryParse(new Uri("https://app.example.com/"), out _));
    }
}
