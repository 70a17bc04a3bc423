using System;
using System.IO;

namespace SigningToday.Dst.Tests;

/// <summary>The request and response examples of the SigningToday documentation, copied next to the tests.</summary>
internal static class DocExampleFiles
{
    /// <summary>The folder holding the examples (<c>DocExamples/</c> in the output directory).</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "DocExamples");
}
