namespace SigningToday.Dst;

/// <summary>
/// Client of the Signing Today v2 API, split into operation groups as the doc groups them. Thread-safe; register it
/// once (see <c>AddSigningTodayClient</c>) or create one per account.
/// </summary>
public interface ISigningTodayClient
{
    /// <summary>Digital Signature Transactions and templates.</summary>
    IDstOperations Dsts { get; }

    /// <summary>Notes attached to DSTs.</summary>
    INoteOperations Notes { get; }

    /// <summary>Trusted mobile devices.</summary>
    IDeviceOperations Devices { get; }

    /// <summary>DST notifications and push tokens.</summary>
    INotificationOperations Notifications { get; }

    /// <summary>Files of DSTs and identity appearances.</summary>
    IResourceOperations Resources { get; }

    /// <summary>Robot (service account) operations.</summary>
    IRobotOperations Robots { get; }

    /// <summary>Login, passwords, SAML, thumbnails and configuration.</summary>
    IServiceOperations Services { get; }

    /// <summary>Users, groups, roles and identities.</summary>
    IUserOperations Users { get; }
}
