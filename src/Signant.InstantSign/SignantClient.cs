using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.Extensions.Logging;
using Signant.InstantSign.Models;
using Signant.InstantSign.Serialization;
using Signant.InstantSign.Signing;
using Signant.InstantSign.Soap;
using SigningClients.Core;
using SigningClients.Core.Diagnostics;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Security;
using SigningClients.Core.Validation;

namespace Signant.InstantSign;

/// <summary>
/// The Signant instant signature service client (SOAP 1.1 over the SigningClients pipeline, without WCF). See
/// <see cref="ISignantClient"/>. Thread-safe; create one per account and reuse it.
/// </summary>
public sealed class SignantClient : ISignantClient, IDisposable
{
    private readonly HttpClientOwner? _httpClientOwner;

    /// <summary>The provider name used in errors, logs and traces: <c>Signant</c>.</summary>
    public const string ProviderName = "Signant";

    private static readonly Action<ILogger, Guid, string, DateTimeOffset?, Exception?> LogStatus =
        LoggerMessage.Define<Guid, string, DateTimeOffset?>(LogLevel.Debug, new EventId(SigningEventIds.SignantPostingStatus, nameof(SigningEventIds.SignantPostingStatus)), "Signant posting {PostingId} is {Status}; it expires at {ActiveTo}.");

    private static readonly Action<ILogger, Guid, Exception?> LogExpired =
        LoggerMessage.Define<Guid>(LogLevel.Warning, new EventId(SigningEventIds.SignantPostingExpired, nameof(SigningEventIds.SignantPostingExpired)), "Signant posting {PostingId} expired before it was completed; its document is gone.");

    private static readonly Action<ILogger, Guid, string, Exception?> LogPollFailed =
        LoggerMessage.Define<Guid, string>(LogLevel.Warning, new EventId(SigningEventIds.SignantPollFailed, nameof(SigningEventIds.SignantPollFailed)), "Polling Signant posting {PostingId} failed transiently; polling continues: {Reason}");

    private readonly SignantClientOptions _options;
    private readonly SigningPipeline _pipeline;
    private readonly SoapEnvelopeWriter _writer;

    /// <summary>Creates a client for use without dependency injection.</summary>
    /// <param name="options">The options (validated here).</param>
    /// <param name="httpClient">The HTTP client to use (its timeout should be infinite: attempts are timed by the SDK); a new one when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Logging, optional.</param>
    /// <param name="timeProvider">The clock (polling, retries), optional.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SignantClient(SignantClientOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, new HttpClientOwner(httpClient), loggerFactory, timeProvider)
    {
    }

    private SignantClient(SignantClientOptions options, HttpClientOwner httpClient, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
        : this(options, httpClient.Provider, loggerFactory, timeProvider) => _httpClientOwner = httpClient;

    /// <summary>Creates a client over an <see cref="HttpClient"/> provider (used by dependency injection with <c>IHttpClientFactory</c>).</summary>
    /// <param name="options">The options (validated here).</param>
    /// <param name="httpClientProvider">Returns the HTTP client for each attempt.</param>
    /// <param name="loggerFactory">Logging, optional.</param>
    /// <param name="timeProvider">The clock, optional.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SignantClient(SignantClientOptions options, Func<HttpClient> httpClientProvider, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (httpClientProvider is null)
        {
            throw new ArgumentNullException(nameof(httpClientProvider));
        }

        options.Validate();
        var redactor = SecretRedactor.ForCredentials(options.AccessCode);
        _pipeline = new SigningPipeline(httpClientProvider, SigningPipelineOptions.ForClient(ProviderName, options, new SignantErrorParser(options.MaxElementLength), redactor, loggerFactory, timeProvider));
        _writer = new SoapEnvelopeWriter(options);
    }

    /// <inheritdoc />
    public async Task<CreateInstantPostingResult> CreateInstantPostingAsync(InstantPosting posting, CancellationToken cancellationToken = default)
    {
        ValidatePosting(posting);
        var file = await PdfContent.EnsurePdfAsync(posting.AttachmentToSign.File, nameof(posting), cancellationToken).ConfigureAwait(false);
        foreach (var recipient in posting.Recipients)
        {
            _pipeline.Redactor.AddSecret(recipient.Ssn);
        }

        var request = CreateRequest(SoapNames.CreateInstantPosting, Idempotency.NotIdempotent);
        request.Content = RequestContent.Writer(
            file,
            (source, stream, ct) => _writer.WriteCreateInstantPostingAsync(stream, posting, source, ct),
            SoapNames.ContentType);

        return await _pipeline.SendAsync(request, async (response, ct) =>
        {
            var body = await response.ReadBodyAsync(ct).ConfigureAwait(false);
            var result = await ReadAsync(request, response, () => SoapResponseReader.ReadCreateAsync(body, _options, ct)).ConfigureAwait(false);
            ThrowIfFailed(request, response, result);
            return result;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<InstantPostingStatus> GetPostingStatusAsync(Guid postingId, CancellationToken cancellationToken = default)
    {
        RequireId(postingId, nameof(postingId));
        return GetStatusCoreAsync(postingId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<InstantAttachmentDownload> DownloadInstantAttachmentAsync(Guid postingId, Guid attachmentId, Stream destination, CancellationToken cancellationToken = default)
    {
        RequireId(postingId, nameof(postingId));
        RequireId(attachmentId, nameof(attachmentId));
        RequireWritable(destination);
        return DownloadCoreAsync(postingId, attachmentId, destination, cancellationToken);
    }

    /// <inheritdoc />
    public Task<InstantPostingOutcome> WaitForCompletionAndDownloadAsync(Guid postingId, Guid attachmentId, Stream destination, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        RequireId(postingId, nameof(postingId));
        RequireId(attachmentId, nameof(attachmentId));
        RequireWritable(destination);
        options ??= new WaitForCompletionOptions { Polling = _options.Polling };
        if (options.Polling is null)
        {
            throw new ArgumentException("WaitForCompletionOptions.Polling cannot be null.", nameof(options));
        }

        // A shortcut for the operation: one poll-and-download flow, in this process.
        var operation = new InstantPostingOperation(this, postingId, attachmentId, destination, options);
        return operation.WaitForCompletionAsync(cancellationToken);
    }

    /// <summary>The clock the client's pipeline uses (operations wait on it).</summary>
    internal TimeProvider TimeProvider => _pipeline.TimeProvider;

    internal void OnPolled(Guid postingId, InstantPostingStatus status) => LogStatus(_pipeline.Logger, postingId, status.Status.ToString(), status.ActiveTo, null);

    internal void OnPollFailed(Guid postingId, SigningApiException exception) => LogPollFailed(_pipeline.Logger, postingId, exception.Message, null);

    internal void OnExpired(Guid postingId) => LogExpired(_pipeline.Logger, postingId, null);

    private async Task<InstantPostingStatus> GetStatusCoreAsync(Guid postingId, CancellationToken cancellationToken)
    {
        var request = CreateRequest(SoapNames.GetPostingStatus, Idempotency.Safe);
        request.Content = RequestContent.Bytes(_writer.GetPostingStatus(postingId), SoapNames.ContentType);
        return await _pipeline.SendAsync(request, async (response, ct) =>
        {
            var body = await response.ReadBodyAsync(ct).ConfigureAwait(false);
            InstantPostingStatus result;
            try
            {
                result = await SoapResponseReader.ReadStatusAsync(body, _options, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsReadFailure(ex))
            {
                throw ReadFailure(request, response, ex);
            }

            ThrowIfFailed(request, response, result);
            return result;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<InstantAttachmentDownload> DownloadCoreAsync(Guid postingId, Guid attachmentId, Stream destination, CancellationToken cancellationToken)
    {
        var request = CreateRequest(SoapNames.DownloadInstantAttachment, Idempotency.Safe);
        request.Content = RequestContent.Bytes(_writer.DownloadInstantAttachment(postingId, attachmentId), SoapNames.ContentType);

        // Only the headers are awaited inside the retried attempt: once bytes reach the caller's stream, nothing is replayed.
        var response = await _pipeline.SendForResponseAsync(request, cancellationToken).ConfigureAwait(false);
        SigningDownload body;
        try
        {
            body = await response.TakeDownloadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        using (body)
        {
            var result = await ReadAsync(request, response, () => SoapResponseReader.ReadDownloadAsync(body.Content, destination, _options, cancellationToken)).ConfigureAwait(false);
            ThrowIfFailed(request, response, result);
            if (result.FileHash is null || result.FileHash.Trim().Length == 0)
            {
                if (_options.RequireFileHash)
                {
                    throw _pipeline.CreateException(request, response, SigningFailureKind.IntegrityFailure, null, "The response carries no FileHash, so the " + result.Length + " bytes written could not be verified; discard them.");
                }

                return Verified(result, false);
            }

            if (!Md5Accumulator.Matches(result.FileHash, result.ComputedHash))
            {
                throw _pipeline.CreateException(request, response, SigningFailureKind.IntegrityFailure, null, "The MD5 of the " + result.Length + " bytes received (" + result.ComputedHash + ") does not match FileHash (" + result.FileHash + "); the document written to the destination is corrupt: discard it.");
            }

            return Verified(result, true);
        }
    }

    private static InstantAttachmentDownload Verified(InstantAttachmentDownload r, bool verified) => new()
    {
        Success = r.Success,
        ErrorCode = r.ErrorCode,
        Message = r.Message,
        AdditionalElements = r.AdditionalElements,
        AttachmentId = r.AttachmentId,
        FileName = r.FileName,
        Description = r.Description,
        FileHash = r.FileHash,
        ComputedHash = r.ComputedHash,
        Length = r.Length,
        HashVerified = verified,
    };

    private async Task<T> ReadAsync<T>(SigningRequest request, SigningResponse response, Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw ReadFailure(request, response, ex);
        }
    }

    private static bool IsReadFailure(Exception ex) => ex is SoapFaultException or XmlException or UriFormatException;

    /// <summary>The typed error for a response that could not be read (<see cref="IsReadFailure"/>).</summary>
    private SigningApiException ReadFailure(SigningRequest request, SigningResponse response, Exception ex) => ex switch
    {
        SoapFaultException fault => _pipeline.CreateException(request, response, SigningFailureKind.ProviderError, fault.FaultCode, fault.FaultString),
        XmlException => _pipeline.CreateException(request, response, SigningFailureKind.InvalidResponse, null, "The SOAP response could not be read: " + ex.Message, innerException: ex),
        _ => _pipeline.CreateException(request, response, SigningFailureKind.InvalidResponse, null, "The SOAP response holds an invalid URL.", innerException: ex),
    };

    private void ThrowIfFailed(SigningRequest request, SigningResponse response, SignantResult result)
    {
        if (!result.Success)
        {
            throw _pipeline.CreateException(
                request,
                response,
                SigningFailureKind.ProviderError,
                result.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                result.Message ?? "Success=false without a message.");
        }
    }

    private SigningRequest CreateRequest(string operation, Idempotency idempotency)
    {
        // The endpoint is the full service address: post to it exactly, without an added trailing slash.
        var request = new SigningRequest(HttpMethod.Post, _options.Endpoint!.AbsoluteUri, operation, idempotency);
        request.Headers["SOAPAction"] = QuotedSoapAction(operation);
        return request;
    }

    // The quoted SOAPAction of each operation, kept while the options hold the same namespace and contract name
    // (one immutable object, replaced whole, so threads never see a torn pair).
    private SoapActions? _soapActions;

    private string QuotedSoapAction(string operation)
    {
        var actions = Volatile.Read(ref _soapActions);
        if (actions is null || !actions.Matches(_options))
        {
            actions = new SoapActions(_options);
            Volatile.Write(ref _soapActions, actions);
        }

        return operation switch
        {
            SoapNames.GetPostingStatus => actions.Status,
            SoapNames.DownloadInstantAttachment => actions.Download,
            SoapNames.CreateInstantPosting => actions.Create,
            _ => SoapActions.Quote(_options, operation),
        };
    }

    private sealed class SoapActions
    {
        private readonly string _namespace;
        private readonly string _contract;

        public SoapActions(SignantClientOptions options)
        {
            _namespace = options.ServiceNamespace;
            _contract = options.ContractName;
            Status = Quote(options, SoapNames.GetPostingStatus);
            Download = Quote(options, SoapNames.DownloadInstantAttachment);
            Create = Quote(options, SoapNames.CreateInstantPosting);
        }

        public string Status { get; }

        public string Download { get; }

        public string Create { get; }

        public static string Quote(SignantClientOptions options, string operation) => "\"" + options.GetSoapAction(operation) + "\"";

        public bool Matches(SignantClientOptions options) =>
            ReferenceEquals(options.ServiceNamespace, _namespace) && ReferenceEquals(options.ContractName, _contract);
    }

    private static void ValidatePosting(InstantPosting posting)
    {
        const string P = "posting";
        if (posting is null)
        {
            throw new ArgumentNullException(nameof(posting));
        }

        if (string.IsNullOrWhiteSpace(posting.Title))
        {
            throw new ArgumentException("InstantPosting.Title is required.", P);
        }

        if (posting.Recipients is null || posting.Recipients.Count == 0)
        {
            throw new ArgumentException("InstantPosting.Recipients needs at least one recipient.", P);
        }

        for (int i = 0; i < posting.Recipients.Count; i++)
        {
            var r = posting.Recipients[i] ?? throw new ArgumentException("InstantPosting.Recipients[" + i + "] is null.", P);
            if (string.IsNullOrWhiteSpace(r.Name))
            {
                throw new ArgumentException("InstantPosting.Recipients[" + i + "].Name is required.", P);
            }

            if (r.MinimumAge < 0 || r.MaximumAge < 0)
            {
                throw new ArgumentException("InstantPosting.Recipients[" + i + "]: ages cannot be negative.", P);
            }

            if (r.MinimumAge is { } min && r.MaximumAge is { } max && min > max)
            {
                throw new ArgumentException("InstantPosting.Recipients[" + i + "]: MinimumAge cannot exceed MaximumAge.", P);
            }
        }

        var attachment = posting.AttachmentToSign ?? throw new ArgumentException("InstantPosting.AttachmentToSign is required.", P);
        if (attachment.File is null || !attachment.File.CanRead)
        {
            throw new ArgumentException("AttachmentToSign.File must be a readable stream.", P);
        }

        if (string.IsNullOrWhiteSpace(attachment.FileName))
        {
            throw new ArgumentException("AttachmentToSign.FileName is required.", P);
        }

        if (attachment.ActionType != AttachmentActionType.Sign)
        {
            throw new ArgumentException("AttachmentToSign.ActionType must be Sign.", P);
        }

        RequireHttps(attachment.CancelUrl, "AttachmentToSign.CancelUrl", P);
        RequireHttps(posting.CancelUrl, "InstantPosting.CancelUrl", P);
        if (posting.AfterSignAction.Value is null)
        {
            throw new ArgumentException("InstantPosting.AfterSignAction is required.", P);
        }

        if (posting.AfterSignAction == AfterSignAction.Redirect && posting.AfterSignRedirectUrl is null)
        {
            throw new ArgumentException("InstantPosting.AfterSignRedirectUrl is required when AfterSignAction is Redirect.", P);
        }

        if (posting.AfterSignRedirectUrl is { } redirect && (!redirect.IsAbsoluteUri || (redirect.Scheme != Uri.UriSchemeHttps && redirect.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException("InstantPosting.AfterSignRedirectUrl must be an absolute http(s) URL.", P);
        }

        if (posting.AfterSignRedirectDelay is not null && posting.AfterSignRedirectCaption is not null)
        {
            throw new ArgumentException("Set either InstantPosting.AfterSignRedirectDelay or AfterSignRedirectCaption, not both.", P);
        }

        if (posting.AfterSignRedirectDelay < 0)
        {
            throw new ArgumentException("InstantPosting.AfterSignRedirectDelay cannot be negative.", P);
        }
    }

    private static void RequireHttps(Uri? url, string name, string paramName)
    {
        if (url is not null && (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException(name + " must be an absolute https URL.", paramName);
        }
    }

    private static void RequireId(Guid id, string name)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("The id cannot be empty.", name);
        }
    }

    private static void RequireWritable(Stream destination)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }
    }

    /// <summary>
    /// The request pipeline this client sends through (authentication, retry, redaction, logging and errors included),
    /// for a call this client does not model: build a <see cref="SigningRequest"/> with a path relative to the
    /// endpoint and send it with <see cref="SigningPipeline.SendAsync(SigningRequest, System.Threading.CancellationToken)"/>.
    /// </summary>
    public SigningPipeline Pipeline => _pipeline;

    /// <summary>Disposes the <see cref="HttpClient"/> this client created itself, if any (a caller's or a DI client is left alone).</summary>
    public void Dispose() => _httpClientOwner?.Dispose();
}
