using System;
using System.Collections.Generic;

namespace SigningClients.Benchmarks.Infrastructure;

/// <summary>Sanity checks run in each benchmark's setup: both sides must get the same, correct answer.</summary>
internal static class Check
{
    public static void Equal<T>(T expected, T actual, string? what = null)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new InvalidOperationException((what ?? "value") + ": expected " + expected + " but got " + actual + ".");
        }
    }

    public static void True(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
