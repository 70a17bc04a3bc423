using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Signant.InstantSign;
using Signant.InstantSign.Models;
using Signant.InstantSign.Signing;
using SigningClients.Core;
using SigningClients.Core.Operations;

// Usage (settings from the environment, never the command line: the access code is a secret):
//   SIGNANT_ENDPOINT, SIGNANT_DISTRIBUTOR_ID, SIGNANT_ACCESS_CODE
//   signant-start            creates a posting, then polls forever, printing "TOKEN <json>" after every poll
//   signant-resume <file>    reads a token line from stdin, rebuilds the operation, waits, writes the signed PDF to <file>
// Exit codes: 0 downloaded, 3 expired, 2 usage, 1 failure.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: signant-start | signant-resume <file>");
    return 2;
}

var client = new SignantClient(new SignantClientOptions
{
    Endpoint = new Uri(Environment.GetEnvironmentVariable("SIGNANT_ENDPOINT") ?? throw new InvalidOperationException("Set SIGNANT_ENDPOINT.")),
    AllowHttpOnLoopback = true,
    DistributorId = Environment.GetEnvironmentVariable("SIGNANT_DISTRIBUTOR_ID") ?? throw new InvalidOperationException("Set SIGNANT_DISTRIBUTOR_ID."),
    AccessCode = Environment.GetEnvironmentVariable("SIGNANT_ACCESS_CODE") ?? throw new InvalidOperationException("Set SIGNANT_ACCESS_CODE."),
});
var fast = new WaitForCompletionOptions { Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(200), MaxInterval = TimeSpan.FromSeconds(1) } };

try
{
    switch (args[0])
    {
        case "signant-start":
        {
            var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
            var started = await client.StartInstantPostingAsync(
                new InstantPosting
                {
                    Title = "Resumable agreement",
                    Recipients = new[] { new InstantPostingRecipient { Name = "Kari Nordmann" } },
                    AttachmentToSign = new InstantAttachment { File = new MemoryStream(pdf), FileName = "agreement.pdf" },
                },
                Stream.Null,
                fast);
            var operation = started.Operation;
            Console.WriteLine("TOKEN " + operation.RehydrationToken.ToJson());
            while (true)
            {
                // One poll at a time, the way a job engine would drive it; the token is saved after every poll.
                var update = await operation.UpdateStatusAsync();
                Console.WriteLine("TOKEN " + operation.RehydrationToken.ToJson());
                if (update.HasCompleted)
                {
                    Console.WriteLine("OUTCOME " + operation.Value.Kind);
                    return operation.Value.IsDownloaded ? 0 : 3;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }

        case "signant-resume" when args.Length == 2:
        {
            var line = Console.ReadLine() ?? throw new InvalidOperationException("No token on stdin.");
            var token = OperationRehydrationToken.Parse(line.StartsWith("TOKEN ", StringComparison.Ordinal) ? line.Substring(6) : line);
            var path = args[1];
            InstantPostingOutcome outcome;
            await using (var file = File.Create(path))
            {
                var operation = InstantPostingOperation.Rehydrate(client, token, file, fast);
                using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                outcome = await operation.WaitForCompletionAsync(cts.Token);
                Console.WriteLine("POLLS " + operation.PollCount);
            }

            if (!outcome.IsDownloaded)
            {
                File.Delete(path);
                Console.WriteLine("OUTCOME Expired");
                return 3;
            }

            Console.WriteLine("OUTCOME Downloaded " + outcome.Download!.Length + " " + outcome.Download.HashVerified + " " + outcome.Download.ComputedHash);
            return 0;
        }

        default:
            Console.Error.WriteLine("usage: signant-start | signant-resume <file>");
            return 2;
    }
}
catch (Exception ex)
{
    Console.Error.WriteLine("FAILED " + ex.GetType().Name + ": " + ex.Message);
    return 1;
}
