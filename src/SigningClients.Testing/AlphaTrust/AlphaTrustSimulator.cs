using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Testing.AlphaTrust;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing;

/// <summary>
/// A stateful in-process simulator of the AlphaTrust e-Sign REST API v5 (PascalCase JSON): transactions with
/// participants, documents and tasks; remote signing with the task authentication rules (none, Password,
/// PasswordHashed, RegisteredUser with a stored signature image); the four service credential headers checked on
/// every call; and API-user permissions. Every answer is AlphaTrust's default return (<c>IsSuccessful</c>,
/// <c>Message</c>); failures use HTTP 200 by default or 4xx with <see cref="AlphaTrustSimulatorOptions.UseHttpErrorStatuses"/>.
/// The life cycle it follows is documented on the state model (<see cref="AlphaTrustTransactionStatus"/>,
/// <see cref="AlphaTrustTaskStatus"/>).
/// </summary>
/// <remarks>
/// Routes (the unverified ones are the SDK's defaults): <c>POST /api/v5/tasks/remotesign</c>,
/// <c>POST /api/v5/transactions/create</c>, <c>POST /api/v5/transactions/close</c>,
/// <c>POST /api/v5/transactions/updateable</c>, <c>POST /api/v5/tasks/create</c>, <c>POST /api/v5/tasks/update</c>.
/// A PasswordHashed participant's data is the lower-case hex SHA-256 of the password (see <see cref="HashPassword"/>).
/// A remote-sign batch is atomic: every task is checked before any is completed.
/// </remarks>
public sealed partial class AlphaTrustSimulator : SimulatorHost
{
    /// <summary>Remote-sign route.</summary>
    public const string RemoteSignPath = "/api/v5/tasks/remotesign";

    /// <summary>Transaction creation route.</summary>
    public const string CreateTransactionsPath = "/api/v5/transactions/create";

    /// <summary>Transaction closing route.</summary>
    public const string CloseTransactionsPath = "/api/v5/transactions/close";

    /// <summary>Updateable-transactions read route.</summary>
    public const string GetUpdateableTransactionsPath = "/api/v5/transactions/updateable";

    /// <summary>Task creation route.</summary>
    public const string CreateTasksPath = "/api/v5/tasks/create";

    /// <summary>Task update route.</summary>
    public const string UpdateTasksPath = "/api/v5/tasks/update";

    private static readonly AlphaTrustPermissionRequired RemoteSigning = new(AlphaTrustPermissions.RemoteSign);
    private static readonly AlphaTrustPermissionRequired Managing = new(AlphaTrustPermissions.ManageTransactions);
    private readonly AlphaTrustSimulatorOptions _settings;
    private readonly AlphaTrustState _state;
    private readonly AlphaTrustWire _wire;

    private AlphaTrustSimulator(AlphaTrustSimulatorOptions settings)
        : base(settings.Host)
    {
        _settings = settings;
        _state = Track(new AlphaTrustState(TimeProvider));
        _wire = new AlphaTrustWire(_state, settings);
        StatusChanged += (_, change) => NotifySubscribers(change);
    }

    /// <summary>The credentials and behaviour the simulator was started with.</summary>
    public AlphaTrustSimulatorOptions Settings => _settings;

    /// <summary>What the API user may do; <see cref="AlphaTrustPermissions.All"/> by default. Changeable at any time.</summary>
    public AlphaTrustPermissions ApiUserPermissions
    {
        get => _state.Permissions;
        set => _state.Permissions = value;
    }

    /// <summary>Starts a simulator on a free loopback port.</summary>
    /// <param name="options">Settings (host settings in <see cref="AlphaTrustSimulatorOptions.Host"/>), or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator; dispose it to stop it.</returns>
    public static Task<AlphaTrustSimulator> StartAsync(AlphaTrustSimulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartSimulatorAsync(new AlphaTrustSimulator(options ?? new AlphaTrustSimulatorOptions()), cancellationToken);

    /// <summary>The hash a PasswordHashed participant stores: lower-case hex SHA-256 of the UTF-8 password.</summary>
    /// <param name="password">The clear-text password.</param>
    /// <returns>The hash.</returns>
    public static string HashPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return AlphaTrustState.HashPassword(password);
    }

    /// <summary>Adds (or replaces) a registered user of the installation, optionally with a stored signature image.</summary>
    /// <param name="username">The user name.</param>
    /// <param name="password">The password.</param>
    /// <param name="signatureImage">The stored signature image (applied to documents the user signs remotely), if any.</param>
    public void AddRegisteredUser(string username, string password, byte[]? signatureImage = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        _state.AddRegisteredUser(username, password, signatureImage);
    }

    /// <summary>A read-only copy of a transaction, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="transactionId">The transaction ID.</param>
    /// <returns>The snapshot.</returns>
    public SimulatedTransaction? GetTransaction(long transactionId) => _state.FindTransaction(transactionId);

    /// <summary>A read-only copy of a task, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="taskId">The task ID.</param>
    /// <returns>The snapshot.</returns>
    public SimulatedTask? GetTask(long taskId) => _state.FindTask(taskId);

    /// <summary>Completes a task as its participant would in the e-Sign interface (for "already completed" scenarios).</summary>
    /// <param name="taskId">The task ID.</param>
    /// <exception cref="SimulatorStateException">The task does not exist or is already completed.</exception>
    public void CompleteTaskInUserInterface(long taskId) => _state.CompleteInUserInterface(taskId);

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        var api = routes.MapSimulatorGroup("/", _wire);
        Map(RemoteSignPath, RemoteSigning, body => Tasks(_state.RemoteSign(AlphaTrustWire.ParseRemoteSignatures(body)), AlphaTrustWire.RenderOutcome));
        Map(CreateTransactionsPath, Managing, body => Transactions(_state.CreateTransactions(AlphaTrustWire.ParseTransactions(body))));
        Map(CloseTransactionsPath, Managing, body =>
        {
            _state.CloseTransactions(AlphaTrustWire.ParseIds(body));
            return new JsonObject();
        });
        Map(GetUpdateableTransactionsPath, Managing, body => Transactions(_state.Transactions(AlphaTrustWire.ParseIds(body))));
        Map(CreateTasksPath, Managing, body => Tasks(_state.CreateTasks(AlphaTrustWire.ParseNewTasks(body)), AlphaTrustWire.Render));
        Map(UpdateTasksPath, Managing, body => Tasks(_state.UpdateTasks(AlphaTrustWire.ParseTaskChanges(body)), AlphaTrustWire.Render));

        // Every route: read the JSON body, parse it and call the state model, answer the default return.
        void Map(string path, AlphaTrustPermissionRequired permission, Func<JsonObject, JsonObject> handle) =>
            api.MapPost(path, async (HttpContext context) =>
            {
                var body = await AlphaTrustWire.ReadBodyAsync(context).ConfigureAwait(false);
                await AlphaTrustWire.OkAsync(context, handle(body)).ConfigureAwait(false);
            }).WithMetadata(permission);

        static JsonObject Tasks(IReadOnlyList<SimulatedTask> tasks, Func<SimulatedTask, JsonObject> render) => new() { ["Tasks"] = AlphaTrustWire.List(tasks, render) };

        static JsonObject Transactions(IReadOnlyList<SimulatedTransaction> transactions) => new() { ["Transactions"] = AlphaTrustWire.List(transactions, AlphaTrustWire.Render) };
    }
}
