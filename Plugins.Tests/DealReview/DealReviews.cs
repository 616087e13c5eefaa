using System;
using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Emulator;
using CrmTeamSelling.Plugins.DealReview;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Entry = CrmTeamSelling.Plugins.Model.LogicalNames.ReviewActionEntry;
using Review = CrmTeamSelling.Plugins.Model.LogicalNames.DealReview;
using TaskNames = CrmTeamSelling.Plugins.Model.LogicalNames.Task;

namespace CrmTeamSelling.Plugins.Tests.DealReview;

/// <summary>A clock the test moves: reviews happen on days, actions fall due and become overdue.</summary>
public sealed class TestClock
{
    public TestClock(DateTime utcNow)
    {
        Now = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);
    }

    public DateTime Now { get; private set; }

    public void MoveTo(DateTime utc) => Now = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
}

/// <summary>Givens, whens and reads for deal review tests: reviews, actions on them, their history.</summary>
internal static class DealReviews
{
    public const string OpportunityName = "Contoso ERP rollout";

    /// <summary>Given the rep's deal on an emulator whose clock the test moves, starting on <paramref name="today"/>.</summary>
    public static (DealWorld Deal, TestClock Clock) DealOn(DateTime today)
    {
        var clock = new TestClock(today);
        return (DealWorld.Create(OpportunityName, new EmulatorOptions { Clock = () => clock.Now }), clock);
    }

    public static DateTime Day(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    /// <summary>The user opens a deal review of the deal on <paramref name="date"/>; <paramref name="with"/> adds columns.</summary>
    public static EntityReference OpenReview(this DealWorld deal, EntityReference by, DateTime date, EntityReference? previous = null, Action<Entity>? with = null)
    {
        var review = new Entity(Review.LogicalName)
        {
            [Review.OpportunityId] = deal.Opportunity,
            [Review.ReviewDate] = date,
        };
        if (previous != null)
        {
            review[Review.PreviousReviewId] = previous;
        }

        with?.Invoke(review);
        return new EntityReference(Review.LogicalName, deal.As(by).Create(review));
    }

    /// <summary>An action of the review: a task with subject, owner and due date (regarding is left for Team Selling to fill).</summary>
    public static Entity NewAction(EntityReference review, string subject, EntityReference? owner, DateTime? due, EntityReference? stakeholder = null)
    {
        var action = new Entity(TaskNames.LogicalName)
        {
            [TaskNames.Subject] = subject,
            [TaskNames.DealReviewId] = review,
        };
        if (owner != null)
        {
            action[TaskNames.OwnerId] = owner;
        }

        if (due.HasValue)
        {
            action[TaskNames.ScheduledEnd] = due.Value;
        }

        if (stakeholder != null)
        {
            action[TaskNames.StakeholderId] = stakeholder;
        }

        return action;
    }

    /// <summary>The user records an action at the review, for <paramref name="owner"/>.</summary>
    public static EntityReference AddAction(this DealWorld deal, EntityReference by, EntityReference review, string subject, EntityReference owner, DateTime due, EntityReference? stakeholder = null)
        => new(TaskNames.LogicalName, deal.As(by).Create(NewAction(review, subject, owner, due, stakeholder)));

    /// <summary>The user moves the action's due date, giving the reason.</summary>
    public static void MoveDueDate(this DealWorld deal, EntityReference by, EntityReference action, DateTime newDue, string? reason)
    {
        var update = new Entity(TaskNames.LogicalName, action.Id) { [TaskNames.ScheduledEnd] = newDue };
        if (reason != null)
        {
            update[TaskNames.AmendmentReason] = reason;
        }

        deal.As(by).Update(update);
    }

    /// <summary>The user completes the action in one save, recording the outcome (and notes) with it.</summary>
    public static void Complete(this DealWorld deal, EntityReference by, EntityReference action, int? outcome, string? notes = null)
    {
        var update = new Entity(TaskNames.LogicalName, action.Id)
        {
            [TaskNames.StateCode] = new OptionSetValue(TaskState.Completed),
            [TaskNames.StatusCode] = new OptionSetValue(TaskStatusCompleted),
        };
        if (outcome.HasValue)
        {
            update[TaskNames.ActionOutcome] = new OptionSetValue(outcome.Value);
        }

        if (notes != null)
        {
            update[TaskNames.OutcomeNotes] = notes;
        }

        deal.As(by).Update(update);
    }

    /// <summary>The user records a review outcome on an open action.</summary>
    public static void RecordOutcome(this DealWorld deal, EntityReference by, EntityReference action, int outcome, string? notes = null)
    {
        var update = new Entity(TaskNames.LogicalName, action.Id) { [TaskNames.ActionOutcome] = new OptionSetValue(outcome) };
        if (notes != null)
        {
            update[TaskNames.OutcomeNotes] = notes;
        }

        deal.As(by).Update(update);
    }

    /// <summary>The status reason "Completed" of the standard task table.</summary>
    public const int TaskStatusCompleted = 5;

    /// <summary>The action's history, oldest first, as Team Selling reads it.</summary>
    public static IReadOnlyList<Entity> History(this DealWorld deal, EntityReference action)
        => deal.Crm.System.RetrieveMultiple(ReviewActionHistory.QueryForAction(action.Id)).Entities.ToList();

    /// <summary>One history entry in words, as a reviewer reads it: step, review, dates, reason, outcome, notes.</summary>
    public static string Describe(Entity entry)
    {
        var parts = new List<string>
        {
            ChoiceLabels.ActionHistoryStep(entry.GetAttributeValue<OptionSetValue>(Entry.Step)?.Value) ?? "?",
            "at " + entry.GetAttributeValue<EntityReference>(Entry.DealReviewId)?.Name,
        };
        var previous = entry.GetAttributeValue<DateTime?>(Entry.PreviousDueDate);
        var due = entry.GetAttributeValue<DateTime?>(Entry.DueDate);
        if (previous.HasValue)
        {
            parts.Add($"due {previous:yyyy-MM-dd} → {due:yyyy-MM-dd}");
        }
        else if (due.HasValue)
        {
            parts.Add($"due {due:yyyy-MM-dd}");
        }

        Add(parts, "because", entry.GetAttributeValue<string>(Entry.AmendmentReason));
        Add(parts, "outcome", ChoiceLabels.ActionOutcome(entry.GetAttributeValue<OptionSetValue>(Entry.Outcome)?.Value));
        Add(parts, "notes", entry.GetAttributeValue<string>(Entry.OutcomeNotes));
        Add(parts, "by", entry.GetAttributeValue<EntityReference>(Entry.ChangedBy)?.Name);
        return string.Join(", ", parts);
    }

    private static void Add(List<string> parts, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add(label + " " + value);
        }
    }
}
