using System;
using System.Threading.Tasks;
using Xunit;
using SigningClients.Core.Security;

namespace SigningClients.Core.Tests;

/// <summary>The redactor's long-lived credentials and the paging bounds (issue 14), below the hostile-endpoint suite.</summary>
public sealed class RedactionAndPagingLimitTests
{
    [Fact]
    public void Credentials_are_never_evicted_by_per_call_secrets()
    {
        var redactor = new SecretRedactor();
        redactor.AddCredential("account-password-1");
        for (int i = 0; i < 2000; i++)
        {
            redactor.AddSecret("per-call-" + i.ToString("D6"));
        }

        Assert.Equal("login ***", redactor.Redact("login account-password-1"));
        Assert.Equal("last ***", redactor.Redact("last per-call-001999"));
        Assert.Equal("first per-call-000000", redactor.Redact("first per-call-000000"));
    }

    [Fact]
    public void A_replaced_credential_becomes_a_per_call_secret_and_is_evicted_in_time()
    {
        var redactor = new SecretRedactor();
        redactor.ReplaceCredential(null, "token-generation-1");
        redactor.ReplaceCredential("token-generation-1", "token-generation-2");
        Assert.Equal("*** ***", redactor.Redact("token-generation-1 token-generation-2"));
        for (int i = 0; i < 600; i++)
        {
            redactor.AddSecret("per-call-" + i.ToString("D6"));
        }

        Assert.Equal("token-generation-1 ***", redactor.Redact("token-generation-1 token-generation-2"));
    }

    [Fact]
    public void Bounded_redaction_never_shows_part_of_a_secret_at_the_cut()
    {
        var redactor = new SecretRedactor();
        redactor.AddCredential("SECRETSECRETSECRET");
        var text = new string('x', 90) + "SECRETSECRETSECRET" + new string('y', 1000);
        var bounded = redactor.Redact(text, 100);
        Assert.True(bounded.Length <= 100);
        Assert.DoesNotContain("SECRET", bounded, StringComparison.Ordinal);
        Assert.EndsWith("[truncated]", bounded, StringComparison.Ordinal);
    }

    [Fact]
    public void Inner_exceptions_are_redacted_copies()
    {
        var redactor = new SecretRedactor();
        redactor.AddCredential("access-code-123");
        var original = new InvalidOperationException("outer access-code-123", new FormatException("inner access-code-123"));
        var copy = redactor.RedactException(original)!;
        Assert.DoesNotContain("access-code-123", copy.ToString(), StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException", copy.ToString(), StringComparison.Ordinal);
        Assert.Contains("System.FormatException", copy.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_continuation_token_returned_again_ends_the_listing()
    {
        int fetches = 0;
        var pageable = AsyncPageable<int>.Create((_, _, _) =>
        {
            fetches++;
            return Task.FromResult(new Page<int>(new[] { 1 }, "same-token"));
        }, TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<SigningApiException>(async () =>
        {
            await foreach (var _ in pageable.WithCancellation(TestContext.Current.CancellationToken))
            {
            }
        });
        Assert.Equal(SigningFailureKind.InvalidResponse, ex.Kind);
        Assert.True(fetches <= ClientLimits.DefaultMaxPagesWithoutProgress + 1, fetches + " fetches");
    }

    [Fact]
    public async Task Empty_pages_that_promise_more_end_the_listing()
    {
        int fetches = 0;
        var pageable = AsyncPageable<int>.Create((_, _, _) =>
        {
            fetches++;
            return Task.FromResult(new Page<int>(Array.Empty<int>(), "next-" + fetches));
        }, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<SigningApiException>(async () =>
        {
            await foreach (var _ in pageable.AsPages().WithCancellation(TestContext.Current.CancellationToken))
            {
            }
        });
        Assert.Equal(ClientLimits.DefaultMaxPagesWithoutProgress, fetches);
    }

    [Fact]
    public async Task A_list_that_never_ends_stops_at_max_pages()
    {
        int fetches = 0;
        var limits = new ClientLimits { MaxPages = 25 };
        var pageable = AsyncPageable<int>.Create((_, _, _) =>
        {
            fetches++;
            return Task.FromResult(new Page<int>(new[] { fetches }, "next-" + fetches));
        }, limits, "Test", "List", TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<SigningApiException>(async () =>
        {
            await foreach (var _ in pageable.WithCancellation(TestContext.Current.CancellationToken))
            {
            }
        });
        Assert.Equal("Test", ex.Provider);
        Assert.Equal(25, fetches);
    }
}
