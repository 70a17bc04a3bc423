using System;
using System.Collections.Generic;
using System.Linq;

namespace SigningClients.Testing.Signant;

/// <summary>A recipient of a simulated instant posting.</summary>
public sealed class SignantSimulatedRecipient
{
    internal SignantSimulatedRecipient(int index, string name, string? email, bool hasSsn)
    {
        Index = index;
        Name = name;
        Email = email;
        HasSsn = hasSsn;
    }

    /// <summary>Zero-based position in the posting.</summary>
    public int Index { get; }

    /// <summary>The recipient's name.</summary>
    public string Name { get; }

    /// <summary>The recipient's e-mail, if sent.</summary>
    public string? Email { get; }

    /// <summary>Whether an SSN was sent (the simulator never keeps the value).</summary>
    public bool HasSsn { get; }

    /// <summary>When the recipient opened the signing page, if they did.</summary>
    public DateTimeOffset? SigningStartedAt { get; internal set; }

    /// <summary>When the recipient signed, if they did.</summary>
    public DateTimeOffset? SignedAt { get; internal set; }
}

/// <summary>A read-only copy of one instant posting in the simulator, taken when it was asked for.</summary>
public sealed class SignantSimulatedPosting
{
    internal SignantSimulatedPosting(Guid id, Guid attachmentId, string title, string? description, string? distributorSystemId, string fileName, string? fileDescription, string filePath, IReadOnlyList<SignantSimulatedRecipient> recipients, DateTimeOffset createdAt, TimeSpan timeToLive)
    {
        Id = id;
        AttachmentId = attachmentId;
        Title = title;
        Description = description;
        DistributorSystemId = distributorSystemId;
        FileName = fileName;
        FileDescription = fileDescription;
        FilePath = filePath;
        Recipients = recipients;
        CreatedAt = createdAt;
        LastModifiedAt = createdAt;
        ActiveTo = createdAt + timeToLive;
    }

    /// <summary>The posting id.</summary>
    public Guid Id { get; }

    /// <summary>The attachment id.</summary>
    public Guid AttachmentId { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The description.</summary>
    public string? Description { get; }

    /// <summary>The distributor system id.</summary>
    public string? DistributorSystemId { get; }

    /// <summary>The attachment's file name.</summary>
    public string FileName { get; }

    /// <summary>The attachment's description.</summary>
    public string? FileDescription { get; }

    /// <summary>Where the simulator keeps the document (a temporary file, deleted with the posting).</summary>
    public string FilePath { get; }

    /// <summary>Size in bytes of the document as uploaded.</summary>
    public long UploadedLength { get; internal set; }

    /// <summary>The recipients.</summary>
    public IReadOnlyList<SignantSimulatedRecipient> Recipients { get; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Last change (creation, signing started, signing done).</summary>
    public DateTimeOffset LastModifiedAt { get; internal set; }

    /// <summary>Expiry: 15 minutes after creation, moved to 15 minutes after each signing start and end.</summary>
    public DateTimeOffset ActiveTo { get; internal set; }

    /// <summary>When every recipient had signed.</summary>
    public DateTimeOffset? CompletedAt { get; internal set; }

    /// <summary>Whether the posting has been deleted (after expiry).</summary>
    public bool IsDeleted { get; private set; }

    /// <summary>The status the service reported when the copy was taken.</summary>
    public SignantPostingStatus Status { get; private set; }

    /// <summary>Number of signatures done.</summary>
    public int SignatureCount => Recipients.Count(r => r.SignedAt is not null);

    internal SignantSimulatedPosting Snapshot(bool deleted, SignantPostingStatus status)
    {
        var recipients = Recipients.Select(r => new SignantSimulatedRecipient(r.Index, r.Name, r.Email, r.HasSsn) { SigningStartedAt = r.SigningStartedAt, SignedAt = r.SignedAt }).ToList();
        return new SignantSimulatedPosting(Id, AttachmentId, Title, Description, DistributorSystemId, FileName, FileDescription, FilePath, recipients, CreatedAt, TimeSpan.Zero)
        {
            UploadedLength = UploadedLength,
            LastModifiedAt = LastModifiedAt,
            ActiveTo = ActiveTo,
            CompletedAt = CompletedAt,
            IsDeleted = deleted,
            Status = status,
        };
    }

    internal void Touch(DateTimeOffset now, TimeSpan timeToLive)
    {
        LastModifiedAt = now;
        ActiveTo = now + timeToLive;
    }
}

/// <summary>The status of an instant posting, as <c>GetPostingStatus</c> reports it.</summary>
public enum SignantPostingStatus
{
    /// <summary><c>Sent</c>: no recipient signed yet.</summary>
    Sent = 0,

    /// <summary><c>CompletedPartially</c>: some recipients signed.</summary>
    CompletedPartially = 1,

    /// <summary><c>Completed</c>: every recipient signed.</summary>
    Completed = 2,

    /// <summary><c>Expired</c>: the posting's active time is over (it is deleted after the deletion delay).</summary>
    Expired = 3,
}
