using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.Signant;

/// <summary>
/// Signant's instant postings as the documentation describes them (signant-instant-signature-service.txt, FACTS.md
/// "Signant"), without HTTP or SOAP:
/// <list type="bullet">
/// <item>A posting is created with its recipients and one PDF to sign; it is active for
/// <see cref="SignantSimulatorOptions.TimeToLive"/> (15 minutes), and the expiry moves to 15 minutes after each
/// signing start and end.</item>
/// <item>Its status is <c>Sent</c>, <c>CompletedPartially</c> (some recipients signed), <c>Completed</c> (all signed)
/// or <c>Expired</c>; after <see cref="SignantSimulatorOptions.DeletionDelay"/> past the expiry it is deleted and the
/// service answers "Incorrect postingID" (4008). Deletion is computed from the clock: reading never changes state;
/// the files of deleted postings are removed by the next write.</item>
/// <item>The signed attachment can be downloaded once at least one recipient signed, while the posting is active.</item>
/// </list>
/// </summary>
internal sealed class SignantState : SimulatorState
{
    private readonly SignantSimulatorOptions _options;
    private readonly Dictionary<Guid, SignantSimulatedPosting> _postings = new();
    private readonly Queue<(int Code, string Message)> _nextErrors = new();
    private int _corruptHashes;

    public SignantState(SignantSimulatorOptions options, TimeProvider timeProvider)
        : base(timeProvider)
    {
        _options = options;
    }

    /// <summary>Copies of every posting created so far, deleted ones included.</summary>
    public IReadOnlyCollection<SignantSimulatedPosting> Postings => Read(() => _postings.Values.Select(Copy).ToList());

    public SignantSimulatedPosting? Find(Guid postingId) => Read(() => _postings.TryGetValue(postingId, out var posting) ? Copy(posting) : null);

    /// <summary>The status the service reports now.</summary>
    public static SignantPostingStatus StatusOf(SignantSimulatedPosting posting, DateTimeOffset now)
    {
        int signatures = posting.SignatureCount;
        return now >= posting.ActiveTo ? SignantPostingStatus.Expired
            : signatures == posting.Recipients.Count ? SignantPostingStatus.Completed
            : signatures > 0 ? SignantPostingStatus.CompletedPartially
            : SignantPostingStatus.Sent;
    }

    public static string Wire(SignantPostingStatus status) => status.ToString();

    public void FailNext(int code, string message, int count) => Write(() =>
    {
        for (int i = 0; i < count; i++)
        {
            _nextErrors.Enqueue((code, message));
        }
    });

    public void CorruptNextFileHash() => Write(() => _corruptHashes++);

    /// <summary>An error queued by <see cref="FailNext"/>, consumed by the next call.</summary>
    public (int Code, string Message)? TakeInjectedError() => Write(() => _nextErrors.TryDequeue(out var error) ? error : ((int, string)?)null);

    public void Authenticate(string? distributorId, string? accessCode)
    {
        if (distributorId != _options.DistributorId || accessCode != _options.AccessCode)
        {
            throw new SimulatorStateException(SimulatorErrorKind.Unauthenticated, "Authentication failed: unknown DistributorID or wrong AccessCode.", Code(SignantSimulator.ErrorAuthentication));
        }
    }

    /// <summary>Creates a posting whose document was already stored at <see cref="SignantPostingDraft.FilePath"/>.</summary>
    public SignantSimulatedPosting Create(SignantPostingDraft draft) => Write(() =>
    {
        Sweep();
        var id = Guid.NewGuid();
        var recipients = draft.Recipients.Select((r, i) => new SignantSimulatedRecipient(i, r.Name, r.Email, r.HasSsn)).ToList();
        var posting = new SignantSimulatedPosting(id, Guid.NewGuid(), draft.Title, draft.Description, draft.DistributorSystemId, draft.FileName, draft.FileDescription, draft.FilePath, recipients, Now, _options.TimeToLive)
        {
            UploadedLength = draft.FileLength,
        };
        _postings[id] = posting;
        Changed("posting", id.ToString("D"), null, Wire(SignantPostingStatus.Sent));
        return Copy(posting);
    });

    /// <summary><c>GetPostingStatus</c>: a posting not yet deleted.</summary>
    public (SignantSimulatedPosting Posting, SignantPostingStatus Status) Status(Guid? postingId) => Read(() =>
    {
        var posting = Visible(postingId);
        return (Copy(posting), StatusOf(posting, Now));
    });

    /// <summary>
    /// <c>DownloadInstantAttachment</c>: an active posting with at least one signature; returns the posting and
    /// whether this download's hash is to be corrupted (<see cref="CorruptNextFileHash"/>).
    /// </summary>
    public (SignantSimulatedPosting Posting, bool CorruptHash) Download(Guid? postingId, Guid? attachmentId) => Write(() =>
    {
        var posting = Visible(postingId);
        if (Now >= posting.ActiveTo)
        {
            throw NotFound();
        }

        if (attachmentId != posting.AttachmentId)
        {
            throw new SimulatorStateException(SimulatorErrorKind.NotFound, "Incorrect attachmentID", Code(SignantSimulator.ErrorAttachmentNotFound));
        }

        if (posting.SignatureCount == 0)
        {
            throw SimulatorStateException.IllegalTransition("The attachment has not been signed.", Code(SignantSimulator.ErrorNotSigned));
        }

        bool corrupt = _corruptHashes > 0;
        if (corrupt)
        {
            _corruptHashes--;
        }

        return (Copy(posting), corrupt);
    });

    /// <summary>A recipient opens the signing page: the expiry moves to <see cref="SignantSimulatorOptions.TimeToLive"/> from now.</summary>
    public void StartSigning(Guid postingId, int index) => Write(() =>
    {
        var (posting, recipient) = Active(postingId, index);
        recipient.SigningStartedAt ??= Now;
        posting.Touch(Now, _options.TimeToLive);
    });

    /// <summary>A recipient signs (a repeat changes nothing but the expiry); the document gets a signature mark.</summary>
    public void Sign(Guid postingId, int index) => Write(() =>
    {
        var (posting, recipient) = Active(postingId, index);
        if (recipient.SignedAt is null)
        {
            var before = StatusOf(posting, Now);
            recipient.SigningStartedAt ??= Now;
            recipient.SignedAt = Now;

            // An incremental-update-style trailer: the "signed" document differs from the upload.
            using (var file = new FileStream(posting.FilePath, FileMode.Append, FileAccess.Write))
            {
                var mark = Encoding.ASCII.GetBytes("\n%SignantSimulator signature " + (index + 1) + " at " + Now.ToString("O", CultureInfo.InvariantCulture) + "\n");
                file.Write(mark, 0, mark.Length);
            }

            if (posting.Recipients.All(r => r.SignedAt is not null))
            {
                posting.CompletedAt = Now;
            }

            Changed("posting", posting.Id.ToString("D"), Wire(before), Wire(StatusOf(posting, Now)));
        }

        posting.Touch(Now, _options.TimeToLive);
    });

    /// <summary>The index of a live posting's recipient.</summary>
    public int RecipientIndex(Guid postingId, string recipientName) => Read(() =>
    {
        var posting = _postings.TryGetValue(postingId, out var found) && !IsDeleted(found)
            ? found
            : throw SimulatorStateException.NotFound("live posting " + postingId);
        return (posting.Recipients.FirstOrDefault(r => r.Name == recipientName)
            ?? throw SimulatorStateException.NotFound("recipient named '" + recipientName + "' in posting " + postingId)).Index;
    });

    private static string Code(int code) => code.ToString(CultureInfo.InvariantCulture);

    private static SimulatorStateException NotFound() => new(SimulatorErrorKind.NotFound, "Incorrect postingID", Code(SignantSimulator.ErrorPostingNotFound));

    private bool IsDeleted(SignantSimulatedPosting posting) => Now >= posting.ActiveTo + _options.DeletionDelay;

    private SignantSimulatedPosting Visible(Guid? postingId) =>
        postingId is { } id && _postings.TryGetValue(id, out var posting) && !IsDeleted(posting) ? posting : throw NotFound();

    private (SignantSimulatedPosting Posting, SignantSimulatedRecipient Recipient) Active(Guid postingId, int index)
    {
        if (!_postings.TryGetValue(postingId, out var posting) || IsDeleted(posting) || posting.ActiveTo <= Now || index < 0 || index >= posting.Recipients.Count)
        {
            throw SimulatorStateException.NotFound("active posting " + postingId + " with recipient " + index.ToString(CultureInfo.InvariantCulture));
        }

        return (posting, posting.Recipients[index]);
    }

    private SignantSimulatedPosting Copy(SignantSimulatedPosting posting) => posting.Snapshot(IsDeleted(posting), StatusOf(posting, Now));

    /// <summary>Removes the files of deleted postings (a file still open by a download goes with the directory on dispose).</summary>
    private void Sweep()
    {
        foreach (var posting in _postings.Values.Where(p => IsDeleted(p) && File.Exists(p.FilePath)))
        {
            try
            {
                File.Delete(posting.FilePath);
            }
            catch (IOException)
            {
                // Still open by a download.
            }
        }
    }
}

/// <summary>A posting to create, as parsed from <c>CreateInstantPosting</c> (validated by the routes' parser).</summary>
internal sealed record SignantPostingDraft(
    string Title,
    string? Description,
    string? DistributorSystemId,
    IReadOnlyList<(string Name, string? Email, bool HasSsn)> Recipients,
    string FileName,
    string? FileDescription,
    string FilePath,
    long FileLength);
