using System;
using System.Globalization;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.ConsignO;

/// <summary>
/// ConsignO Cloud as the documentation describes it (consigno-cloud-workflows.txt, FACTS.md "ConsignO"), without HTTP,
/// in four parts:
/// <list type="bullet">
/// <item><b>Sessions</b> (<c>ConsignOState.Sessions.cs</c>): a login opens a session and issues a token that expires
/// after 30 minutes of inactivity and may be replaced by any answer.</item>
/// <item><b>Documents</b> (<c>ConsignOState.Documents.cs</c>): uploaded PDFs (or inline base64 documents of a
/// workflow); a document belongs to at most one workflow.</item>
/// <item><b>Workflows</b> (<c>ConsignOState.Workflows.cs</c>): created (0) or created and launched (1) under the
/// documented rules, read, deleted (6, then unknown to the API).</item>
/// <item><b>Signing</b> (<c>ConsignOState.Signing.cs</c>): the steps of a launched workflow in sequence, its signers'
/// actions, completion (2) with the audit trail, decline (5), expiry (3).</item>
/// </list>
/// Every transition checks the current status and refuses illegal moves with a <see cref="SimulatorStateException"/>.
/// One lock (<see cref="SimulatorState"/>); the routes parse, call a member here and render what it returns.
/// </summary>
internal sealed partial class ConsignOState : SimulatorState
{
    private readonly ConsignOSimulatorOptions _options;

    public ConsignOState(ConsignOSimulatorOptions options, TimeProvider timeProvider)
        : base(timeProvider)
    {
        _options = options;
    }

    /// <summary>The wire spelling of a workflow status (its number).</summary>
    public static string Wire(ConsignOWorkflowStatus status) => ((int)status).ToString(CultureInfo.InvariantCulture);

    /// <summary>The wire spelling of an action status.</summary>
    public static string Wire(ConsignOActionStatus status) => status switch
    {
        ConsignOActionStatus.NotStarted => "NOT_STARTED",
        ConsignOActionStatus.Started => "STARTED",
        ConsignOActionStatus.InProgress => "IN_PROGRESS",
        ConsignOActionStatus.Completed => "COMPLETED",
        _ => "DECLINED",
    };
}
