using System;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Http;
using SigningClients.Core.Operations;
using Trident.SignerProcess.Models;

namespace Trident.SignerProcess.Signing;

/// <summary>
/// A signer process until TRIDENT has its result (the result operation answers 404 while the process runs). Poll once
/// with <see cref="LongRunningOperation{T}.UpdateStatusAsync"/>, wait with
/// <see cref="LongRunningOperation{T}.WaitForCompletionAsync(PollingOptions?, CancellationToken)"/>, or save the
/// <see cref="LongRunningOperation{T}.RehydrationToken"/> and rebuild it with <see cref="Rehydrate"/>.
/// </summary>
public sealed class SignerProcessOperation : LongRunningOperation<SignerProcessResult>
{
    /// <summary>The provider name in rehydration tokens.</summary>
    public const string ProviderName = "Trident";

    /// <summary>The operation kind in rehydration tokens.</summary>
    public const string KindName = "SignerProcess";

    private readonly ITridentClient _client;

    /// <summary>Creates the operation of an existing signer process.</summary>
    /// <param name="client">The client.</param>
    /// <param name="signerProcessId">The signer process id.</param>
    /// <param name="polling">The default polling; <see langword="null"/> for <see cref="PollingOptions"/> defaults.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">The id is empty or not a path segment.</exception>
    public SignerProcessOperation(ITridentClient client, string signerProcessId, PollingOptions? polling = null, TimeProvider? timeProvider = null)
        : this(client, new OperationRehydrationToken(ProviderName, KindName, CheckId(signerProcessId)), polling, timeProvider)
    {
    }

    private SignerProcessOperation(ITridentClient client, OperationRehydrationToken token, PollingOptions? polling, TimeProvider? timeProvider)
        : base(token, timeProvider, polling)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>Rebuilds the operation from its rehydration token.</summary>
    /// <param name="client">A client of the same TRIDENT account.</param>
    /// <param name="token">The token.</param>
    /// <param name="polling">The default polling.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="ArgumentException">The token is not a TRIDENT signer process token.</exception>
    public static SignerProcessOperation Rehydrate(ITridentClient client, OperationRehydrationToken token, PollingOptions? polling = null, TimeProvider? timeProvider = null)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        token.EnsureFor(ProviderName, KindName);
        CheckId(token.Id);
        return new SignerProcessOperation(client, token, polling, timeProvider);
    }

    /// <inheritdoc />
    protected override async ValueTask<OperationStep<SignerProcessResult>> PollAsync(CancellationToken cancellationToken)
    {
        var state = await _client.GetSignerProcessResultAsync(Id, cancellationToken).ConfigureAwait(false);
        return state.Result is { } result
            ? OperationStep<SignerProcessResult>.Completed(result, result.Status.ToString())
            : OperationStep<SignerProcessResult>.Pending("running");
    }

    private static string CheckId(string id)
    {
        SigningRequest.EscapeSegment(id, "signerProcessId");
        return id;
    }
}
