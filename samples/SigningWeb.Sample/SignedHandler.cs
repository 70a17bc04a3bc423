using System;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.AspNetCore;

namespace SigningWeb.Sample;

/// <summary>
/// The one handler of every endpoint: the event is already confirmed by the provider and deduplicated; the store does
/// the provider-neutral rest. A browser that came back is sent to the signing's status page.
/// </summary>
internal sealed class SignedHandler<TEvent>(SigningStore store) : ISigningCallbackHandler<TEvent>
    where TEvent : SigningCallbackEvent
{
    public async Task HandleAsync(TEvent callbackEvent, CancellationToken cancellationToken)
    {
        // A webhook can overtake our own insert (the provider notifies while StartSigningAsync is still returning):
        // failing answers 500, so the provider delivers it again a moment later.
        var record = await store.UpdateAsync(callbackEvent.Provider, callbackEvent.Id, cancellationToken)
            ?? throw new InvalidOperationException(callbackEvent.Provider + " confirmed an event for a signing this app has not stored (yet).");
        if (callbackEvent is TridentCallbackEvent or ConsignOReturnEvent or SignantReturnEvent)
        {
            callbackEvent.HttpContext.Response.Redirect("/signings/" + record.Reference);
        }
    }
}
