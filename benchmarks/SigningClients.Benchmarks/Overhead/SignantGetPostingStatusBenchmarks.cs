using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using BenchmarkDotNet.Attributes;
using Signant.InstantSign;
using Signant.InstantSign.Models;
using SigningClients.Benchmarks.Infrastructure;

namespace SigningClients.Benchmarks.Overhead;

/// <summary>P1: Signant GetPostingStatus through the SDK vs raw HttpClient + hand-written envelope + XmlReader.</summary>
[MemoryDiagnoser]
public class SignantGetPostingStatusBenchmarks
{
    private const string DistributorId = "dist-4711";
    private const string AccessCode = "acc-bench-9c1e55";
    private const string Action = "\"http://tempuri.org/IInstantSignatureService/GetPostingStatus\"";
    private static readonly MediaTypeHeaderValue SoapContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
    };

    private HttpClient _http = null!;
    private SignantClient _client = null!;
    private Uri _endpoint = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _endpoint = ServerProcess.Shared.Url("signant/0");
        _http = Http.CreateClient();
        _client = new SignantClient(new SignantClientOptions { Endpoint = _endpoint, AllowHttpOnLoopback = true, DistributorId = DistributorId, AccessCode = AccessCode }, _http);
        var raw = await Baseline().ConfigureAwait(false);
        var sdk = await Sdk().ConfigureAwait(false);
        Check.Equal(Canned.SignantPostingId, raw.PostingId);
        Check.Equal(Canned.SignantPostingId, sdk.PostingId);
        Check.Equal(sdk.Status, raw.Status);
        Check.Equal(sdk.ActiveTo, raw.ActiveTo);
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<InstantPostingStatus> Baseline()
    {
        var envelope = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><GetPostingStatus xmlns=\"http://tempuri.org/\">" +
            "<DistributorID>" + DistributorId + "</DistributorID><AccessCode>" + AccessCode + "</AccessCode><PostingID>" +
            Canned.SignantPostingId.ToString("D") + "</PostingID></GetPostingStatus></s:Body></s:Envelope>";
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Headers.TryAddWithoutValidation("SOAPAction", Action);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(envelope));
        request.Content.Headers.ContentType = SoapContentType;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await ReadStatusAsync(body).ConfigureAwait(false);
    }

    [Benchmark]
    public Task<InstantPostingStatus> Sdk() => _client.GetPostingStatusAsync(Canned.SignantPostingId);

    private static async Task<InstantPostingStatus> ReadStatusAsync(Stream body)
    {
        using var xml = XmlReader.Create(body, ReaderSettings);
        while (await xml.ReadAsync().ConfigureAwait(false))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "GetPostingStatusResult")
            {
                break;
            }
        }

        bool success = false, activated = false;
        int errorCode = 0, toSign = 0, signed = 0, rejected = 0, toBeSigned = 0, signatures = 0, toRead = 0, read = 0, toUpload = 0, uploaded = 0;
        Guid postingId = default;
        string? message = null, status = null, type = null, title = null, description = null, language = null;
        DateTimeOffset? activeTo = null, created = null, modified = null, deleted = null, completed = null, reminder = null;
        await xml.ReadAsync().ConfigureAwait(false);
        while (xml.NodeType == XmlNodeType.Element)
        {
            string name = xml.LocalName;
            if (xml.IsEmptyElement)
            {
                await xml.ReadAsync().ConfigureAwait(false); // i:nil="true"
                continue;
            }

            string text = await xml.ReadElementContentAsStringAsync().ConfigureAwait(false);
            switch (name)
            {
                case "Success": success = text == "true"; break;
                case "ErrorCode": errorCode = Int(text); break;
                case "Message": message = text; break;
                case "PostingID": postingId = Guid.Parse(text); break;
                case "Status": status = text; break;
                case "PostingType": type = text; break;
                case "TotalDocsToSign": toSign = Int(text); break;
                case "TotalDocsSigned": signed = Int(text); break;
                case "TotalDocsRejected": rejected = Int(text); break;
                case "ToBeSignedCount": toBeSigned = Int(text); break;
                case "SignatureCount": signatures = Int(text); break;
                case "TotalDocsToRead": toRead = Int(text); break;
                case "TotalDocsRead": read = Int(text); break;
                case "TotalDocsToUpload": toUpload = Int(text); break;
                case "TotalDocsUploaded": uploaded = Int(text); break;
                case "Activated": activated = text == "true"; break;
                case "ActiveTo": activeTo = Date(text); break;
                case "CreatedDateTime": created = Date(text); break;
                case "LastModifiedDateTime": modified = Date(text); break;
                case "WillBeDeletedDateTime": deleted = Date(text); break;
                case "CompletedDateTime": completed = Date(text); break;
                case "LastReminderDateTime": reminder = Date(text); break;
                case "Title": title = text; break;
                case "Description": description = text; break;
                case "DefaultLanguage": language = text; break;
            }
        }

        if (!success)
        {
            throw new InvalidOperationException("Signant error " + errorCode + ": " + message);
        }

        return new InstantPostingStatus
        {
            Success = success,
            ErrorCode = errorCode,
            Message = message,
            PostingId = postingId,
            Status = status is null ? default : new PostingStatus(status),
            PostingType = type is null ? default : new PostingType(type),
            TotalDocsToSign = toSign,
            TotalDocsSigned = signed,
            TotalDocsRejected = rejected,
            ToBeSignedCount = toBeSigned,
            SignatureCount = signatures,
            TotalDocsToRead = toRead,
            TotalDocsRead = read,
            TotalDocsToUpload = toUpload,
            TotalDocsUploaded = uploaded,
            Activated = activated,
            ActiveTo = activeTo,
            CreatedDateTime = created,
            LastModifiedDateTime = modified,
            WillBeDeletedDateTime = deleted,
            CompletedDateTime = completed,
            LastReminderDateTime = reminder,
            Title = title,
            Description = description,
            DefaultLanguage = language,
        };
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static DateTimeOffset Date(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
