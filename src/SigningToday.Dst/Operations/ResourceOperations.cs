using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Http;
using SigningClients.Core.Streaming;
using SigningToday.Dst.Internal;
using SigningToday.Dst.Models;
using SigningToday.Dst.Serialization;

namespace SigningToday.Dst;

/// <summary>Files of DSTs and users: downloads, uploads, swaps and appearances (the doc's Resources operations).</summary>
public interface IResourceOperations
{
    /// <summary>Downloads the graphical appearance of a user's identity (<c>GET /user/{id}/identity/{identity-id}/appearance</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="identityId">The identity.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The streamed file; dispose it.</returns>
    Task<SigningDownload> DownloadIdentityAppearanceAsync(string userId, string identityId, CancellationToken cancellationToken = default);

    /// <summary>Uploads a graphical appearance for a user's identity (<c>POST /user/{id}/identity/{identity-id}/appearance</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="identityId">The identity.</param>
    /// <param name="content">The file content (streamed).</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="options">Resource type (default <c>Image</c>) and title.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The stored resource.</returns>
    Task<DstResource> UploadIdentityAppearanceAsync(string userId, string identityId, Stream content, string fileName, ResourceUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the appearance of a user's identity (<c>DELETE /user/{id}/identity/{identity-id}/appearance</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="identityId">The identity.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task DeleteIdentityAppearanceAsync(string userId, string identityId, CancellationToken cancellationToken = default);

    /// <summary>Downloads a resource, e.g. a signed PDF (<c>GET /resource/{id}</c>), streamed without buffering.</summary>
    /// <param name="resourceId">The resource.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The streamed file; dispose it.</returns>
    Task<SigningDownload> DownloadAsync(string resourceId, CancellationToken cancellationToken = default);

    /// <summary>Updates the metadata of a resource (<c>PUT /resource/{id}</c>).</summary>
    /// <param name="resourceId">The resource.</param>
    /// <param name="resource">The new metadata.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task UpdateAsync(string resourceId, DstResource resource, CancellationToken cancellationToken = default);

    /// <summary>Deletes a resource of a DST (<c>DELETE /DST/resource/{id}</c>).</summary>
    /// <param name="resourceId">The resource.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The DST without the resource.</returns>
    Task<DigitalSignatureTransaction> DeleteAsync(string resourceId, CancellationToken cancellationToken = default);

    /// <summary>Swaps the order of two documents of a DST (<c>POST /DST/{id}/doc/{docId}/swap</c>).</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="documentId">The document to move.</param>
    /// <param name="targetDocumentId">The document to swap with.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The DST.</returns>
    Task<DigitalSignatureTransaction> SwapDocumentsAsync(string dstId, int documentId, int targetDocumentId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the file of a document, optionally on a clone (<c>POST /DST/{id}/doc/{docId}/resource</c>).</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="documentId">The document.</param>
    /// <param name="action">replace or clone_and_replace.</param>
    /// <param name="content">The PDF content (streamed).</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="title">The title of the resource.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The DST.</returns>
    Task<DigitalSignatureTransaction> ApplyDocumentResourceActionAsync(string dstId, int documentId, DocumentResourceAction action, Stream content, string fileName, string? title = null, CancellationToken cancellationToken = default);

    /// <summary>Downloads all resources of a DST as a zip (<c>GET /DST/{id}/resources</c>).</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The streamed zip; dispose it.</returns>
    Task<SigningDownload> DownloadDstResourcesAsync(string dstId, CancellationToken cancellationToken = default);

    /// <summary>Appends a file to a DST (<c>PATCH /DST/{id}/resources</c>).</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="content">The file content (streamed).</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="options">Resource type (default <c>PDF_Document</c>), title and extra data.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The DST with the new resource.</returns>
    Task<DigitalSignatureTransaction> AppendToDstAsync(string dstId, Stream content, string fileName, ResourceUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Downloads all resources of a group of DSTs instantiated by file, as a zip (<c>GET /DSTs/instantiationGroup/{id}/resources</c>).</summary>
    /// <param name="instantiationGroupId">The group.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The streamed zip; dispose it.</returns>
    Task<SigningDownload> DownloadInstantiationGroupResourcesAsync(string instantiationGroupId, CancellationToken cancellationToken = default);
}

/// <summary>Metadata of an uploaded resource.</summary>
public sealed class ResourceUploadOptions
{
    /// <summary>The resource type, e.g. <c>PDF_Document</c> or <c>Image</c>; the operation's default when <see langword="null"/>.</summary>
    public ResourceType? ResourceType { get; set; }

    /// <summary>A user-defined title.</summary>
    public string? Title { get; set; }

    /// <summary>Extra data sent as a JSON-serialized field (append only).</summary>
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }
}

internal sealed class ResourceOperations : IResourceOperations
{
    private static readonly SigningTodayJsonContext Json = SigningTodayJsonContext.Default;
    private readonly SigningTodayTransport _t;

    public ResourceOperations(SigningTodayTransport transport) => _t = transport;

    public Task<SigningDownload> DownloadIdentityAppearanceAsync(string userId, string identityId, CancellationToken cancellationToken = default) =>
        _t.DownloadAsync(SigningTodayTransport.Request(HttpMethod.Get, AppearancePath(userId, identityId), "DownloadIdentityAppearance", Idempotency.Safe), cancellationToken);

    public Task<DstResource> UploadIdentityAppearanceAsync(string userId, string identityId, Stream content, string fileName, ResourceUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        string path = AppearancePath(userId, identityId);
        SigningTodayTransport.Readable(content, nameof(content));
        SigningTodayTransport.NotEmpty(fileName, nameof(fileName));
        var request = SigningTodayTransport.Request(HttpMethod.Post, path, "UploadIdentityAppearance", Idempotency.NotIdempotent);
        request.Content = RequestContent.Multipart(UploadParts(content, fileName, (options?.ResourceType ?? Models.ResourceType.Image).Value ?? "Image", options, includeExtraData: false));
        return _t.SendAsync(request, Json.DstResource, cancellationToken);
    }

    public Task DeleteIdentityAppearanceAsync(string userId, string identityId, CancellationToken cancellationToken = default) =>
        _t.SendAsync(SigningTodayTransport.Request(HttpMethod.Delete, AppearancePath(userId, identityId), "DeleteIdentityAppearance", Idempotency.Idempotent), cancellationToken);

    public Task<SigningDownload> DownloadAsync(string resourceId, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(resourceId, nameof(resourceId));
        return _t.DownloadAsync(SigningTodayTransport.Request(HttpMethod.Get, "resource/" + id, "DownloadResource", Idempotency.Safe), cancellationToken);
    }

    public Task UpdateAsync(string resourceId, DstResource resource, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(resourceId, nameof(resourceId));
        SigningTodayTransport.NotNull(resource, nameof(resource));
        var request = SigningTodayTransport.Request(HttpMethod.Put, "resource/" + id, "UpdateResource", Idempotency.Idempotent);
        request.Content = RequestContent.Json(resource, Json.DstResource);
        return _t.SendAsync(request, cancellationToken);
    }

    public Task<DigitalSignatureTransaction> DeleteAsync(string resourceId, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(resourceId, nameof(resourceId));
        return _t.SendAsync(SigningTodayTransport.Request(HttpMethod.Delete, "DST/resource/" + id, "DeleteResource", Idempotency.Idempotent), DstReader.Dst, cancellationToken);
    }

    public Task<DigitalSignatureTransaction> SwapDocumentsAsync(string dstId, int documentId, int targetDocumentId, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(dstId, nameof(dstId));
        NonNegative(documentId, nameof(documentId));
        NonNegative(targetDocumentId, nameof(targetDocumentId));
        var request = SigningTodayTransport.Request(HttpMethod.Post, "DST/" + id + "/doc/" + documentId.ToString(CultureInfo.InvariantCulture) + "/swap", "SwapDocuments", Idempotency.NotIdempotent);
        request.Query.Add("targetDocId", (long)targetDocumentId);
        return _t.SendAsync(request, DstReader.Dst, cancellationToken);
    }

    public Task<DigitalSignatureTransaction> ApplyDocumentResourceActionAsync(string dstId, int documentId, DocumentResourceAction action, Stream content, string fileName, string? title = null, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(dstId, nameof(dstId));
        NonNegative(documentId, nameof(documentId));
        if (action.Value is null)
        {
            throw new ArgumentException("The action is required.", nameof(action));
        }

        SigningTodayTransport.Readable(content, nameof(content));
        SigningTodayTransport.NotEmpty(fileName, nameof(fileName));
        var request = SigningTodayTransport.Request(HttpMethod.Post, "DST/" + id + "/doc/" + documentId.ToString(CultureInfo.InvariantCulture) + "/resource", "ApplyDocumentResourceAction", Idempotency.NotIdempotent);
        var parts = UploadParts(content, fileName, "PDF_Document", new ResourceUploadOptions { Title = title }, includeExtraData: false).ToList();
        parts.Add(MultipartPart.Field("actionType", action.Value));
        request.Content = RequestContent.Multipart(parts.ToArray());
        return _t.SendAsync(request, DstReader.Dst, cancellationToken);
    }

    public Task<SigningDownload> DownloadDstResourcesAsync(string dstId, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(dstId, nameof(dstId));
        return _t.DownloadAsync(SigningTodayTransport.Request(HttpMethod.Get, "DST/" + id + "/resources", "DownloadDstResources", Idempotency.Safe), cancellationToken);
    }

    public Task<DigitalSignatureTransaction> AppendToDstAsync(string dstId, Stream content, string fileName, ResourceUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(dstId, nameof(dstId));
        SigningTodayTransport.Readable(content, nameof(content));
        SigningTodayTransport.NotEmpty(fileName, nameof(fileName));
        var request = SigningTodayTransport.Request(SigningTodayTransport.Patch, "DST/" + id + "/resources", "AppendDstResource", Idempotency.NotIdempotent);
        request.Content = RequestContent.Multipart(UploadParts(content, fileName, (options?.ResourceType ?? Models.ResourceType.PdfDocument).Value ?? "PDF_Document", options, includeExtraData: true));
        return _t.SendAsync(request, DstReader.Dst, cancellationToken);
    }

    public Task<SigningDownload> DownloadInstantiationGroupResourcesAsync(string instantiationGroupId, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(instantiationGroupId, nameof(instantiationGroupId));
        return _t.DownloadAsync(SigningTodayTransport.Request(HttpMethod.Get, "DSTs/instantiationGroup/" + id + "/resources", "DownloadInstantiationGroupResources", Idempotency.Safe), cancellationToken);
    }

    private static string AppearancePath(string userId, string identityId) =>
        "user/" + SigningTodayTransport.Id(userId, nameof(userId)) + "/identity/" + SigningTodayTransport.Id(identityId, nameof(identityId)) + "/appearance";

    private static void NonNegative(int value, string paramName)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, "The id cannot be negative.");
        }
    }

    private static MultipartPart[] UploadParts(Stream content, string fileName, string resourceType, ResourceUploadOptions? options, bool includeExtraData)
    {
        var parts = new List<MultipartPart>
        {
            SigningTodayTransport.FilePart(content, fileName, DstOperations.SpecContentType(fileName) is "application/octet-stream" && resourceType == "Image" ? "image/png" : DstOperations.SpecContentType(fileName)),
            MultipartPart.Field("filename", fileName),
            MultipartPart.Field("resourceType", resourceType),
        };
        if (options?.Title is { } title)
        {
            parts.Add(MultipartPart.Field("title", title));
        }

        if (includeExtraData && options?.ExtraData is { } extra)
        {
            var copy = extra.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            parts.Add(MultipartPart.Field("extraData", JsonSerializer.Serialize(copy, Json.DictionaryStringJsonElement)));
        }

        return parts.ToArray();
    }
}
