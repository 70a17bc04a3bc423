using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Xml;
using Signant.InstantSign.Models;
using SigningClients.Core.Security;

namespace Signant.InstantSign.Soap;

// What each operation's result is read into, member by member, and the members every result shares (unknown simple
// members are kept, bounded).
internal sealed partial class SoapResponseReader
{
    private const int MaxListItems = 10_000;
    private const int MaxAdditionalElements = 256;

    /// <summary>What one operation's result is read into: its members, in any order, by name.</summary>
    private abstract class ResultReader<T>
        where T : SignantResult
    {
        protected ResultReader(string operation, T result)
        {
            Operation = operation;
            Result = result;
        }

        public string Operation { get; }

        public T Result { get; }

        /// <summary>Reads the member the reader is positioned on (it must consume it).</summary>
        public abstract ValueTask ReadMemberAsync(SoapResponseReader r, string name);
    }

    private sealed class CreateReader : ResultReader<CreateInstantPostingResult>
    {
        private List<UrlToSigning>? _urls;

        public CreateReader()
            : base(SoapNames.CreateInstantPosting, new CreateInstantPostingResult())
        {
        }

        public override async ValueTask ReadMemberAsync(SoapResponseReader r, string name)
        {
            var result = Result;
            switch (name)
            {
                case "PostingID": result.PostingId = await r.ReadGuidAsync().ConfigureAwait(false) ?? default; break;
                case "AttachmentID": result.AttachmentId = await r.ReadGuidAsync().ConfigureAwait(false) ?? default; break;
                case "SignUrls":
                    if (_urls is null)
                    {
                        result.SignUrls = _urls = new List<UrlToSigning>();
                    }

                    int list = await r.EnterAsync().ConfigureAwait(false);
                    while (await r.NextChildAsync(list).ConfigureAwait(false))
                    {
                        if (_urls.Count >= MaxListItems)
                        {
                            throw new XmlException("Too many SignUrls items.");
                        }

                        var url = new UrlToSigning();
                        int item = await r.EnterAsync().ConfigureAwait(false);
                        while (await r.NextChildAsync(item).ConfigureAwait(false))
                        {
                            string field = r._reader.LocalName;
                            if (field == "Name")
                            {
                                url.Name = await r.ReadTextAsync().ConfigureAwait(false);
                            }
                            else if (field == "Url")
                            {
                                // An unsafe URL (javascript:, data:, plain http to a remote host...) is dropped, not handed out.
                                var text = await r.ReadTextAsync().ConfigureAwait(false);
                                url.Url = SafeUrl.TryCreate(text, out var safe, out _) ? safe : null;
                            }
                            else
                            {
                                await r.SkipAsync().ConfigureAwait(false);
                            }
                        }

                        _urls.Add(url);
                    }

                    break;
                default: await r.ReadCommonOrExtraAsync(name, result).ConfigureAwait(false); break;
            }
        }
    }

    private sealed class StatusReader : ResultReader<InstantPostingStatus>
    {
        public StatusReader()
            : base(SoapNames.GetPostingStatus, new InstantPostingStatus())
        {
        }

        public override async ValueTask ReadMemberAsync(SoapResponseReader r, string name)
        {
            var s = Result;
            switch (name)
            {
                case "PostingID": s.PostingId = await r.ReadGuidAsync().ConfigureAwait(false) ?? default; break;
                case "Status": s.Status = await r.ReadTextAsync().ConfigureAwait(false) is { } t ? new PostingStatus(t.Trim()) : default; break;
                case "PostingType": s.PostingType = await r.ReadTextAsync().ConfigureAwait(false) is { } p ? new PostingType(p.Trim()) : default; break;
                case "TotalDocsToSign": s.TotalDocsToSign = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsSigned": s.TotalDocsSigned = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsRejected": s.TotalDocsRejected = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "ToBeSignedCount": s.ToBeSignedCount = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "SignatureCount": s.SignatureCount = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsToRead": s.TotalDocsToRead = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsRead": s.TotalDocsRead = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsToUpload": s.TotalDocsToUpload = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsUploaded": s.TotalDocsUploaded = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "Activated": s.Activated = await r.ReadBoolAsync().ConfigureAwait(false); break;
                case "ActiveTo": s.ActiveTo = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "CreatedDateTime": s.CreatedDateTime = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "LastModifiedDateTime": s.LastModifiedDateTime = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "WillBeDeletedDateTime": s.WillBeDeletedDateTime = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "CompletedDateTime": s.CompletedDateTime = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "LastReminderDateTime": s.LastReminderDateTime = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "Title": s.Title = await r.ReadTextAsync().ConfigureAwait(false); break;
                case "Description": s.Description = await r.ReadTextAsync().ConfigureAwait(false); break;
                case "DefaultLanguage": s.DefaultLanguage = await r.ReadTextAsync().ConfigureAwait(false); break;
                default: await r.ReadCommonOrExtraAsync(name, s).ConfigureAwait(false); break;
            }
        }
    }

    private async ValueTask ReadCommonOrExtraAsync(string name, SignantResult result)
    {
        switch (name)
        {
            case "Success": result.Success = await ReadBoolAsync().ConfigureAwait(false); break;
            case "ErrorCode": result.ErrorCode = await ReadIntAsync().ConfigureAwait(false); break;
            case "Message": result.Message = await ReadTextAsync().ConfigureAwait(false); break;
            default:
                // The dictionary is created on first use; until then the result holds the shared empty one.
                var additional = ReferenceEquals(result.AdditionalElements, SignantResult.EmptyElements) ? null : (Dictionary<string, string>)result.AdditionalElements;
                if ((additional?.Count ?? 0) < MaxAdditionalElements && !(additional?.ContainsKey(name) ?? false))
                {
                    // Unknown members are kept when they are simple values; complex ones are skipped.
                    var text = await TryReadSimpleAsync().ConfigureAwait(false);
                    if (text is not null)
                    {
                        if (additional is null)
                        {
                            result.AdditionalElements = additional = new Dictionary<string, string>(StringComparer.Ordinal);
                        }

                        additional[name] = text;
                    }
                }
                else
                {
                    await SkipAsync().ConfigureAwait(false);
                }

                break;
        }
    }
}
