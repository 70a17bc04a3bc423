using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Testing.Signant;

namespace SigningClients.Testing;

/// <summary>The SOAP request parser of the Signant simulator (streams the attachment to a temporary file).</summary>
public sealed partial class SignantSimulator
{
    /// <summary>Reads the request in any member order; the file is decoded in chunks into a temporary file.</summary>
    private async Task<string?> ParseRequestAsync(XmlReader reader, string operation, SoapRequest request, CancellationToken cancellationToken)
    {
        var path = new List<string>();
        await reader.MoveToContentAsync().ConfigureAwait(false);
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.EndElement)
            {
                path.RemoveAt(path.Count - 1);
                await reader.ReadAsync().ConfigureAwait(false);
                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                await reader.ReadAsync().ConfigureAwait(false);
                continue;
            }

            string name = reader.LocalName;
            string parent = path.Count > 0 ? path[^1] : string.Empty;
            if (name == "Header")
            {
                await reader.SkipAsync().ConfigureAwait(false);
                continue;
            }

            if (name == "File" && parent == "AttachmentToSign")
            {
                request.FilePath = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".pdf");
                await using (var file = new FileStream(request.FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
                {
                    var buffer = new byte[64 * 1024];
                    var head = new List<byte>(5);
                    int read;
                    while ((read = await reader.ReadElementContentAsBase64Async(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
                    {
                        for (int i = 0; i < read && head.Count < 5; i++)
                        {
                            head.Add(buffer[i]);
                        }

                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        request.FileLength += read;
                    }

                    request.FileIsPdf = head.Count == 5 && Encoding.ASCII.GetString(head.ToArray()) == "%PDF-";
                }

                continue;
            }

            if (name is "Envelope" or "Body" or "Posting" or "Recipients" or "InstantPostingRecipient" or "AttachmentToSign" || name == operation)
            {
                if (name == "InstantPostingRecipient")
                {
                    request.Recipients.Add(new SoapRecipient());
                }

                if (reader.IsEmptyElement)
                {
                    await reader.ReadAsync().ConfigureAwait(false);
                }
                else
                {
                    path.Add(name);
                    await reader.ReadAsync().ConfigureAwait(false);
                }

                continue;
            }

            string? value;
            if (reader.IsEmptyElement)
            {
                value = null;
                await reader.ReadAsync().ConfigureAwait(false);
            }
            else
            {
                value = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
            }

            request.Set(parent, name, value);
        }

        return request.FilePath;
    }

    private sealed class SoapRecipient
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public bool HasSsn { get; set; }
    }

    private sealed class SoapRequest
    {
        public string? DistributorId { get; set; }

        public string? AccessCode { get; set; }

        public Guid? PostingId { get; set; }

        public Guid? AttachmentId { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? DistributorSystemId { get; set; }

        public string? AfterSignAction { get; set; }

        public string? AfterSignRedirectUrl { get; set; }

        public string? CancelUrl { get; set; }

        public string? FileName { get; set; }

        public string? FileDescription { get; set; }

        public string? ActionType { get; set; }

        public string? FilePath { get; set; }

        public bool FileIsPdf { get; set; }

        public long FileLength { get; set; }

        public List<SoapRecipient> Recipients { get; } = new();

        public string? AttachmentCancelUrl { get; set; }

        public void Set(string parent, string name, string? value)
        {
            switch (parent)
            {
                case "InstantPostingRecipient":
                    var r = Recipients[^1];
                    switch (name)
                    {
                        case "Name": r.Name = value; break;
                        case "Email": r.Email = value; break;
                        case "SSN": r.HasSsn = !string.IsNullOrEmpty(value); break;
                    }

                    break;
                case "AttachmentToSign":
                    switch (name)
                    {
                        case "FileName": FileName = value; break;
                        case "Description": FileDescription = value; break;
                        case "ActionType": ActionType = value; break;
                        case "CancelUrl": AttachmentCancelUrl = value; break;
                    }

                    break;
                case "Posting":
                    switch (name)
                    {
                        case "Title": Title = value; break;
                        case "Description": Description = value; break;
                        case "DistributorSystemID": DistributorSystemId = value; break;
                        case "AfterSignAction": AfterSignAction = value; break;
                        case "AfterSignRedirectUrl": AfterSignRedirectUrl = value; break;
                        case "CancelUrl": CancelUrl = value; break;
                    }

                    break;
                default:
                    switch (name)
                    {
                        case "DistributorID": DistributorId = value; break;
                        case "AccessCode": AccessCode = value; break;
                        case "PostingID": PostingId = Guid.TryParse(value, out var p) ? p : null; break;
                        case "AttachmentID": AttachmentId = Guid.TryParse(value, out var a) ? a : null; break;
                    }

                    break;
            }
        }
    }
}
