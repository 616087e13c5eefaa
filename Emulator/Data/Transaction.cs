using System;
using System.Collections.Generic;
using CrmTeamSelling.Emulator.Pipeline;

namespace CrmTeamSelling.Emulator.Data;

/// <summary>
/// One database transaction: an undo journal of every change made in it, the asynchronous work it
/// will queue if it commits, and whether a failure inside it has already doomed it (Dataverse rolls
/// the whole transaction back as soon as any operation in it fails, even if a plug-in catches the fault).
/// </summary>
internal sealed class Transaction
{
    private readonly List<Action> undo = new();
    private readonly List<AsyncJob> pendingJobs = new();
    private readonly HashSet<(string Table, Guid Id)> deletesInProgress = new();

    public Exception? DoomedBy { get; private set; }

    public IReadOnlyList<AsyncJob> PendingJobs => pendingJobs;

    public void RecordUndo(Action action) => undo.Add(action);

    public void Enqueue(AsyncJob job) => pendingJobs.Add(job);

    public void Doom(Exception cause) => DoomedBy ??= cause;

    /// <summary>
    /// Marks a row whose Delete has started its cascades: the cascades of its children must not act on it
    /// again (a cycle of relationships, or a row under two parents being deleted). Kept with the transaction,
    /// so a rolled-back delete leaves no mark behind.
    /// </summary>
    public void MarkDeleteInProgress(string table, Guid id) => deletesInProgress.Add((table, id));

    public bool IsDeleteInProgress(string table, Guid id) => deletesInProgress.Contains((table, id));

    /// <summary>Undoes every change, newest first, and forgets the pending asynchronous work.</summary>
    public void Rollback()
    {
        for (var i = undo.Count - 1; i >= 0; i--)
        {
            undo[i]();
        }

        undo.Clear();
        pendingJobs.Clear();
    }
}
