using System;
using System.Collections.Generic;
using SigningClients.Core.Operations;

namespace SigningClients.Core.Signing;

/// <summary>
/// A provider-neutral signing in progress: a <see cref="LongRunningOperation{T}"/> that ends with a
/// <see cref="SigningOutcome"/>. Save <see cref="LongRunningOperation{T}.RehydrationToken"/> and rebuild it with
/// <see cref="ISigningProvider.RehydrateSigning"/> in another process.
/// </summary>
public abstract class SigningOperation : LongRunningOperation<SigningOutcome>
{
    /// <summary>Creates an operation.</summary>
    /// <param name="token">Identity and poll state.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <param name="defaultPolling">The default pace; <see langword="null"/> for <see cref="PollingOptions"/> defaults.</param>
    protected SigningOperation(OperationRehydrationToken token, TimeProvider? timeProvider, PollingOptions? defaultPolling = null)
        : base(token, timeProvider, defaultPolling)
    {
    }

    /// <summary>
    /// The signing URLs, one per signer, when the provider signs embedded (redirect the browser there). Empty for
    /// remote signing and for a rehydrated operation (the URLs are credentials and are not kept in the token).
    /// </summary>
    public virtual IReadOnlyList<SignerLink> SigningUrls => Array.Empty<SignerLink>();

    /// <summary>The provider-neutral state, derived from <see cref="LongRunningOperation{T}.Status"/> before completion.</summary>
    public SigningState State => HasCompleted ? Value.State : SigningState.Pending;
}
