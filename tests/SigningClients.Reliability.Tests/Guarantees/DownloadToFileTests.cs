using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using ConsignO.Workflows;
using ConsignO.Workflows.Models;
using Signant.InstantSign;
using Signant.InstantSign.Models;
using SigningClients.Core;
using SigningClients.Testing;
using Xunit;

namespace SigningClients.Reliability.Tests.Guarantees;

/// <summary>
/// Issue 16: the README downloads (ConsignO, Signant) leave the complete signed document on disk, byte for byte, with
/// a 100,003-byte upload; a failed download leaves no file behind.
/// </summary>
public sealed class DownloadToFileTests : IDisposable
{
    private const int UploadSize = 100_003;
    private readonly string _folder = Directory.CreateTempSubdirectory("signingclients-download-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ConsignO_README_download_leaves_the_byte_identical_signed_file()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await ConsignOSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new ConsignOClient(new ConsignOClientOptions().UseSimulator(sim));
        byte[] pdf = Pdf(UploadSize);
        var documentId = await client.UploadDocumentAsync(new MemoryStream(pdf), "lease.pdf", cancellationToken: ct);
        var workflow = await client.CreateWorkflowAsync(
            new WorkflowBuilder("Lease")
                .AddDocument(documentId, d => d.AddZone("tenant", page: 1, x: 72, y: 650))
                .AddRemoteSigner("tenant", new ConsignO.Workflows.Models.SignerDefinition { FirstName = "Ann", LastName = "Lee", Email = "ann@example.com" })
                .LaunchOnCreate()
                .Build(),
            ct);
        sim.SignAll(workflow.Id);
        await client.WaitForCompletionAsync(workflow.Id, cancellationToken: ct);

        string path = Path.Combine(_folder, "signed.pdf");
        await using (var signed = await client.DownloadDocumentsAsync(workflow.Id, ct))
        {
            await signed.SaveToFileAsync(path, cancellationToken: ct);
        }

        byte[] expected = [.. pdf, .. "\n% signed by the ConsignO simulator\n"u8.ToArray()];
        Assert.Equal(expected, await File.ReadAllBytesAsync(path, ct));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Signant_README_download_leaves_the_byte_identical_signed_file()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await SignantSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new SignantClient(new SignantClientOptions().UseSimulator(sim));
        var created = await SignedPostingAsync(client, sim, ct);

        string path = Path.Combine(_folder, "signed.pdf");
        var outcome = await client.WaitForCompletionAndDownloadToFileAsync(created.PostingId, created.AttachmentId, path, cancellationToken: ct);

        Assert.True(outcome.IsDownloaded);
        byte[] expected = await File.ReadAllBytesAsync(sim.GetPosting(created.PostingId)!.FilePath, ct);
        Assert.True(expected.Length > UploadSize);
        Assert.Equal(expected, await File.ReadAllBytesAsync(path, ct));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_download_that_fails_its_integrity_check_leaves_no_file()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await SignantSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new SignantClient(new SignantClientOptions().UseSimulator(sim));
        var created = await SignedPostingAsync(client, sim, ct);
        sim.CorruptNextFileHash();

        string path = Path.Combine(_folder, "signed.pdf");
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.DownloadInstantAttachmentToFileAsync(created.PostingId, created.AttachmentId, path, cancellationToken: ct));

        Assert.Equal(SigningFailureKind.IntegrityFailure, ex.Kind);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task SaveToFileAsync_refuses_a_short_body_and_keeps_the_existing_file()
    {
        var ct = TestContext.Current.CancellationToken;
        string path = Path.Combine(_folder, "signed.pdf");
        await File.WriteAllTextAsync(path, "previous", ct);
        using var download = new SigningDownload(new MemoryStream(new byte[10]), "application/pdf", contentLength: 20, fileName: null);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => download.SaveToFileAsync(path, overwrite: true, ct));

        Assert.Equal(SigningFailureKind.IntegrityFailure, ex.Kind);
        Assert.Equal("previous", await File.ReadAllTextAsync(path, ct));
        Assert.Single(Directory.GetFiles(_folder));
        await Assert.ThrowsAsync<IOException>(() => new SigningDownload(new MemoryStream(new byte[1]), null, null, null).SaveToFileAsync(path, cancellationToken: ct));
    }

    /// <summary>Creates a posting of a <see cref="UploadSize"/>-byte PDF and signs it in the simulator.</summary>
    private static async Task<CreateInstantPostingResult> SignedPostingAsync(SignantClient client, SignantSimulator sim, System.Threading.CancellationToken ct)
    {
        var created = await client.CreateInstantPostingAsync(new InstantPosting
        {
            Title = "Order terms",
            Recipients = [new InstantPostingRecipient { Name = "Kari Nordmann" }],
            AttachmentToSign = new InstantAttachment { File = new MemoryStream(Pdf(UploadSize)), FileName = "terms.pdf" },
        }, ct);
        sim.CompleteSigning(created.PostingId, "Kari Nordmann");
        return created;
    }

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        new Random(16).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        "\n%%EOF\n"u8.CopyTo(bytes.AsSpan(size - 7));
        return bytes;
    }
}
