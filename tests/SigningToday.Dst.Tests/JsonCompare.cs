using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace SigningToday.Dst.Tests;

/// <summary>
/// Compares JSON: every member of <c>expected</c> must be present in <c>actual</c> with the same value. An explicit
/// <c>null</c> counts as absent (the SDK omits nulls); numbers and numeric strings compare by value ("100.00" == 100);
/// date-time strings compare as instants ("2021-10-17T07:26Z" == "2021-10-17T07:26:00+00:00").
/// </summary>
internal static class JsonCompare
{
    public static IReadOnlyList<string> Missing(JsonElement expected, JsonElement actual, string path = "$")
    {
        var problems = new List<string>();
        Walk(expected, actual, path, problems);
        return problems;
    }

    private static void Walk(JsonElement expected, JsonElement actual, string path, List<string> problems)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(path + ": expected an object, got " + actual.ValueKind);
                    return;
                }

                foreach (var member in expected.EnumerateObject())
                {
                    if (member.Value.ValueKind == JsonValueKind.Null)
                    {
                        if (actual.TryGetProperty(member.Name, out var a) && a.ValueKind != JsonValueKind.Null)
                        {
                            problems.Add(path + "." + member.Name + ": expected null");
                        }

                        continue;
                    }

                    if (!actual.TryGetProperty(member.Name, out var value))
                    {
                        problems.Add(path + "." + member.Name + ": missing");
                        continue;
                    }

                    Walk(member.Value, value, path + "." + member.Name, problems);
                }

                break;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != expected.GetArrayLength())
                {
                    problems.Add(path + ": array differs");
                    return;
                }

                int i = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    Walk(e, a, path + "[" + i++ + "]", problems);
                }

                break;
            default:
                if (!ScalarEqual(expected, actual))
                {
                    problems.Add(path + ": " + expected.GetRawText() + " != " + actual.GetRawText());
                }

                break;
        }
    }

    private static bool ScalarEqual(JsonElement e, JsonElement a)
    {
        if (e.GetRawText() == a.GetRawText() || (e.ValueKind == JsonValueKind.String && a.ValueKind == JsonValueKind.String && e.GetString() == a.GetString()))
        {
            return true;
        }

        if (AsNumber(e) is { } x && AsNumber(a) is { } y)
        {
            return x == y;
        }

        if (e.ValueKind == JsonValueKind.String && a.ValueKind == JsonValueKind.String
            && SigningClients.Core.Serialization.TolerantDateTimeOffsetConverter.TryParse(e.GetString(), out var d1)
            && SigningClients.Core.Serialization.TolerantDateTimeOffsetConverter.TryParse(a.GetString(), out var d2))
        {
            return d1 == d2;
        }

        return false;
    }

    private static decimal? AsNumber(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.String when decimal.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
