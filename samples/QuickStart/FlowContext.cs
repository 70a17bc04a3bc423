using System;
using System.IO;

namespace QuickStart;

/// <summary>What a flow gets from the QuickStart host: where to write the signed document and how to report progress.</summary>
internal sealed class FlowContext
{
    public FlowContext(string provider, string outputDirectory, Action<string, string> report)
    {
        Provider = provider;
        OutputDirectory = outputDirectory;
        _report = report;
    }

    private readonly Action<string, string> _report;

    public string Provider { get; }

    /// <summary>Folder the signed documents go to (created by the host).</summary>
    public string OutputDirectory { get; }

    /// <summary>Reports one step of the flow, e.g. "created DST 42".</summary>
    public void Step(string message) => _report(Provider, message);

    /// <summary>A path in <see cref="OutputDirectory"/> for a file name.</summary>
    public string OutputPath(string fileName) => Path.Combine(OutputDirectory, fileName);
}
