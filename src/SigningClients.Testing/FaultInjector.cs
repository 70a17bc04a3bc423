using System;
using System.Collections.Generic;

namespace SigningClients.Testing;

/// <summary>
/// Queues <see cref="SimulatedFault"/>s for the next requests a simulator receives. Thread-safe. Rules are consulted
/// in the order they were enqueued; the first rule that matches an arriving request (and still has a count left)
/// applies to it and its count goes down by one. Requests with no matching rule are processed normally.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = new();

    internal FaultInjector()
    {
    }

    /// <summary>The number of fault applications still queued (the sum of the remaining counts of all rules).</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                var total = 0;
                foreach (var rule in _rules)
                {
                    total += rule.Remaining;
                }

                return total;
            }
        }
    }

    /// <summary>Applies <paramref name="fault"/> to each of the next <paramref name="count"/> requests, whatever their route.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="count">How many requests it applies to (at least 1).</param>
    public void Enqueue(SimulatedFault fault, int count = 1) => EnqueueFor("*", "/", fault, count);

    /// <summary>
    /// Applies <paramref name="fault"/> to each of the next <paramref name="count"/> requests whose method is
    /// <paramref name="method"/> and whose path equals <paramref name="pathPrefix"/> or lies below it (segment-wise,
    /// case-insensitive: <c>/tasks</c> matches <c>/tasks</c> and <c>/tasks/7/files</c>, not <c>/tasksets</c>).
    /// Other requests are not affected and do not use up the count.
    /// </summary>
    /// <param name="method">The HTTP method (case-insensitive), or <c>*</c> for any method.</param>
    /// <param name="pathPrefix">The path or path prefix; <c>/</c> matches every path.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="count">How many matching requests it applies to (at least 1).</param>
    public void EnqueueFor(string method, string pathPrefix, SimulatedFault fault, int count = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(pathPrefix);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _rules.Add(new Rule(method, pathPrefix, fault, count));
        }
    }

    /// <summary>Removes every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    internal SimulatedFault? TryTake(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (PathMatching.Matches(rule.Method, rule.PathPrefix, method, path))
                {
                    rule.Remaining--;
                    if (rule.Remaining == 0)
                    {
                        _rules.RemoveAt(i);
                    }

                    return rule.Fault;
                }
            }

            return null;
        }
    }

    private sealed class Rule
    {
        public Rule(string method, string pathPrefix, SimulatedFault fault, int remaining)
        {
            Method = method;
            PathPrefix = pathPrefix;
            Fault = fault;
            Remaining = remaining;
        }

        public string Method { get; }

        public string PathPrefix { get; }

        public SimulatedFault Fault { get; }

        public int Remaining { get; set; }
    }
}
