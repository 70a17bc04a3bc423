using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks.Serialization;
using SigningClients.Core;

namespace AlphaTrust.Tasks;

// Managing tasks: "after the Transaction is created, you can add new Tasks or update existing Tasks via the API at any
// point as long as the transaction is still in the Pending status."
public sealed partial class AlphaTrustClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<TransactionTask>> AddTasksAsync(long transactionId, IEnumerable<TaskCreate> tasks, CancellationToken cancellationToken = default)
    {
        var body = new TaskCreateRequestModel
        {
            Tasks = TaskBatch(tasks, "A task is null.", "At least one task is required.", task =>
                new TaskCreateModel { TransactionId = transactionId, DocumentId = task.DocumentId, ParticipantId = task.ParticipantId, Type = task.Type }),
        };
        var request = Post(_paths.CreateTasks, "AddTasks", Idempotency.NotIdempotent, body, AlphaTrustJsonContext.Default.TaskCreateRequestModel);
        var answer = await SendAsync(request, AlphaTrustJsonContext.Default.TasksReturnModel, cancellationToken).ConfigureAwait(false);
        return TasksOf(answer);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TransactionTask>> UpdateTasksAsync(IEnumerable<TaskUpdate> tasks, CancellationToken cancellationToken = default)
    {
        var body = new TaskUpdateRequestModel
        {
            Tasks = TaskBatch(tasks, "A task update is null.", "At least one task update is required.", task =>
                task.Type is null && task.ParticipantId is null
                    ? throw new ArgumentException("The update of task " + task.TaskId.ToString(CultureInfo.InvariantCulture) + " changes nothing.", nameof(tasks))
                    : new TaskUpdateModel { Id = task.TaskId, Type = task.Type, ParticipantId = task.ParticipantId }),
        };
        var request = Post(_paths.UpdateTasks, "UpdateTasks", Idempotency.Idempotent, body, AlphaTrustJsonContext.Default.TaskUpdateRequestModel);
        var answer = await SendAsync(request, AlphaTrustJsonContext.Default.TasksReturnModel, cancellationToken).ConfigureAwait(false);
        return TasksOf(answer);
    }

    /// <summary>Renders a non-empty batch of task changes, refusing a null batch, a null entry or an empty batch (parameter <c>tasks</c>).</summary>
    private static List<TModel> TaskBatch<TTask, TModel>(IEnumerable<TTask> tasks, string nullTaskMessage, string emptyMessage, Func<TTask, TModel> toWire)
        where TTask : class
    {
        if (tasks is null)
        {
            throw new ArgumentNullException(nameof(tasks));
        }

        var models = new List<TModel>();
        foreach (var task in tasks)
        {
            models.Add(toWire(task ?? throw new ArgumentException(nullTaskMessage, nameof(tasks))));
        }

        return models.Count > 0 ? models : throw new ArgumentException(emptyMessage, nameof(tasks));
    }

    private static IReadOnlyList<TransactionTask> TasksOf(TasksReturnModel answer) =>
        (IReadOnlyList<TransactionTask>?)answer.Tasks ?? Array.Empty<TransactionTask>();
}
