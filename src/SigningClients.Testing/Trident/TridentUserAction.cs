namespace SigningClients.Testing.Trident;

/// <summary>What the simulated user does on TRIDENT's signature page.</summary>
public enum TridentUserAction
{
    /// <summary>Signs the document: the process finishes with status <c>finished</c>.</summary>
    Sign = 0,

    /// <summary>The signature fails: status <c>failed</c>.</summary>
    Fail = 1,

    /// <summary>The user cancels: status <c>canceled</c>.</summary>
    Cancel = 2,
}
