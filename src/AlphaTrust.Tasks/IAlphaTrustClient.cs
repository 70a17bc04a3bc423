using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;

namespace AlphaTrust.Tasks;

/// <summary>
/// AlphaTrust e-Sign REST client: remote task signing and the management of transactions and their tasks. Every
/// call carries the four service credentials from <see cref="AlphaTrustClientOptions"/>. Failures surface as
/// <see cref="SigningClients.Core.SigningApiException"/> carrying the service's <c>Message</c>, whether the
/// service answered <c>IsSuccessful = false</c> with 200 or with an error status.
/// </summary>
public interface IAlphaTrustClient
{
    /// <summary>
    /// Completes one task of any type (Signature, Initial, Acknowledgement, Delivery, NoActionRequired) without the
    /// e-Sign user interface. Not idempotent: never replayed after a lost response (the exception then has
    /// <c>OutcomeUnknown = true</c>; check the task's status before trying again).
    /// </summary>
    /// <param name="task">The task, the client IP for the audit trail and the task authentication.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The result.</returns>
    /// <exception cref="System.ArgumentException">The IP address is not a valid IPv4/IPv6 address.</exception>
    /// <exception cref="SigningClients.Core.SigningApiException">The service refused or the call failed.</exception>
    Task<RemoteSignResult> RemoteSignAsync(RemoteSignTask task, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes several tasks in one request. Keep a batch within one transaction (AlphaTrust's advice, to avoid
    /// request timeouts); batches above <see cref="AlphaTrustClientOptions.MaxRemoteSignBatchSize"/> are rejected
    /// before anything is sent. Not idempotent: never replayed after a lost response.
    /// </summary>
    /// <param name="tasks">The tasks (at least one, each ID once).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The result.</returns>
    /// <exception cref="System.ArgumentException">The batch is empty, too large, repeats a task or has an invalid IP address.</exception>
    /// <exception cref="SigningClients.Core.SigningApiException">The service refused or the call failed.</exception>
    Task<RemoteSignResult> RemoteSignAsync(IEnumerable<RemoteSignTask> tasks, CancellationToken cancellationToken = default);

    /// <summary>Creates (launches) a transaction with its documents, participants and tasks. Not idempotent.</summary>
    /// <param name="transaction">The transaction; document streams are read to their end.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The created transaction with the IDs of its participants, documents and tasks.</returns>
    /// <exception cref="System.ArgumentException">The transaction lacks a document, participant or task, or a task refers to no participant.</exception>
    /// <exception cref="SigningClients.Core.SigningApiException">The service refused or the call failed.</exception>
    Task<Transaction> CreateTransactionAsync(TransactionCreate transaction, CancellationToken cancellationToken = default);

    /// <summary>Adds tasks to a transaction that is still Pending. Not idempotent.</summary>
    /// <param name="transactionId">The transaction ID.</param>
    /// <param name="tasks">The new tasks (at least one).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The created tasks with their IDs.</returns>
    Task<IReadOnlyList<TransactionTask>> AddTasksAsync(long transactionId, IEnumerable<TaskCreate> tasks, CancellationToken cancellationToken = default);

    /// <summary>Updates tasks of transactions that are still Pending. Idempotent.</summary>
    /// <param name="tasks">The changes (at least one).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The updated tasks.</returns>
    Task<IReadOnlyList<TransactionTask>> UpdateTasksAsync(IEnumerable<TaskUpdate> tasks, CancellationToken cancellationToken = default);

    /// <summary>Closes (cancels) transactions. Idempotent.</summary>
    /// <param name="transactionIds">The transaction IDs (at least one).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task that completes when the service confirmed.</returns>
    Task CloseTransactionsAsync(IEnumerable<long> transactionIds, CancellationToken cancellationToken = default);

    /// <summary>Reads transactions in their updateable form (status, participants, documents, tasks). Safe.</summary>
    /// <param name="transactionIds">The transaction IDs (at least one).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The transactions found; IDs that match nothing are simply absent.</returns>
    Task<IReadOnlyList<Transaction>> GetUpdateableTransactionsAsync(IEnumerable<long> transactionIds, CancellationToken cancellationToken = default);

    /// <summary>Reads one transaction (through the updateable-transactions operation). Safe.</summary>
    /// <param name="transactionId">The transaction ID.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The transaction, or <see langword="null"/> when the service found none.</returns>
    Task<Transaction?> GetTransactionAsync(long transactionId, CancellationToken cancellationToken = default);
}
