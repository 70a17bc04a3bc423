using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SigningClients.Core.Http;

/// <summary>
/// An ordered list of query parameters. Names and values are percent-encoded when the URI is built; a leading
/// <c>$</c> in a name (OData-style <c>$top</c>, <c>$filter</c>) is kept literal, as RFC 3986 allows.
/// </summary>
public sealed class QueryParameters : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _items = new();

    /// <summary>Number of parameters.</summary>
    public int Count => _items.Count;

    /// <summary>Adds a parameter; a <see langword="null"/> value is skipped.</summary>
    /// <param name="name">Parameter name, not encoded.</param>
    /// <param name="value">Parameter value, not encoded.</param>
    /// <returns>This instance.</returns>
    public QueryParameters Add(string name, string? value)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A query parameter name cannot be empty.", nameof(name));
        }

        if (value is not null)
        {
            _items.Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    /// <summary>Adds an integer parameter; a <see langword="null"/> value is skipped.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="value">Value, written with the invariant culture.</param>
    /// <returns>This instance.</returns>
    public QueryParameters Add(string name, long? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean parameter as <c>true</c>/<c>false</c>; a <see langword="null"/> value is skipped.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="value">Value.</param>
    /// <returns>This instance.</returns>
    public QueryParameters Add(string name, bool? value) =>
        Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Writes the encoded query (without the leading <c>?</c>) into <paramref name="builder"/>.</summary>
    /// <param name="builder">Target.</param>
    public void AppendTo(StringBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        for (int i = 0; i < _items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            builder.Append(EscapeName(_items[i].Key)).Append('=').Append(Uri.EscapeDataString(_items[i].Value));
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string EscapeName(string name)
    {
        if (name[0] == '$')
        {
            return "$" + Uri.EscapeDataString(name.Substring(1));
        }

        return Uri.EscapeDataString(name);
    }
}
