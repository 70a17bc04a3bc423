namespace SigningClients.Core;

/// <summary>
/// States what resending a request can do on the server. Every provider operation declares it once; the retry
/// policy uses it to decide whether a failed attempt may be replayed.
/// </summary>
public enum Idempotency
{
    /// <summary>The request only reads (GET, HEAD): replaying it is always harmless.</summary>
    Safe = 0,

    /// <summary>The request writes, but sending it twice has the same effect as once (PUT, DELETE, token requests).</summary>
    Idempotent = 1,

    /// <summary>
    /// Sending the request twice may have two effects (create, sign, send). It is replayed only when it certainly
    /// never reached the server (connection refused, name resolution failure) or the server answered 429.
    /// </summary>
    NotIdempotent = 2,
}
