using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.AspNetCore;

/// <summary>
/// Your code for one kind of confirmed signing event. It runs only after the event was confirmed by reading the
/// provider's state, and once per event (redeliveries are answered without calling it again). Resolved from the
/// request's services (register it, or it is created with its constructor dependencies).
/// </summary>
/// <typeparam name="TEvent">The event type of the endpoint (e.g. <see cref="TridentCallbackEvent"/>).</typeparam>
public interface ISigningCallbackHandler<in TEvent>
    where TEvent : SigningCallbackEvent
{
    /// <summary>
    /// Handles a confirmed event. Throwing makes the endpoint answer 500 and keeps the event unhandled, so a provider
    /// that retries delivers it again. On browser endpoints (TRIDENT, ConsignO return, Signant return) the handler may
    /// answer the browser itself, e.g. <c>callbackEvent.HttpContext.Response.Redirect(…)</c>.
    /// </summary>
    /// <param name="callbackEvent">The confirmed event.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TEvent callbackEvent, CancellationToken cancellationToken);
}
