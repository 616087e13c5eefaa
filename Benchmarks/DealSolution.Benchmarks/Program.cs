using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CrmTeamSelling.Emulator;
using CrmTeamSelling.Emulator.Pipeline;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Plugins;
using CrmTeamSelling.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;
using Member = CrmTeamSelling.Plugins.Model.LogicalNames.DealTeamMember;

namespace CrmTeamSelling.DealSolution.Benchmarks;

/// <summary>
/// For deal teams of 5, 50 and 200 people (the owner and the other members, all active), one member
/// changes the deal solution's content: the synchronous steps (version, revision) run in the update,
/// the asynchronous step (notify everyone else) runs when the queue is drained. Prints, per team size,
/// the plugins' service calls by message and the median time of each part over several changes.
/// Usage: DealSolution.Benchmarks [changes=15]
/// </summary>
public static class Program
{
    private static readonly int[] TeamSizes = { 5, 50, 200 };

    public static int Main(string[] args)
    {
        var changes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var solution = SolutionLayoutReader.Read(Path.Combine(RepositoryRoot(), "Solution", "src"));

        // A first round on its own emulator loads and compiles every code path, so the figures below are steady state.
        Measure(solution, TeamSizes[0], 3);

        var results = TeamSizes.Select(size => Measure(solution, size, changes)).ToList();
        Print(results, changes);

        var baseline = results[0];
        var grew = results.Where(r => r.SyncCalls.Total != baseline.SyncCalls.Total || r.AsyncCalls.Total != baseline.AsyncCalls.Total).ToList();
        if (grew.Count > 0)
        {
            Console.Error.WriteLine("Service calls grew with the team size: " + string.Join("; ", grew.Select(r => $"{r.TeamSize} people: {r.SyncCalls.Total} sync + {r.AsyncCalls.Total} async")));
            return 1;
        }

        return 0;
    }

    private static Result Measure(SolutionModel model, int teamSize, int changes)
    {
        var crm = XrmEmulator.FromModel(model, typeof(PluginBase).Assembly);
        var sales = crm.CreateBusinessUnit("Sales");
        var rep = crm.CreateUser("Rita Rep", sales, SecurityRoles.TeamSellingMember);
        var account = crm.Arrange(new Entity("account") { ["name"] = "Contoso Ltd", ["ownerid"] = rep });
        var opportunity = crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName)
        {
            [LogicalNames.Opportunity.Name] = "Contoso ERP rollout",
            [LogicalNames.Opportunity.CustomerId] = account,
            [LogicalNames.Opportunity.OwnerId] = rep,
        });

        // The owner is on the team too; the other members join through the plugins, as the form adds them.
        var people = new List<EntityReference> { rep };
        for (var i = 1; i < teamSize; i++)
        {
            people.Add(crm.CreateUser("Member " + i.ToString(CultureInfo.InvariantCulture), sales, SecurityRoles.TeamSellingMember));
        }

        foreach (var person in people)
        {
            crm.As(rep).Create(new Entity(Member.LogicalName)
            {
                [Member.OpportunityId] = opportunity,
                [Member.UserId] = person,
                [Member.TeamRole] = new OptionSetValue(person == rep ? TeamRole.AccountExecutive : TeamRole.Other),
                [Member.Level] = new OptionSetValue(Level.Staff),
            });
        }

        var solutionId = crm.As(rep).Create(new Entity(Solution.LogicalName)
        {
            [Solution.OpportunityId] = opportunity,
            [Solution.ProblemSummary] = "Month-end close takes 12 days across 4 ledgers.",
            [Solution.Amount] = new Money(100_000m),
        });
        crm.DrainAsync();

        var syncTimes = new List<double>();
        var asyncTimes = new List<double>();
        Calls? syncCalls = null;
        Calls? asyncCalls = null;
        var notificationsBefore = crm.All(LogicalNames.AppNotification.LogicalName).Count;
        for (var change = 1; change <= changes; change++)
        {
            // A different member each time; the owner never edits, so the recipients are always everyone else.
            var editor = people[1 + ((change - 1) % (people.Count - 1))];
            crm.ResetStatistics();
            crm.As(editor).Update(new Entity(Solution.LogicalName, solutionId)
            {
                [Solution.BasedOnVersion] = change,
                [Solution.ChangeSummary] = "Price change " + change.ToString(CultureInfo.InvariantCulture),
                [Solution.Amount] = new Money(100_000m + change),
            });
            crm.DrainAsync();

            var update = crm.Operations.Single(o => !o.IsAsync);
            var notify = crm.Operations.Single(o => o.IsAsync);
            syncTimes.Add(update.Elapsed.TotalMilliseconds);
            asyncTimes.Add(notify.Elapsed.TotalMilliseconds);
            syncCalls = Calls.Of(update);
            asyncCalls = Calls.Of(notify);
        }

        var notificationsPerChange = (crm.All(LogicalNames.AppNotification.LogicalName).Count - notificationsBefore) / changes;
        return new Result(teamSize, notificationsPerChange, syncCalls!, asyncCalls!, Median(syncTimes), Median(asyncTimes));
    }

    private static void Print(IReadOnlyList<Result> results, int changes)
    {
        Console.WriteLine($"One content change of a deal solution (median of {changes} changes per team size; Release build recommended)");
        Console.WriteLine();
        Console.WriteLine("| team | notified | sync service calls (version + revision) | async service calls (notify)         | total calls | sync ms | async ms |");
        Console.WriteLine("|-----:|---------:|-----------------------------------------|--------------------------------------|------------:|--------:|---------:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0,4} | {1,8} | {2,-39} | {3,-36} | {4,11} | {5,7:0.00} | {6,8:0.00} |",
                r.TeamSize, r.Notified, r.SyncCalls, r.AsyncCalls, r.SyncCalls.Total + r.AsyncCalls.Total, r.SyncMilliseconds, r.AsyncMilliseconds));
        }

        Console.WriteLine();
        Console.WriteLine("Calls are those the plugins make on IOrganizationService (CreateMultiple counts once, whatever the number of rows).");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CrmTeamSelling.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("No CrmTeamSelling.sln above " + AppContext.BaseDirectory + ": run the benchmark from inside the repository.");
    }

    private sealed record Result(int TeamSize, int Notified, Calls SyncCalls, Calls AsyncCalls, double SyncMilliseconds, double AsyncMilliseconds);

    private sealed class Calls
    {
        private Calls(IReadOnlyDictionary<string, int> byMessage, int total)
        {
            ByMessage = byMessage;
            Total = total;
        }

        public IReadOnlyDictionary<string, int> ByMessage { get; }

        public int Total { get; }

        public static Calls Of(OperationStatistics operation) => new(operation.ServiceCallsByMessage.ToDictionary(kv => kv.Key, kv => kv.Value), operation.ServiceCallsByPlugins);

        public override string ToString() => string.Join(", ", ByMessage.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + " " + kv.Value.ToString(CultureInfo.InvariantCulture)));
    }
}
