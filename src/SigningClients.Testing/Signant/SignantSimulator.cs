using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Testing.Signant;

namespace SigningClients.Testing;

/// <summary>
/// A stateful in-process simulator of Signant's instant signature SOAP service (SOAP 1.1, WCF-style document/literal):
/// CreateInstantPosting, GetPostingStatus and DownloadInstantAttachment at <see cref="ServiceAddress"/>, postings that
/// expire on <see cref="SimulatorHost.TimeProvider"/> 15 minutes after creation (moved when signing starts and ends) and are
/// then deleted (error 4008), a signing page per recipient (GET shows it and starts signing, POST signs), real MD5 hashes,
/// <c>Success=false</c> errors and SOAP Faults. Documents are kept in temporary files, so large files stream through.
/// </summary>
[SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "Signant's FileHash is an MD5.")]
public sealed partial class SignantSimulator : SimulatorHost
{
    /// <summary>The service path, as in Signant's environments.</summary>
    public const string ServicePath = "/WS/V1/InstantSignatureService.svc";

    /// <summary>Error code: incorrect posting id (the posting expired and was deleted, or never existed). Documented by Signant.</summary>
    public const int ErrorPostingNotFound = 4008;

    /// <summary>Error code (simulator's own; Signant's is not documented): wrong DistributorID or AccessCode.</summary>
    public const int ErrorAuthentication = 1001;

    /// <summary>Error code (simulator's own): the posting is invalid (missing title, recipients, not a PDF, …).</summary>
    public const int ErrorValidation = 2001;

    /// <summary>Error code (simulator's own): no signature yet, nothing to download.</summary>
    public const int ErrorNotSigned = 4010;

    /// <summary>Error code (simulator's own): unknown attachment id.</summary>
    public const int ErrorAttachmentNotFound = 4011;

    private const string SoapNs = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string XsiNs = "http://www.w3.org/2001/XMLSchema-instance";
    private readonly SignantSimulatorOptions _options;
    private readonly SignantState _state;
    private readonly string _directory;

    private SignantSimulator(SignantSimulatorOptions options)
        : base(options.Host)
    {
        _options = options;
        _state = Track(new SignantState(options, TimeProvider));
        _directory = Path.Combine(Path.GetTempPath(), "signant-sim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The simulator's settings (credentials, SOAP names, lifetimes); read on every request.</summary>
    public SignantSimulatorOptions Settings => _options;

    /// <summary>The full service address (<see cref="SimulatorHost.BaseAddress"/> + <see cref="ServicePath"/>).</summary>
    public Uri ServiceAddress => new(BaseAddress, ServicePath.TrimStart('/'));

    /// <summary>Every posting created so far, including deleted ones.</summary>
    public IReadOnlyCollection<SignantSimulatedPosting> Postings => _state.Postings;

    /// <summary>Starts a simulator on a free loopback port.</summary>
    /// <param name="options">Settings (host settings in <see cref="SignantSimulatorOptions.Host"/>), or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator; dispose it to stop it and delete its files.</returns>
    public static Task<SignantSimulator> StartAsync(SignantSimulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartSimulatorAsync(new SignantSimulator(options ?? new SignantSimulatorOptions()), cancellationToken);

    /// <summary>Gets a posting by id.</summary>
    /// <param name="postingId">The id.</param>
    /// <returns>The posting, or <see langword="null"/>.</returns>
    public SignantSimulatedPosting? GetPosting(Guid postingId) => _state.Find(postingId);

    /// <summary>The signing page of a recipient.</summary>
    /// <param name="postingId">The posting.</param>
    /// <param name="recipientIndex">The recipient's zero-based index.</param>
    /// <returns>The URL.</returns>
    public Uri GetSigningUrl(Guid postingId, int recipientIndex) =>
        new(BaseAddress, "sign/" + postingId.ToString("D") + "/" + recipientIndex.ToString(CultureInfo.InvariantCulture));

    /// <summary>Plays the recipient opening the signing page: the posting's expiry moves to 15 minutes from now.</summary>
    /// <param name="postingId">The posting.</param>
    /// <param name="recipientName">The recipient's name.</param>
    /// <exception cref="InvalidOperationException">No such live posting or recipient.</exception>
    public void StartSigning(Guid postingId, string recipientName) => _state.StartSigning(postingId, _state.RecipientIndex(postingId, recipientName));

    /// <summary>Plays the recipient signing (opening the page first if needed): expiry moves at the start and at the end.</summary>
    /// <param name="postingId">The posting.</param>
    /// <param name="recipientName">The recipient's name.</param>
    /// <exception cref="InvalidOperationException">No such live posting or recipient.</exception>
    public void CompleteSigning(Guid postingId, string recipientName)
    {
        var index = _state.RecipientIndex(postingId, recipientName);
        _state.StartSigning(postingId, index);
        _state.Sign(postingId, index);
    }

    /// <summary>Makes the next <paramref name="count"/> calls answer <c>Success=false</c> with the given code and message.</summary>
    /// <param name="errorCode">The error code.</param>
    /// <param name="message">The message.</param>
    /// <param name="count">How many calls.</param>
    public void FailNext(int errorCode, string message, int count = 1) => _state.FailNext(errorCode, message, count);

    /// <summary>Makes the next download send a wrong FileHash (the file itself is intact).</summary>
    public void CorruptNextFileHash() => _state.CorruptNextFileHash();

    /// <summary>Answers a SOAP 1.1 Fault for the next requests (HTTP 500), as WCF does.</summary>
    /// <param name="faultCode">The fault code, e.g. <c>s:Server</c>.</param>
    /// <param name="faultString">The fault string.</param>
    /// <param name="count">How many requests.</param>
    public void FaultNext(string faultCode, string faultString, int count = 1) =>
        Faults.EnqueueFor("POST", ServicePath, SimulatedFault.Status(500, null, FaultBody(faultCode, faultString), "text/xml; charset=utf-8"), count);

    /// <summary>A SOAP 1.1 Fault envelope.</summary>
    /// <param name="faultCode">The fault code.</param>
    /// <param name="faultString">The fault string.</param>
    /// <returns>The envelope text.</returns>
    public static string FaultBody(string faultCode, string faultString) =>
        "<s:Envelope xmlns:s=\"" + SoapNs + "\"><s:Body><s:Fault><faultcode>" + SecurityElement(faultCode) + "</faultcode><faultstring xml:lang=\"en-US\">" +
        SecurityElement(faultString) + "</faultstring></s:Fault></s:Body></s:Envelope>";

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost(ServicePath, HandleSoapAsync);
        routes.MapGet("/sign/{postingId}/{index}", HandleSigningPageAsync);
        routes.MapPost("/sign/{postingId}/{index}", HandleSignAsync);
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore().ConfigureAwait(false);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort.
        }
    }

    private static string SecurityElement(string text) => System.Security.SecurityElement.Escape(text) ?? string.Empty;

    private async Task HandleSigningPageAsync(HttpContext context, string postingId, int index)
    {
        bool ok = Guid.TryParse(postingId, out var id) && Try(() => _state.StartSigning(id, index));
        context.Response.ContentType = "text/html; charset=utf-8";
        if (!ok)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("<!DOCTYPE html><html><body><h1>This posting has expired or does not exist.</h1></body></html>", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var posting = _state.Find(id)!;
        var name = WebUtility.HtmlEncode(posting.Recipients[index].Name);
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html><head><title>Signant simulator</title></head><body><h1>" + WebUtility.HtmlEncode(posting.Title) + "</h1>" +
            "<p>" + name + ", please sign " + WebUtility.HtmlEncode(posting.FileName) + ".</p>" +
            "<form method=\"post\"><button type=\"submit\">Sign</button></form></body></html>",
            context.RequestAborted).ConfigureAwait(false);
    }

    private async Task HandleSignAsync(HttpContext context, string postingId, int index)
    {
        bool ok = Guid.TryParse(postingId, out var id) && Try(() => _state.Sign(id, index));
        if (ok && GetAfterSignRedirectUrl(id) is { } redirect)
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = redirect.AbsoluteUri;
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.StatusCode = ok ? 200 : 404;
        await context.Response.WriteAsync(ok ? "<!DOCTYPE html><html><body><h1>Signed.</h1></body></html>" : "<!DOCTYPE html><html><body><h1>This posting has expired or does not exist.</h1></body></html>", context.RequestAborted).ConfigureAwait(false);
    }

    private async Task HandleSoapAsync(HttpContext context)
    {
        var action = context.Request.Headers["SOAPAction"].ToString().Trim('"');
        string prefix = _options.ServiceNamespace + _options.ContractName + "/";
        string? operation = action.StartsWith(prefix, StringComparison.Ordinal) ? action.Substring(prefix.Length) : null;
        if (operation is not ("CreateInstantPosting" or "GetPostingStatus" or "DownloadInstantAttachment"))
        {
            await WriteFaultAsync(context, "a:ActionNotSupported", "The message with Action '" + action + "' cannot be processed at the receiver.").ConfigureAwait(false);
            return;
        }

        if (context.Request.ContentType is not { } type || !type.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = 415;
            return;
        }

        var settings = new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(context.Request.Body, settings);
        var request = new SoapRequest();
        string? tempFile = null;
        try
        {
            tempFile = await ParseRequestAsync(reader, operation, request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (XmlException ex)
        {
            DeleteQuietly(tempFile ?? request.FilePath);
            await WriteFaultAsync(context, "s:Client", "The request could not be deserialized: " + ex.Message).ConfigureAwait(false);
            return;
        }

        if (_state.TakeInjectedError() is { } injected)
        {
            DeleteQuietly(request.FilePath);
            await WriteResultAsync(context, operation, w => CommonAsync(w, false, injected.Code, injected.Message)).ConfigureAwait(false);
            return;
        }

        try
        {
            _state.Authenticate(request.DistributorId, request.AccessCode);
            switch (operation)
            {
                case "CreateInstantPosting":
                    await CreateAsync(context, request).ConfigureAwait(false);
                    break;
                case "GetPostingStatus":
                    await StatusAsync(context, request).ConfigureAwait(false);
                    break;
                default:
                    await DownloadAsync(context, request).ConfigureAwait(false);
                    break;
            }
        }
        catch (SimulatorStateException error) when (!context.Response.HasStarted)
        {
            // The one error writer of this simulator: a state refusal becomes Success=false with Signant's code.
            DeleteQuietly(operation == "CreateInstantPosting" ? request.FilePath : null);
            await WriteErrorAsync(context, operation, int.Parse(error.Code ?? "0", CultureInfo.InvariantCulture), error.Message).ConfigureAwait(false);
        }
    }

    private static bool Try(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (SimulatorStateException)
        {
            return false;
        }
    }

    private async Task CreateAsync(HttpContext context, SoapRequest request)
    {
        string? problem =
            string.IsNullOrWhiteSpace(request.Title) ? "Title is required." :
            request.Recipients.Count == 0 ? "At least one recipient is required." :
            request.Recipients.Any(r => string.IsNullOrWhiteSpace(r.Name)) ? "Every recipient needs a Name." :
            request.FilePath is null ? "AttachmentToSign.File is required." :
            !request.FileIsPdf ? "AttachmentToSign.File must be a valid PDF file." :
            string.IsNullOrWhiteSpace(request.FileName) ? "AttachmentToSign.FileName is required." :
            request.ActionType != "Sign" ? "AttachmentToSign.ActionType must be Sign." :
            request.AfterSignAction is not ("NoAction" or "Redirect" or "CloseWindow") ? "AfterSignAction is invalid." :
            request.AfterSignAction == "Redirect" && string.IsNullOrEmpty(request.AfterSignRedirectUrl) ? "AfterSignRedirectUrl is required for Redirect." :
            request.CancelUrl is { } c && !c.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "CancelUrl must be a https address." :
            request.AttachmentCancelUrl is { } ac && !ac.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "AttachmentToSign.CancelUrl must be a https address." :
            null;
        if (problem is not null)
        {
            throw SimulatorStateException.Invalid(problem, ErrorValidation.ToString(CultureInfo.InvariantCulture));
        }

        var posting = _state.Create(new SignantPostingDraft(
            request.Title!,
            request.Description,
            request.DistributorSystemId,
            request.Recipients.Select(r => (r.Name!, r.Email, r.HasSsn)).ToList(),
            request.FileName!,
            request.FileDescription,
            request.FilePath!,
            request.FileLength));
        RememberRedirect(posting.Id, request.AfterSignAction, request.AfterSignRedirectUrl);
        var id = posting.Id;
        var recipients = posting.Recipients;
        await WriteResultAsync(context, "CreateInstantPosting", async w =>
        {
            await Element(w, "AttachmentID", posting.AttachmentId.ToString("D")).ConfigureAwait(false);
            await Element(w, "ErrorCode", "0").ConfigureAwait(false);
            await NullableElement(w, "Message", null).ConfigureAwait(false);
            await Element(w, "PostingID", id.ToString("D")).ConfigureAwait(false);
            await w.WriteStartElementAsync("a", "SignUrls", _options.DataContractNamespace).ConfigureAwait(false);
            foreach (var r in recipients)
            {
                await w.WriteStartElementAsync("a", "UrlToSigning", _options.DataContractNamespace).ConfigureAwait(false);
                await Element(w, "Name", r.Name).ConfigureAwait(false);
                await Element(w, "Url", GetSigningUrl(id, r.Index).AbsoluteUri).ConfigureAwait(false);
                await w.WriteEndElementAsync().ConfigureAwait(false);
            }

            await w.WriteEndElementAsync().ConfigureAwait(false);
            await Element(w, "Success", "true").ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task StatusAsync(HttpContext context, SoapRequest request)
    {
        var (posting, postingStatus) = _state.Status(request.PostingId);
        int signatures = posting.SignatureCount;
        string status = SignantState.Wire(postingStatus);
        await WriteResultAsync(context, "GetPostingStatus", async w =>
        {
            await Element(w, "Activated", "true").ConfigureAwait(false);
            await Element(w, "ActiveTo", Date(posting.ActiveTo)).ConfigureAwait(false);
            await NullableElement(w, "CompletedDateTime", posting.CompletedAt is { } done ? Date(done) : null).ConfigureAwait(false);
            await Element(w, "CreatedDateTime", Date(posting.CreatedAt)).ConfigureAwait(false);
            await Element(w, "DefaultLanguage", "en").ConfigureAwait(false);
            await NullableElement(w, "Description", posting.Description).ConfigureAwait(false);
            await Element(w, "ErrorCode", "0").ConfigureAwait(false);
            await Element(w, "LastModifiedDateTime", Date(posting.LastModifiedAt)).ConfigureAwait(false);
            await NullableElement(w, "LastReminderDateTime", null).ConfigureAwait(false);
            await NullableElement(w, "Message", null).ConfigureAwait(false);
            await Element(w, "PostingID", posting.Id.ToString("D")).ConfigureAwait(false);
            await Element(w, "PostingType", "InstantSign").ConfigureAwait(false);
            await Element(w, "SignatureCount", Int(signatures)).ConfigureAwait(false);
            await Element(w, "Status", status).ConfigureAwait(false);
            await Element(w, "Success", "true").ConfigureAwait(false);
            await Element(w, "Title", posting.Title).ConfigureAwait(false);
            await Element(w, "ToBeSignedCount", Int(posting.Recipients.Count)).ConfigureAwait(false);
            await Element(w, "TotalDocsRead", "0").ConfigureAwait(false);
            await Element(w, "TotalDocsRejected", "0").ConfigureAwait(false);
            await Element(w, "TotalDocsSigned", signatures == posting.Recipients.Count ? "1" : "0").ConfigureAwait(false);
            await Element(w, "TotalDocsToRead", "0").ConfigureAwait(false);
            await Element(w, "TotalDocsToSign", "1").ConfigureAwait(false);
            await Element(w, "TotalDocsToUpload", "0").ConfigureAwait(false);
            await Element(w, "TotalDocsUploaded", "0").ConfigureAwait(false);
            await Element(w, "WillBeDeletedDateTime", Date(posting.ActiveTo + _options.DeletionDelay)).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task DownloadAsync(HttpContext context, SoapRequest request)
    {
        var (posting, corrupt) = _state.Download(request.PostingId, request.AttachmentId);
        var file = new FileStream(posting.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            await WriteResultAsync(context, "DownloadInstantAttachment", async w =>
            {
                using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
                await w.WriteStartElementAsync("a", "AttachmentFile", _options.DataContractNamespace).ConfigureAwait(false);
                var buffer = new byte[48 * 1024];
                int read;
                while ((read = await file.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
                {
                    md5.AppendData(buffer, 0, read);
                    await w.WriteBase64Async(buffer, 0, read).ConfigureAwait(false);
                }

                await w.WriteEndElementAsync().ConfigureAwait(false);
                var hash = Convert.ToHexString(md5.GetHashAndReset()).ToLowerInvariant();
                if (corrupt)
                {
                    hash = string.Concat(hash[0] == '0' ? "1" : "0", hash.AsSpan(1));
                }

                await Element(w, "AttachmentID", posting.AttachmentId.ToString("D")).ConfigureAwait(false);
                await NullableElement(w, "Description", posting.FileDescription).ConfigureAwait(false);
                await Element(w, "ErrorCode", "0").ConfigureAwait(false);
                await Element(w, "FileHash", hash).ConfigureAwait(false);
                await Element(w, "FileName", posting.FileName).ConfigureAwait(false);
                await NullableElement(w, "Message", null).ConfigureAwait(false);
                await Element(w, "Success", "true").ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
    }

    private Task WriteErrorAsync(HttpContext context, string operation, int code, string message) =>
        WriteResultAsync(context, operation, w => CommonAsync(w, false, code, message));

    private async Task CommonAsync(XmlWriter w, bool success, int code, string? message)
    {
        await Element(w, "ErrorCode", Int(code)).ConfigureAwait(false);
        await NullableElement(w, "Message", message).ConfigureAwait(false);
        await Element(w, "Success", success ? "true" : "false").ConfigureAwait(false);
    }

    private async Task WriteResultAsync(HttpContext context, string operation, Func<XmlWriter, Task> writeMembers)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/xml; charset=utf-8";
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true, CloseOutput = false };
        await using var w = XmlWriter.Create(context.Response.Body, settings);
        await w.WriteStartElementAsync("s", "Envelope", SoapNs).ConfigureAwait(false);
        await w.WriteStartElementAsync("s", "Body", SoapNs).ConfigureAwait(false);
        await w.WriteStartElementAsync(null, operation + "Response", _options.ServiceNamespace).ConfigureAwait(false);
        await w.WriteStartElementAsync(null, operation + "Result", _options.ServiceNamespace).ConfigureAwait(false);
        await w.WriteAttributeStringAsync("xmlns", "a", null, _options.DataContractNamespace).ConfigureAwait(false);
        await w.WriteAttributeStringAsync("xmlns", "i", null, XsiNs).ConfigureAwait(false);
        await writeMembers(w).ConfigureAwait(false);
        await w.WriteEndElementAsync().ConfigureAwait(false);
        await w.WriteEndElementAsync().ConfigureAwait(false);
        await w.WriteEndElementAsync().ConfigureAwait(false);
        await w.WriteEndElementAsync().ConfigureAwait(false);
        await w.FlushAsync().ConfigureAwait(false);
    }

    private static async Task WriteFaultAsync(HttpContext context, string code, string text)
    {
        context.Response.StatusCode = 500;
        context.Response.ContentType = "text/xml; charset=utf-8";
        await context.Response.WriteAsync(FaultBody(code, text), context.RequestAborted).ConfigureAwait(false);
    }

    private Task Element(XmlWriter w, string name, string value) => w.WriteElementStringAsync("a", name, _options.DataContractNamespace, value);

    private async Task NullableElement(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            await Element(w, name, value).ConfigureAwait(false);
            return;
        }

        await w.WriteStartElementAsync("a", name, _options.DataContractNamespace).ConfigureAwait(false);
        await w.WriteAttributeStringAsync("i", "nil", XsiNs, "true").ConfigureAwait(false);
        await w.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void DeleteQuietly(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
