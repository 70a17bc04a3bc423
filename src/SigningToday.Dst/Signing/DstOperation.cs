using System;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Operations;
using SigningToday.Dst.Models;

namespace SigningToday.Dst.Signing;

/// <summary>
/// A digital signature transaction until it is terminal (signed, rejected, expired or error); its deadline is the DST's
/// expiry. Poll once, wait, or save the <see cref="LongRunningOperation{T}.RehydrationToken"/> and rebuild it with
/// <see cref="Rehydrate"/>. No token or password is part of the rehydration token.
/// </summary>
public sealed class DstOperation : ProviderOperation<IDstOperations, DigitalSignatureTransaction>
{
    /// <summary>The provider name in rehydration tokens.</summary>
    public const string ProviderName = "SigningToday";

    /// <summary>The operation kind in rehydration tokens.</summary>
    public const string KindName = "Dst";

    /// <summary>Creates the operation of an existing DST.</summary>
    /// <param name="dsts">The DST operations of a client (<c>client.Dsts</c>).</param>
    /// <param name="dstId">The DST id.</param>
    /// <param name="polling">The default polling; <see langword="null"/> for <see cref="PollingOptions"/> defaults.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">The id is empty or not a path segment.</exception>
    public DstOperation(IDstOperations dsts, string dstId, PollingOptions? polling = null, TimeProvider? timeProvider = null)
        : base(dsts, NewToken(ProviderName, KindName, dstId, nameof(dstId)), timeProvider, polling)
    {
    }

    private DstOperation(IDstOperations dsts, OperationRehydrationToken token, PollingOptions? polling, TimeProvider? timeProvider)
        : base(dsts, token, timeProvider, polling)
    {
    }

    /// <summary>The DST as last read in this process, if any.</summary>
    public DigitalSignatureTransaction? LastDst { get; private set; }

    /// <summary>Rebuilds the operation from its rehydration token.</summary>
    /// <param name="dsts">The DST operations (<c>client.Dsts</c>) of a client of the same Signing Today organization.</param>
    /// <param name="token">The token.</param>
    /// <param name="polling">The default polling.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="ArgumentException">The token is not a Signing Today DST token.</exception>
    public static DstOperation Rehydrate(IDstOperations dsts, OperationRehydrationToken token, PollingOptions? polling = null, TimeProvider? timeProvider = null) =>
        new(dsts, CheckSegmentToken(token, ProviderName, KindName, "dstId"), polling, timeProvider);

    /// <inheritdoc />
    protected override async ValueTask<OperationStep<DigitalSignatureTransaction>> PollAsync(CancellationToken cancellationToken)
    {
        var dst = await Client.GetAsync(Id, cancellationToken).ConfigureAwait(false);
        LastDst = dst;
        return dst.Status is { IsTerminal: true } status
            ? OperationStep<DigitalSignatureTransaction>.Completed(dst, status.ToString())
            : OperationStep<DigitalSignatureTransaction>.Pending(dst.Status?.ToString(), null, dst.ExpiresAt);
    }
}
