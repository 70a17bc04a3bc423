using System;
using System.IO;
using System.Text.RegularExpressions;
using SigningClients.TestSupport;
using Xunit;
using Xunit.Sdk;

namespace SigningClients.Testing.Tests;

public sealed class ApprovalsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "approvals-" + Guid.NewGuid().ToString("N"));

    public ApprovalsTests() => Directory.CreateDirectory(_directory);

    private string FakeSource => Path.Combine(_directory, "FakeTests.cs");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Checked_in_snapshot_matches()
        => Approvals.VerifyJson("{\"provider\":\"Simulated\",\"items\":[1,2,{\"nested\":\"ü\"}],\"empty\":{}}");

    [Fact]
    public void Checked_in_xml_snapshot_matches()
        => Approvals.VerifyXml("<?xml version=\"1.0\" encoding=\"utf-8\"?><env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Body><Ping a=\"1\">x</Ping></env:Body></env:Envelope>");

    [Fact]
    public void Json_matches_regardless_of_formatting()
    {
        File.WriteAllText(Path.Combine(_directory, "FakeTests.Case.approved.json"), "{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null\n  ]\n}\n");

        Approvals.VerifyJson("{ \"b\":1, \"a\":[true,null] }", FakeSource, "Case");
        Approvals.VerifyJson("{\r\n\"b\" : 1,\r\n \"a\": [ true, null ]}", FakeSource, "Case");

        Assert.False(File.Exists(Path.Combine(_directory, "FakeTests.Case.received.json")));
    }

    [Fact]
    public void Approved_files_with_crlf_line_endings_still_match()
    {
        File.WriteAllText(Path.Combine(_directory, "FakeTests.Crlf.approved.txt"), "line 1\r\nline 2\r\n");

        Approvals.VerifyText("line 1\nline 2\n", FakeSource, "Crlf");
    }

    [Fact]
    public void Mismatch_writes_received_file_and_fails_with_a_diff()
    {
        var approvedPath = Path.Combine(_directory, "FakeTests.Diff.approved.json");
        File.WriteAllText(approvedPath, Approvals.NormalizeJson("{\"id\":1,\"name\":\"old\",\"tags\":[\"a\"]}"));

        var ex = Assert.ThrowsAny<XunitException>(() => Approvals.VerifyJson("{\"id\":1,\"name\":\"new\",\"tags\":[\"a\"]}", FakeSource, "Diff"));

        var receivedPath = Path.Combine(_directory, "FakeTests.Diff.received.json");
        Assert.True(File.Exists(receivedPath));
        Assert.Equal(Approvals.NormalizeJson("{\"id\":1,\"name\":\"new\",\"tags\":[\"a\"]}"), File.ReadAllText(receivedPath));
        Assert.Contains(approvedPath, ex.Message, StringComparison.Ordinal);
        Assert.Contains(receivedPath, ex.Message, StringComparison.Ordinal);
        Assert.Contains("--- approved", ex.Message, StringComparison.Ordinal);
        Assert.Contains("+++ received", ex.Message, StringComparison.Ordinal);
        Assert.Contains("-  \"name\": \"old\",", ex.Message, StringComparison.Ordinal);
        Assert.Contains("+  \"name\": \"new\",", ex.Message, StringComparison.Ordinal);
        Assert.Contains("   \"id\": 1,", ex.Message, StringComparison.Ordinal);
        Assert.Contains("@@ ", ex.Message, StringComparison.Ordinal);

        // Once the approved file is fixed, the stale received file is cleaned up.
        File.Copy(receivedPath, approvedPath, overwrite: true);
        Approvals.VerifyJson("{\"id\":1,\"name\":\"new\",\"tags\":[\"a\"]}", FakeSource, "Diff");
        Assert.False(File.Exists(receivedPath));
    }

    [Fact]
    public void Missing_approved_file_fails_and_writes_received()
    {
        var ex = Assert.ThrowsAny<XunitException>(() => Approvals.VerifyXml("<a><b>1</b></a>", FakeSource, "New", suffix: "v2"));

        Assert.Contains("No approved snapshot exists yet", ex.Message, StringComparison.Ordinal);
        Assert.Equal("<a>\n  <b>1</b>\n</a>\n", File.ReadAllText(Path.Combine(_directory, "FakeTests.New.v2.received.xml")));
        Assert.Contains("+  <b>1</b>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_diffs_are_limited_to_40_changed_lines()
    {
        File.WriteAllText(Path.Combine(_directory, "FakeTests.Long.approved.txt"), string.Join("\n", new string('x', 100).ToCharArray()) + "\n");

        var ex = Assert.ThrowsAny<XunitException>(() => Approvals.VerifyText(string.Join("\n", new string('y', 100).ToCharArray()) + "\n", FakeSource, "Long"));

        var shown = Regex.Count(ex.Message, "^[-+][xy]$", RegexOptions.Multiline);
        Assert.Equal(40, shown);
        Assert.Contains("(160 more changed line(s) not shown)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrubbing_replaces_volatile_values_before_comparison()
    {
        static string Scrub(string s) => Regex.Replace(s, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{guid}");
        File.WriteAllText(Path.Combine(_directory, "FakeTests.Scrub.approved.json"), "{\n  \"id\": \"{guid}\",\n  \"n\": 1\n}\n");

        Approvals.VerifyJson($"{{\"id\":\"{Guid.NewGuid()}\",\"n\":1}}", FakeSource, "Scrub", scrub: Scrub);
        Approvals.VerifyJson($"{{\"id\":\"{Guid.NewGuid()}\",\"n\":1}}", FakeSource, "Scrub", scrub: Scrub);
        Assert.ThrowsAny<XunitException>(() => Approvals.VerifyJson($"{{\"id\":\"{Guid.NewGuid()}\",\"n\":1}}", FakeSource, "Scrub"));
    }

    [Fact]
    public void Accept_mode_writes_the_approved_file_instead_of_failing()
    {
        Approvals.Verify(Approvals.NormalizeJson("{\"a\":1}"), "json", FakeSource, "Accepted", null, null, accept: true);

        Assert.Equal("{\n  \"a\": 1\n}\n", File.ReadAllText(Path.Combine(_directory, "FakeTests.Accepted.approved.json")));
        Assert.False(File.Exists(Path.Combine(_directory, "FakeTests.Accepted.received.json")));
        Approvals.VerifyJson("{\"a\":1}", FakeSource, "Accepted");
    }

    [Fact]
    public void Paths_are_named_after_the_test_file_and_method()
    {
        var path = Approvals.GetApprovedPath(FakeSource, "Method", "s", "xml");
        Assert.Equal(Path.Combine(_directory, "FakeTests.Method.s.approved.xml"), path);
    }

    [Fact]
    public void LineDiff_shows_context_and_changes()
    {
        var diff = LineDiff.Unified("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");

        Assert.Equal("--- expected\n+++ actual\n@@ -1,4 +1,5 @@\n a\n-b\n+B\n c\n d\n+e\n", diff);
        Assert.Equal(string.Empty, LineDiff.Unified("same", "same"));
    }
}
