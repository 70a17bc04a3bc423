using System;
using System.Net.Http;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using Xunit;

namespace SigningClients.Core.Tests;

public sealed class BuildUriTests
{
    private static readonly SigningPipeline Pipeline = Pipelines.Create(new Uri("https://api.example.com/v2"));

    [Theory]
    [InlineData("DST/abc", "https://api.example.com/v2/DST/abc")]
    [InlineData("/DST/abc", "https://api.example.com/v2/DST/abc")]
    [InlineData("", "https://api.example.com/v2/")]
    [InlineData("https://files.example.com/x/y?sig=1", "https://files.example.com/x/y?sig=1")]
    public void Paths_without_a_query_are_joined_to_the_endpoint_or_kept_when_absolute(string path, string expected)
    {
        var request = new SigningRequest(HttpMethod.Get, path, "Op", Idempotency.Safe);

        Assert.Equal(expected, Pipeline.BuildUri(request).AbsoluteUri);
    }

    [Theory]
    [InlineData("DSTs", "https://api.example.com/v2/DSTs?$top=10&$skip=20&filter=a%20b%26c")]
    [InlineData("https://files.example.com/x?sig=1", "https://files.example.com/x?sig=1&$top=10&$skip=20&filter=a%20b%26c")]
    public void Query_parameters_are_appended_with_the_right_separator(string path, string expected)
    {
        var request = new SigningRequest(HttpMethod.Get, path, "Op", Idempotency.Safe);
        request.Query.Add("$top", 10).Add("$skip", 20).Add("filter", "a b&c");

        Assert.Equal(expected, Pipeline.BuildUri(request).AbsoluteUri);
    }

    [Fact]
    public void An_absolute_plain_http_uri_is_refused_for_a_non_loopback_host()
    {
        var request = new SigningRequest(HttpMethod.Get, "http://files.example.com/x", "Op", Idempotency.Safe);

        Assert.ThrowsAny<ArgumentException>(() => Pipeline.BuildUri(request));
    }
}
