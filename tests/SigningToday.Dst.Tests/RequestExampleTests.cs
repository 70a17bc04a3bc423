using System.Collections.Generic;
using System.Text.Json;
using SigningToday.Dst.Models;

namespace SigningToday.Dst.Tests;

public sealed partial class RequestExampleTests
{
    internal static RobotDstSpecification MinimalSpecification(string title, bool toFill = false)
    {
        var forms = new List<DstForm> { new() { Id = 0, DocumentId = 0, Type = FormType.SignatureForm, Page = 1, SignerId = 0, ToFill = false } };
        if (toFill)
        {
            forms.Add(new DstForm { Id = 1, DocumentId = 0, Type = FormType.TextForm, Page = 1, SignerId = 0, ToFill = true, Filled = false });
        }

        return new RobotDstSpecification
        {
            Title = title,
            Status = DstStatus.Published,
            Documents = new[]
            {
                new RobotDocument
                {
                    Resource = new RobotResource { Filename = "a.pdf", ResourceType = "PDF_Document", Title = "A", Source = new DocumentSource { Type = "URL", SourceUrl = "https://example.com/a.pdf" } },
                    Forms = forms,
                    SignatureRequests = new[] { new SignatureRequest { Id = 0, SignerId = 0, SignProfile = SignProfile.PAdES } },
                    SignerGroups = new[] { new SignerGroup { Label = "Group 1", Signers = new[] { new Signer { Id = 0, Name = "Adam", Email = "adam@example.com", Role = "Signer" } } } },
                },
            },
        };
    }
}
