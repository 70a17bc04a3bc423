using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using ConsignO.Workflows;
using ConsignO.Workflows.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Signant.InstantSign;
using Signant.InstantSign.Models;
using SigningClients.AspNetCore.Internal;
using SigningToday.Dst;
using SigningToday.Dst.Models;
using Trident.SignerProcess;
using Trident.SignerProcess.Callbacks;

namespace SigningClients.AspNetCore;

/// <summary>
/// Maps the signing callback endpoints, one per provider event source. Every endpoint parses the request, confirms the
/// event by reading the provider's state through the registered client, skips an event already handled (the
/// <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> store of
/// <see cref="SigningCallbackServiceCollectionExtensions.AddSigningCallbacks"/>), runs your typed handler and answers
/// the provider: bad, forged or unconfirmed input gets 400 with an empty body; a provider that cannot be asked gets 503;
/// a failing handler gets 500 (providers that retry deliver again).
/// </summary>
public static class SigningCallbackEndpointRouteBuilderExtensions
{
    private const string BrowserAnswer = "Signing status received.";

    /// <summary>
    /// Maps the TRIDENT finish callback (GET <c>?status=…&amp;signer_process_id=…</c>, through the signer's browser) and
    /// confirms it with <see cref="ITridentClient.ConfirmCallbackAsync"/>.
    /// </summary>
    /// <typeparam name="THandler">Your handler.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route pattern (the path of your <c>finish_callback_url</c>).</param>
    /// <param name="configure">Optional settings.</param>
    /// <returns>The endpoint, for conventions such as authorization or rate limiting.</returns>
    public static IEndpointConventionBuilder MapTridentCallback<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IEndpointRouteBuilder endpoints, string pattern, Action<TridentCallbackOptions>? configure = null)
        where THandler : class, ISigningCallbackHandler<TridentCallbackEvent>
    {
        var options = Configure(endpoints, pattern, configure);
        return endpoints.MapMethods(pattern, new[] { HttpMethods.Get }, CallbackDispatcher.Create<TridentCallbackEvent, THandler>("Trident", (ctx, ct) => ConfirmTridentAsync(ctx, options, ct), BrowserOk, browser: true));
    }

    /// <summary>
    /// Maps the Signing Today webhook (the URL set in the robot configuration; POST JSON) and confirms each
    /// notification by reading the DST (<see cref="IDstOperations.GetAsync"/>).
    /// </summary>
    /// <typeparam name="THandler">Your handler.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <returns>The endpoint.</returns>
    public static IEndpointConventionBuilder MapSigningTodayWebhook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IEndpointRouteBuilder endpoints, string pattern)
        where THandler : class, ISigningCallbackHandler<SigningTodayWebhookEvent>
    {
        Configure<object>(endpoints, pattern, null);
        return endpoints.MapMethods(pattern, new[] { HttpMethods.Post }, CallbackDispatcher.Create<SigningTodayWebhookEvent, THandler>("SigningToday", ConfirmSigningTodayAsync, CallbackDispatcher.Ok, browser: false));
    }

    /// <summary>
    /// Maps a ConsignO workflow webhook (a <c>webhooks[].url</c> of the workflow; POST JSON naming the workflow) and
    /// confirms it by reading the workflow (<see cref="IConsignOClient.GetWorkflowAsync"/>).
    /// </summary>
    /// <typeparam name="THandler">Your handler.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <returns>The endpoint.</returns>
    public static IEndpointConventionBuilder MapConsignOWebhook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IEndpointRouteBuilder endpoints, string pattern)
        where THandler : class, ISigningCallbackHandler<ConsignOWebhookEvent>
    {
        Configure<object>(endpoints, pattern, null);
        return endpoints.MapMethods(pattern, new[] { HttpMethods.Post }, CallbackDispatcher.Create<ConsignOWebhookEvent, THandler>("ConsignO", ConfirmConsignOWebhookAsync, CallbackDispatcher.Ok, browser: false));
    }

    /// <summary>
    /// Maps a ConsignO return URL (GET, the browser arrives with <c>?status=…</c>) and confirms the status against the
    /// workflow's state.
    /// </summary>
    /// <typeparam name="THandler">Your handler.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <param name="configure">Optional settings (how the workflow is found).</param>
    /// <returns>The endpoint.</returns>
    public static IEndpointConventionBuilder MapConsignOReturn<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IEndpointRouteBuilder endpoints, string pattern, Action<ConsignOReturnOptions>? configure = null)
        where THandler : class, ISigningCallbackHandler<ConsignOReturnEvent>
    {
        var options = Configure(endpoints, pattern, configure);
        if (string.IsNullOrEmpty(options.WorkflowIdParameter))
        {
            throw new ArgumentException("ConsignOReturnOptions.WorkflowIdParameter is required.", nameof(configure));
        }

        return endpoints.MapMethods(pattern, new[] { HttpMethods.Get }, CallbackDispatcher.Create<ConsignOReturnEvent, THandler>("ConsignO", (ctx, ct) => ConfirmConsignOReturnAsync(ctx, options, ct), BrowserOk, browser: true));
    }

    /// <summary>
    /// Maps an AlphaTrust event subscription (form-encoded POST or GET), confirms the event by reading the transaction
    /// (<see cref="IAlphaTrustClient.GetTransactionAsync"/>) and answers the subscription's required response text as
    /// <c>text/plain</c>; any other answer makes AlphaTrust retry.
    /// </summary>
    /// <typeparam name="THandler">Your handler.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <param name="configure">Settings; <see cref="AlphaTrustEventOptions.RequiredResponseText"/> is required.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ArgumentException">No required response text.</exception>
    public static IEndpointConventionBuilder MapAlphaTrustEvents<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IEndpointRouteBuilder endpoints, string pattern, Action<AlphaTrustEventOptions> configure)
        where THandler : class, ISigningCallbackHandler<AlphaTrustCallbackEvent>
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        var options = Configure(endpoints, pattern, configure);
        if (string.IsNullOrEmpty(options.RequiredResponseText))
        {
            throw new ArgumentException("AlphaTrustEventOptions.RequiredResponseText is required: AlphaTrust retries until it receives it.", nameof(configure));
        }

        if (string.IsNullOrEmpty(options.TransactionIdField))
        {
            throw new ArgumentException("AlphaTrustEventOptions.TransactionIdField is required.", nameof(configure));
        }

        var text = options.RequiredResponseText;
        return endpoints.MapMethods(pattern, new[] { HttpMethods.Get, HttpMethods.Post }, CallbackDispatcher.Create<AlphaTrustCallbackEvent, THandler>("AlphaTrust", (ctx, ct) => ConfirmAlphaTrustAsync(ctx, options, ct), ctx => CallbackDispatcher.TextAsync(ctx, text), browser: false));
    }

    /// <summary>
    /// Maps Signant's return redirect (GET, the posting's <c>AfterSignRedirectUrl</c>) and confirms it with
    /// <see cref="ISignantClient.GetPostingStatusAsync"/>: the posting must report a signature.
    /// </summary>
    /// <typeparam name="THandler">Your handler.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <param name="configure">Optional settings (how the posting is found).</param>
    /// <returns>The endpoint.</returns>
    public static IEndpointConventionBuilder MapSignantReturn<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IEndpointRouteBuilder endpoints, string pattern, Action<SignantReturnOptions>? configure = null)
        where THandler : class, ISigningCallbackHandler<SignantReturnEvent>
    {
        var options = Configure(endpoints, pattern, configure);
        if (string.IsNullOrEmpty(options.PostingIdParameter))
        {
            throw new ArgumentException("SignantReturnOptions.PostingIdParameter is required.", nameof(configure));
        }

        return endpoints.MapMethods(pattern, new[] { HttpMethods.Get }, CallbackDispatcher.Create<SignantReturnEvent, THandler>("Signant", (ctx, ct) => ConfirmSignantAsync(ctx, options, ct), BrowserOk, browser: true));
    }

    private static TOptions Configure<TOptions>(IEndpointRouteBuilder endpoints, string pattern, Action<TOptions>? configure)
        where TOptions : class, new()
    {
        if (endpoints is null)
        {
            throw new ArgumentNullException(nameof(endpoints));
        }

        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new ArgumentException("A route pattern is required.", nameof(pattern));
        }

        if (endpoints.ServiceProvider.GetService<CallbackDeduplicator>() is null)
        {
            throw new InvalidOperationException("Call services.AddSigningCallbacks() before mapping signing callback endpoints.");
        }

        var options = new TOptions();
        configure?.Invoke(options);
        return options;
    }

    private static Task BrowserOk(HttpContext context) => CallbackDispatcher.TextAsync(context, BrowserAnswer);

    private static async Task<TridentCallbackEvent> ConfirmTridentAsync(HttpContext context, TridentCallbackOptions options, CancellationToken ct)
    {
        var callback = SignerProcessCallback.FromValues(CallbackDispatcher.SingleQueryValue(context, "status"), CallbackDispatcher.SingleQueryValue(context, "signer_process_id"));
        var expected = options.ExpectedSignerProcessId is null ? null : await options.ExpectedSignerProcessId(context).ConfigureAwait(false);
        var client = context.RequestServices.GetRequiredService<ITridentClient>();
        var result = await client.ConfirmCallbackAsync(callback, expected ?? callback.SignerProcessId, ct).ConfigureAwait(false);
        return new TridentCallbackEvent(callback, result, context);
    }

    private static async Task<SigningTodayWebhookEvent> ConfirmSigningTodayAsync(HttpContext context, CancellationToken ct)
    {
        var webhook = SigningTodayWebhooks.Parse(await CallbackDispatcher.ReadBodyAsync(context, ct).ConfigureAwait(false));
        var client = context.RequestServices.GetRequiredService<ISigningTodayClient>();
        switch (webhook.Kind)
        {
            case SigningTodayWebhookKind.DstStatusChanged:
            {
                var notification = webhook.DstStatusChanged!;
                var dst = await client.Dsts.GetAsync(RequireId(notification.DstId, "dst"), ct).ConfigureAwait(false);
                if (notification.Status is not { } claimed || !AgreesWith(claimed, dst.Status))
                {
                    throw new CallbackRejectedException("The DST's status does not confirm the notification.");
                }

                return new SigningTodayWebhookEvent(webhook, dst, context);
            }

            case SigningTodayWebhookKind.SignatureStatusChanged:
            {
                var notification = webhook.SignatureStatusChanged!;
                var dst = await client.Dsts.GetAsync(RequireId(notification.DstId, "dst"), ct).ConfigureAwait(false);
                if (notification.Status is null || dst.Status is not { } status || status == DstStatus.Draft)
                {
                    throw new CallbackRejectedException("The DST's state does not confirm the signature notification.");
                }

                return new SigningTodayWebhookEvent(webhook, dst, context);
            }

            default:
                throw new CallbackRejectedException("The body is no Signing Today notification.");
        }
    }

    private static bool AgreesWith(DstNotificationStatus claimed, DstStatus? actual)
    {
        if (actual is not { } status)
        {
            return false;
        }

        if (claimed == DstNotificationStatus.Performed)
        {
            return status == DstStatus.Signed;
        }

        return string.Equals(claimed.ToString(), status.ToString(), StringComparison.Ordinal);
    }

    private static async Task<ConsignOWebhookEvent> ConfirmConsignOWebhookAsync(HttpContext context, CancellationToken ct)
    {
        var body = await CallbackDispatcher.ReadBodyAsync(context, ct).ConfigureAwait(false);
        string? id;
        JsonElement? claimedStatus;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CallbackRejectedException("The webhook body is not a JSON object.");
            }

            var workflow = root.TryGetProperty("response", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner
                : root.TryGetProperty("workflow", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested
                : root;
            id = Text(workflow, "workflowId") ?? Text(workflow, "id") ?? Text(root, "workflowId") ?? Text(root, "workflow");
            claimedStatus = workflow.TryGetProperty("status", out var status) ? status.Clone() : null;
        }
        catch (JsonException)
        {
            throw new CallbackRejectedException("The webhook body is not JSON.");
        }

        var client = context.RequestServices.GetRequiredService<IConsignOClient>();
        var read = await client.GetWorkflowAsync(RequireId(id, "workflow"), ct).ConfigureAwait(false);
        if (claimedStatus is { } claimed && !StatusAgrees(claimed, read.Status))
        {
            throw new CallbackRejectedException("The workflow's status does not confirm the webhook.");
        }

        return new ConsignOWebhookEvent(read, context);
    }

    private static bool StatusAgrees(JsonElement claimed, WorkflowStatus actual) => claimed.ValueKind switch
    {
        JsonValueKind.Number => claimed.TryGetInt32(out var number) && number == actual.Value,
        JsonValueKind.String => int.TryParse(claimed.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed == actual.Value
            : string.Equals(claimed.GetString(), actual.ToString(), StringComparison.OrdinalIgnoreCase),
        JsonValueKind.Null => true,
        _ => false,
    };

    private static async Task<ConsignOReturnEvent> ConfirmConsignOReturnAsync(HttpContext context, ConsignOReturnOptions options, CancellationToken ct)
    {
        var status = CallbackDispatcher.SingleQueryValue(context, "status");
        if (string.IsNullOrWhiteSpace(status) || !ReturnUrlResult.TryParse(new Uri(context.Request.QueryString.Value ?? string.Empty, UriKind.Relative), out var result) || result is null)
        {
            throw new CallbackRejectedException("The return URL has no single status.");
        }

        var id = options.ResolveWorkflowId is null
            ? CallbackDispatcher.SingleQueryValue(context, options.WorkflowIdParameter)
            : await options.ResolveWorkflowId(context).ConfigureAwait(false);
        var client = context.RequestServices.GetRequiredService<IConsignOClient>();
        var workflow = await client.GetWorkflowAsync(RequireId(id, "workflow"), ct).ConfigureAwait(false);
        if (!Confirms(result.Status, workflow))
        {
            throw new CallbackRejectedException("The workflow's state does not confirm the return status.");
        }

        return new ConsignOReturnEvent(result, workflow, context);
    }

    private static bool Confirms(ReturnStatus status, Workflow workflow)
    {
        var actions = workflow.Actions ?? Array.Empty<WorkflowAction>();
        if (status == ReturnStatus.Success || status == ReturnStatus.SignatureSuccess)
        {
            return workflow.Status == WorkflowStatus.Completed || actions.Any(a => a.Status == ActionStatus.Completed);
        }

        if (status == ReturnStatus.Decline || status == ReturnStatus.SignatureDecline)
        {
            return workflow.Status == WorkflowStatus.Declined || actions.Any(a => a.Status == ActionStatus.Declined);
        }

        if (status == ReturnStatus.Expired)
        {
            return workflow.Status == WorkflowStatus.Expired;
        }

        if (status == ReturnStatus.WorkflowLaunched)
        {
            return workflow.Status != WorkflowStatus.Created && workflow.Status != WorkflowStatus.CreatedFromTemplate && workflow.Status != WorkflowStatus.Deleted;
        }

        if (status == ReturnStatus.WorkflowCanceled)
        {
            return workflow.Status == WorkflowStatus.Deleted;
        }

        // failure, SIGNATURE_CANCELLED, WORKFLOW_UPDATED claim nothing the workflow can refute except completion.
        return (status == ReturnStatus.Failure || status == ReturnStatus.SignatureCancelled || status == ReturnStatus.WorkflowUpdated)
            && workflow.Status != WorkflowStatus.Completed;
    }

    private static async Task<AlphaTrustCallbackEvent> ConfirmAlphaTrustAsync(HttpContext context, AlphaTrustEventOptions options, CancellationToken ct)
    {
        IReadOnlyDictionary<string, string> fields;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            if (!context.Request.HasFormContentType)
            {
                throw new CallbackRejectedException("The notification is not form-encoded.");
            }

            int max = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SigningCallbackOptions>>().Value.MaxBodyBytes;
            if (context.Request.ContentLength is null or < 0 || context.Request.ContentLength > max)
            {
                throw new CallbackRejectedException("The notification body is missing a length or exceeds the configured size.");
            }

            var form = await context.Request.ReadFormAsync(ct).ConfigureAwait(false);
            fields = CallbackDispatcher.SingleValues(form);
        }
        else
        {
            fields = CallbackDispatcher.SingleValues(context.Request.Query);
        }

        if (!fields.TryGetValue(options.TransactionIdField, out var idText) || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var transactionId) || transactionId <= 0)
        {
            throw new CallbackRejectedException("The notification has no valid transaction id.");
        }

        var client = context.RequestServices.GetRequiredService<IAlphaTrustClient>();
        var transaction = await client.GetTransactionAsync(transactionId, ct).ConfigureAwait(false)
            ?? throw new CallbackRejectedException("AlphaTrust does not know the transaction.");
        string actualStatus = transaction.Status.ToString();
        if (!string.IsNullOrEmpty(options.TaskIdField) && fields.TryGetValue(options.TaskIdField, out var taskText))
        {
            if (!long.TryParse(taskText, NumberStyles.None, CultureInfo.InvariantCulture, out var taskId))
            {
                throw new CallbackRejectedException("The notification's task id is not a number.");
            }

            var task = transaction.Documents.SelectMany(d => d.Tasks).FirstOrDefault(t => t.Id == taskId)
                ?? throw new CallbackRejectedException("The task is not part of the transaction.");
            actualStatus = task.Status.ToString();
        }

        if (!string.IsNullOrEmpty(options.StatusField) && fields.TryGetValue(options.StatusField, out var claimed)
            && !string.Equals(claimed, actualStatus, StringComparison.OrdinalIgnoreCase))
        {
            throw new CallbackRejectedException("AlphaTrust's state does not confirm the notification's status.");
        }

        fields.TryGetValue(options.EventField, out var eventName);
        return new AlphaTrustCallbackEvent(transaction, eventName, fields, context);
    }

    private static async Task<SignantReturnEvent> ConfirmSignantAsync(HttpContext context, SignantReturnOptions options, CancellationToken ct)
    {
        var idText = options.ResolvePostingId is null
            ? CallbackDispatcher.SingleQueryValue(context, options.PostingIdParameter)
            : await options.ResolvePostingId(context).ConfigureAwait(false);
        if (!Guid.TryParse(idText, out var postingId) || postingId == Guid.Empty)
        {
            throw new CallbackRejectedException("The return has no valid posting id.");
        }

        var client = context.RequestServices.GetRequiredService<ISignantClient>();
        var status = await client.GetPostingStatusAsync(postingId, ct).ConfigureAwait(false);
        if (status.PostingId != postingId)
        {
            throw new CallbackRejectedException("Signant answered for another posting.");
        }

        if (status.Status != PostingStatus.Completed && status.Status != PostingStatus.CompletedPartially && status.SignatureCount <= 0)
        {
            throw new CallbackRejectedException("Signant reports no signature on the posting.");
        }

        return new SignantReturnEvent(status, context);
    }

    private static string RequireId(string? id, string what) =>
        string.IsNullOrWhiteSpace(id) ? throw new CallbackRejectedException("The event names no " + what + ".") : id!;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
            _ => null,
        } : null;
}
