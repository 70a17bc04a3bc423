using System;

namespace SigningClients.Testing;

/// <summary>
/// One status change in a simulator's state model (a workflow launched, a signer signed, a DST expired, …), raised by
/// <see cref="SimulatorHost.StatusChanged"/> after the change is committed, outside the simulator's lock. A webhook
/// or callback dispatcher can hook it to call the client the way the provider would.
/// </summary>
/// <param name="Entity">What changed, in the provider's words: <c>workflow</c>, <c>action</c>, <c>dst</c>, <c>posting</c>, ….</param>
/// <param name="Id">The id of the entity (as the API shows it).</param>
/// <param name="From">The status before, in the provider's wire spelling, or <see langword="null"/> for a new entity.</param>
/// <param name="To">The status after, in the provider's wire spelling.</param>
/// <param name="At">When, on the simulator's clock.</param>
/// <param name="ParentId">The enclosing entity (the workflow of an action, …), or <see langword="null"/>.</param>
public sealed record SimulatorStatusChange(string Entity, string Id, string? From, string To, DateTimeOffset At, string? ParentId = null);
