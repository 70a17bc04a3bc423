using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Http;
using SigningToday.Dst.Internal;
using SigningToday.Dst.Models;
using SigningToday.Dst.Serialization;
using SigningToday.Dst.Signing;

namespace SigningToday.Dst;

internal sealed class DstOperations : IDstOperations
{
    private static readonly SigningTodayJsonContext Json = SigningTodayJsonContext.Default;
    private readonly SigningTodayTransport _t;

    public DstOperations(SigningTodayTransport transport) => _t = transport;

    /// <inheritdoc />
    public AsyncPageable<DigitalSignatureTransaction> ListAsync(DstListOptions? options = null, CancellationToken cancellationToken = default) =>
        _t.List("DSTs", "ListDsts", options, DstReader.DstList, r =>
        {
            r.Query.Add("template", options?.Template);
            r.Query.Add("userId", options?.UserId);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<DigitalSignatureTransaction> CreateAsync(DigitalSignatureTransaction dst, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.NotNull(dst, nameof(dst));
        var request = SigningTodayTransport.Request(HttpMethod.Post, "DSTs", "CreateDst", Idempotency.NotIdempotent);
        request.Content = RequestContent.Json(dst, Json.DigitalSignatureTransaction);
        return _t.SendAsync(request, DstReader.Dst, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DigitalSignatureTransaction> InstantiateAsync(string templateId, CancellationToken cancellationToken = default) =>
        DstAction(templateId, nameof(templateId), "instantiate", "InstantiateDst", Idempotency.NotIdempotent, cancellationToken);

    /// <inheritdoc />
    public Task<InstantiationResult> InstantiateByFileAsync(string templateId, Stream specFile, string fileName, InstantiateByFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(templateId, nameof(templateId));
        SigningTodayTransport.Readable(specFile, nameof(specFile));
        SigningTodayTransport.NotEmpty(fileName, nameof(fileName));
        var request = SigningTodayTransport.Request(HttpMethod.Post, "DST/" + id + "/instantiate/byFile", "InstantiateDstByFile", Idempotency.NotIdempotent);
        request.Query.Add("publish", options?.Publish);
        var parts = new List<MultipartPart> { SigningTodayTransport.FilePart(specFile, fileName, SpecContentType(fileName)) };
        if (options?.Title is { } title)
        {
            parts.Add(MultipartPart.Field("title", title));
        }

        if (options?.Tags is { } tags)
        {
            parts.Add(MultipartPart.Field("tags", JsonSerializer.Serialize(tags.ToList(), Json.ListString)));
        }

        request.Content = RequestContent.Multipart(parts.ToArray());
        return _t.SendAsync(request, Json.InstantiationResult, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Not idempotent, like <see cref="PublishAsync"/> (its inverse): the server moves only a published template to
    /// draft and answers a replay with 409 ILLEGAL_STATUS, so a resend after a lost answer would turn a done change
    /// into an error. A lost answer surfaces as <see cref="SigningApiException.OutcomeUnknown"/> instead.
    /// </remarks>
    public Task<DigitalSignatureTransaction> ModifyTemplateAsync(string id, CancellationToken cancellationToken = default) =>
        DstAction(id, nameof(id), "modify", "ModifyDstTemplate", Idempotency.NotIdempotent, cancellationToken);

    /// <inheritdoc />
    public Task<DigitalSignatureTransaction> TemplatizeAsync(string id, CancellationToken cancellationToken = default) =>
        DstAction(id, nameof(id), "templatize", "TemplatizeDst", Idempotency.NotIdempotent, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRecord>> GetAuditAsync(string id, CancellationToken cancellationToken = default)
    {
        string escaped = SigningTodayTransport.Id(id, nameof(id));
        var request = SigningTodayTransport.Request(HttpMethod.Get, "DST/" + escaped + "/audit", "GetDstAudit", Idempotency.Safe);
        return await _t.SendAsync(request, Json.ListAuditRecord, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<DigitalSignatureTransaction> ReplaceAsync(string id, CancellationToken cancellationToken = default) =>
        DstAction(id, nameof(id), "replace", "ReplaceDst", Idempotency.NotIdempotent, cancellationToken);

    /// <inheritdoc />
    public Task<DigitalSignatureTransaction> CloneAsync(string id, CancellationToken cancellationToken = default) =>
        DstAction(id, nameof(id), "clone", "CloneDst", Idempotency.NotIdempotent, cancellationToken);

    /// <inheritdoc />
    public Task<SignatureAddress> GetSignatureAddressAsync(string id, int documentId, int signatureRequestId, CancellationToken cancellationToken = default)
    {
        string escaped = SigningTodayTransport.Id(id, nameof(id));
        if (documentId < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(documentId), "The document id cannot be negative.");
        }

        if (signatureRequestId < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(signatureRequestId), "The signature request id cannot be negative.");
        }

        var request = SigningTodayTransport.Request(HttpMethod.Get, FormattableString.Invariant($"DST/{escaped}/sign/{documentId}/{signatureRequestId}"), "GetSignatureAddress", Idempotency.Safe);
        return _t.SendAsync(request, Json.SignatureAddress, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DigitalSignatureTransaction> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        string escaped = SigningTodayTransport.Id(id, nameof(id));
        var request = SigningTodayTransport.Request(HttpMethod.Get, "DST/" + escaped, "GetDst", Idempotency.Safe);
        return _t.SendAsync(request, DstReader.Dst, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DigitalSignatureTransaction> UpdateAsync(string id, DigitalSignatureTransaction dst, CancellationToken cancellationToken = default)
    {
        string escaped = SigningTodayTransport.Id(id, nameof(id));
        SigningTodayTransport.NotNull(dst, nameof(dst));
        var request = SigningTodayTransport.Request(HttpMethod.Put, "DST/" + escaped, "UpdateDst", Idempotency.Idempotent);
        request.Content = RequestContent.Json(dst, Json.DigitalSignatureTransaction);
        return _t.SendAsync(request, DstReader.Dst, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        string escaped = SigningTodayTransport.Id(id, nameof(id));
        var request = SigningTodayTransport.Request(HttpMethod.Delete, "DST/" + escaped, "DeleteDst", Idempotency.Idempotent);
        return _t.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DigitalSignatureTransaction> FillAsync(string id, DstForm form, CancellationToken cancellationToken = default)
    {
        string escaped = SigningTodayTransport.Id(id, nameof(id));
        SigningTodayTransport.NotNull(form, nameof(form));
        // Not idempotent: filling moves the DST from toFill to toSign, so a replay after a lost answer would get 409.
        var request = SigningTodayTransport.Request(SigningTodayTransport.Patch, "DST/" + escaped + "/fill", "FillDstForm", Idempotency.NotIdempotent);
        request.Content = RequestContent.Json(form, Json.DstForm);
        return _t.SendAsync(request, DstReader.Dst, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DigitalSignatureTransaction> PublishAsync(string id, CancellationToken cancellationToken = default) =>
        DstAction(id, nameof(id), "publish", "PublishDst", Idempotency.NotIdempotent, cancellationToken);

    /// <inheritdoc />
    public Task NotifyAsync(string id, CancellationToken cancellationToken = default)
    {
        string escaped = SigningTodayTransport.Id(id, nameof(id));
        var request = SigningTodayTransport.Request(HttpMethod.Post, "DST/" + escaped + "/notify", "NotifyDst", Idempotency.NotIdempotent);
        return _t.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public AsyncPageable<InstantiationGroup> ListInstantiationGroupsAsync(SigningTodayUserListOptions? options = null, CancellationToken cancellationToken = default) =>
        _t.List("DSTs/byFile", "ListInstantiationGroups", options, Json.SigningTodayListInstantiationGroup, r => r.Query.Add("userId", options?.UserId), cancellationToken);

    /// <inheritdoc />
    public Task<DigitalSignatureTransaction> CreateTemplateByFileAsync(Stream file, string fileName, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.Readable(file, nameof(file));
        SigningTodayTransport.NotEmpty(fileName, nameof(fileName));
        var request = SigningTodayTransport.Request(HttpMethod.Post, "DSTs/byFile", "CreateDstTemplateByFile", Idempotency.NotIdempotent);
        request.Content = RequestContent.Multipart(SigningTodayTransport.FilePart(file, fileName, SpecContentType(fileName)));
        return _t.SendAsync(request, DstReader.Dst, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DigitalSignatureTransaction> WaitForDstStatusAsync(string id, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.Id(id, nameof(id));

        // A shortcut for the operation, in this process.
        var operation = new DstOperation(this, id, polling ?? _t.Options.Polling, _t.Pipeline.TimeProvider);
        return operation.WaitForCompletionAsync(cancellationToken);
    }

    internal static string SpecContentType(string fileName)
    {
        string lower = fileName.ToUpperInvariant();
        if (lower.EndsWith(".CSV", StringComparison.Ordinal))
        {
            return "text/csv";
        }

        if (lower.EndsWith(".XLSX", StringComparison.Ordinal))
        {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }

        if (lower.EndsWith(".PDF", StringComparison.Ordinal))
        {
            return "application/pdf";
        }

        return "application/octet-stream";
    }

    private Task<DigitalSignatureTransaction> DstAction(string id, string paramName, string action, string operation, Idempotency idempotency, CancellationToken cancellationToken)
    {
        string escaped = SigningTodayTransport.Id(id, paramName);
        var request = SigningTodayTransport.Request(HttpMethod.Post, "DST/" + escaped + "/" + action, operation, idempotency);
        return _t.SendAsync(request, DstReader.Dst, cancellationToken);
    }
}
