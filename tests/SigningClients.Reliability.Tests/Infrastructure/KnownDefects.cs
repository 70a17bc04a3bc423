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
        // Fixed in SigningToday.Dst: FillAsync is declared NotIdempotent (a lost answer is reported as OutcomeUnknown, never replayed).
        // Fixed in ConsignO.Workflows: a rotated token is adopted only from an answer to a request that carried the token held
        // now (compare-and-swap), so the token sent never goes backwards (was listed as ConsignO TokenRotation × concurrency).
    };

    public static IReadOnlyDictionary<(string Provider, string Operation, string Fault), string> All => Defects;

    public static string? Find(string provider, string operation, string fault)
        => Defects.TryGetValue((provider, operation, fault), out var why) ? why : null;
}
