using System;
using System.Collections.Generic;

namespace ConsignO.Workflows.Models;

/// <summary>
/// What ConsignO reported when it sent a browser back to a return URL (<c>?status=…</c>). Never trust it alone:
/// confirm the workflow's state with <see cref="IConsignOClient.GetWorkflowAsync"/>.
/// </summary>
public sealed class ReturnUrlResult
{
    private static readonly ReturnStatus[] WorkflowEvents =
    {
        ReturnStatus.WorkflowUpdated, ReturnStatus.WorkflowLaunched, ReturnStatus.WorkflowCanceled,
        ReturnStatus.SignatureSuccess, ReturnStatus.SignatureCancelled, ReturnStatus.SignatureDecline,
    };

    private static readonly ReturnStatus[] SignatureResults =
    {
        ReturnStatus.Success, ReturnStatus.Decline, ReturnStatus.Failure, ReturnStatus.Expired,
    };

    private ReturnUrlResult(ReturnStatus status, IReadOnlyDictionary<string, string> parameters)
    {
        Status = status;
        Parameters = parameters;
    }

    /// <summary>The status value.</summary>
    public ReturnStatus Status { get; }

    /// <summary>Every query parameter of the return URL (decoded; the last value wins for repeated names).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Whether the status is a workflow-level event of the initiator's workspace (<c>WORKFLOW_*</c>, <c>SIGNATURE_*</c>).</summary>
    public bool IsWorkflowEvent => Array.IndexOf(WorkflowEvents, Status) >= 0;

    /// <summary>Whether the status is an embedded signer's result (<c>success</c>, <c>decline</c>, <c>failure</c>, <c>expired</c>).</summary>
    public bool IsSignatureResult => Array.IndexOf(SignatureResults, Status) >= 0;

    /// <summary>Whether the status says a signature was made (<c>success</c> or <c>SIGNATURE_SUCCESS</c>).</summary>
    public bool IsSigned => Status == ReturnStatus.Success || Status == ReturnStatus.SignatureSuccess;

    /// <summary>Parses the URL a browser arrived at.</summary>
    /// <param name="returnUrl">The full URL (absolute or relative with a query).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The URL has no <c>status</c> parameter, or more than one (names compared case-insensitively).</exception>
    public static ReturnUrlResult Parse(Uri returnUrl)
    {
        if (returnUrl is null)
        {
            throw new ArgumentNullException(nameof(returnUrl));
        }

        if (!TryParse(returnUrl, out var result))
        {
            throw new ArgumentException("The return URL has no single 'status' query parameter (none, or more than one).", nameof(returnUrl));
        }

        return result!;
    }

    /// <summary>Parses the URL a browser arrived at, without throwing.</summary>
    /// <param name="returnUrl">The URL.</param>
    /// <param name="result">The result when a <c>status</c> parameter is present.</param>
    /// <returns>Whether the URL carried a status.</returns>
    public static bool TryParse(Uri? returnUrl, out ReturnUrlResult? result)
    {
        result = null;
        if (returnUrl is null)
        {
            return false;
        }

        var text = returnUrl.IsAbsoluteUri ? returnUrl.Query : returnUrl.OriginalString;
        int q = text.IndexOf('?');
        var query = q >= 0 ? text.Substring(q + 1) : text;
        int hash = query.IndexOf('#');
        if (hash >= 0)
        {
            query = query.Substring(0, hash);
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            int eq = pair.IndexOf('=');
            var name = Decode(eq >= 0 ? pair.Substring(0, eq) : pair);
            var value = eq >= 0 ? Decode(pair.Substring(eq + 1)) : string.Empty;
            if (parameters.ContainsKey(name) && string.Equals(name, "status", StringComparison.OrdinalIgnoreCase))
            {
                // Two status values (also differing only in case) are ambiguous: neither is taken.
                return false;
            }

            parameters[name] = value;
        }

        if (!parameters.TryGetValue("status", out var status) || string.IsNullOrWhiteSpace(status))
        {
            return false;
        }

        result = new ReturnUrlResult(new ReturnStatus(status.Trim()), parameters);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => "ReturnUrlResult { Status = " + Status + " }";

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
