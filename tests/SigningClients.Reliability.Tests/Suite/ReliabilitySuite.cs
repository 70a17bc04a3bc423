using System;
using System.Collections.Generic;
using System.Linq;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Reliability.Tests.Providers;
using Xunit;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace SigningClients.Reliability.Tests.Suite;

/// <summary>
/// The reliability and security suite. One class (split over files) so that its steps run in order and the last
/// step (the report) sees everything the others recorded.
/// </summary>
[TestCaseOrderer(typeof(StepOrderer))]
public sealed partial class ReliabilitySuite
{
    /// <summary>Every provider in the matrix (extend as providers land).</summary>
    internal static IReadOnlyList<ProviderKit> Kits { get; } = Filter(new ProviderKit[]
    {
        new AlphaTrustKit(),
        new TridentKit(),
        new SignantKit(),
        new ConsignOKit(),
        new SigningTodayKit(),
    });

    /// <summary>SIGNINGCLIENTS_RELIABILITY_PROVIDERS=ConsignO,SigningToday limits a local run to some kits (docs are then not written).</summary>
    internal static string? ProviderFilter => Environment.GetEnvironmentVariable("SIGNINGCLIENTS_RELIABILITY_PROVIDERS");

    private static ProviderKit[] Filter(ProviderKit[] kits)
        => string.IsNullOrWhiteSpace(ProviderFilter) ? kits : kits.Where(k => ProviderFilter!.Split(',').Contains(k.Provider, StringComparer.OrdinalIgnoreCase)).ToArray();
}
