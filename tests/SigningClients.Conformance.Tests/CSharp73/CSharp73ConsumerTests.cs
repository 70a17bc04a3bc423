using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SigningClients.Conformance.Tests.CSharp73;

/// <summary>
/// Issue 16: a .NET Framework project at its default language version (C# 7.3) can build every request model and use
/// every model factory of AlphaTrust, ConsignO, Trident and Signant. The snippets are compiled with Roslyn at
/// <see cref="LanguageVersion.CSharp7_3"/> against the packages' <b>netstandard2.0</b> assemblies (init-only or
/// <c>required</c> members there would fail with CS8370 / CS9035).
/// </summary>
public sealed class CSharp73ConsumerTests
{
    private const string Usings = "using System; using System.Collections.Generic; using System.IO; ";

    public static TheoryData<string, string> Snippets() => new()
    {
        {
            "AlphaTrust", Usings + "using AlphaTrust.Tasks; using AlphaTrust.Tasks.Models;" + @"
class C { static void M(Stream pdf) {
    var t = new TransactionCreate { Description = ""x"", IsTest = true };
    t.Participants.Add(new ParticipantInsert { FullName = ""John"", EmailAddress = ""j@example.com"", Authentication = ParticipantAuthentication.RegisteredUser(""john""), SignatureApplicationType = SignatureApplicationType.Registered });
    var d = new DocumentInsert { Title = ""A"", Content = pdf };
    d.Tasks.Add(new TaskInsert(TaskType.Signature, 0));
    t.Documents.Add(d);
    var w = TransactionCreate.FromWorkflow(""WF-1"", new Dictionary<string, string> { { ""k"", ""v"" } });
    w.WorkflowData = new Dictionary<string, string>();
    var u = new TaskUpdate(1) { Type = TaskType.Initial, ParticipantId = 2 };
    var o = new AlphaTrustClientOptions { ApiKey = ""k"" }; o.WireNames.WorkflowData = ""Data"";
    var r = AlphaTrustModelFactory.RemoteSignResult(new long[] { 1 }, new[] { AlphaTrustModelFactory.RemoteSignTaskOutcome(1, true) });
    var tx = new Transaction { Id = 1, Description = ""x"", Participants = new List<Participant> { new Participant { Id = 2, FullName = ""J"" } } };
    var tx2 = AlphaTrustModelFactory.Transaction(1, TransactionStatus.Pending);
} }"
        },
        {
            "ConsignO", Usings + "using ConsignO.Workflows; using ConsignO.Workflows.Models;" + @"
class C { static void M() {
    var signer = new SignerDefinition { FirstName = ""Ann"", Email = ""a@example.com"", Amr = new[] { AuthenticationMethod.Link, AuthenticationMethod.Secret }, SecretQuestion = ""Q"", SecretAnswer = ""A"", IsSecretAnswerChanged = false };
    var request = new CreateWorkflowRequest
    {
        Name = ""W"", Launch = true,
        Documents = new[] { new WorkflowDocumentDefinition { DocumentId = ""d"", Fields = new[] { new SignatureZone { X = 1, Y = 2, Page = 1, AssignedTo = ""1"" } }, Anchors = new[] { new SignatureAnchor { Tag = ""[s]"", AssignedTo = ""1"" } } } },
        Actions = new[] { new WorkflowActionDefinition { Mode = SigningMode.Remote, Ref = ""1"", Signer = signer } },
        Notifications = new[] { new WorkflowNotification { Contact = new ContactDefinition { Email = ""c@example.com"" } } },
        Webhooks = new[] { new WorkflowWebhook { Url = new Uri(""https://example.com/h"") } },
    };
    var built = new WorkflowBuilder(""W"").AddDocument(""d"", z => z.AddZone(""a"", 1, 10, 10)).AddRemoteSigner(""a"", signer).Build();
    var upload = new UploadDocumentOptions { ConvertToPdfA = true };
    var options = new ConsignOClientOptions { Username = ""u"", ZoneReferencePlacement = ZoneReferencePlacement.Both, EmbeddedSigningEnabled = true };
    var wf = ConsignOModelFactory.Workflow(""w"", actions: new[] { ConsignOModelFactory.WorkflowAction(""a"", signer: ConsignOModelFactory.WorkflowSigner(""Ann"")) });
    var wf2 = new Workflow { Id = ""w"", Name = ""n"" };
} }"
        },
        {
            "Trident", Usings + "using Trident.SignerProcess; using Trident.SignerProcess.Models;" + @"
class C { static void M() {
    var p = new SignerProcessDefinition
    {
        FinishCallbackUrl = new Uri(""https://app.example.com/done""),
        Labels = new List<IList<string>> { new List<string> { ""order"", ""1"" } },
        Timestamp = new TimestampSettings { ProviderId = ""tsa"" },
        Signer = new SignerProcessSigner { Parameters = new SignatureParameters { Type = ""pades-baseline"", SignatureField = new SignatureField { Name = ""S"",
            Location = new SignatureFieldLocation { Page = new SignaturePage { Number = SignaturePageNumber.Page(1) }, Rectangle = new SignatureRectangle { X = 1, Y = 2, Width = 3, Height = 4 } } } } },
        Views = new SignerProcessViews { DocumentAgreement = new DocumentAgreementView { SkipServerId = true, DocumentInfo = DocumentInfo.FromHtml(""<p>x</p>"") } },
    };
    var corners = SignatureFieldLocation.FromCorners(1, 1, 2, 3, 4);
    var flat = new SignatureFieldLocation { Llx = 1, Lly = 2, Urx = 3, Ury = 4 };
    var sp = TridentModelFactory.SignerProcess(""sp"", pendingTasks: new[] { TridentModelFactory.SignerProcessTask(new Uri(""https://t.example.com/ui"")) });
    var res = TridentModelFactory.SignerProcessResult(SignerProcessStatus.Finished, ""ok"");
    var doc = new SignerProcessDocument { Id = ""d"" };
} }"
        },
        {
            "Signant", Usings + "using Signant.InstantSign; using Signant.InstantSign.Models;" + @"
class C { static void M(Stream pdf) {
    var posting = new InstantPosting
    {
        Title = ""T"", Description = ""D"", UseWidget = true,
        Recipients = new[] { new InstantPostingRecipient { Name = ""Kari"", Email = ""k@example.com"", MinimumAge = 18 } },
        AttachmentToSign = new InstantAttachment { File = pdf, FileName = ""t.pdf"", Description = ""terms"" },
        AfterSignAction = AfterSignAction.NoAction,
    };
    var created = SignantModelFactory.CreateInstantPostingResult(Guid.NewGuid(), signUrls: new[] { SignantModelFactory.UrlToSigning(""Kari"", new Uri(""https://s.example.com/sign"")) });
    var status = SignantModelFactory.InstantPostingStatus(Guid.NewGuid(), PostingStatus.Completed);
    var download = SignantModelFactory.InstantAttachmentDownload(Guid.NewGuid(), ""t.pdf"", 10);
    var s2 = new InstantPostingStatus { Title = ""x"" };
} }"
        },
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Every_model_can_be_built_at_CSharp_7_3_against_the_netstandard20_assemblies(string package, string snippet)
    {
        var errors = Compile(snippet);
        Assert.True(errors.Count == 0, package + " at C# 7.3:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void The_harness_enforces_CSharp_7_3()
    {
        // The control: C# 9 syntax (an init accessor) fails at 7.3, so a passing snippet really is C# 7.3.
        var errors = Compile("class D { public int X { get; init; } }");
        Assert.Contains(errors, e => e.StartsWith("CS8370", StringComparison.Ordinal) || e.StartsWith("CS8400", StringComparison.Ordinal) || e.StartsWith("CS8652", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Compile(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp7_3));
        var references = new List<MetadataReference>();
        var netStandard = typeof(CSharp73ConsumerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key.StartsWith("NetStandard20:", StringComparison.Ordinal))
            .Select(a => Path.GetFullPath(a.Value!))
            .ToList();
        Assert.Equal(5, netStandard.Count);
        foreach (var path in netStandard)
        {
            Assert.True(File.Exists(path), "The netstandard2.0 build is missing: " + path);
            references.Add(MetadataReference.CreateFromFile(path));
        }

        var names = new HashSet<string>(netStandard.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);
        foreach (var path in ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator))
        {
            if (!names.Contains(Path.GetFileNameWithoutExtension(path)))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        var compilation = CSharpCompilation.Create("CSharp73Consumer", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + " @ " + d.Location.GetLineSpan().StartLinePosition)
            .ToList();
    }
}
