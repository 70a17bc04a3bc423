using System;
using System.Net.Http;
using SigningClients.Core.Pipeline;
using Xunit;

namespace SigningClients.Core.Tests.Pipeline;

/// <summary>Retry-After as the server sends it (RFC 9110 §10.2.3), read against a fixed clock.</summary>
public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static TimeSpan? Read(string? value)
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
        if (value is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", value);
        }

        return RetryAfterHeader.ToDelay(response.Headers.RetryAfter, Now);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("120", 120)]
    [InlineData(" 30 ", 30)]
    public void Delay_seconds(string value, int seconds) => Assert.Equal(TimeSpan.FromSeconds(seconds), Read(value));

    [Fact]
    public void An_http_date_is_the_time_until_that_date() =>
        Assert.Equal(TimeSpan.FromSeconds(90), Read("Tue, 01 Dec 2026 12:01:30 GMT"));

    [Fact]
    public void An_obsolete_rfc850_date_is_read_too() =>
        Assert.Equal(TimeSpan.FromMinutes(2), Read("Tuesday, 01-Dec-26 12:02:00 GMT"));

    [Fact]
    public void A_date_in_the_past_means_now() => Assert.Equal(TimeSpan.Zero, Read("Tue, 01 Dec 2026 11:00:00 GMT"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("Someday, 99 Foo 2026")]
    public void No_header_or_a_malformed_one_is_no_delay(string? value) => Assert.Null(Read(value));
}
