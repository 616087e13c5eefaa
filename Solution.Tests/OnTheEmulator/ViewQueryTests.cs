using System;
using System.Linq;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Solution.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.OnTheEmulator;

/// <summary>The views' FetchXML run on the emulator, and the views the issue names return what their names promise.</summary>
[TestClass]
public sealed class ViewQueryTests
{
    [TestMethod]
    public void Every_view_of_the_solution_runs()
    {
        var org = TeamSellingOrg.Create();
        org.AddDeal(org.Opportunity);
        var problems = new Problems();
        foreach (var (table, view) in ShippedSolution.Views)
        {
            // A quick find view holds {0} where the app puts what the user typed.
            var fetch = view.FetchXml!.Replace("{0}", "%", StringComparison.Ordinal);
            try
            {
                org.Crm.System.RetrieveMultiple(new FetchExpression(fetch));
            }
            catch (Exception e) when (e is not AssertFailedException)
            {
                problems.Add($"{view.SourceFile} ('{view.Name}' of {table.LogicalName}) fails: {e.Message}");
            }
        }

        problems.AssertNone("Views run on the emulator");
    }

    [TestMethod]
    public void Stakeholders_without_a_counterpart_are_those_no_active_pairing_names()
    {
        var org = TeamSellingOrg.Create();
        var deal = org.AddDeal(org.Opportunity);
        var view = View(Stakeholder.LogicalName, ExpectedModel.ViewNames.StakeholdersWithoutCounterpart);

        CollectionAssert.AreEquivalent(new[] { deal.Unpaired.Id }, Run(org, org.Rep, view));

        // A pairing that ended no longer covers its stakeholder.
        var pairing = deal[Counterpart.LogicalName];
        org.Crm.System.Update(new Entity(pairing.LogicalName, pairing.Id) { [Counterpart.StateCode] = new OptionSetValue(1), [Counterpart.StatusCode] = new OptionSetValue(2) });
        CollectionAssert.AreEquivalent(new[] { deal.Unpaired.Id, deal[Stakeholder.LogicalName].Id }, Run(org, org.Rep, view));
    }

    [TestMethod]
    public void Overdue_actions_are_the_open_deal_actions_past_their_due_date()
    {
        var org = TeamSellingOrg.Create();
        var rep = org.Crm.As(org.Rep);
        var now = DateTime.UtcNow;
        // Deal actions are the tasks a deal review gave out; the view leaves out tasks without one.
        var review = new EntityReference(DealReview.LogicalName, rep.Create(new Entity(DealReview.LogicalName) { [DealReview.OpportunityId] = org.Opportunity, [DealReview.ReviewDate] = now.AddDays(-7) }));
        Guid NewAction(string subject, DateTime due, EntityReference regarding) => rep.Create(new Entity(Task.LogicalName)
        {
            [Task.Subject] = subject,
            [Task.ScheduledEnd] = due,
            [Task.RegardingObjectId] = regarding,
            [Task.DealReviewId] = review,
        });
        var overdue = NewAction("Send the revised offer", now.AddDays(-2), org.Opportunity);
        NewAction("Prepare the steering meeting", now.AddDays(3), org.Opportunity);
        var done = NewAction("Book the demo room", now.AddDays(-5), org.Opportunity);
        rep.Update(new Entity(Task.LogicalName, done) { [Task.StateCode] = new OptionSetValue(1), [Task.StatusCode] = new OptionSetValue(5) });
        // Late, but not deal actions: a task on the opportunity no review gave out, and one about the account.
        rep.Create(new Entity(Task.LogicalName) { [Task.Subject] = "Thank Dana for the visit", [Task.ScheduledEnd] = now.AddDays(-1), [Task.RegardingObjectId] = org.Opportunity });
        org.Crm.Arrange(new Entity(Task.LogicalName) { [Task.Subject] = "Call about the invoice", [Task.ScheduledEnd] = now.AddDays(-1), [Task.RegardingObjectId] = org.Account, [Task.OwnerId] = org.Rep });

        CollectionAssert.AreEquivalent(new[] { overdue }, Run(org, org.Rep, View(Task.LogicalName, ExpectedModel.ViewNames.OverdueActions)));
    }

    [TestMethod]
    public void My_deals_as_a_team_member_are_the_opportunities_of_the_callers_active_memberships()
    {
        var org = TeamSellingOrg.Create();
        var current = org.AddDeal(org.Opportunity);
        var left = org.AddDeal(org.NewOpportunity("Contoso CRM upgrade"));
        var someoneElses = org.AddDeal(org.NewOpportunity("Contoso data platform"));
        var leftMembership = left[DealTeamMember.LogicalName];
        org.Crm.System.Update(new Entity(leftMembership.LogicalName, leftMembership.Id) { [DealTeamMember.StateCode] = new OptionSetValue(1), [DealTeamMember.StatusCode] = new OptionSetValue(2) });
        var otherMembership = someoneElses[DealTeamMember.LogicalName];
        org.Crm.System.Update(new Entity(otherMembership.LogicalName, otherMembership.Id) { [DealTeamMember.UserId] = org.Outsider });
        foreach (var opportunity in org.Crm.All(Opportunity.LogicalName))
        {
            org.ShareAsDealTeamMember(opportunity.ToEntityReference(), org.Colleague);
        }

        // The colleague is an active member of the first deal only, the rep of none.
        CollectionAssert.AreEquivalent(new[] { current.Opportunity.Id }, Run(org, org.Colleague, View(Opportunity.LogicalName, ExpectedModel.ViewNames.MyDealsAsTeamMember)));
        Assert.IsEmpty(Run(org, org.Rep, View(Opportunity.LogicalName, ExpectedModel.ViewNames.MyDealsAsTeamMember)));
    }

    private static ViewModel View(string table, string name)
        => ShippedSolution.Table(table).Views.SingleOrDefault(v => v.Name == name) ?? throw new AssertFailedException($"{table} has no view '{name}'.");

    private static Guid[] Run(TeamSellingOrg org, EntityReference user, ViewModel view)
        => org.Crm.As(user).RetrieveMultiple(new FetchExpression(view.FetchXml!)).Entities.Select(e => e.Id).ToArray();
}
