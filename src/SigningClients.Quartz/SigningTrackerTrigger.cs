using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Signing;

namespace SigningClients.Quartz;

/// <summary>
/// Runs a tracked operation's job at once when its provider reported a confirmed change (a callback received through
/// <c>SigningClients.AspNetCore</c>), instead of waiting for the next poll. An untracked id is ignored.
/// </summary>
internal sealed class SigningTrackerTrigger : ISigningChangeListener
{
    private readonly ISigningTracker _tracker;

    public SigningTrackerTrigger(ISigningTracker tracker) => _tracker = tracker;

    public Task SigningChangedAsync(string provider, string id, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(provider) || string.IsNullOrWhiteSpace(id)
            ? Task.CompletedTask
            : _tracker.TriggerNowAsync(provider, id, cancellationToken);
}
