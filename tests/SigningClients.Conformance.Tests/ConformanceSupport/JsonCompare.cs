using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace SigningClients.Conformance.Tests.Support;

/// <summary>
/// Compares JSON documents member by member. <see cref="Missing"/> lists what the expected document has and the actual
/// one lacks or has differently (a documented request is a subset of what the client writes);
/// <see cref="Differences"/> also lists what only the actual document has (a round trip keeps every member and adds
/// none). Explicit <c>null</c> counts as absent; numbers compare by value; date-time strings compare as instants.
/// </summary>
internal static class JsonCompare
{
    public static IReadOnlyList<string> Missing(string expected, string actual) => Compare(expected, actual, exact: false);

    public static IReadOnlyList<string> Differences(string expected, string actual) => Compare(expected, actual, exact: true);

    private static IReadOnlyList<string> Compare(string expected, string actual, bool exact)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        var problems = new List<string>();
        Walk(e.RootElement, a.RootElement, "$", exact, problems);
        return problems;
    }

    private static void Walk(JsonElement expected, JsonElement actual, string path, bool exact, List<string> problems)
    {
        if (expected.ValueKind != actual.ValueKind && !(IsBool(expected) && IsBool(actual)))
        {
            problems.Add($"{path}: expected {expected.ValueKind} {expected.GetRawText()}, got {actual.ValueKind} {actual.GetRawText()}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var written = actual.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var member in expected.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null))
                {
                    if (!written.Remove(member.Name, out var value))
                    {
                        problems.Add($"{path}.{member.Name}: lost");
                        continue;
                    }

                    Walk(member.Value, value, path + "." + member.Name, exact, problems);
                }

                if (exact)
                {
                    problems.AddRange(written.Keys.Select(k => $"{path}.{k}: written but not expected"));
                }

                break;
            case JsonValueKind.Array:
                var left = expected.EnumerateArray().ToArray();
                var right = actual.EnumerateArray().ToArray();
                if (left.Length != right.Length)
                {
                    problems.Add($"{path}: {left.Length} items expected, {right.Length} written");
                    return;
                }

                for (int i = 0; i < left.Length; i++)
                {
                    Walk(left[i], right[i], $"{path}[{i}]", exact, problems);
                }

                break;
            case JsonValueKind.Number:
                if (expected.GetDecimal() != actual.GetDecimal())
                {
                    problems.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
            case JsonValueKind.String:
                string x = expected.GetString()!, y = actual.GetString()!;
                if (x != y && !(x.Contains('T') && DateTimeOffset.TryParse(x, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dx)
                    && DateTimeOffset.TryParse(y, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dy) && dx == dy))
                {
                    problems.Add($"{path}: expected \"{x}\", got \"{y}\"");
                }

                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                if (expected.ValueKind != actual.ValueKind)
                {
                    problems.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
        }
    }

    private static bool IsBool(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;
}
