using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using SigningClients.Core;
using SigningClients.Core.Operations;

namespace AlphaTrust.Tasks.Signing;

/// <summary>
/// An AlphaTrust transaction until it is Completed or Closed (AlphaTrust had no wait helper before this). Poll once,
/// wait, or save the <see cref="LongRunningOperation{T}.RehydrationToken"/> and rebuild it with <see cref="Rehydrate"/>.
/// No API key, secret or password is part of the rehydration token.
/// </summary>
public sealed class TransactionOperation : ProviderOperation<IAlphaTrustClient, Transaction>
{
    /// <summary>The provider name in rehydration tokens.</summary>
    public const string ProviderName = "AlphaTrust";

    /// <summary>The operation kind in rehydration tokens.</summary>
    public const string KindName = "Transaction";

    /// <summary>Creates the operation of an existing transaction.</summary>
    /// <param name="client">The client.</param>
    /// <param name="transactionId">The transaction id.</param>
    /// <param name="polling">The default polling; <see langword="null"/> for <see cref="PollingOptions"/> defaults.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentOutOfRangeException">The id is not positive.</exception>
    public TransactionOperation(IAlphaTrustClient client, long transactionId, PollingOptions? polling = null, TimeProvider? timeProvider = null)
        : this(client, new OperationRehydrationToken(ProviderName, KindName, CheckId(transactionId).ToString(CultureInfo.InvariantCulture)), polling, timeProvider)
    {
    }

    private TransactionOperation(IAlphaTrustClient client, OperationRehydrationToken token, PollingOptions? polling, TimeProvider? timeProvider)
        : base(client, token, timeProvider, polling)
    {
        TransactionId = long.Parse(token.Id, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The transaction id.</summary>
    public long TransactionId { get; }

    /// <summary>The transaction as last read in this process, if any.</summary>
    public Transaction? LastTransaction { get; private set; }

    /// <summary>Rebuilds the operation from its rehydration token.</summary>
    /// <param name="client">A client of the same AlphaTrust account.</param>
    /// <param name="token">The token.</param>
    /// <param name="polling">The default polling.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="ArgumentException">The token is not an AlphaTrust transaction token.</exception>
    public static TransactionOperation Rehydrate(IAlphaTrustClient client, OperationRehydrationToken token, PollingOptions? polling = null, TimeProvider? timeProvider = null)
    {
        CheckToken(token, ProviderName, KindName);
        if (!long.TryParse(token.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            throw new ArgumentException("The AlphaTrust transaction token carries no valid transaction id.", nameof(token));
        }

        return new TransactionOperation(client, token, polling, timeProvider);
    }

    /// <inheritdoc />
    protected override async ValueTask<OperationStep<Transaction>> PollAsync(CancellationToken cancellationToken)
    {
        var transaction = await Client.GetTransactionAsync(TransactionId, cancellationToken).ConfigureAwait(false)
            ?? throw new SigningApiException(ProviderName, "GetTransaction", 404, SigningFailureKind.ProviderError, providerMessage: "AlphaTrust found no transaction " + TransactionId + ".");
        LastTransaction = transaction;
        bool done = transaction.Status == TransactionStatus.Completed || transaction.Status == TransactionStatus.Closed;
        return done
            ? OperationStep<Transaction>.Completed(transaction, transaction.Status.ToString())
            : OperationStep<Transaction>.Pending(transaction.Status.ToString());
    }

    private static long CheckId(long id) => id > 0 ? id : throw new ArgumentOutOfRangeException(nameof(id), "A transaction id is positive.");
}
