using System;
using System.Collections.Generic;

namespace SigningClients.Core;

/// <summary>One page of a list result.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="values">The items of this page.</param>
    /// <param name="continuationToken">The token of the next page, or <see langword="null"/> on the last page.</param>
    /// <param name="totalCount">The total number of items, when the provider reports it.</param>
    public Page(IReadOnlyList<T> values, string? continuationToken, long? totalCount = null)
    {
        Values = values ?? throw new ArgumentNullException(nameof(values));
        ContinuationToken = continuationToken;
        TotalCount = totalCount;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>The token that resumes listing at the next page, or <see langword="null"/> when this is the last page.</summary>
    public string? ContinuationToken { get; }

    /// <summary>The total number of items across all pages, when the provider reports it.</summary>
    public long? TotalCount { get; }
}
