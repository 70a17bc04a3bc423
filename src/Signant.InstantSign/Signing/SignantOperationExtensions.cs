using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Signant.InstantSign.Models;

namespace Signant.InstantSign.Signing;

/// <summary>Starts Signant postings as long-running operations.</summary>
public static class SignantOperationExtensions
{
    /// <summary>
    /// Creates an instant posting and returns its operation: send the signers to <see cref="StartedInstantPosting.Created"/>'s
    /// sign URLs, then wait on (or save the token of) <see cref="StartedInstantPosting.Operation"/>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="posting">The posting.</param>
    /// <param name="destination">Where the signed document goes once completed.</param>
    /// <param name="options">Partial-completion choice and polling.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The created posting and its operation.</returns>
    /// <exception cref="ArgumentException">The posting or options are invalid (checked before any request).</exception>
    public static async Task<StartedInstantPosting> StartInstantPostingAsync(this ISignantClient client, InstantPosting posting, Stream destination, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }

        var polling = (options ?? new WaitForCompletionOptions()).Polling ?? throw new ArgumentException("WaitForCompletionOptions.Polling cannot be null.", nameof(options));
        polling.Validate();
        if (polling.MaxInterval > WaitForCompletionOptions.MaxAllowedInterval)
        {
            throw new ArgumentException("Polling.MaxInterval cannot exceed " + WaitForCompletionOptions.MaxAllowedInterval + ".", nameof(options));
        }

        var created = await client.CreateInstantPostingAsync(posting, cancellationToken).ConfigureAwait(false);
        return new StartedInstantPosting(created, new InstantPostingOperation(client, created.PostingId, created.AttachmentId, destination, options));
    }

    /// <summary>The operation of an existing posting.</summary>
    /// <param name="client">The client.</param>
    /// <param name="postingId">The posting id.</param>
    /// <param name="attachmentId">The attachment id.</param>
    /// <param name="destination">Where the signed document goes once completed.</param>
    /// <param name="options">Partial-completion choice and polling.</param>
    /// <returns>The operation.</returns>
    public static InstantPostingOperation GetInstantPostingOperation(this ISignantClient client, Guid postingId, Guid attachmentId, Stream destination, WaitForCompletionOptions? options = null) =>
        new(client, postingId, attachmentId, destination, options);
}

/// <summary>A created posting with its operation.</summary>
public sealed class StartedInstantPosting
{
    /// <summary>Creates the pair.</summary>
    /// <param name="created">The created posting (ids and sign URLs).</param>
    /// <param name="operation">Its operation.</param>
    public StartedInstantPosting(CreateInstantPostingResult created, InstantPostingOperation operation)
    {
        Created = created ?? throw new ArgumentNullException(nameof(created));
        Operation = operation ?? throw new ArgumentNullException(nameof(operation));
    }

    /// <summary>The created posting: ids and one sign URL per recipient.</summary>
    public CreateInstantPostingResult Created { get; }

    /// <summary>The posting's operation.</summary>
    public InstantPostingOperation Operation { get; }
}
