using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using CrmTeamSelling.Emulator;
using CrmTeamSelling.Plugins;
using CrmTeamSelling.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Api = CrmTeamSelling.Plugins.Model.CustomApis.GetDealCoverage;

namespace CrmTeamSelling.Benchmarks.Coverage;

/// <summary>
/// Deal coverage's cost as the number of stakeholders grows: the service calls must stay constant
/// (one query per kind of record, never one per stakeholder) and the time must grow no faster than
/// the records. Each deal: N stakeholders over four levels and three departments, a reporting line,
/// four team members, a pairing for every third stakeholder, a solution read by half the team, and
/// a review action for every tenth stakeholder.
/// </summary>
public static class Program
{
    private static readonly int[] Sizes = { 10, 100, 500 };
    private const int Runs = 7;

    public static int Main(string[] args)
    {
        var solutionFolder = args.Length > 0 ? args[0] : FindSolutionSource();
        var model = Packager.Layout.SolutionLayoutReader.Read(solutionFolder);
        Console.WriteLine($"tsell_GetDealCoverage on the emulator ({solutionFolder}); time: median of {Runs} calls after one warm-up.");
        Console.WriteLine();
        var rows = new List<string[]> { new[] { "stakeholders", "pairings", "members", "service calls", "by message", "gaps", "score", "median ms", "min ms" } };
        var callCounts = new HashSet<int>();
        foreach (var size in Sizes)
        {
            var crm = XrmEmulator.FromModel(model, typeof(PluginBase).Assembly);
            var (rep, opportunity, pairings) = ArrangeDeal(crm, size);
            var request = new OrganizationRequest(Api.Name) { [CustomApis.Target] = opportunity };
            crm.As(rep).Execute(request);

            var times = new List<double>();
            var statistics = crm.LastOperation!;
            OrganizationResponse response = null!;
            for (var run = 0; run < Runs; run++)
            {
                crm.ResetStatistics();
                var watch = Stopwatch.StartNew();
                response = crm.As(rep).Execute(request);
                times.Add(watch.Elapsed.TotalMilliseconds);
                statistics = crm.LastOperation!;
            }

            times.Sort();
            callCounts.Add(statistics.ServiceCallsByPlugins);
            var json = (string)response.Results[Api.Coverage];
            rows.Add(new[]
            {
                size.ToString(CultureInfo.InvariantCulture),
                pairings.ToString(CultureInfo.InvariantCulture),
                "4",
                statistics.ServiceCallsByPlugins.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", statistics.ServiceCallsByMessage.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Key + " " + m.Value)),
                CountGaps(json).ToString(CultureInfo.InvariantCulture),
                ((int)response.Results[Api.ReadinessScore]).ToString(CultureInfo.InvariantCulture),
                times[times.Count / 2].ToString("0.0", CultureInfo.InvariantCulture),
                times[0].ToString("0.0", CultureInfo.InvariantCulture),
            });
        }

        PrintTable(rows);
        Console.WriteLine();
        if (callCounts.Count != 1)
        {
            Console.WriteLine("FAIL: the number of service calls depends on the number of stakeholders.");
            return 1;
        }

        Console.WriteLine($"The service calls are the same ({callCounts.Single()}) for every size: one query per kind of record, none per stakeholder.");
        return 0;
    }

    private static (EntityReference Rep, EntityReference Opportunity, int Pairings) ArrangeDeal(XrmEmulator crm, int stakeholders)
    {
        var unit = crm.CreateBusinessUnit("Sales");
        var rep = crm.CreateUser("Rita Rep", unit, SecurityRoles.TeamSellingMember);
        var account = crm.Arrange(new Entity("account") { ["name"] = "Contoso Ltd", ["ownerid"] = rep });
        var opportunity = crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName)
        {
            [LogicalNames.Opportunity.Name] = "Contoso ERP rollout",
            [LogicalNames.Opportunity.CustomerId] = account,
            [LogicalNames.Opportunity.OwnerId] = rep,
        });

        var team = new[] { (rep, Level.Staff), (crm.CreateUser("Mona Manager", unit, SecurityRoles.TeamSellingMember), Level.Manager),
            (crm.CreateUser("Dirk Director", unit, SecurityRoles.TeamSellingMember), Level.Director), (crm.CreateUser("Gus General", unit, SecurityRoles.TeamSellingMember), Level.Executive) };
        var members = team.Select(t => crm.Arrange(new Entity(LogicalNames.DealTeamMember.LogicalName)
        {
            [LogicalNames.DealTeamMember.OpportunityId] = opportunity,
            [LogicalNames.DealTeamMember.UserId] = t.Item1,
            [LogicalNames.DealTeamMember.Level] = new OptionSetValue(t.Item2),
            [LogicalNames.DealTeamMember.Name] = crm.Get(t.Item1).GetAttributeValue<string>("fullname"),
            ["ownerid"] = rep,
        })).ToArray();

        var departments = new[] { "Finance", "Operations", "IT" };
        var roles = new int?[] { BuyingRole.DecisionMaker, BuyingRole.EconomicBuyer, BuyingRole.Approver, BuyingRole.TechnicalEvaluator, BuyingRole.User, BuyingRole.Influencer, null };
        var stances = new[] { Stance.Unknown, Stance.Champion, Stance.Supporter, Stance.Neutral, Stance.Skeptic, Stance.Opponent };
        var ids = new List<EntityReference>();
        var pairings = 0;
        var today = DateTime.UtcNow.Date;
        for (var i = 0; i < stakeholders; i++)
        {
            var level = Level.Staff + (i % 4);
            var contact = crm.Arrange(new Entity(LogicalNames.Contact.LogicalName) { ["firstname"] = "Person", ["lastname"] = i.ToString(CultureInfo.InvariantCulture), ["ownerid"] = rep });
            var stakeholder = new Entity(LogicalNames.Stakeholder.LogicalName)
            {
                [LogicalNames.Stakeholder.OpportunityId] = opportunity,
                [LogicalNames.Stakeholder.ContactId] = contact,
                [LogicalNames.Stakeholder.Name] = "Person " + i,
                [LogicalNames.Stakeholder.Department] = departments[i % 3],
                [LogicalNames.Stakeholder.Level] = i % 11 == 10 ? null : new OptionSetValue(level),
                [LogicalNames.Stakeholder.Stance] = new OptionSetValue(stances[i % stances.Length]),
                [LogicalNames.Stakeholder.ReportsToId] = i > 0 ? ids[(i - 1) / 4] : null,
                ["ownerid"] = rep,
            };
            if (roles[i % roles.Length] is int role)
            {
                stakeholder[LogicalNames.Stakeholder.BuyingRole] = new OptionSetValue(role);
            }

            var id = crm.Arrange(stakeholder);
            ids.Add(id);
            if (i % 3 == 0)
            {
                crm.Arrange(new Entity(LogicalNames.Counterpart.LogicalName)
                {
                    [LogicalNames.Counterpart.OpportunityId] = opportunity,
                    [LogicalNames.Counterpart.DealTeamMemberId] = members[i % 4],
                    [LogicalNames.Counterpart.StakeholderId] = id,
                    [LogicalNames.Counterpart.Name] = "Pairing " + i,
                    [LogicalNames.Counterpart.LastContact] = today.AddDays(-(i % 60)),
                    ["ownerid"] = rep,
                });
                pairings++;
            }
        }

        var solution = crm.Arrange(new Entity(LogicalNames.DealSolution.LogicalName)
        {
            [LogicalNames.DealSolution.OpportunityId] = opportunity,
            [LogicalNames.DealSolution.Name] = "Contoso ERP rollout – v4",
            [LogicalNames.DealSolution.Version] = 4,
            ["ownerid"] = rep,
        });
        foreach (var (user, _) in team.Take(2))
        {
            crm.Arrange(new Entity(LogicalNames.SolutionAcknowledgement.LogicalName)
            {
                [LogicalNames.SolutionAcknowledgement.OpportunityId] = opportunity,
                [LogicalNames.SolutionAcknowledgement.DealSolutionId] = solution,
                [LogicalNames.SolutionAcknowledgement.UserId] = user,
                [LogicalNames.SolutionAcknowledgement.AcknowledgedVersion] = 4,
                ["ownerid"] = user,
            });
        }

        var review = crm.Arrange(new Entity(LogicalNames.DealReview.LogicalName) { [LogicalNames.DealReview.OpportunityId] = opportunity, [LogicalNames.DealReview.Name] = "Review", ["ownerid"] = rep });
        for (var i = 0; i < stakeholders / 10; i++)
        {
            crm.Arrange(new Entity(LogicalNames.Task.LogicalName)
            {
                [LogicalNames.Task.Subject] = "Action " + i,
                [LogicalNames.Task.RegardingObjectId] = opportunity,
                [LogicalNames.Task.DealReviewId] = review,
                [LogicalNames.Task.ScheduledEnd] = today.AddDays(i % 2 == 0 ? -3 : 7),
                ["ownerid"] = rep,
            });
        }

        return (rep, opportunity, pairings);
    }

    private static int CountGaps(string json)
    {
        var counts = json.IndexOf("\"counts\":", StringComparison.Ordinal);
        var gaps = json.IndexOf("\"gaps\":", counts, StringComparison.Ordinal) + "\"gaps\":".Length;
        var end = json.IndexOf('}', gaps);
        return int.Parse(json.AsSpan(gaps, end - gaps), CultureInfo.InvariantCulture);
    }

    private static void PrintTable(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            Console.WriteLine("| " + string.Join(" | ", rows[r].Select((cell, c) => c == 4 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))) + " |");
            if (r == 0)
            {
                Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
            }
        }
    }

    private static string FindSolutionSource()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CrmTeamSelling.sln")))
            {
                return Path.Combine(folder.FullName, "Solution", "src");
            }
        }

        throw new InvalidOperationException("Run the benchmark inside the repository, or pass the Solution/src folder as the first argument.");
    }
}
