using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Testing.Signant;
using Xunit;

namespace SigningClients.Testing.Tests.Signant;

/// <summary>The Signant state model on its own (no HTTP, no SOAP): the posting life cycle and its lifetimes.</summary>
public sealed class SignantStateTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SignantSimulatorOptions _options = new();
    private readonly string _file = Path.Combine(Path.GetTempPath(), "signant-state-" + Guid.NewGuid().ToString("N") + ".pdf");

    public SignantStateTests() => File.WriteAllText(_file, "%PDF-1.4\n%%EOF\n");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void A_posting_goes_from_sent_to_completed_partially_to_completed()
    {
        var state = State();
        var posting = state.Create(Draft("Kari", "Ola"));

        Assert.Equal(SignantPostingStatus.Sent, state.Status(posting.Id).Status);
        state.Sign(posting.Id, 0);
        Assert.Equal(SignantPostingStatus.CompletedPartially, state.Status(posting.Id).Status);
        state.Sign(posting.Id, 1);
        var (done, status) = state.Status(posting.Id);

        Assert.Equal(SignantPostingStatus.Completed, status);
        Assert.Equal(_time.GetUtcNow(), done.CompletedAt);
        Assert.Equal(2, done.SignatureCount);
        Assert.True(new FileInfo(_file).Length > 15); // each signature appends a mark
    }

    [Fact]
    public void A_posting_expires_15_minutes_after_its_last_signing_action_and_is_then_unknown()
    {
        var state = State();
        var posting = state.Create(Draft("Kari", "Ola"));
        _time.Advance(TimeSpan.FromMinutes(10));
        state.StartSigning(posting.Id, 0); // the expiry moves to 15 minutes from now
        _time.Advance(TimeSpan.FromMinutes(14));

        Assert.Equal(SignantPostingStatus.Sent, state.Status(posting.Id).Status);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("4008", Assert.Throws<SimulatorStateException>(() => state.Status(posting.Id)).Code);
        Assert.Throws<SimulatorStateException>(() => state.Sign(posting.Id, 1));
        Assert.True(state.Find(posting.Id)!.IsDeleted);
    }

    [Fact]
    public void With_a_deletion_delay_an_expired_posting_still_answers_expired()
    {
        _options.DeletionDelay = TimeSpan.FromHours(1);
        var state = State();
        var posting = state.Create(Draft("Kari"));
        _time.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(SignantPostingStatus.Expired, state.Status(posting.Id).Status);
        Assert.Throws<SimulatorStateException>(() => state.StartSigning(posting.Id, 0));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Throws<SimulatorStateException>(() => state.Status(posting.Id));
    }

    [Fact]
    public void Download_needs_the_right_attachment_and_a_signature_and_hash_corruption_is_one_shot()
    {
        var state = State();
        var posting = state.Create(Draft("Kari"));

        Assert.Equal("4010", Assert.Throws<SimulatorStateException>(() => state.Download(posting.Id, posting.AttachmentId)).Code);
        state.Sign(posting.Id, 0);
        Assert.Equal("4011", Assert.Throws<SimulatorStateException>(() => state.Download(posting.Id, Guid.NewGuid())).Code);
        state.CorruptNextFileHash();

        Assert.True(state.Download(posting.Id, posting.AttachmentId).CorruptHash);
        Assert.False(state.Download(posting.Id, posting.AttachmentId).CorruptHash);
    }

    [Fact]
    public void Reading_never_changes_state_nor_raises_events()
    {
        var state = State();
        var posting = state.Create(Draft("Kari"));
        int events = 0;
        state.StatusChanged += (_, _) => events++;
        _time.Advance(TimeSpan.FromHours(2)); // expired, and deleted (no deletion delay)

        var first = state.Find(posting.Id)!;
        var second = state.Find(posting.Id)!;

        Assert.True(first.IsDeleted);
        Assert.Equal(SignantPostingStatus.Expired, first.Status);
        Assert.Equal(first.LastModifiedAt, second.LastModifiedAt);
        Assert.Equal(0, events);
        Assert.True(File.Exists(_file)); // a deleted posting's file goes with the next write, never on a read
        Assert.Throws<SimulatorStateException>(() => state.Status(posting.Id));
    }

    [Fact]
    public void Snapshots_are_copies_taken_when_asked_for()
    {
        var state = State();
        var posting = state.Create(Draft("Kari"));
        var before = state.Find(posting.Id)!;

        state.Sign(posting.Id, 0);

        Assert.Null(before.Recipients[0].SignedAt);
        Assert.Equal(SignantPostingStatus.Sent, before.Status);
        Assert.NotNull(state.Find(posting.Id)!.Recipients[0].SignedAt);
        Assert.Equal(SignantPostingStatus.Completed, state.Postings.Single().Status);
    }

    private SignantState State() => new(_options, _time);

    private SignantPostingDraft Draft(params string[] names) =>
        new("Terms", null, null, names.Select(n => (n, (string?)null, true)).ToList(), "terms.pdf", null, _file, new FileInfo(_file).Length);
}
