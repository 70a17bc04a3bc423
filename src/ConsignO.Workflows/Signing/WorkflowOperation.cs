using System;
using System.Threading;
using System.Threading.Tasks;
using ConsignO.Workflows.Models;
using SigningClients.Core;
using SigningClients.Core.Operations;

namespace ConsignO.Workflows.Signing;

/// <summary>
/// A ConsignO workflow until it is terminal (completed, declined, expired or deleted); its deadline is the workflow's
/// expiry. Poll once, wait, or save the <see cref="LongRunningOperation{T}.RehydrationToken"/> and rebuild it with
/// <see cref="Rehydrate"/>. The session token is never part of the rehydration token.
/// </summary>
public sealed class WorkflowOperation : ProviderOperation<IConsignOClient, Workflow>
{
    /// <summary>The provider name in rehydration tokens.</summary>
    public const string ProviderName = "ConsignO";

    /// <summary>The operation kind in rehydration tokens.</summary>
    public const string KindName = "Workflow";

    /// <summary>Creates the operation of an existing workflow.</summary>
    /// <param name="client">The client.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="polling">The default polling; <see langword="null"/> for <see cref="PollingOptions"/> defaults.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">The id is empty or not a path segment.</exception>
    public WorkflowOperation(IConsignOClient client, string workflowId, PollingOptions? polling = null, TimeProvider? timeProvider = null)
        : base(client, NewToken(ProviderName, KindName, workflowId, nameof(workflowId)), timeProvider, polling)
    {
    }

    private WorkflowOperation(IConsignOClient client, OperationRehydrationToken token, PollingOptions? polling, TimeProvider? timeProvider)
        : base(client, token, timeProvider, polling)
    {
    }

    /// <summary>The workflow as last read in this process, if any.</summary>
    public Workflow? LastWorkflow { get; private set; }

    /// <summary>Rebuilds the operation from its rehydration token.</summary>
    /// <param name="client">A client of the same ConsignO account.</param>
    /// <param name="token">The token.</param>
    /// <param name="polling">The default polling.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="ArgumentException">The token is not a ConsignO workflow token.</exception>
    public static WorkflowOperation Rehydrate(IConsignOClient client, OperationRehydrationToken token, PollingOptions? polling = null, TimeProvider? timeProvider = null) =>
        new(client, CheckSegmentToken(token, ProviderName, KindName, "workflowId"), polling, timeProvider);

    /// <inheritdoc />
    protected override async ValueTask<OperationStep<Workflow>> PollAsync(CancellationToken cancellationToken)
    {
        var workflow = await Client.GetWorkflowAsync(Id, cancellationToken).ConfigureAwait(false);
        LastWorkflow = workflow;
        return workflow.Status.IsTerminal
            ? OperationStep<Workflow>.Completed(workflow, workflow.Status.ToString())
            : OperationStep<Workflow>.Pending(workflow.Status.ToString(), null, workflow.ExpiresOn);
    }
}
