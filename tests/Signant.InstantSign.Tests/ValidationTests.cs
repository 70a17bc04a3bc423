using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Signant.InstantSign.Models;
using SigningClients.TestSupport;
using Xunit;

namespace Signant.InstantSign.Tests;

public sealed class ValidationTests
{
    private static InstantPosting Valid(Stream? file = null) => new()
    {
        Title = "T",
        Recipients = new[] { new InstantPostingRecipient { Name = "A" } },
        AttachmentToSign = new InstantAttachment { File = file ?? new MemoryStream(TestPdf.Create()), FileName = "a.pdf" },
    };

    public static IEnumerable<object[]> Invalid()
    {
        yield return new object[] { "no title", (Func<InstantPosting>)(() => new InstantPosting { Title = " ", Recipients = Valid().Recipients, AttachmentToSign = Valid().AttachmentToSign }) };
        yield return new object[] { "no recipients", (Func<InstantPosting>)(() => new InstantPosting { Title = "T", Recipients = Array.Empty<InstantPostingRecipient>(), AttachmentToSign = Valid().AttachmentToSign }) };
        yield return new object[] { "recipient without name", (Func<InstantPosting>)(() => new InstantPosting { Title = "T", Recipients = new[] { new InstantPostingRecipient { Name = "" } }, AttachmentToSign = Valid().AttachmentToSign }) };
        yield return new object[] { "not a pdf", (Func<InstantPosting>)(() => Valid(new MemoryStream(new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0 }))) };
        yield return new object[] { "empty file", (Func<InstantPosting>)(() => Valid(new MemoryStream())) };
        yield return new object[] { "no file name", (Func<InstantPosting>)(() => new InstantPosting { Title = "T", Recipients = Valid().Recipients, AttachmentToSign = new InstantAttachment { File = new MemoryStream(TestPdf.Create()), FileName = "" } }) };
        yield return new object[] { "action not Sign", (Func<InstantPosting>)(() => new InstantPosting { Title = "T", Recipients = Valid().Recipients, AttachmentToSign = new InstantAttachment { File = new MemoryStream(TestPdf.Create()), FileName = "a.pdf", ActionType = new AttachmentActionType("Read") } }) };
        yield return new object[] { "http cancel url", (Func<InstantPosting>)(() => new InstantPosting { Title = "T", Recipients = Valid().Recipients, AttachmentToSign = Valid().AttachmentToSign, CancelUrl = new Uri("http://shop.example/c") }) };
        yield return new object[] { "http attachment cancel url", (Func<InstantPosting>)(() => new InstantPosting { Title = "T", Recipients = Valid().Recipients, AttachmentToSign = new InstantAttachment { File = new MemoryStream(TestPdf.Create()), FileName = "a.pdf", CancelUrl = new Uri("http://x.example/") } }) };
        yield return new object[] { "redirect without url", (Func<InstantPosting>)(() => new InstantPosting { Title = "T", Recipients = Valid().Recipients, AttachmentToSign = Valid().AttachmentToSign, AfterSignAction = AfterSignAction.Redirect }) };
        yield return new object[] { "delay and caption", (Func<InstantPosting>)(() => new InstantPosting { Title = "T", Recipients = Valid().Recipients, AttachmentToSign = Valid().AttachmentToSign, AfterSignAction = AfterSignAction.Redirect, AfterSignRedirectUrl = new Uri("https://x.example/"), AfterSignRedirectDelay = 3, AfterSignRedirectCaption = "Back" }) };
        yield return new object[] { "min age above max age", (Func<InstantPosting>)(() => new InstantPosting { Title = "T", Recipients = new[] { new InstantPostingRecipient { Name = "A", MinimumAge = 30, MaximumAge = 20 } }, AttachmentToSign = Valid().AttachmentToSign }) };
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_postings_throw_before_any_request(string because, Func<InstantPosting> posting)
    {
        var stub = new StubHandler();
        var client = stub.CreateClient();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CreateInstantPostingAsync(posting(), TestContext.Current.CancellationToken));

        Assert.True(stub.Requests.Count == 0, because);
    }

    [Fact]
    public async Task Invalid_ids_and_streams_throw_before_any_request()
    {
        var stub = new StubHandler();
        var client = stub.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.CreateInstantPostingAsync(null!, ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetPostingStatusAsync(Guid.Empty, ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DownloadInstantAttachmentAsync(Guid.NewGuid(), Guid.Empty, new MemoryStream(), ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.DownloadInstantAttachmentAsync(Guid.NewGuid(), Guid.NewGuid(), null!, ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DownloadInstantAttachmentAsync(Guid.NewGuid(), Guid.NewGuid(), new MemoryStream(Array.Empty<byte>(), writable: false), ct));
        var tooSlow = new WaitForCompletionOptions();
        tooSlow.Polling.MaxInterval = TimeSpan.FromMinutes(10);
        await Assert.ThrowsAsync<ArgumentException>(() => client.WaitForCompletionAndDownloadAsync(Guid.NewGuid(), Guid.NewGuid(), new MemoryStream(), tooSlow, ct));
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void Options_are_validated_and_never_show_the_access_code()
    {
        var options = StubHandler.Options();
        Assert.DoesNotContain(StubHandler.Secret, options.ToString(), StringComparison.Ordinal);
        options.AccessCode = null;
        Assert.Throws<ArgumentException>(() => new SignantClient(options));
        var insecure = StubHandler.Options(new Uri("http://signant.example/x.svc"));
        Assert.Throws<ArgumentException>(() => new SignantClient(insecure));
    }

    [Fact]
    public void Recipient_ToString_hides_the_ssn()
    {
        var recipient = new InstantPostingRecipient { Name = "Kari", Ssn = "01017012345" };
        Assert.DoesNotContain("01017012345", recipient.ToString(), StringComparison.Ordinal);
    }
}
