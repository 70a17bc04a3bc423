using System;
using System.Collections.Generic;
using System.Globalization;
using SigningClients.Testing;

namespace SigningClients.Reliability.Tests.Infrastructure;

/// <summary>What a fault does to the request, which decides the outcomes allowed.</summary>
internal enum FaultClass
{
    /// <summary>Nothing listens: the request certainly never left.</summary>
    Refused,

    /// <summary>Connection dropped, request not processed.</summary>
    DropBefore,

    /// <summary>Connection dropped after the server processed the request.</summary>
    DropAfter,

    /// <summary>Processed, response body cut (reset or truncated).</summary>
    BodyCut,

    /// <summary>An error status (not processed).</summary>
    Status,

    /// <summary>An error status with a Retry-After the client may honour.</summary>
    RetryAfter,

    /// <summary>A Retry-After longer than the client's MaxRetryAfter: no waiting, typed error with RetryAfter.</summary>
    RetryAfterTooLong,

    /// <summary>The attempt times out (slow server).</summary>
    Timeout,

    /// <summary>Processed, the body replaced by garbage (broken JSON/XML, HTML, SOAP Fault).</summary>
    Malformed,
}

/// <summary>One column of the matrix.</summary>
internal sealed class FaultSpec
{
    public const int Always = 20;

    public required string Id { get; init; }

    public required string Label { get; init; }

    public required FaultClass Class { get; init; }

    /// <summary>Creates the fault for a provider (called at enqueue time, so HTTP dates are fresh).</summary>
    public Func<ProviderKit, SimulatedFault?> Create { get; init; } = _ => null;

    /// <summary>How many matching requests the fault applies to (1 = once, then healthy; <see cref="Always"/> = every attempt).</summary>
    public int Count { get; init; } = 1;

    /// <summary>The status the caller must see when the fault persists.</summary>
    public int? ExpectedStatus { get; init; }

    /// <summary>Whether the client gets a short attempt timeout (300 ms) in this column.</summary>
    public bool ShortAttemptTimeout { get; init; }

    /// <summary>Whether the column applies to the provider.</summary>
    public Func<ProviderKit, bool> AppliesTo { get; init; } = _ => true;

    /// <summary>Whether an operation that may retry (safe or idempotent) must end in success.</summary>
    public bool SafeMustSucceed { get; init; }

    /// <summary>Whether the column involves real waiting (Retry-After), so its lanes are split finer.</summary>
    public bool Slow { get; init; }

    public override string ToString() => Id;

    public static IReadOnlyList<FaultSpec> All { get; } = new List<FaultSpec>
    {
        new() { Id = "refused", Label = "connection refused", Class = FaultClass.Refused },
        new() { Id = "drop-before", Label = "dropped before the response (once)", Class = FaultClass.DropBefore, Create = _ => SimulatedFault.DropBeforeResponse(), SafeMustSucceed = true },
        new() { Id = "drop-before-always", Label = "dropped before the response (every attempt)", Class = FaultClass.DropBefore, Create = _ => SimulatedFault.DropBeforeResponse(), Count = Always },
        new() { Id = "drop-after", Label = "dropped after processing (once)", Class = FaultClass.DropAfter, Create = _ => SimulatedFault.DropAfterProcessing(), SafeMustSucceed = true },
        new() { Id = "reset-mid-body", Label = "reset in the middle of the body (once)", Class = FaultClass.BodyCut, Create = _ => SimulatedFault.ResetMidBody() },
        new() { Id = "truncated", Label = "truncated body (once)", Class = FaultClass.BodyCut, Create = _ => SimulatedFault.TruncatedBody() },
        new() { Id = "500", Label = "500 (once)", Class = FaultClass.Status, Create = _ => SimulatedFault.Status(500), SafeMustSucceed = true, ExpectedStatus = 500 },
        new() { Id = "500-always", Label = "500 (every attempt)", Class = FaultClass.Status, Create = _ => SimulatedFault.Status(500), Count = Always, ExpectedStatus = 500 },
        new() { Id = "502-always", Label = "502 (every attempt)", Class = FaultClass.Status, Create = _ => SimulatedFault.Status(502), Count = Always, ExpectedStatus = 502 },
        new() { Id = "503-retry-after", Label = "503 + Retry-After: 1 (once)", Class = FaultClass.RetryAfter, Create = _ => SimulatedFault.Status(503, retryAfter: "1"), SafeMustSucceed = true, ExpectedStatus = 503, Slow = true },
        new() { Id = "504-always", Label = "504 (every attempt)", Class = FaultClass.Status, Create = _ => SimulatedFault.Status(504), Count = Always, ExpectedStatus = 504 },
        new() { Id = "429-seconds", Label = "429 + Retry-After: 1 (once)", Class = FaultClass.RetryAfter, Create = _ => SimulatedFault.Status(429, retryAfter: "1"), SafeMustSucceed = true, ExpectedStatus = 429, Slow = true },
        new() { Id = "429-date", Label = "429 + Retry-After as HTTP date (once)", Class = FaultClass.RetryAfter, Create = _ => SimulatedFault.Status(429, retryAfter: DateTimeOffset.UtcNow.AddSeconds(1).ToString("R", CultureInfo.InvariantCulture)), SafeMustSucceed = true, ExpectedStatus = 429, Slow = true },
        new() { Id = "429-too-long", Label = "429 + Retry-After: 120 (> MaxRetryAfter)", Class = FaultClass.RetryAfterTooLong, Create = _ => SimulatedFault.Status(429, retryAfter: "120"), Count = Always, ExpectedStatus = 429 },
        new() { Id = "timeout", Label = "attempt timeout (server 1.5 s late, AttemptTimeout 300 ms, once)", Class = FaultClass.Timeout, Create = _ => SimulatedFault.Delay(TimeSpan.FromMilliseconds(1500)), ShortAttemptTimeout = true, SafeMustSucceed = true },
        new() { Id = "broken-body", Label = "malformed body: broken JSON/XML, 200", Class = FaultClass.Malformed, Create = kit => SimulatedFault.MalformedBody(kit.BrokenBody, 200, kit.BrokenBodyContentType) },
        new() { Id = "broken-body-500", Label = "malformed body: broken JSON/XML, 500 (every attempt)", Class = FaultClass.Status, Create = kit => SimulatedFault.Status(500, body: kit.BrokenBody, contentType: kit.BrokenBodyContentType), Count = Always, ExpectedStatus = 500 },
        new() { Id = "html-200", Label = "HTML page with 200", Class = FaultClass.Malformed, Create = _ => SimulatedFault.MalformedBody("<html><head><title>Maintenance</title></head><body><h1>We'll be back</h1></body></html>", 200, "text/html") },
        new() { Id = "html-500", Label = "HTML error page with 500 (every attempt)", Class = FaultClass.Status, Create = _ => SimulatedFault.Html(500), Count = Always, ExpectedStatus = 500 },
        new() { Id = "soap-fault", Label = "SOAP Fault (500)", Class = FaultClass.Status, AppliesTo = kit => kit.IsSoap, Count = Always, ExpectedStatus = 500, Create = _ => SimulatedFault.Status(500, body: SoapFault, contentType: "text/xml; charset=utf-8") },
    };

    public const string SoapFault =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
        + "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Server was unable to process request. ---&gt; Object reference not set to an instance of an object.</faultstring><detail /></soap:Fault>"
        + "</soap:Body></soap:Envelope>";
}
