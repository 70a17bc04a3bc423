using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks.Serialization;
using SigningClients.Core;

namespace AlphaTrust.Tasks;

// Remote task signing (alphatrust-remote-task-signing.txt): "Apply signatures and complete tasks programmatically
// without the AlphaTrust e-Sign workflow interface." Each task carries its ID, the client IP for the audit trail and,
// when the task requires it, the password or registered user's credentials; several tasks may be batched, within
// the configured maximum.
public sealed partial class AlphaTrustClient
{
    /// <inheritdoc />
    public Task<RemoteSignResult> RemoteSignAsync(RemoteSignTask task, CancellationToken cancellationToken = default)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        return RemoteSignAsync(new[] { task }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RemoteSignResult> RemoteSignAsync(IEnumerable<RemoteSignTask> tasks, CancellationToken cancellationToken = default)
    {
        if (tasks is null)
        {
            throw new ArgumentNullException(nameof(tasks));
        }

        var body = new TaskRemoteSignRequestModel();
        var ids = new List<long>();
        var seen = new HashSet<long>();
        int index = 0;
        foreach (var task in tasks)
        {
            if (task is null)
            {
                throw new ArgumentException("tasks[" + index.ToString(CultureInfo.InvariantCulture) + "] is null.", nameof(tasks));
            }

            ValidateIpAddress(task.IpAddress, index, nameof(tasks));
            if (!seen.Add(task.TaskId))
            {
                throw new ArgumentException("Task " + task.TaskId.ToString(CultureInfo.InvariantCulture) + " appears more than once in the batch.", nameof(tasks));
            }

            var auth = task.Authentication ?? TaskAuthentication.None;
            _pipeline.Redactor.AddSecret(auth.WirePassword);
            body.Tasks.Add(new TaskRemoteSignModel
            {
                Id = task.TaskId,
                IpAddress = task.IpAddress,
                Password = auth.WirePassword,
                Username = auth.WireUsername,
            });
            ids.Add(task.TaskId);
            index++;
        }

        if (body.Tasks.Count == 0)
        {
            throw new ArgumentException("At least one task is required for a remote sign.", nameof(tasks));
        }

        if (body.Tasks.Count > _maxBatch)
        {
            throw new ArgumentException(
                "A remote-sign batch holds at most " + _maxBatch.ToString(CultureInfo.InvariantCulture) + " tasks (MaxRemoteSignBatchSize); this one has " +
                body.Tasks.Count.ToString(CultureInfo.InvariantCulture) + ". Split it into several calls, keeping each batch within one transaction, as AlphaTrust advises to avoid request timeouts.",
                nameof(tasks));
        }

        var request = Post(_paths.RemoteSign, "RemoteSign", Idempotency.NotIdempotent, body, AlphaTrustJsonContext.Default.TaskRemoteSignRequestModel);
        var answer = await SendAsync(request, DefaultReturnInfo, cancellationToken).ConfigureAwait(false);
        return CreateRemoteSignResult(ids.AsReadOnly(), answer);
    }

    /// <summary>
    /// Validates a client IP address for the audit trail: an IPv6 address, or an IPv4 address in dotted-decimal form
    /// with four parts (0–255). Shorthand forms that <see cref="IPAddress.TryParse(string, out IPAddress)"/> also
    /// accepts ("10.1", "0x7f.1") are rejected because they would put a misleading address in the audit trail.
    /// </summary>
    /// <param name="ipAddress">The address.</param>
    /// <returns>Whether it is acceptable.</returns>
    public static bool IsValidIpAddress(string? ipAddress)
    {
        if (string.IsNullOrEmpty(ipAddress) || ipAddress!.Trim().Length != ipAddress.Length ||
            !IPAddress.TryParse(ipAddress, out var address))
        {
            return false;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        var parts = ipAddress.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0 || part.Length > 3 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > 255)
            {
                return false;
            }
        }

        return true;
    }

    private static void ValidateIpAddress(string? ipAddress, int index, string paramName)
    {
        if (!IsValidIpAddress(ipAddress))
        {
            throw new ArgumentException(
                "tasks[" + index.ToString(CultureInfo.InvariantCulture) + "].IpAddress '" + ipAddress + "' is not a valid IPv4 or IPv6 address; the client IP is required for the audit trail (note: 123.45.67.890, the documentation's example, is not a valid address).",
                paramName);
        }
    }

    private RemoteSignResult CreateRemoteSignResult(IReadOnlyList<long> requestedTaskIds, DefaultReturnModel answer)
    {
        Dictionary<string, JsonElement>? rest = answer.AdditionalProperties;
        IReadOnlyList<RemoteSignTaskOutcome> outcomes = Array.Empty<RemoteSignTaskOutcome>();
        if (rest is not null)
        {
            foreach (var member in rest)
            {
                if (!string.Equals(member.Key, _wireNames.RemoteSignTaskResults, StringComparison.OrdinalIgnoreCase) || member.Value.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                try
                {
                    var parsed = member.Value.Deserialize(AlphaTrustJsonContext.Default.ListRemoteSignTaskOutcome);
                    if (parsed is not null && !parsed.Contains(null!))
                    {
                        outcomes = parsed.AsReadOnly();
                        rest = new Dictionary<string, JsonElement>(rest, StringComparer.Ordinal);
                        rest.Remove(member.Key);
                    }
                }
                catch (JsonException)
                {
                    // An unexpected shape stays in AdditionalProperties, unchanged; nothing the server sends throws here.
                }

                break;
            }
        }

        return new RemoteSignResult(requestedTaskIds, answer.Message, outcomes, rest is { Count: > 0 } ? rest : null);
    }
}
