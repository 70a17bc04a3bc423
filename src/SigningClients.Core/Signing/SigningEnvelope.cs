using System;
using System.Collections.Generic;
using System.IO;

namespace SigningClients.Core.Signing;

/// <summary>A PDF to be signed, read from <see cref="Content"/> when the signing starts (streamed, not buffered).</summary>
public sealed class SigningDocument
{
    /// <summary>Creates a document.</summary>
    /// <param name="content">The PDF; readable; not disposed by the SDK.</param>
    /// <param name="fileName">The file name shown to signers, e.g. "contract.pdf".</param>
    /// <exception cref="ArgumentException">The stream is not readable or the name is empty.</exception>
    public SigningDocument(Stream content, string fileName)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (!content.CanRead)
        {
            throw new ArgumentException("The document stream must be readable.", nameof(content));
        }

        if (fileName is null || fileName.Trim().Length == 0)
        {
            throw new ArgumentException("A document needs a file name.", nameof(fileName));
        }

        Content = content;
        FileName = fileName;
    }

    /// <summary>The PDF.</summary>
    public Stream Content { get; }

    /// <summary>The file name shown to signers.</summary>
    public string FileName { get; }
}

/// <summary>A person who signs.</summary>
public sealed class SigningParty
{
    /// <summary>Creates a signer.</summary>
    /// <param name="givenName">Given name.</param>
    /// <param name="familyName">Family name.</param>
    /// <param name="email">E-mail address (providers that send invitations use it).</param>
    /// <exception cref="ArgumentException">A name or the e-mail address is empty.</exception>
    public SigningParty(string givenName, string familyName, string email)
    {
        GivenName = Require(givenName, nameof(givenName));
        FamilyName = Require(familyName, nameof(familyName));
        Email = Require(email, nameof(email));
        if (Email.IndexOf('@') <= 0)
        {
            throw new ArgumentException("The signer's e-mail address is not an address.", nameof(email));
        }
    }

    /// <summary>Given name.</summary>
    public string GivenName { get; }

    /// <summary>Family name.</summary>
    public string FamilyName { get; }

    /// <summary>The full name, "given family".</summary>
    public string FullName => GivenName + " " + FamilyName;

    /// <summary>E-mail address.</summary>
    public string Email { get; }

    /// <summary>A mobile phone number in E.164 form, for providers that authenticate by SMS; optional.</summary>
    public string? Phone { get; set; }

    /// <inheritdoc />
    public override string ToString() => "SigningParty { " + FullName + " }";

    private static string Require(string value, string name) =>
        value is null || value.Trim().Length == 0 ? throw new ArgumentException("A signer needs a non-empty " + name + ".", name) : value;
}

/// <summary>
/// A provider-neutral signing envelope: one or more PDFs for one or more signers. Give it to
/// <see cref="ISigningProvider.StartSigningAsync"/> of the provider chosen by configuration; check
/// <see cref="ISigningProvider.Capabilities"/> for what the provider can do with it.
/// </summary>
public sealed class SigningEnvelope
{
    /// <summary>Creates an envelope.</summary>
    /// <param name="title">A title shown to signers.</param>
    public SigningEnvelope(string title)
    {
        Title = title is null || title.Trim().Length == 0 ? throw new ArgumentException("A signing envelope needs a title.", nameof(title)) : title;
    }

    /// <summary>A title shown to signers.</summary>
    public string Title { get; }

    /// <summary>The PDFs to sign (at least one).</summary>
    public IList<SigningDocument> Documents { get; } = new List<SigningDocument>();

    /// <summary>The signers (at least one), in signing order when <see cref="SequentialSigning"/> is set.</summary>
    public IList<SigningParty> Signers { get; } = new List<SigningParty>();

    /// <summary>Whether signers sign one after the other in list order (needs <see cref="SigningCapabilities.SigningOrder"/>).</summary>
    public bool SequentialSigning { get; set; }

    /// <summary>Where the signer's browser goes after signing (embedded signing), if the provider supports it.</summary>
    public Uri? ReturnUrl { get; set; }

    /// <summary>Where the provider reports events (a callback endpoint), if the provider supports it.</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>Checks the request against a provider's capabilities, before any network call.</summary>
    /// <param name="capabilities">The provider's capabilities.</param>
    /// <exception cref="ArgumentException">The request is empty or asks for something the provider cannot do.</exception>
    public void Validate(SigningCapabilities capabilities)
    {
        if (capabilities is null)
        {
            throw new ArgumentNullException(nameof(capabilities));
        }

        if (Documents.Count == 0 || Documents.Contains(null!))
        {
            throw new ArgumentException("A signing envelope needs at least one document (and no null entries).");
        }

        if (Signers.Count == 0 || Signers.Contains(null!))
        {
            throw new ArgumentException("A signing envelope needs at least one signer (and no null entries).");
        }

        if (Documents.Count > capabilities.MaxDocuments)
        {
            throw new ArgumentException(capabilities.Provider + " takes at most " + capabilities.MaxDocuments + " document(s) per signing; the request has " + Documents.Count + ".");
        }

        if (Signers.Count > capabilities.MaxSigners)
        {
            throw new ArgumentException(capabilities.Provider + " takes at most " + capabilities.MaxSigners + " signer(s) per signing; the request has " + Signers.Count + ".");
        }

        if (SequentialSigning && Signers.Count > 1 && !capabilities.SigningOrder)
        {
            throw new ArgumentException(capabilities.Provider + " cannot enforce a signing order.");
        }
    }
}
