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

/// <summary>The simulator's state of one instant posting (a live view; read it, do not rely on it across threads).</summary>
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
    public bool IsDeleted { get; internal set; }

    /// <summary>Number of signatures done.</summary>
    public int SignatureCount => Recipients.Count(r => r.SignedAt is not null);

    internal void Touch(DateTimeOffset now, TimeSpan timeToLive)
    {
        LastModifiedAt = now;
        ActiveTo = now + timeToLive;
    }
}
