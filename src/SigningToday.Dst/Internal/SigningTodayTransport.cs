using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Streaming;
using SigningToday.Dst.Models;

namespace SigningToday.Dst.Internal;

/// <summary>Shared plumbing of the operation groups: request building, argument checks, paging.</summary>
internal sealed class SigningTodayTransport
{
    internal static readonly HttpMethod Patch = new("PATCH");

    public SigningTodayTransport(SigningPipeline pipeline, SigningTodayClientOptions options)
    {
        Pipeline = pipeline;
        Options = options;
    }

    public SigningPipeline Pipeline { get; }

    public SigningTodayClientOptions Options { get; }

    public static string Id(string? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return SigningRequest.EscapeSegment(value, paramName);
    }

    public static T NotNull<T>(T? value, string paramName)
        where T : class => value ?? throw new ArgumentNullException(paramName);

    public static string NotEmpty(string? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (value.Trim().Length == 0)
        {
            throw new ArgumentException("The value cannot be empty.", paramName);
        }

        return value;
    }

    public static Stream Readable(Stream? stream, string paramName)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", paramName);
        }

        return stream;
    }

    public static SigningRequest Request(HttpMethod method, string path, string operation, Idempotency idempotency) =>
        new(method, path, operation, idempotency);

    public Task<T> SendAsync<T>(SigningRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        Pipeline.SendAsync(request, typeInfo, cancellationToken);

    public async Task SendAsync(SigningRequest request, CancellationToken cancellationToken) =>
        await Pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);

    public Task<SigningDownload> DownloadAsync(SigningRequest request, CancellationToken cancellationToken) =>
        Pipeline.DownloadAsync(request, cancellationToken);

    public static MultipartPart FilePart(Stream content, string fileName, string contentType) =>
        new("file", RequestContent.Stream(content, contentType), fileName);

    public AsyncPageable<T> List<T>(string path, string operation, SigningTodayListOptions? options, JsonTypeInfo<SigningTodayList<T>> typeInfo, Action<SigningRequest>? extra, CancellationToken cancellationToken)
    {
        if (options?.PageSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "PageSize must be positive.");
        }

        int pageSize = Math.Min(options?.PageSize ?? Options.DefaultPageSize, Options.MaxPageSize);
        return OffsetPageable.Create<T>(
            async (skip, top, ct) =>
            {
                var request = Request(HttpMethod.Get, path, operation, Idempotency.Safe);
                extra?.Invoke(request);
                request.Query.Add("$top", (long)top);
                request.Query.Add("$skip", (long)skip);
                if (options?.IncludeCount == true)
                {
                    request.Query.Add("$count", true);
                }

                request.Query.Add("$orderBy", options?.OrderBy);
                request.Query.Add("$filter", options?.Filter);
                var list = await Pipeline.SendAsync(request, typeInfo, ct).ConfigureAwait(false);
                IReadOnlyList<T> values = list.Values ?? Array.Empty<T>();
                return (values, list.Count);
            },
            pageSize,
            Options.MaxPageSize,
            Pipeline.Limits,
            Pipeline.ProviderName,
            operation,
            cancellationToken);
    }
}
