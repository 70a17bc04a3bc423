using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Core.Signing;

/// <summary>
/// Told when a provider has reported a change of a signing that was confirmed by reading the provider's state — for
/// example a callback received by the endpoints of <c>SigningClients.AspNetCore</c> — so whatever tracks the signing
/// (such as <c>SigningClients.Quartz</c>'s tracker) can look at it now instead of at its next poll. Register
/// implementations as services (<c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;ISigningChangeListener, T&gt;())</c>);
/// every registered listener is told.
/// </summary>
/// <remarks>
/// A listener is a hint, never the source of truth: it must not fail the delivery that told it (the callers log its
/// exceptions and go on) and it should be quick (start work, do not wait for it).
/// </remarks>
public interface ISigningChangeListener
{
    /// <summary>A provider reported a confirmed change of one signing.</summary>
    /// <param name="provider">The provider's name as registered (<c>Trident</c>, <c>SigningToday</c>, <c>ConsignO</c>, <c>AlphaTrust</c>, <c>Signant</c>).</param>
    /// <param name="id">The provider's id of the signing: the <c>Id</c> of its <see cref="SigningOperation"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task that completes when the listener has taken note.</returns>
    Task SigningChangedAsync(string provider, string id, CancellationToken cancellationToken);
}
