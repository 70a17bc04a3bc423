using System.Linq;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.ConsignO;

/// <summary>
/// Signing a launched workflow: "If two or more steps are defined within a workflow, the steps will be done in
/// sequence. Signers with same step will sign in parallel." When the last action completes the workflow is completed
/// (2) and gets its audit trail; a decline makes it declined (5); it can expire (3). Only a launched workflow moves.
/// </summary>
internal sealed partial class ConsignOState
{
    /// <summary>The signers of the current step complete their actions; the next step starts, or the workflow completes.</summary>
    /// <returns>How many actions were completed.</returns>
    public int SignCurrentStep(string workflowId) => Write(() =>
    {
        var workflow = Launched(workflowId);
        var current = workflow.Actions.Where(a => a.CanAct).ToList();
        foreach (var action in current)
        {
            MoveAction(workflow, action, ConsignOActionStatus.Completed);
            action.SecondFactorUsed = "sms";
        }

        if (current.Count > 0)
        {
            StartNextStep(workflow);
        }

        return current.Count;
    });

    /// <summary>A signer of the current step declines: their action is declined and the workflow declined (5).</summary>
    public void Decline(string workflowId, string reason) => Write(() =>
    {
        var workflow = Launched(workflowId);
        var action = workflow.Actions.FirstOrDefault(a => a.CanAct)
            ?? throw SimulatorStateException.IllegalTransition("No signer of workflow '" + workflowId + "' can act.", "INVALID_STATE");
        MoveAction(workflow, action, ConsignOActionStatus.Declined);
        action.DeclineReason = reason;
        Move(workflow, ConsignOWorkflowStatus.Declined);
    });

    /// <summary>A launched workflow expires (3).</summary>
    public void Expire(string workflowId) => Write(() => Move(Launched(workflowId), ConsignOWorkflowStatus.Expired));

    /// <summary>Checks that an embedded signer of a launched workflow can be sent to the signing page.</summary>
    public void RequireEmbeddedAction(string workflowId, string actionId) => Read(() =>
    {
        var workflow = Visible(workflowId);
        if (workflow.Status != ConsignOWorkflowStatus.Launched)
        {
            throw SimulatorStateException.IllegalTransition("The workflow is not launched.", "INVALID_STATE");
        }

        var action = workflow.Actions.FirstOrDefault(a => a.Id == actionId) ?? throw SimulatorStateException.NotFound("workflow '" + workflowId + "/" + actionId + "'");
        return action.Mode == ConsignOSigningMode.Embedded
            ? true
            : throw SimulatorStateException.IllegalTransition("The action is not in embedded mode.", "INVALID_STATE");
    });

    /// <summary>A workflow that can move: launched (a deleted one is found, but is not launched).</summary>
    private Workflow Launched(string workflowId)
    {
        var workflow = Known(workflowId);
        return workflow.Status == ConsignOWorkflowStatus.Launched
            ? workflow
            : throw SimulatorStateException.IllegalTransition(
                "The workflow '" + workflowId + "' is not launched (status " + Wire(workflow.Status) + ").", "INVALID_STATE");
    }

    /// <summary>Starts the lowest step still waiting; when none is left, the workflow is completed and gets its audit trail.</summary>
    private void StartNextStep(Workflow workflow)
    {
        if (workflow.Actions.Any(a => a.CanAct))
        {
            return;
        }

        var pending = workflow.Actions.Where(a => a.Status == ConsignOActionStatus.NotStarted).ToList();
        if (pending.Count == 0)
        {
            workflow.AuditTrailDocumentId = NextHexId();
            Move(workflow, ConsignOWorkflowStatus.Completed);
            return;
        }

        int step = pending.Min(a => a.Step);
        foreach (var action in pending.Where(a => a.Step == step))
        {
            MoveAction(workflow, action, ConsignOActionStatus.Started);
        }
    }

    private void Move(Workflow workflow, ConsignOWorkflowStatus to)
    {
        var from = workflow.Status;
        workflow.Status = to;
        workflow.StatusDate = Now;
        Changed("workflow", workflow.Id, Wire(from), Wire(to));
    }

    private void MoveAction(Workflow workflow, Action action, ConsignOActionStatus to)
    {
        var from = action.Status;
        action.Status = to;
        action.StatusDate = Now;
        Changed("action", action.Id, Wire(from), Wire(to), workflow.Id);
    }
}
