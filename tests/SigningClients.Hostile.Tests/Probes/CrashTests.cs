using SigningClients.Core;
using SigningClients.Hostile.Tests.Infrastructure;

namespace SigningClients.Hostile.Tests.Probes;

/// <summary>Class 1: an answer that drives a parser into unbounded recursion must not crash the process.</summary>
public sealed class CrashTests
{
    [Theory(Timeout = 30_000)]
    [InlineData("GetPostingStatus")]
    [InlineData("DownloadInstantAttachment")]
    public async Task Signant_deeply_nested_fault_detail_is_an_invalid_response_not_a_stack_overflow(string operation)
    {
        await using var server = new HostileServer((_, c) => c.XmlAsync(200, SoapEnvelopes.DeepFault(20_000)));
        var client = Clients.Signant(server.BaseAddress);
        await HostileReport.ProbeAsync(
            "1 Crash (deep XML)", operation + ": SOAP Fault detail nested 20,000 deep", "Signant", "HTTP 200 text/xml, 140 KB, <detail> nesting 20,000 elements",
            () => operation == "GetPostingStatus"
                ? client.GetPostingStatusAsync(Guid.NewGuid())
                : client.DownloadInstantAttachmentAsync(Guid.NewGuid(), Guid.NewGuid(), new CountingStream()),
            (ex, _) => Check.Typed(ex, SigningFailureKind.InvalidResponse));
    }
}
