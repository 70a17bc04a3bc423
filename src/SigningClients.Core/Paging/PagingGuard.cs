using System;
using System.Collections.Generic;

namespace SigningClients.Core;

/// <summary>
/// Bounds one enumeration of a list (<see cref="ClientLimits.MaxPages"/>, <see cref="ClientLimits.MaxPagesWithoutProgress"/>):
/// a provider that keeps answering pages, answers empty pages that still promise more, or hands back a continuation
/// token it already gave, ends the listing with a <see cref="SigningApiException"/> instead of paging forever.
/// </summary>
internal sealed class PagingGuard
{
    private const int MaxRememberedTokens = 100_000;
    private readonly ClientLimits _limits;
    private readonly string _provider;
    private readonly string _operation;
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private int _pages;
    private int _withoutProgress;

    public PagingGuard(ClientLimits? limits, string? provider, string? operation)
    {
        _limits = limits ?? new ClientLimits();
        _provider = string.IsNullOrEmpty(provider) ? "SigningClients" : provider!;
        _operation = string.IsNullOrEmpty(operation) ? "List" : operation!;
    }

    /// <summary>Records a page just received; throws when the list does not end.</summary>
    /// <param name="valueCount">Items on the page.</param>
    /// <param name="continuationToken">The page's continuation token.</param>
    public void OnPage(int valueCount, string? continuationToken)
    {
        _pages++;
        if (continuationToken is null)
        {
            return;
        }

        bool repeated = _tokens.Count < MaxRememberedTokens ? !_tokens.Add(continuationToken) : _tokens.Contains(continuationToken);
        _withoutProgress = valueCount == 0 || repeated ? _withoutProgress + 1 : 0;
        if (_withoutProgress >= _limits.MaxPagesWithoutProgress)
        {
            throw Fail(_withoutProgress + " page(s) in a row brought nothing new (an empty page that still promises more, or a continuation token already returned); the listing was stopped (Limits.MaxPagesWithoutProgress = " + _limits.MaxPagesWithoutProgress + ").");
        }

        if (_pages >= _limits.MaxPages)
        {
            throw Fail("The provider still promised more after " + _pages + " pages; the listing was stopped (Limits.MaxPages = " + _limits.MaxPages + ").");
        }
    }

    private SigningApiException Fail(string message) =>
        new(_provider, _operation, 0, SigningFailureKind.InvalidResponse, providerMessage: message);
}
