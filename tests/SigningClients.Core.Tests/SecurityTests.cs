using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Core.Authentication;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Security;
using SigningClients.Testing;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Core.Tests;

public sealed class SecurityTests
{
    [Theory]
    [InlineData("http://example.com/api", true)]
    [InlineData("http://10.0.0.5/api", true)]
    [InlineData("ftp://127.0.0.1/", true)]
    [InlineData("http://127.0.0.1:5000/", false)]
    [InlineData("http://localhost:5000/", false)]
    [InlineData("http://[::1]:5000/", false)]
    public void Plain_http_is_refused_except_on_loopback_with_explicit_opt_in(string endpoint, bool refusedEvenWithOptIn)
    {
        var uri = new Uri(endpoint);
        Assert.Throws<ArgumentException>(() => SigningClientOptions.EnsureSecureEndpoint(uri, allowHttpOnLoopback: false, "Endpoint"));
        if (refusedEvenWithOptIn)
        {
            Assert.Throws<ArgumentException>(() => SigningClientOptions.EnsureSecureEndpoint(uri, allowHttpOnLoopback: true, "Endpoint"));
            Assert.Throws<ArgumentException>(() => new SigningPipeline(new HttpClient(), new SigningPipelineOptions("T", uri) { AllowHttpOnLoopback = true }));
        }
        else
        {
            SigningClientOptions.EnsureSecureEndpoint(uri, allowHttpOnLoopback: true, "Endpoint");
        }

        SigningClientOptions.EnsureSecureEndpoint(new Uri("https://example.com/api"), allowHttpOnLoopback: false, "Endpoint");
    }

    [Fact]
    public async Task Absolute_request_uri_over_http_to_a_remote_host_is_refused_before_any_io()
    {
        await using var host = await SimulatorHost.StartAsync(r => r.MapGet("/op", () => "ok"), cancellationToken: TestContext.Current.CancellationToken);
        var pipeline = Pipelines.Create(host.BaseAddress);
        var request = new SigningRequest(HttpMethod.Get, "http://example.com/steal", "Op", Idempotency.Safe);

        await Assert.ThrowsAsync<ArgumentException>(() => pipeline.SendAsync(request, TestContext.Current.CancellationToken));
        Assert.Equal(0, host.Journal.Count);
    }

    [Fact]
    public void Redactor_masks_registered_values_and_sensitive_named_fields()
    {
        var redactor = new SecretRedactor();
        redactor.AddSecret("hunter2-password");
        redactor.AddSecret("abc"); // too short to mask safely: ignored

        Assert.Equal("login with *** ok abc", redactor.Redact("login with hunter2-password ok abc"));
        Assert.Equal("https://x/y?access_token=***&page=2", redactor.Redact("https://x/y?access_token=eyJhbGci.xyz&page=2"));
        Assert.Equal("{\"password\":\"***\",\"user\":\"bob\"}", redactor.Redact("{\"password\":\"p\\\"w\",\"user\":\"bob\"}"));
        Assert.Equal("<a:AccessCode>***</a:AccessCode><Name>Bob</Name>", redactor.Redact("<a:AccessCode>1234-5678</a:AccessCode><Name>Bob</Name>"));
        Assert.Equal("<SSN>***</SSN>", redactor.Redact("<SSN>01017012345</SSN>"));
        Assert.Equal("X-Auth-Token: ***", redactor.Redact("X-Auth-Token: eyJ0eXAi.abc.def"));
        Assert.Equal("Authorization: Bearer ***", redactor.Redact("Authorization: Bearer tok-123456"));
        Assert.Equal("X-Auth-Token=***&id=5", redactor.Redact("X-Auth-Token=eyJ0eXAi.abc.def&id=5"));
        Assert.Equal("a %2A%2A%2A b", redactor.Redact("a %2A%2A%2A b"));
        Assert.True(SecretRedactor.IsSensitiveName("apiPassword"));
        Assert.True(SecretRedactor.IsSensitiveName("X-Auth-Token"));
        Assert.False(SecretRedactor.IsSensitiveName("title"));
    }

    [Fact]
    public void Redactor_scans_long_token_like_text_without_giving_up()
    {
        // Long runs of name characters used to make the name pattern backtrack quadratically.
        var blob = new string('a', 64 * 1024);
        var text = blob + " password=hunter22 " + blob + "Token" + blob;
        var redacted = new SecretRedactor().Redact(text);
        Assert.DoesNotContain("[redacted", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", redacted, StringComparison.Ordinal);
        Assert.Contains(" password=*** ", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redactor_masks_percent_encoded_secrets()
    {
        var redactor = new SecretRedactor();
        redactor.AddSecret("p@ss word!");
        Assert.Equal("body: user=bob&x=***", redactor.Redact("body: user=bob&x=" + Uri.EscapeDataString("p@ss word!")));
    }

    [Fact]
    public async Task No_secret_reaches_logs_or_exception_messages()
    {
        const string ClientSecret = "client-secret-0123456789";
        const string Password = "correct horse battery staple";
        const string IssuedToken = "eyJhbGciOiJIUzI1NiJ9.issued-token-value";
        const string ApiKey = "api-key-9876543210";
        var exceptions = new List<string>();
        using var logs = new LogCapture();

        await using var host = await SimulatorHost.StartAsync(routes =>
        {
            routes.MapPost("/oauth/token", () => Results.Json(new { access_token = IssuedToken, expires_in = 600 }));
            // A badly behaved server that echoes credentials back in its error body and headers.
            routes.MapGet("/echo", (HttpContext c) => Results.Json(new { code = "E", message = "denied for token " + c.Request.Headers.Authorization + " key " + c.Request.Headers["apiKey"] + " password=" + Password }, statusCode: 400));
        }, cancellationToken: TestContext.Current.CancellationToken);

        var tokenPipeline = Pipelines.Create(host.BaseAddress, loggerFactory: logs.CreateFactory());
        var source = new OAuth2TokenSource(tokenPipeline, new OAuth2TokenSourceOptions
        {
            TokenEndpoint = new Uri(host.BaseAddress, "oauth/token"),
            ClientId = "client",
            ClientSecret = ClientSecret,
            GrantType = OAuth2GrantType.Password,
            Username = "bob@example.com",
            Password = Password,
        });
        var pipeline = Pipelines.Create(host.BaseAddress, o =>
        {
            o.Redactor = tokenPipeline.Redactor;
            o.Authentication = new BearerTokenAuthenticationPolicy(source, o.Redactor);
            o.Redactor.AddSecret(ApiKey);
        }, logs.CreateFactory());

        var request = new SigningRequest(HttpMethod.Get, "echo", "Echo", Idempotency.Safe);
        request.Headers["apiKey"] = ApiKey;
        request.Query.Add("access_token", IssuedToken).Add("password", Password);
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(request, TestContext.Current.CancellationToken));
        exceptions.Add(ex.ToString());
        exceptions.Add(ex.BodyExcerpt ?? string.Empty);
        exceptions.Add(ex.ProviderMessage ?? string.Empty);
        exceptions.Add(source.ToString()!);

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(host.Journal.Entries, e => e.BodyText.Contains("password=correct+horse+battery+staple", StringComparison.Ordinal));
        SecretScanner.AssertNoSecrets(logs.AllText.Concat(exceptions), ClientSecret, Password, IssuedToken, ApiKey, Uri.EscapeDataString(Password), "correct+horse+battery+staple");
    }
}
