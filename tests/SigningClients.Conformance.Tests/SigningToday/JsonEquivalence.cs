using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace SigningClients.Conformance.Tests.SigningToday;

/// <summary>
/// Round-trip check: the written JSON has every member of the fixture with the same value and JSON kind (a number
/// stays a number, a string stays a string), and nothing the fixture lacks. An explicit <c>null</c> counts as absent
/// (the SDK omits nulls on models; it keeps them inside free-form extra data); numbers compare by value; date-time
/// strings compare as instants (<c>…T07:26:00Z</c> == <c>…T07:26:00+00:00</c>).
/// </summary>
internal static class JsonEquivalence
{
    public static IReadOnlyList<string> Differences(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        var problems = new List<string>();
        Walk(e.RootElement, a.RootElement, "$", problems);
        return problems;
    }

    private static void Walk(JsonElement expected, JsonElement actual, string path, List<string> problems)
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

                    Walk(member.Value, value, path + "." + member.Name, problems);
                }

                problems.AddRange(written.Keys.Select(k => $"{path}.{k}: written but not in the fixture"));
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
                    Walk(left[i], right[i], $"{path}[{i}]", problems);
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
