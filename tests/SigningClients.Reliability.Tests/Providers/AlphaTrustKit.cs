using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using SigningClients.Core;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Testing;
using SigningClients.Testing.AlphaTrust;
using SigningClients.TestSupport;

namespace SigningClients.Reliability.Tests.Providers;

internal sealed class AlphaTrustKit : ProviderKit
{
    public const string TaskPassword = "task-pw-Zq81!x";

    public override string Provider => AlphaTrustClient.ProviderName;

    public override string BrokenBody => "{\"IsSuccessful\":true,\"Transactions\":[{\"Id\":1000000001,\"Status\":\"Pend";

    public override string BrokenBodyContentType => "application/json; charset=utf-8";

    public override IReadOnlyList<OperationCase> Operations { get; } = BuildOperations();

    public override async Task<SimulatorHost> StartSimulatorAsync(SimulatorHostOptions host, CancellationToken cancellationToken)
        => await AlphaTrustSimulator.StartAsync(new AlphaTrustSimulatorOptions { Host = host }, cancellationToken);

    public override object CreateClient(SimulatorHost simulator, ClientSettings settings)
    {
        var sim = (AlphaTrustSimulator)simulator;
        var options = new AlphaTrustClientOptions
        {
            Endpoint = settings.Endpoint,
            AllowHttpOnLoopback = true,
            ApiKey = sim.Settings.ApiKey,
            ApiSecret = sim.Settings.ApiSecret,
            ApiUsername = sim.Settings.ApiUsername,
            ApiPassword = sim.Settings.ApiPassword,
        };
        settings.Retry?.Invoke(options.Retry);
        Recorder.AddVisibleText(options.ToString());
        return new AlphaTrustClient(options, settings.HttpClient, settings.LoggerFactory, settings.TimeProvider);
    }

    public override IReadOnlyList<BadArgumentCase> BadArguments { get; } = new List<BadArgumentCase>
    {
        Bad("RemoteSign", "task null", (c, ct) => c.RemoteSignAsync((RemoteSignTask)null!, ct)),
        Bad("RemoteSign", "IP address not an IP", (c, ct) => c.RemoteSignAsync(new RemoteSignTask(1, "not-an-ip"), ct)),
        Bad("RemoteSign", "IP address empty", (c, ct) => c.RemoteSignAsync(new RemoteSignTask(1, string.Empty), ct)),
        Bad("RemoteSign", "password authentication without password", (c, ct) => c.RemoteSignAsync(new RemoteSignTask(1, "203.0.113.7", TaskAuthentication.Password(string.Empty)), ct)),
        Bad("RemoteSign (batch)", "tasks null", (c, ct) => c.RemoteSignAsync((IEnumerable<RemoteSignTask>)null!, ct)),
        Bad("RemoteSign (batch)", "empty batch", (c, ct) => c.RemoteSignAsync(Array.Empty<RemoteSignTask>(), ct)),
        Bad("RemoteSign (batch)", "batch above the limit (26)", (c, ct) => c.RemoteSignAsync(Enumerable.Range(1, 26).Select(i => new RemoteSignTask(i, "203.0.113.7")), ct)),
        Bad("RemoteSign (batch)", "same task twice", (c, ct) => c.RemoteSignAsync(new[] { new RemoteSignTask(1, "203.0.113.7"), new RemoteSignTask(1, "203.0.113.7") }, ct)),
        Bad("RemoteSign (batch)", "a null task", (c, ct) => c.RemoteSignAsync(new RemoteSignTask[] { null! }, ct)),
        Bad("CreateTransaction", "transaction null", (c, ct) => c.CreateTransactionAsync(null!, ct)),
        Bad("CreateTransaction", "no participant", (c, ct) => c.CreateTransactionAsync(Mutate(t => t.Participants.Clear()), ct)),
        Bad("CreateTransaction", "no document", (c, ct) => c.CreateTransactionAsync(Mutate(t => t.Documents.Clear()), ct)),
        Bad("CreateTransaction", "document without task", (c, ct) => c.CreateTransactionAsync(Mutate(t => t.Documents[0].Tasks.Clear()), ct)),
        Bad("CreateTransaction", "task refers to no participant", (c, ct) => c.CreateTransactionAsync(Mutate(t => t.Documents[0].Tasks.Add(new TaskInsert(TaskType.Signature, 5))), ct)),
        Bad("CreateTransaction", "participant without name", (c, ct) => c.CreateTransactionAsync(Mutate(t => t.Participants[0] = new ParticipantInsert { FullName = " " }), ct)),
        Bad("CreateTransaction", "document without title", (c, ct) => c.CreateTransactionAsync(Mutate(t => t.Documents[0] = new DocumentInsert { Title = string.Empty, Content = new MemoryStream(new byte[] { 1 }), Tasks = new List<TaskInsert> { new(TaskType.Signature, 0) } }), ct)),
        Bad("CreateTransaction", "unreadable document stream", (c, ct) => c.CreateTransactionAsync(Mutate(t => t.Documents[0] = new DocumentInsert { Title = "x", Content = Closed(), Tasks = new List<TaskInsert> { new(TaskType.Signature, 0) } }), ct)),
        Bad("AddTasks", "tasks null", (c, ct) => c.AddTasksAsync(1, null!, ct)),
        Bad("AddTasks", "no task", (c, ct) => c.AddTasksAsync(1, Array.Empty<TaskCreate>(), ct)),
        Bad("AddTasks", "a null task", (c, ct) => c.AddTasksAsync(1, new TaskCreate[] { null! }, ct)),
        Bad("UpdateTasks", "updates null", (c, ct) => c.UpdateTasksAsync(null!, ct)),
        Bad("UpdateTasks", "no update", (c, ct) => c.UpdateTasksAsync(Array.Empty<TaskUpdate>(), ct)),
        Bad("UpdateTasks", "update that changes nothing", (c, ct) => c.UpdateTasksAsync(new[] { new TaskUpdate(1) }, ct)),
        Bad("CloseTransactions", "ids null", (c, ct) => c.CloseTransactionsAsync(null!, ct)),
        Bad("CloseTransactions", "no id", (c, ct) => c.CloseTransactionsAsync(Array.Empty<long>(), ct)),
        Bad("GetUpdateableTransactions", "ids null", (c, ct) => c.GetUpdateableTransactionsAsync(null!, ct)),
        Bad("GetUpdateableTransactions", "no id", (c, ct) => c.GetUpdateableTransactionsAsync(Array.Empty<long>(), ct)),
    };

    public override IReadOnlyList<FuzzTarget> FuzzTargets { get; } = new List<FuzzTarget>
    {
        new("GetUpdateableTransactions (200 body)", "POST", _ => AlphaTrustSimulator.GetUpdateableTransactionsPath, 200,
            async (c, s, ct) => await Create((AlphaTrustClient)c, ct, tasks: 2),
            (c, t, ct) => ((AlphaTrustClient)c).GetUpdateableTransactionsAsync(new[] { ((Transaction)t!).Id }, ct)),
        new("CreateTransaction (error body, 400)", "POST", _ => AlphaTrustSimulator.CreateTransactionsPath, 400,
            (c, s, ct) => Task.FromResult<object?>(null),
            (c, _, ct) => Create((AlphaTrustClient)c, ct),
            Seed: "{\"IsSuccessful\":false,\"Message\":\"Document 'Agreement' could not be read: the file is not a PDF.\",\"ErrorCode\":42}"),
    };

    private static BadArgumentCase Bad(string operation, string name, Func<AlphaTrustClient, System.Threading.CancellationToken, Task> call)
        => new(operation, name, (c, ct) => call((AlphaTrustClient)c, ct));

    private static TransactionCreate Mutate(Action<TransactionCreate> change)
    {
        var transaction = NewTransaction();
        change(transaction);
        return transaction;
    }

    private static Stream Closed()
    {
        var stream = new MemoryStream(new byte[] { 1, 2 });
        stream.Dispose();
        return stream;
    }

    public override IEnumerable<string> Secrets(SimulatorHost simulator)
    {
        var sim = (AlphaTrustSimulator)simulator;
        return new[] { sim.Settings.ApiKey, sim.Settings.ApiSecret, sim.Settings.ApiPassword, TaskPassword };
    }

    public static TransactionCreate NewTransaction(int tasks = 1, bool passwordTask = false) => new()
    {
        Description = "Reliability matrix",
        IsTest = true,
        Participants = new List<ParticipantInsert>
        {
            new()
            {
                FullName = "Rel Signer",
                EmailAddress = "rel@example.com",
                Authentication = passwordTask ? ParticipantAuthentication.Password(TaskPassword) : ParticipantAuthentication.None,
            },
        },
        Documents = new List<DocumentInsert>
        {
            new()
            {
                Title = "Agreement",
                Content = new MemoryStream(TestPdf.Create("Agreement")),
                Tasks = Enumerable.Range(0, tasks).Select(_ => new TaskInsert(TaskType.Signature, 0)).ToList(),
            },
        },
    };

    private static Task<Transaction> Create(AlphaTrustClient client, CancellationToken ct, int tasks = 1, bool passwordTask = false)
        => client.CreateTransactionAsync(NewTransaction(tasks, passwordTask), ct);

    private static int CompletedTasks(AlphaTrustSimulator simulator, Transaction transaction)
        => simulator.GetTransaction(transaction.Id)!.Documents[0].Tasks.Count(t => t.Status == AlphaTrustTaskStatus.Completed);

    /// <summary>Transactions created after <paramref name="marker"/> (ids grow; the simulator has no listing, so probe the ids after it).</summary>
    private static int TransactionsCreatedAfter(AlphaTrustSimulator simulator, Transaction marker)
    {
        var count = 0;
        for (var id = marker.Id + 1; id < marker.Id + 400; id++)
        {
            if (simulator.GetTransaction(id) is not null)
            {
                count++;
            }
        }

        return count;
    }

    private static List<OperationCase> BuildOperations()
    {
        const string Post = "POST";
        return new List<OperationCase>
        {
            Op<AlphaTrustClient, AlphaTrustSimulator, Transaction>(
                "RemoteSign", Idempotency.NotIdempotent, Post,
                (c, s, ct) => Create(c, ct, passwordTask: true),
                _ => AlphaTrustSimulator.RemoteSignPath,
                (c, t, ct) => c.RemoteSignAsync(new RemoteSignTask(t.Documents[0].Tasks[0].Id, "203.0.113.7", TaskAuthentication.Password(TaskPassword)), ct),
                effect: (s, t) => CompletedTasks(s, t)),
            Op<AlphaTrustClient, AlphaTrustSimulator, Transaction>(
                "RemoteSign (batch)", Idempotency.NotIdempotent, Post,
                (c, s, ct) => Create(c, ct, tasks: 3),
                _ => AlphaTrustSimulator.RemoteSignPath,
                (c, t, ct) => c.RemoteSignAsync(t.Documents[0].Tasks.Select(x => new RemoteSignTask(x.Id, "2001:db8::7")), ct),
                effect: (s, t) => CompletedTasks(s, t) / 3),
            Op<AlphaTrustClient, AlphaTrustSimulator, Transaction>(
                "CreateTransaction", Idempotency.NotIdempotent, Post,
                (c, s, ct) => Create(c, ct),
                _ => AlphaTrustSimulator.CreateTransactionsPath,
                (c, _, ct) => Create(c, ct),
                effect: TransactionsCreatedAfter),
            Op<AlphaTrustClient, AlphaTrustSimulator, Transaction>(
                "AddTasks", Idempotency.NotIdempotent, Post,
                (c, s, ct) => Create(c, ct),
                _ => AlphaTrustSimulator.CreateTasksPath,
                (c, t, ct) => c.AddTasksAsync(t.Id, new[] { new TaskCreate(t.Documents[0].Id, t.Participants[0].Id, TaskType.Initial) }, ct),
                effect: (s, t) => s.GetTransaction(t.Id)!.Documents[0].Tasks.Count - 1),
            Op<AlphaTrustClient, AlphaTrustSimulator, Transaction>(
                "UpdateTasks", Idempotency.Idempotent, Post,
                (c, s, ct) => Create(c, ct),
                _ => AlphaTrustSimulator.UpdateTasksPath,
                (c, t, ct) => c.UpdateTasksAsync(new[] { new TaskUpdate(t.Documents[0].Tasks[0].Id) { Type = TaskType.Acknowledgement } }, ct)),
            Op<AlphaTrustClient, AlphaTrustSimulator, Transaction>(
                "CloseTransactions", Idempotency.Idempotent, Post,
                (c, s, ct) => Create(c, ct),
                _ => AlphaTrustSimulator.CloseTransactionsPath,
                (c, t, ct) => c.CloseTransactionsAsync(new[] { t.Id }, ct)),
            Op<AlphaTrustClient, AlphaTrustSimulator, Transaction>(
                "GetUpdateableTransactions", Idempotency.Safe, Post,
                (c, s, ct) => Create(c, ct),
                _ => AlphaTrustSimulator.GetUpdateableTransactionsPath,
                (c, t, ct) => c.GetUpdateableTransactionsAsync(new[] { t.Id }, ct)),
            Op<AlphaTrustClient, AlphaTrustSimulator, Transaction>(
                "GetTransaction", Idempotency.Safe, Post,
                (c, s, ct) => Create(c, ct),
                _ => AlphaTrustSimulator.GetUpdateableTransactionsPath,
                (c, t, ct) => c.GetTransactionAsync(t.Id, ct)),
        };
    }
}
