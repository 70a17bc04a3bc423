using System;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Operations;
using Trident.SignerProcess.Models;

namespace Trident.SignerProcess.Signing;

/// <summary>
/// A signer process until TRIDENT has its result (the result operation answers 404 while the process runs). Poll once
/// with <see cref="LongRunningOperation{T}.UpdateStatusAsync"/>, wait with
/// <see cref="LongRunningOperation{T}.WaitForCompletionAsync(PollingOptions?, CancellationToken)"/>, or save the
/// <see cref="LongRunningOperation{T}.RehydrationToken"/> and rebuild it with <see cref="Rehydrate"/>.
/// </summary>
public sealed class SignerProcessOperation : ProviderOperation<ITridentClient, SignerProcessResult>
{
    /// <summary>The provider name in rehydration tokens.</summary>
    public const string ProviderName = "Trident";

    /// <summary>The operation kind in rehydration tokens.</summary>
    public const string KindName = "SignerProcess";

    /// <summary>Creates the operation of an existing signer process.</summary>
    /// <param name="client">The client.</param>
    /// <param name="signerProcessId">The signer process id.</param>
    /// <param name="polling">The default polling; <see langword="null"/> for <see cref="PollingOptions"/> defaults.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">The id is empty or not a path segment.</exception>
    public SignerProcessOperation(ITridentClient client, string signerProcessId, PollingOptions? polling = null, TimeProvider? timeProvider = null)
        : base(client, NewToken(ProviderName, KindName, signerProcessId, nameof(signerProcessId)), timeProvider, polling)
    {
    }

    private SignerProcessOperation(ITridentClient client, OperationRehydrationToken token, PollingOptions? polling, TimeProvider? timeProvider)
        : base(client, token, timeProvider, polling)
    {
    }

    /// <summary>Rebuilds the operation from its rehydration token.</summary>
    /// <param name="client">A client of the same TRIDENT account.</param>
    /// <param name="token">The token.</param>
    /// <param name="polling">The default polling.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="ArgumentException">The token is not a TRIDENT signer process token.</exception>
    public static SignerProcessOperation Rehydrate(ITridentClient client, OperationRehydrationToken token, PollingOptions? polling = null, TimeProvider? timeProvider = null) =>
        new(client, CheckSegmentToken(token, ProviderName, KindName, "signerProcessId"), polling, timeProvider);

    /// <inheritdoc />
    protected override async ValueTask<OperationStep<SignerProcessResult>> PollAsync(CancellationToken cancellationToken)
    {
        var state = await Client.GetSignerProcessResultAsync(Id, cancellationToken).ConfigureAwait(false);
        return state.Result is { } result
            ? OperationStep<SignerProcessResult>.Completed(result, result.Status.ToString())
            : OperationStep<SignerProcessResult>.Pending("running");
    }
}
