using System;

namespace SigningClients.Core.Signing;

/// <summary>What a provider can and cannot do, stated instead of pretending all providers are equal.</summary>
public sealed class SigningCapabilities
{
    /// <summary>Creates a capability set.</summary>
    /// <param name="provider">The provider's name.</param>
    public SigningCapabilities(string provider)
    {
        Provider = provider ?? throw new ArgumentNullException(nameof(provider));
    }

    /// <summary>The provider's name.</summary>
    public string Provider { get; }

    /// <summary>The provider invites signers itself (e-mail/SMS) and they sign on its site.</summary>
    public bool RemoteSigning { get; set; }

    /// <summary>The integrator redirects the signer's browser to a signing URL (<see cref="SigningOperation.SigningUrls"/>).</summary>
    public bool EmbeddedSigning { get; set; }

    /// <summary>The integrator signs on the signer's behalf through the API (server-side signing, e.g. AlphaTrust remote sign).</summary>
    public bool ApiSigning { get; set; }

    /// <summary>Largest number of signers per signing.</summary>
    public int MaxSigners { get; set; } = 1;

    /// <summary>Largest number of documents per signing.</summary>
    public int MaxDocuments { get; set; } = 1;

    /// <summary>Whether a signing order can be enforced.</summary>
    public bool SigningOrder { get; set; }

    /// <summary>Whether an audit trail (evidence summary) can be downloaded.</summary>
    public bool AuditTrail { get; set; }

    /// <summary>Whether the signed documents can be downloaded.</summary>
    public bool DocumentDownload { get; set; }

    /// <summary>Whether signed documents are deleted by the provider soon after completion (Signant: 15 minutes), so the operation downloads them itself.</summary>
    public bool DocumentsExpire { get; set; }

    /// <summary>Whether the provider reports events to a callback URL (webhook, finish callback or return redirect).</summary>
    public bool Callbacks { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        Provider + " { Remote = " + RemoteSigning + ", Embedded = " + EmbeddedSigning + ", Api = " + ApiSigning + ", Signers ≤ " + MaxSigners +
        ", Documents ≤ " + MaxDocuments + ", Order = " + SigningOrder + ", AuditTrail = " + AuditTrail + ", Download = " + DocumentDownload + " }";
}
