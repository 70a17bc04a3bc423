using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace SigningClients.Reliability.Tests.Infrastructure;

/// <summary>Orders the suite's tests: the report runs after everything it aggregates.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class StepAttribute : Attribute
{
    public StepAttribute(int order) => Order = order;

    public int Order { get; }
}

/// <summary>Runs test cases by their <see cref="StepAttribute"/> (then by name).</summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase
        => testCases.OrderBy(t => Order(t)).ThenBy(t => t.TestMethodName, StringComparer.Ordinal).ToList();

    private static int Order(ITestCase testCase)
    {
        var type = typeof(StepOrderer).Assembly.GetType(testCase.TestClassName ?? string.Empty);
        var method = type?.GetMethod(testCase.TestMethodName ?? string.Empty, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
        return method?.GetCustomAttribute<StepAttribute>()?.Order ?? 50;
    }
}
