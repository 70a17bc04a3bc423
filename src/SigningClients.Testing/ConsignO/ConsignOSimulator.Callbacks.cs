using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using SigningClients.Testing.ConsignO;

namespace SigningClients.Testing;

/// <summary>ConsignO's calls to the integrator: workflow webhooks and the signer's return URL.</summary>
public sealed partial class ConsignOSimulator
{
    /// <summary>
    /// The URL ConsignO sends the signer's browser to after the latest move of the workflow, as the test's browser
    /// would follow it: an embedded action's <c>returnUrl</c> with <c>?status=success|decline</c> once that action is
    /// completed or declined, else the workflow's <c>returnUrl</c> with <c>?status=SIGNATURE_SUCCESS</c> (completed),
    /// <c>SIGNATURE_DECLINE</c> (declined), <c>expired</c> or <c>WORKFLOW_LAUNCHED</c> (still running).
    /// </summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <returns>The URL, or <see langword="null"/> when the workflow is unknown or has no return URL for its state.</returns>
    public Uri? GetReturnUrl(string workflowId)
    {
        var workflow = _state.Find(workflowId);
        if (workflow is null)
        {
            return null;
        }

        var requested = workflow.Request["actions"] as JsonArray;
        for (int i = workflow.Actions.Count - 1; i >= 0; i--)
        {
            var action = workflow.Actions[i];
            var url = requested is not null && i < requested.Count ? requested[i]?["returnUrl"]?.GetValue<string>() : null;
            if (url is not null && action.Mode == ConsignOSigningMode.Embedded && action.Status is ConsignOActionStatus.Completed or ConsignOActionStatus.Declined)
            {
                return WithStatus(url, action.Status == ConsignOActionStatus.Completed ? "success" : "decline");
            }
        }

        var status = workflow.Status switch
        {
            ConsignOWorkflowStatus.Completed => "SIGNATURE_SUCCESS",
            ConsignOWorkflowStatus.Declined => "SIGNATURE_DECLINE",
            ConsignOWorkflowStatus.Expired => "expired",
            ConsignOWorkflowStatus.Launched => "WORKFLOW_LAUNCHED",
            ConsignOWorkflowStatus.Deleted => "WORKFLOW_CANCELED",
            _ => null,
        };
        return status is not null && workflow.Request["returnUrl"]?.GetValue<string>() is { } returnUrl ? WithStatus(returnUrl, status) : null;
    }

    private static Uri? WithStatus(string url, string status) =>
        Uri.TryCreate(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "status=" + status, UriKind.Absolute, out var uri) ? uri : null;

    /// <summary>
    /// Posts <c>{"workflowId", "status"}</c> (the workflow status number) to every <c>webhooks[].url</c> of the workflow
    /// when its status changes after creation. The payload shape is not in ConsignO's public docs (unverified).
    /// </summary>
    private void SendWebhooks(SimulatorStatusChange change)
    {
        if (change.Entity != "workflow" || change.From is null || _state.Find(change.Id) is not { } workflow || workflow.Request["webhooks"] is not JsonArray hooks)
        {
            return;
        }

        var body = new JsonObject { ["workflowId"] = change.Id, ["status"] = int.Parse(change.To, NumberStyles.None, CultureInfo.InvariantCulture) }.ToJsonString();
        foreach (var target in hooks.Select(h => h?["url"]?.GetValue<string>()).Where(u => u is not null))
        {
            if (Uri.TryCreate(target, UriKind.Absolute, out var url))
            {
                Callbacks.Send("workflow " + change.To, HttpMethod.Post, url, null, "application/json", body);
            }
        }
    }
}
