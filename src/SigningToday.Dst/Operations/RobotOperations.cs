using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Http;
using SigningClients.Core.Validation;
using SigningToday.Dst.Internal;
using SigningToday.Dst.Models;
using SigningToday.Dst.Serialization;

namespace SigningToday.Dst;

/// <summary>Robot (service account) operations: lifetime token, configuration, one-call DST creation and template instantiation.</summary>
public interface IRobotOperations
{
    /// <summary>Generates or retrieves the robot lifetime token (<c>GET /robot/authentication</c>).</summary>
    /// <param name="account">The robot account; the current account when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The token (secret).</returns>
    Task<RobotToken> GetTokenAsync(RobotAccount? account = null, CancellationToken cancellationToken = default);

    /// <summary>Clears the robot lifetime token (<c>DELETE /robot/authentication</c>).</summary>
    /// <param name="account">The robot account; the current account when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task ClearTokenAsync(RobotAccount? account = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the robot configuration (<c>GET /robot/configuration</c>).</summary>
    /// <param name="account">The robot account; the current account when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The configuration.</returns>
    Task<RobotConfiguration> GetConfigurationAsync(RobotAccount? account = null, CancellationToken cancellationToken = default);

    /// <summary>Edits the robot configuration (<c>PUT /robot/configuration</c>).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="account">The robot account; the current account when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task UpdateConfigurationAsync(RobotConfiguration configuration, RobotAccount? account = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a DST in one call (<c>POST /robot/DSTs</c>); <see cref="RobotDstBuilder"/> writes the specification for the common shapes.</summary>
    /// <param name="specification">The DST. Its status, when set, must be <c>draft</c> or <c>published</c> (the only values the doc allows); it is checked before any I/O.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The created DST.</returns>
    Task<DigitalSignatureTransaction> CreateDstAsync(RobotDstSpecification specification, CancellationToken cancellationToken = default);

    /// <summary>
    /// Instantiates a DST from a template (<c>POST /robot/DST/{id}/instantiate</c>, or the path set in
    /// <see cref="SigningTodayClientOptions.RobotInstantiatePath"/>).
    /// </summary>
    /// <param name="templateId">The template.</param>
    /// <param name="instantiation">Patches and role mapping.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The new DST.</returns>
    Task<DigitalSignatureTransaction> InstantiateTemplateAsync(string templateId, TemplateInstantiation instantiation, CancellationToken cancellationToken = default);

    /// <summary>Instantiates a template mapping each template role to a signer, published unless <paramref name="publish"/> is false.</summary>
    /// <param name="templateId">The template.</param>
    /// <param name="roles">Role name to signer.</param>
    /// <param name="publish">Publish at once (<c>templatePatches.status = published</c>).</param>
    /// <param name="patches">Other template patches (title, expiry, extra data…); its status is overridden by <paramref name="publish"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The new DST.</returns>
    Task<DigitalSignatureTransaction> InstantiateTemplateAsync(string templateId, IReadOnlyDictionary<string, Signer> roles, bool publish = true, RobotDstSpecification? patches = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates and publishes a DST from one PDF with one signer through <c>POST /robot/DSTs</c>: the PDF is embedded
    /// (base64 streamed into the JSON body, never held whole in memory) with one signature field.
    /// </summary>
    /// <param name="pdf">The PDF (streamed; must be seekable for the call to be retried).</param>
    /// <param name="fileName">The file name, e.g. <c>contract.pdf</c>.</param>
    /// <param name="title">The DST title.</param>
    /// <param name="signer">The signer (organization user by email/UUID, or an occasional signer with name, surname and email).</param>
    /// <param name="options">Signature field, reason, expiry, extra data.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The created DST.</returns>
    Task<DigitalSignatureTransaction> CreateAndPublishFromPdfAsync(Stream pdf, string fileName, string title, Signer signer, PdfDstOptions? options = null, CancellationToken cancellationToken = default);
}

/// <summary>A robot account addressed by user name and domain.</summary>
public sealed class RobotAccount
{
    /// <summary>The user name of the robot.</summary>
    public string? Username { get; set; }

    /// <summary>The domain (organization) of the robot.</summary>
    public string? Domain { get; set; }
}

/// <summary>Options of <see cref="IRobotOperations.CreateAndPublishFromPdfAsync"/>.</summary>
public sealed class PdfDstOptions
{
    /// <summary>Publish at once (default) or keep as draft.</summary>
    public bool Publish { get; set; } = true;

    /// <summary>Title of the document in the signature tray; defaults to the DST title.</summary>
    public string? DocumentTitle { get; set; }

    /// <summary>The signature field and its request: page, position and size in percent, reason, profile, timestamp, declinable, extra data (see <see cref="RobotSignatureField"/> for the defaults).</summary>
    public RobotSignatureField Signature { get; set; } = new();

    /// <summary>When the DST expires.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>DST extra data (see <see cref="SigningTodayExtraData.ForDst"/>).</summary>
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }
}

internal sealed class RobotOperations : IRobotOperations
{
    private static readonly SigningTodayJsonContext Json = SigningTodayJsonContext.Default;
    private readonly SigningTodayTransport _t;

    public RobotOperations(SigningTodayTransport transport) => _t = transport;

    public async Task<RobotToken> GetTokenAsync(RobotAccount? account = null, CancellationToken cancellationToken = default)
    {
        var request = WithAccount(SigningTodayTransport.Request(HttpMethod.Get, "robot/authentication", "GetRobotToken", Idempotency.Idempotent), account);
        var token = await _t.SendAsync(request, Json.RobotToken, cancellationToken).ConfigureAwait(false);
        _t.Pipeline.Redactor.AddSecret(token.AccessToken);
        return token;
    }

    public Task ClearTokenAsync(RobotAccount? account = null, CancellationToken cancellationToken = default) =>
        _t.SendAsync(WithAccount(SigningTodayTransport.Request(HttpMethod.Delete, "robot/authentication", "ClearRobotToken", Idempotency.Idempotent), account), cancellationToken);

    public async Task<RobotConfiguration> GetConfigurationAsync(RobotAccount? account = null, CancellationToken cancellationToken = default)
    {
        var request = WithAccount(SigningTodayTransport.Request(HttpMethod.Get, "robot/configuration", "GetRobotConfiguration", Idempotency.Safe), account);
        var configuration = await _t.SendAsync(request, Json.RobotConfiguration, cancellationToken).ConfigureAwait(false);
        _t.Pipeline.Redactor.AddSecret(configuration.Authentication?.Password);
        _t.Pipeline.Redactor.AddSecret(configuration.Authentication?.ClientKey);
        return configuration;
    }

    public Task UpdateConfigurationAsync(RobotConfiguration configuration, RobotAccount? account = null, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.NotNull(configuration, nameof(configuration));
        _t.Pipeline.Redactor.AddSecret(configuration.Authentication?.Password);
        _t.Pipeline.Redactor.AddSecret(configuration.Authentication?.ClientKey);
        var request = WithAccount(SigningTodayTransport.Request(HttpMethod.Put, "robot/configuration", "UpdateRobotConfiguration", Idempotency.Idempotent), account);
        request.Content = RequestContent.Json(configuration, Json.RobotConfiguration);
        return _t.SendAsync(request, cancellationToken);
    }

    public Task<DigitalSignatureTransaction> CreateDstAsync(RobotDstSpecification specification, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.NotNull(specification, nameof(specification));
        SigningTodayTransport.NotEmpty(specification.Title, nameof(specification));
        if (specification.Status is { } status && status != DstStatus.Draft && status != DstStatus.Published)
        {
            throw new ArgumentException("A DST created through POST /robot/DSTs is draft or published (the doc allows no other status); got '" + status + "'.", nameof(specification));
        }

        var request = SigningTodayTransport.Request(HttpMethod.Post, "robot/DSTs", "CreateRobotDst", Idempotency.NotIdempotent);
        request.Content = RequestContent.Json(specification, Json.RobotDstSpecification);
        return _t.SendAsync(request, DstReader.Dst, cancellationToken);
    }

    public Task<DigitalSignatureTransaction> InstantiateTemplateAsync(string templateId, TemplateInstantiation instantiation, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(templateId, nameof(templateId));
        SigningTodayTransport.NotNull(instantiation, nameof(instantiation));
        foreach (var mapping in instantiation.RolesMapping ?? Array.Empty<RoleMapping>())
        {
            if (mapping is null || string.IsNullOrWhiteSpace(mapping.RoleName) || mapping.Signer is null)
            {
                throw new ArgumentException("Every role mapping needs a role name and a signer.", nameof(instantiation));
            }
        }

        var request = SigningTodayTransport.Request(HttpMethod.Post, _t.Options.RobotInstantiatePath.Replace("{id}", id), "InstantiateRobotTemplate", Idempotency.NotIdempotent);
        request.Content = RequestContent.Json(instantiation, Json.TemplateInstantiation);
        return _t.SendAsync(request, DstReader.Dst, cancellationToken);
    }

    public Task<DigitalSignatureTransaction> InstantiateTemplateAsync(string templateId, IReadOnlyDictionary<string, Signer> roles, bool publish = true, RobotDstSpecification? patches = null, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.Id(templateId, nameof(templateId));
        SigningTodayTransport.NotNull(roles, nameof(roles));
        if (roles.Count == 0)
        {
            throw new ArgumentException("At least one role must be mapped to a signer.", nameof(roles));
        }

        var mapping = new List<RoleMapping>(roles.Count);
        foreach (var pair in roles)
        {
            SigningTodayTransport.NotEmpty(pair.Key, nameof(roles));
            mapping.Add(new RoleMapping(pair.Key, pair.Value ?? throw new ArgumentException("A role is mapped to a null signer.", nameof(roles))));
        }

        var basePatches = patches ?? new RobotDstSpecification();
        var merged = new RobotDstSpecification
        {
            Title = basePatches.Title,
            Documents = basePatches.Documents,
            Status = publish ? DstStatus.Published : DstStatus.Draft,
            ExpiresAt = basePatches.ExpiresAt,
            Tags = basePatches.Tags,
            Template = basePatches.Template,
            PublicTemplate = basePatches.PublicTemplate,
            CcGroups = basePatches.CcGroups,
            CcUsers = basePatches.CcUsers,
            Urgent = basePatches.Urgent,
            ExtraData = basePatches.ExtraData,
            AdditionalProperties = basePatches.AdditionalProperties,
        };
        return InstantiateTemplateAsync(templateId, new TemplateInstantiation { TemplatePatches = merged, RolesMapping = mapping }, cancellationToken);
    }

    public Task<DigitalSignatureTransaction> CreateAndPublishFromPdfAsync(Stream pdf, string fileName, string title, Signer signer, PdfDstOptions? options = null, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.Readable(pdf, nameof(pdf));
        SigningTodayTransport.NotEmpty(fileName, nameof(fileName));
        SigningTodayTransport.NotEmpty(title, nameof(title));
        SigningTodayTransport.NotNull(signer, nameof(signer));
        if (string.IsNullOrWhiteSpace(signer.Email) && string.IsNullOrWhiteSpace(signer.UserUuid))
        {
            throw new ArgumentException("The signer needs an email or a user UUID.", nameof(signer));
        }

        options ??= new PdfDstOptions();
        if (options.Signature is null || options.Signature.Page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The signature page is 1-based.");
        }

        return CreateAndPublishFromCheckedPdfAsync(pdf, fileName, title, signer, options, cancellationToken);
    }

    private async Task<DigitalSignatureTransaction> CreateAndPublishFromCheckedPdfAsync(Stream source, string fileName, string title, Signer signer, PdfDstOptions options, CancellationToken cancellationToken)
    {
        // The robot DST embeds a PDF_Document: refuse non-PDF content before any I/O (the same check as every provider).
        var pdf = await PdfContent.EnsurePdfAsync(source, "pdf", cancellationToken).ConfigureAwait(false);
        // The base64 is streamed into the JSON body where this per-call marker stands (no caller text can contain it).
        string placeholder = "SigningClientsEmbeddedPdf" + Guid.NewGuid().ToString("N");
        var specification = BuildPdfSpecification(fileName, title, signer, options, placeholder);
        var request = SigningTodayTransport.Request(HttpMethod.Post, "robot/DSTs", "CreateRobotDstFromPdf", Idempotency.NotIdempotent);
        request.Content = RequestContent.JsonWithBase64(specification, Json.RobotDstSpecification, placeholder, pdf);
        return await _t.SendAsync(request, DstReader.Dst, cancellationToken).ConfigureAwait(false);
    }

    internal static RobotDstSpecification BuildPdfSpecification(string fileName, string title, Signer signer, PdfDstOptions options, string embeddedData)
    {
        var builder = new RobotDstBuilder(title)
            .AddDocument(RobotDocumentBuilder.FromEmbeddedData(embeddedData, fileName, options.DocumentTitle ?? title).AddSignature(signer, options.Signature ?? throw new ArgumentException("Signature cannot be null.", nameof(options))));
        if (!options.Publish)
        {
            builder.AsDraft();
        }

        if (options.ExpiresAt is { } expiresAt)
        {
            builder.ExpiresAt(expiresAt);
        }

        if (options.ExtraData is not null)
        {
            builder.WithExtraData(options.ExtraData);
        }

        return builder.Build();
    }

    private static SigningRequest WithAccount(SigningRequest request, RobotAccount? account)
    {
        request.Query.Add("username", account?.Username);
        request.Query.Add("domain", account?.Domain);
        return request;
    }
}
