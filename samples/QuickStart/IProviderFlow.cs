using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;

namespace QuickStart;

/// <summary>
/// One provider's end-to-end flow: create → sign (as the simulated user, or a real signer) → wait → download.
/// Each provider adds one implementation in Flows/; Program discovers them.
/// </summary>
internal interface IProviderFlow
{
    /// <summary>The provider name used with <c>--provider</c> (e.g. "SigningToday").</summary>
    string Provider { get; }

    /// <summary>Starts the provider's simulator in-process, runs the flow against it, returns the signed PDF's path.</summary>
    Task<string> RunAgainstSimulatorAsync(FlowContext context, CancellationToken cancellationToken);

    /// <summary>Runs the same flow against the real provider configured in <paramref name="configuration"/> (section named like the provider).</summary>
    Task<string> RunAgainstProviderAsync(FlowContext context, IConfiguration configuration, CancellationToken cancellationToken);
}
