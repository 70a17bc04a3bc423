using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace SigningClients.Testing.ConsignO;

internal sealed class SimSession
{
    public string CurrentToken { get; set; } = string.Empty;

    public DateTimeOffset LastActivity { get; set; }

    public long Answers { get; set; }

    public bool Ended { get; set; }
}

internal sealed class SimDocument
{
    public SimDocument(string id, string name, byte[]? content, long size, bool pdfa)
    {
        Id = id;
        Name = name;
        Content = content;
        Size = size;
        PdfA = pdfa;
    }

    public string Id { get; }

    public string Name { get; }

    public byte[]? Content { get; }

    public long Size { get; }

    public bool PdfA { get; }

    public bool Used { get; set; }
}

internal sealed class SimAction
{
    public string Id { get; init; } = string.Empty;

    public int Step { get; init; }

    public string Mode { get; init; } = "remote";

    public JsonObject Signer { get; init; } = new();

    public string Status { get; set; } = "NOT_STARTED";

    public DateTimeOffset StatusDate { get; set; }

    public string? SecondFactorUsed { get; set; }

    public string? DeclineReason { get; set; }
}

internal sealed class SimWorkflow
{
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public int Status { get; set; }

    public DateTimeOffset CreatedOn { get; init; }

    public DateTimeOffset StatusDate { get; set; }

    public string? ExpiresOn { get; init; }

    public string? AuditTrailDocumentId { get; set; }

    public List<SimDocument> Documents { get; init; } = new();

    public List<SimAction> Actions { get; init; } = new();

    public JsonObject Request { get; init; } = new();
}
