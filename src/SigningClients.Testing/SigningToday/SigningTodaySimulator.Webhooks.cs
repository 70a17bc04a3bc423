using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace SigningClients.Testing;

/// <summary>The DST webhooks: Signing Today posts a <c>DSTStatusChangedNotification</c> to the robot's configured URL.</summary>
public sealed partial class SigningTodaySimulator
{
    /// <summary>
    /// Sends <c>{status, dst, reason}</c> (status <c>toFill|toSign|expired|performed|error</c>; <c>performed</c> when the
    /// DST is signed) to <c>webhooks.dst</c> of the configuration of the robot that created the DST
    /// (<c>PUT /robot/configuration</c>), with the configuration's <c>requestHeaders</c>.
    /// </summary>
    private void SendDstWebhook(SimulatorStatusChange change)
    {
        string? status = change.Entity == "dst" ? change.To switch
        {
            "toFill" or "toSign" or "expired" or "error" => change.To,
            "signed" => "performed",
            _ => null,
        } : null;
        var dst = status is null ? null : _state.Snapshot(change.Id);
        if (dst?.Json["createdByUser"]?.GetValue<string>() is not { } robotId)
        {
            return;
        }

        var configuration = _state.RobotConfiguration(robotId);
        if (configuration["webhooks"]?["dst"]?.GetValue<string>() is not { } target || !Uri.TryCreate(target, UriKind.Absolute, out var url))
        {
            return;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (configuration["requestHeaders"] is JsonObject requestHeaders)
        {
            foreach (var header in requestHeaders)
            {
                var values = header.Value is JsonArray array ? array.Select(v => v?.ToString()).Where(v => v is not null) : new[] { header.Value?.ToString() };
                headers[header.Key] = string.Join(",", values);
            }
        }

        var reason = dst.Json["declinedReason"]?.ToString() ?? dst.Json["errorMessage"]?.ToString();
        var body = new JsonObject { ["status"] = status, ["dst"] = change.Id, ["reason"] = reason }.ToJsonString();
        Callbacks.Send("dst " + change.To, HttpMethod.Post, url, headers, "application/json", body);
    }
}
