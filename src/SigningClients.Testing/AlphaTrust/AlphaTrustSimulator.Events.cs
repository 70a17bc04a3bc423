using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;

namespace SigningClients.Testing;

/// <summary>
/// AlphaTrust event subscriptions: the simulator notifies subscribed URLs (form-encoded POST or GET) and retries each
/// notification until the answer's body is the subscription's required response text.
/// </summary>
public sealed partial class AlphaTrustSimulator
{
    private readonly List<AlphaTrustEventSubscription> _subscriptions = new();

    /// <summary>
    /// Subscribes a URL to the task and transaction events (as an AlphaTrust administrator configures an event
    /// subscription). Each completed task sends <c>Event=TaskCompleted</c>, and a transaction whose last task completes
    /// then sends <c>Event=TransactionCompleted</c>, with the fields <c>TransactionID</c>, <c>TaskID</c> (task events)
    /// and <c>Status</c>. The field and event names are not in AlphaTrust's public docs (unverified); they are the
    /// defaults of <c>SigningClients.AspNetCore</c>'s <c>AlphaTrustEventOptions</c>.
    /// </summary>
    /// <param name="subscription">The subscription.</param>
    /// <exception cref="ArgumentException">No absolute URL or no required response text.</exception>
    public void SubscribeEvents(AlphaTrustEventSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.Url is not { IsAbsoluteUri: true } || string.IsNullOrEmpty(subscription.RequiredResponseText))
        {
            throw new ArgumentException("An event subscription needs an absolute URL and a required response text.", nameof(subscription));
        }

        lock (_subscriptions)
        {
            _subscriptions.Add(subscription);
        }
    }

    private void NotifyCompleted(long transactionId, long taskId, bool transactionCompleted)
    {
        AlphaTrustEventSubscription[] subscriptions;
        lock (_subscriptions)
        {
            subscriptions = _subscriptions.ToArray();
        }

        foreach (var subscription in subscriptions)
        {
            Notify(subscription, "TaskCompleted", transactionId, taskId);
            if (transactionCompleted)
            {
                Notify(subscription, "TransactionCompleted", transactionId, null);
            }
        }
    }

    private void Notify(AlphaTrustEventSubscription subscription, string eventName, long transactionId, long? taskId)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Event", eventName),
            new("TransactionID", transactionId.ToString(CultureInfo.InvariantCulture)),
        };
        if (taskId is { } task)
        {
            fields.Add(new("TaskID", task.ToString(CultureInfo.InvariantCulture)));
        }

        fields.Add(new("Status", "Completed"));
        var form = SimulatorCallbacks.Form(fields);
        var expected = subscription.RequiredResponseText;
        bool Acknowledges(int status, string body) => status is >= 200 and < 300 && string.Equals(body.Trim(), expected, StringComparison.Ordinal);
        if (subscription.UseGet)
        {
            var url = subscription.Url.AbsoluteUri;
            Callbacks.Send(eventName, HttpMethod.Get, new Uri(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + form), null, null, string.Empty, Acknowledges);
        }
        else
        {
            Callbacks.Send(eventName, HttpMethod.Post, subscription.Url, null, "application/x-www-form-urlencoded", form, Acknowledges);
        }
    }
}

/// <summary>An AlphaTrust event subscription of the simulator (<see cref="AlphaTrustSimulator.SubscribeEvents"/>).</summary>
public sealed class AlphaTrustEventSubscription
{
    /// <summary>Creates a subscription.</summary>
    /// <param name="url">Your endpoint.</param>
    /// <param name="requiredResponseText">The text your endpoint must answer; anything else makes AlphaTrust retry.</param>
    public AlphaTrustEventSubscription(Uri url, string requiredResponseText)
    {
        Url = url;
        RequiredResponseText = requiredResponseText;
    }

    /// <summary>Your endpoint.</summary>
    public Uri Url { get; }

    /// <summary>The <c>required-response-text</c>: the notification is retried until the answer's body is this text.</summary>
    public string RequiredResponseText { get; }

    /// <summary>Whether notifications are sent as GET with the fields in the query instead of a form-encoded POST.</summary>
    public bool UseGet { get; set; }
}
