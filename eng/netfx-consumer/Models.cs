// C# 7.3 (the default of a .NET Framework project): every request model the issue names must be buildable with object
// initializers and the package's own constructors, with no 'required' or 'init' members in the way (CS8370, CS9035).
using System;
using System.Collections.Generic;
using System.IO;

namespace NetFxConsumer
{
    public static class Models
    {
        public static object[] Build(Stream pdf)
        {
            var transaction = new AlphaTrust.Tasks.Models.TransactionCreate
            {
                Description = "x",
                Participants = new List<AlphaTrust.Tasks.Models.ParticipantInsert>
                {
                    new AlphaTrust.Tasks.Models.ParticipantInsert { FullName = "Ada Lovelace", EmailAddress = "ada@example.com" },
                },
                Documents = new List<AlphaTrust.Tasks.Models.DocumentInsert>
                {
                    new AlphaTrust.Tasks.Models.DocumentInsert
                    {
                        Title = "Agreement",
                        Content = pdf,
                        Tasks = new List<AlphaTrust.Tasks.Models.TaskInsert> { new AlphaTrust.Tasks.Models.TaskInsert(AlphaTrust.Tasks.Models.TaskType.Signature, 0) },
                    },
                },
            };

            var posting = new Signant.InstantSign.Models.InstantPosting
            {
                Title = "Order terms",
                Recipients = new[] { new Signant.InstantSign.Models.InstantPostingRecipient { Name = "Kari Nordmann" } },
                AttachmentToSign = new Signant.InstantSign.Models.InstantAttachment { File = pdf, FileName = "terms.pdf" },
            };

            var process = new Trident.SignerProcess.Models.SignerProcessDefinition
            {
                FinishCallbackUrl = new Uri("https://app.example.com/trident/callback"),
            };

            var consignOSigner = new ConsignO.Workflows.Models.SignerDefinition
            {
                FirstName = "Ann",
                LastName = "Lee",
                Email = "ann@example.com",
            };

            var signingTodaySigner = new SigningToday.Dst.Models.Signer
            {
                Name = "Adam",
                Surname = "Smith",
                Email = "adam@example.com",
            };

            return new object[] { transaction, posting, process, consignOSigner, signingTodaySigner };
        }
    }
}
