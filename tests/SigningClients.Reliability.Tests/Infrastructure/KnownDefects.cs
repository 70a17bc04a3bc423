using System;
using System.Collections.Generic;

namespace SigningClients.Reliability.Tests.Infrastructure;

/// <summary>
/// Cells that fail because of a defect found by this suite and reported (not fixed here because the fix is not
/// small and obviously right). They stay red in docs/reliability.md; the suite fails if one of them starts to pass
/// (remove it then) or if any other cell fails.
/// </summary>
internal static class KnownDefects
{
    private static readonly Dictionary<(string Provider, string Operation, string Fault), string> Defects = new()
    {
        // Fixed in Core: an idempotent DELETE replayed after an attempt that may have been applied reports a 404 as done
        // (was listed for Trident DeleteDocument and ConsignO DeleteWorkflow × drop-after).
        [("SigningToday", "Dsts.Fill", "drop-after")] =
            "SigningToday.Dst DstOperations.FillAsync (PATCH /DST/{id}/fill) is declared Idempotent, so after a lost response the "
            + "pipeline replays it; the first PATCH already filled the form and moved the DST from toFill to toSign, so the replay gets "
            + "409 ILLEGAL_STATUS and the caller sees SigningApiException(409) although the fill succeeded. Either declare it "
            + "NotIdempotent (OutcomeUnknown on a lost response) or treat 409 on a replay as done.",
        [("ConsignO", "TokenRotation", "concurrency")] =
            "ConsignO.Workflows ConsignOSessionPolicy.OnResponse adopts every rotated X-Auth-Token it processes (last processed wins), "
            + "even when the request that brought it carried a token older than the one now held. Under concurrency answers are "
            + "processed out of the server's issue order, so the client can roll back to an older token: a call then sends a token older "
            + "than one a call that had already completed sent (seen in about 1 run of 3 with 25 workers on 2 cores; the check is not "
            + "deterministic, so a run without a violation does not retire this entry). Against a server that invalidates superseded "
            + "tokens (documented: a new token 'replaces the old one at once') such calls get 401 and resend. Fix: adopt a rotated token "
            + "only if the request carried the token currently held (compare-and-swap on the sent token).",
    };

    public static IReadOnlyDictionary<(string Provider, string Operation, string Fault), string> All => Defects;

    public static string? Find(string provider, string operation, string fault)
        => Defects.TryGetValue((provider, operation, fault), out var why) ? why : null;
}
