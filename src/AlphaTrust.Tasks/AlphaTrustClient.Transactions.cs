using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks.Serialization;
using SigningClients.Core;

namespace AlphaTrust.Tasks;

// Transactions: "The output of a launched Workflow is called a Transaction." Creating one (with its documents,
// participants and tasks, or from a Control Panel workflow), closing it and reading it in its updateable form.
public sealed partial class AlphaTrustClient
{
    /// <inheritdoc />
    public async Task<Transaction> CreateTransactionAsync(TransactionCreate transaction, CancellationToken cancellationToken = default)
    {
        if (transaction is null)
        {
            throw new ArgumentNullException(nameof(transaction));
        }

        var body = await TransactionCreateWriter.WriteAsync(transaction, _wireNames, _pipeline.Redactor, cancellationToken).ConfigureAwait(false);
        var request = Post(_paths.CreateTransactions, "CreateTransaction", Idempotency.NotIdempotent, body, AlphaTrustJsonContext.Default.TransactionCreateRequestModel);
        var answer = await SendAsync(request, AlphaTrustJsonContext.Default.TransactionsReturnModel, cancellationToken).ConfigureAwait(false);
        if (answer.Transactions is not { Count: > 0 })
        {
            throw _pipeline.CreateException(request, null, SigningFailureKind.InvalidResponse, null, "The service reported success but returned no transaction.");
        }

        return answer.Transactions[0];
    }

    /// <inheritdoc />
    public async Task CloseTransactionsAsync(IEnumerable<long> transactionIds, CancellationToken cancellationToken = default)
    {
        var request = Post(_paths.CloseTransactions, "CloseTransactions", Idempotency.Idempotent, IdsBody(transactionIds), AlphaTrustJsonContext.Default.TransactionIdsRequestModel);
        await SendAsync(request, DefaultReturnInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Transaction>> GetUpdateableTransactionsAsync(IEnumerable<long> transactionIds, CancellationToken cancellationToken = default)
    {
        var request = Post(_paths.GetUpdateableTransactions, "GetUpdateableTransactions", Idempotency.Safe, IdsBody(transactionIds), AlphaTrustJsonContext.Default.TransactionIdsRequestModel);
        var answer = await SendAsync(request, AlphaTrustJsonContext.Default.TransactionsReturnModel, cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<Transaction>?)answer.Transactions ?? Array.Empty<Transaction>();
    }

    /// <inheritdoc />
    public async Task<Transaction?> GetTransactionAsync(long transactionId, CancellationToken cancellationToken = default)
    {
        var transactions = await GetUpdateableTransactionsAsync(new[] { transactionId }, cancellationToken).ConfigureAwait(false);
        foreach (var transaction in transactions)
        {
            if (transaction.Id == transactionId)
            {
                return transaction;
            }
        }

        return null;
    }

    private static TransactionIdsRequestModel IdsBody(IEnumerable<long> transactionIds)
    {
        if (transactionIds is null)
        {
            throw new ArgumentNullException(nameof(transactionIds));
        }

        var body = new TransactionIdsRequestModel();
        body.Ids.AddRange(transactionIds);
        if (body.Ids.Count == 0)
        {
            throw new ArgumentException("At least one transaction ID is required.", nameof(transactionIds));
        }

        return body;
    }
}
