using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SigningClients.TestSupport;

/// <summary>A small unified line diff for failure messages (LCS on the differing middle part).</summary>
public static class LineDiff
{
    private const int Context = 3;
    private const int MaxLcsCells = 4_000_000;

    /// <summary>
    /// Produces a unified-style diff (<c>---</c>/<c>+++</c> headers, <c>@@</c> hunks, <c>-</c>/<c>+</c>/space lines)
    /// showing at most <paramref name="maxChangedLines"/> changed lines.
    /// </summary>
    /// <param name="expected">The expected text.</param>
    /// <param name="actual">The actual text.</param>
    /// <param name="expectedName">The label of the expected side.</param>
    /// <param name="actualName">The label of the actual side.</param>
    /// <param name="maxChangedLines">How many removed/added lines to show before stopping.</param>
    /// <returns>The diff; empty when the texts are equal.</returns>
    public static string Unified(string expected, string actual, string expectedName = "expected", string actualName = "actual", int maxChangedLines = 40)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected == actual)
        {
            return string.Empty;
        }

        var a = SplitLines(expected);
        var b = SplitLines(actual);
        var ops = Compute(a, b);

        var output = new StringBuilder();
        output.Append("--- ").Append(expectedName).Append('\n');
        output.Append("+++ ").Append(actualName).Append('\n');

        var changedShown = 0;
        var totalChanged = 0;
        foreach (var op in ops)
        {
            if (op.Kind != ' ')
            {
                totalChanged++;
            }
        }

        var index = 0;
        while (index < ops.Count && changedShown < maxChangedLines)
        {
            // Find the next change.
            var firstChange = index;
            while (firstChange < ops.Count && ops[firstChange].Kind == ' ')
            {
                firstChange++;
            }

            if (firstChange == ops.Count)
            {
                break;
            }

            // Extend the hunk while changes are close together.
            var start = Math.Max(index, firstChange - Context);
            var end = firstChange;
            var lastChange = firstChange;
            while (end < ops.Count)
            {
                if (ops[end].Kind != ' ')
                {
                    lastChange = end;
                }
                else if (end - lastChange > 2 * Context)
                {
                    break;
                }

                end++;
            }

            end = Math.Min(ops.Count, lastChange + Context + 1);

            var hunk = new StringBuilder();
            int aStart = ops[start].ALine, bStart = ops[start].BLine, aCount = 0, bCount = 0;
            var truncated = false;
            for (var i = start; i < end; i++)
            {
                var op = ops[i];
                if (op.Kind != ' ')
                {
                    if (changedShown == maxChangedLines)
                    {
                        truncated = true;
                        break;
                    }

                    changedShown++;
                }

                if (op.Kind != '+')
                {
                    aCount++;
                }

                if (op.Kind != '-')
                {
                    bCount++;
                }

                hunk.Append(op.Kind).Append(op.Text).Append('\n');
            }

            output.Append(CultureInfo.InvariantCulture, $"@@ -{aStart + 1},{aCount} +{bStart + 1},{bCount} @@\n");
            output.Append(hunk);
            index = end;
            if (truncated)
            {
                break;
            }
        }

        if (totalChanged > changedShown)
        {
            output.Append(CultureInfo.InvariantCulture, $"... ({totalChanged - changedShown} more changed line(s) not shown)\n");
        }

        return output.ToString();
    }

    private static string[] SplitLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (normalized.EndsWith('\n'))
        {
            normalized = normalized[..^1];
        }

        return normalized.Length == 0 && text.Length == 0 ? Array.Empty<string>() : normalized.Split('\n');
    }

    private static List<Op> Compute(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var ops = new List<Op>(a.Length + b.Length);
        for (var i = 0; i < prefix; i++)
        {
            ops.Add(new Op(' ', a[i], i, i));
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        if ((long)n * m <= MaxLcsCells)
        {
            // lengths[i, j] = LCS length of a[prefix+i..] and b[prefix+j..]
            var lengths = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lengths[i, j] = a[prefix + i] == b[prefix + j]
                        ? lengths[i + 1, j + 1] + 1
                        : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y])
                {
                    ops.Add(new Op(' ', a[prefix + x], prefix + x, prefix + y));
                    x++;
                    y++;
                }
                else if (y < m && (x == n || lengths[x, y + 1] > lengths[x + 1, y]))
                {
                    ops.Add(new Op('+', b[prefix + y], prefix + x, prefix + y));
                    y++;
                }
                else
                {
                    ops.Add(new Op('-', a[prefix + x], prefix + x, prefix + y));
                    x++;
                }
            }
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                ops.Add(new Op('-', a[prefix + i], prefix + i, prefix));
            }

            for (var j = 0; j < m; j++)
            {
                ops.Add(new Op('+', b[prefix + j], prefix + n, prefix + j));
            }
        }

        for (var i = 0; i < suffix; i++)
        {
            ops.Add(new Op(' ', a[a.Length - suffix + i], a.Length - suffix + i, b.Length - suffix + i));
        }

        return ops;
    }

    private readonly record struct Op(char Kind, string Text, int ALine, int BLine);
}
