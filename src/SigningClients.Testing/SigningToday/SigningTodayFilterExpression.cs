using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace SigningClients.Testing.SigningToday;

/// <summary>
/// The <c>$filter</c> language as the doc writes it: <c>field == value</c> terms joined by <c>and</c> (binding tighter)
/// and <c>or</c>, string values in double quotes (<c>name == "Milk" or surname == "Bread"</c>), numbers and booleans
/// bare, and the quick start's unquoted form (<c>title==Sample Template</c>). Inside double quotes everything is value:
/// <c>" or "</c>, <c>" and "</c>, <c>'</c>, <c>/</c>, <c>.</c> and <c>==</c> do not split the expression. A field may be a
/// dotted path (<c>owner.name</c>).
/// </summary>
internal static class SigningTodayFilterExpression
{
    /// <summary>One <c>field == value</c> term.</summary>
    internal sealed record Term(string Field, string Value)
    {
        /// <summary>Whether <paramref name="item"/>'s member (a dotted path walks nested objects) equals the value.</summary>
        public bool Matches(JsonObject item)
        {
            JsonNode? node = item;
            foreach (var part in Field.Split('.'))
            {
                node = (node as JsonObject)?[part];
            }

            return node switch
            {
                null => false,
                JsonValue value when value.TryGetValue<string>(out var text) => text == Value,
                JsonValue value when value.TryGetValue<bool>(out var flag) => string.Equals(flag ? "true" : "false", Value, StringComparison.OrdinalIgnoreCase),
                _ => node.ToJsonString() == Value,
            };
        }
    }

    /// <summary>Parses a filter into alternatives (<c>or</c>) of conjunctions (<c>and</c>); a term without <c>==</c> matches nothing.</summary>
    public static IReadOnlyList<IReadOnlyList<Term>> Parse(string filter)
    {
        var alternatives = new List<IReadOnlyList<Term>>();
        foreach (var alternative in SplitOutsideQuotes(filter, " or "))
        {
            var terms = new List<Term>();
            foreach (var text in SplitOutsideQuotes(alternative, " and "))
            {
                terms.Add(ParseTerm(text));
            }

            alternatives.Add(terms);
        }

        return alternatives;
    }

    private static Term ParseTerm(string text)
    {
        int at = IndexOutsideQuotes(text, "==", 0);
        if (at < 0)
        {
            return new Term("\0", "\0"); // no field has this name: matches nothing
        }

        var field = text[..at].Trim();
        var value = text[(at + 2)..].Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        return new Term(field, value);
    }

    private static IEnumerable<string> SplitOutsideQuotes(string text, string separator)
    {
        int start = 0;
        while (true)
        {
            int at = IndexOutsideQuotes(text, separator, start);
            var piece = (at < 0 ? text[start..] : text[start..at]).Trim();
            if (piece.Length > 0)
            {
                yield return piece;
            }

            if (at < 0)
            {
                yield break;
            }

            start = at + separator.Length;
        }
    }

    private static int IndexOutsideQuotes(string text, string token, int start)
    {
        bool quoted = false;
        for (int i = start; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
                continue;
            }

            if (!quoted && string.Compare(text, i, token, 0, token.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
