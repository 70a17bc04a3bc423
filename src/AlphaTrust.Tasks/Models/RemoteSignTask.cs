using System;

namespace AlphaTrust.Tasks.Models;

/// <summary>One task to complete by remote signing.</summary>
public sealed class RemoteSignTask
{
    /// <summary>Creates a remote-sign item.</summary>
    /// <param name="taskId">The task's ID.</param>
    /// <param name="ipAddress">
    /// The client IP address recorded in the audit trail (IPv4 or IPv6, validated with <see cref="System.Net.IPAddress.TryParse(string, out System.Net.IPAddress)"/>
    /// by the client before sending).
    /// </param>
    /// <param name="authentication">The task authentication; <see cref="TaskAuthentication.None"/> when omitted.</param>
    public RemoteSignTask(long taskId, string ipAddress, TaskAuthentication? authentication = null)
    {
        TaskId = taskId;
        IpAddress = ipAddress;
        Authentication = authentication ?? TaskAuthentication.None;
    }

    /// <summary>The task's ID (a 64-bit number).</summary>
    public long TaskId { get; }

    /// <summary>The client IP address for the audit trail.</summary>
    public string IpAddress { get; }

    /// <summary>The task authentication.</summary>
    public TaskAuthentication Authentication { get; }

    /// <inheritdoc />
    public override string ToString() => "RemoteSignTask { TaskId = " + TaskId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", IpAddress = " + IpAddress + ", Authentication = " + Authentication + " }";
}
