using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Core;

/// <summary>
/// A lazily fetched list: enumerate it with <c>await foreach</c> to get items, or call <see cref="AsPages"/> for
/// pages. Nothing is fetched until enumeration starts, one page is held in memory at a time, and only the pages
/// consumed are requested.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>Creates a pageable.</summary>
    /// <param name="cancellationToken">Cancellation that applies to every page request.</param>
    protected AsyncPageable(CancellationToken cancellationToken = default) => CancellationToken = cancellationToken;

    /// <summary>The cancellation token given when the list operation was called.</summary>
    protected CancellationToken CancellationToken { get; }

    /// <summary>Enumerates pages.</summary>
    /// <param name="continuationToken">Resume from this token (from a previous <see cref="Page{T}.ContinuationToken"/>); <see langword="null"/> starts at the beginning.</param>
    /// <param name="pageSizeHint">Requested page size; the provider may return fewer.</param>
    /// <returns>The pages.</returns>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <inheritdoc />
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var value in page.Values)
            {
                yield return value;
            }
        }
    }

    /// <summary>A pageable over pages that already exist (for tests and mocks).</summary>
    /// <param name="pages">The pages, in order.</param>
    /// <returns>The pageable.</returns>
    public static AsyncPageable<T> FromPages(IEnumerable<Page<T>> pages)
    {
        if (pages is null)
        {
            throw new ArgumentNullException(nameof(pages));
        }

        var list = new List<Page<T>>(pages);
        return Create((token, _, _) =>
        {
            int index = token is null ? 0 : int.Parse(token, CultureInfo.InvariantCulture);
            var page = list.Count == 0 ? new Page<T>(Array.Empty<T>(), null) : list[index];
            string? next = index + 1 < list.Count ? (index + 1).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new Page<T>(page.Values, next, page.TotalCount));
        });
    }

    /// <summary>A pageable driven by a page-fetching function.</summary>
    /// <param name="fetchPage">Fetches the page for a continuation token (<see langword="null"/> = first page) and size hint.</param>
    /// <param name="cancellationToken">Cancellation for every page request.</param>
    /// <returns>The pageable.</returns>
    /// <remarks>One enumeration is bounded by the default <see cref="ClientLimits"/> (pages, pages without progress).</remarks>
    public static AsyncPageable<T> Create(Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, CancellationToken cancellationToken = default) =>
        new FuncPageable(fetchPage ?? throw new ArgumentNullException(nameof(fetchPage)), null, null, null, cancellationToken);

    /// <summary>A pageable driven by a page-fetching function, bounded by a client's <see cref="ClientLimits"/>.</summary>
    /// <param name="fetchPage">Fetches the page for a continuation token (<see langword="null"/> = first page) and size hint.</param>
    /// <param name="limits">The client's limits (<see cref="ClientLimits.MaxPages"/>, <see cref="ClientLimits.MaxPagesWithoutProgress"/>).</param>
    /// <param name="provider">The provider name for the error of a list that does not end.</param>
    /// <param name="operation">The operation name for that error.</param>
    /// <param name="cancellationToken">Cancellation for every page request.</param>
    /// <returns>The pageable.</returns>
    public static AsyncPageable<T> Create(Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, ClientLimits limits, string provider, string operation, CancellationToken cancellationToken = default) =>
        new FuncPageable(fetchPage ?? throw new ArgumentNullException(nameof(fetchPage)), limits ?? throw new ArgumentNullException(nameof(limits)), provider, operation, cancellationToken);

    private sealed class FuncPageable : AsyncPageable<T>
    {
        private readonly Func<string?, int?, CancellationToken, Task<Page<T>>> _fetchPage;
        private readonly ClientLimits? _limits;
        private readonly string? _provider;
        private readonly string? _operation;

        public FuncPageable(Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, ClientLimits? limits, string? provider, string? operation, CancellationToken cancellationToken)
            : base(cancellationToken)
        {
            _fetchPage = fetchPage;
            _limits = limits;
            _provider = provider;
            _operation = operation;
        }

        public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
            Enumerate(continuationToken, pageSizeHint, default);

        private async IAsyncEnumerable<Page<T>> Enumerate(string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, cancellationToken);
            string? token = continuationToken;
            var guard = new PagingGuard(_limits, _provider, _operation);
            do
            {
                var page = await _fetchPage(token, pageSizeHint, linked.Token).ConfigureAwait(false);
                guard.OnPage(page.Values.Count, page.ContinuationToken);
                yield return page;
                token = page.ContinuationToken;
            }
            while (token is not null);
        }
    }
}

/// <summary>Builds <see cref="AsyncPageable{T}"/> for offset-based APIs (<c>$top</c>/<c>$skip</c>, <c>limit</c>/<c>offset</c>).</summary>
public static class OffsetPageable
{
    /// <summary>
    /// Creates a pageable whose continuation token is the next offset. Listing stops after a short page, an empty
    /// page, or when the offset reaches the reported total.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetch">Fetches <c>top</c> items after skipping <c>skip</c>; returns the items and the total count when known.</param>
    /// <param name="defaultPageSize">Page size when the caller gives no hint.</param>
    /// <param name="maxPageSize">Largest page size the provider accepts.</param>
    /// <param name="cancellationToken">Cancellation for every page request.</param>
    /// <returns>The pageable.</returns>
    public static AsyncPageable<T> Create<T>(Func<int, int, CancellationToken, Task<(IReadOnlyList<T> Values, long? TotalCount)>> fetch, int defaultPageSize, int maxPageSize = int.MaxValue, CancellationToken cancellationToken = default) =>
        CreateCore(fetch, defaultPageSize, maxPageSize, null, null, null, cancellationToken);

    /// <summary>
    /// Creates a pageable whose continuation token is the next offset, bounded by a client's <see cref="ClientLimits"/>.
    /// Listing stops after a short page, an empty page, or when the offset reaches the reported total.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetch">Fetches <c>top</c> items after skipping <c>skip</c>; returns the items and the total count when known.</param>
    /// <param name="defaultPageSize">Page size when the caller gives no hint.</param>
    /// <param name="maxPageSize">Largest page size the provider accepts.</param>
    /// <param name="limits">The client's limits.</param>
    /// <param name="provider">The provider name for the error of a list that does not end.</param>
    /// <param name="operation">The operation name for that error.</param>
    /// <param name="cancellationToken">Cancellation for every page request.</param>
    /// <returns>The pageable.</returns>
    public static AsyncPageable<T> Create<T>(Func<int, int, CancellationToken, Task<(IReadOnlyList<T> Values, long? TotalCount)>> fetch, int defaultPageSize, int maxPageSize, ClientLimits limits, string provider, string operation, CancellationToken cancellationToken = default) =>
        CreateCore(fetch, defaultPageSize, maxPageSize, limits ?? throw new ArgumentNullException(nameof(limits)), provider, operation, cancellationToken);

    private static AsyncPageable<T> CreateCore<T>(Func<int, int, CancellationToken, Task<(IReadOnlyList<T> Values, long? TotalCount)>> fetch, int defaultPageSize, int maxPageSize, ClientLimits? limits, string? provider, string? operation, CancellationToken cancellationToken)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        if (defaultPageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultPageSize), "The page size must be positive.");
        }

        Func<string?, int?, CancellationToken, Task<Page<T>>> page =
            async (token, hint, ct) =>
            {
                int skip = 0;
                if (token is not null && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip < 0))
                {
                    throw new ArgumentException("The continuation token is not valid for this list.", nameof(token));
                }

                int top = Math.Min(hint is > 0 ? hint.Value : defaultPageSize, maxPageSize);
                var (values, total) = await fetch(skip, top, ct).ConfigureAwait(false);
                int next = skip + values.Count;
                bool more = values.Count > 0 && values.Count >= top && (total is null || next < total);
                return new Page<T>(values, more ? next.ToString(CultureInfo.InvariantCulture) : null, total);
            };
        return limits is null
            ? AsyncPageable<T>.Create(page, cancellationToken)
            : AsyncPageable<T>.Create(page, limits, provider!, operation!, cancellationToken);
    }
}
