using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Tests;

[TestClass]
public sealed class QueryTests
{
    private static XrmEmulator Seeded(out EntityReference contoso, out EntityReference fabrikam)
    {
        var crm = TestModel.Emulator();
        contoso = crm.Arrange(new Entity("account") { ["name"] = "Contoso", ["address1_city"] = "Oslo" });
        fabrikam = crm.Arrange(new Entity("account") { ["name"] = "Fabrikam", ["address1_city"] = "Bergen" });
        crm.Arrange(
            new Entity("opportunity") { ["name"] = "Alpha", ["parentaccountid"] = contoso, ["estimatedvalue"] = new Money(500m), ["closeprobability"] = 10 },
            new Entity("opportunity") { ["name"] = "Beta", ["parentaccountid"] = contoso, ["estimatedvalue"] = new Money(1500m), ["closeprobability"] = 60 },
            new Entity("opportunity") { ["name"] = "Gamma", ["parentaccountid"] = fabrikam, ["estimatedvalue"] = new Money(3000m), ["closeprobability"] = 90 },
            new Entity("opportunity") { ["name"] = "Delta", ["estimatedvalue"] = new Money(50m) });
        return crm;
    }

    private static string[] Names(EntityCollection result) => result.Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray();

    [TestMethod]
    public void NestedFiltersOrdersAndColumnSetsBehaveAsInDataverse()
    {
        var crm = Seeded(out var contoso, out _);
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, contoso.Id);
        var or = query.Criteria.AddFilter(LogicalOperator.Or);
        or.AddCondition("closeprobability", ConditionOperator.GreaterEqual, 50);
        or.AddCondition("name", ConditionOperator.Like, "al%");
        query.AddOrder("name", OrderType.Descending);

        var result = crm.System.RetrieveMultiple(query);

        CollectionAssert.AreEqual(new[] { "Beta", "Alpha" }, Names(result));
        Assert.IsFalse(result.Entities[0].Contains("closeprobability"), "only the requested columns come back");
    }

    [TestMethod]
    public void NullsSortFirstAndNeverMatchComparisons()
    {
        var crm = Seeded(out _, out _);
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.AddOrder("closeprobability", OrderType.Ascending);
        CollectionAssert.AreEqual(new[] { "Delta", "Alpha", "Beta", "Gamma" }, Names(crm.System.RetrieveMultiple(query)));

        var notEqual = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        notEqual.Criteria.AddCondition("closeprobability", ConditionOperator.NotEqual, 10);
        CollectionAssert.AreEquivalent(new[] { "Beta", "Gamma" }, Names(crm.System.RetrieveMultiple(notEqual)));
    }

    [TestMethod]
    public void LinkEntitiesJoinFilterAndReturnAliasedColumns()
    {
        var crm = Seeded(out _, out _);
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        var account = query.AddLink("account", "parentaccountid", "accountid");
        account.EntityAlias = "acct";
        account.Columns = new ColumnSet("name", "address1_city");
        account.LinkCriteria.AddCondition("address1_city", ConditionOperator.Equal, "oslo");
        query.AddOrder("name", OrderType.Ascending);

        var result = crm.System.RetrieveMultiple(query);

        CollectionAssert.AreEqual(new[] { "Alpha", "Beta" }, Names(result));
        var city = result.Entities[0].GetAttributeValue<AliasedValue>("acct.address1_city");
        Assert.AreEqual("Oslo", city.Value);
        Assert.AreEqual("account", city.EntityLogicalName);
    }

    [TestMethod]
    public void AnOuterJoinKeepsRowsWithoutAMatchAndAConditionCanNameTheLinkAlias()
    {
        var crm = Seeded(out _, out _);
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.AddLink("account", "parentaccountid", "accountid", JoinOperator.LeftOuter).EntityAlias = "a";
        query.Criteria.AddCondition("a", "accountid", ConditionOperator.Null);

        CollectionAssert.AreEqual(new[] { "Delta" }, Names(crm.System.RetrieveMultiple(query)));
    }

    [TestMethod]
    public void PagingReturnsPagesWithMoreRecordsAndACookie()
    {
        var crm = Seeded(out _, out _);
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 3, PageNumber = 1, ReturnTotalRecordCount = true } };
        query.AddOrder("name", OrderType.Ascending);

        var first = crm.System.RetrieveMultiple(query);
        query.PageInfo.PageNumber = 2;
        query.PageInfo.PagingCookie = first.PagingCookie;
        var second = crm.System.RetrieveMultiple(query);

        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Delta" }, Names(first));
        Assert.IsTrue(first.MoreRecords);
        StringAssert.StartsWith(first.PagingCookie, "<cookie page=\"1\"><opportunityid last=");
        Assert.AreEqual(4, first.TotalRecordCount);
        CollectionAssert.AreEqual(new[] { "Gamma" }, Names(second));
        Assert.IsFalse(second.MoreRecords);
    }

    [TestMethod]
    public void QueryByAttributeMatchesEveryPair()
    {
        var crm = Seeded(out var contoso, out _);
        var query = new QueryByAttribute("opportunity") { ColumnSet = new ColumnSet("name") };
        query.AddAttributeValue("parentaccountid", contoso.Id);
        query.AddAttributeValue("closeprobability", 60);

        CollectionAssert.AreEqual(new[] { "Beta" }, Names(crm.System.RetrieveMultiple(query)));
    }

    [TestMethod]
    public void FetchXmlWithFiltersLinkEntityOrderAndPaging()
    {
        var crm = Seeded(out _, out _);
        var fetch = @"<fetch count='1' page='2'>
  <entity name='opportunity'>
    <attribute name='name' />
    <order attribute='estimatedvalue' descending='true' />
    <filter type='and'>
      <condition attribute='estimatedvalue' operator='gt' value='100' />
      <filter type='or'>
        <condition attribute='closeprobability' operator='in'><value>60</value><value>90</value></condition>
        <condition attribute='name' operator='begins-with' value='Al' />
      </filter>
    </filter>
    <link-entity name='account' from='accountid' to='parentaccountid' alias='acct'>
      <attribute name='name' />
    </link-entity>
  </entity>
</fetch>";

        var result = crm.System.RetrieveMultiple(new FetchExpression(fetch));

        CollectionAssert.AreEqual(new[] { "Beta" }, Names(result), "ordered Gamma, Beta, Alpha by value; page 2 of size 1 is Beta");
        Assert.IsTrue(result.MoreRecords);
        Assert.AreEqual("Contoso", result.Entities[0].GetAttributeValue<AliasedValue>("acct.name").Value);
    }

    [TestMethod]
    public void FetchXmlCountAggregate()
    {
        var crm = Seeded(out var contoso, out _);
        var fetch = $"<fetch aggregate='true'><entity name='opportunity'><attribute name='opportunityid' alias='total' aggregate='count' /><filter><condition attribute='parentaccountid' operator='eq' value='{contoso.Id}' /></filter></entity></fetch>";

        var result = crm.System.RetrieveMultiple(new FetchExpression(fetch));

        Assert.AreEqual(2, (int)result.Entities.Single().GetAttributeValue<AliasedValue>("total").Value);
    }

    [TestMethod]
    public void RetrievedLookupsCarryTheNameAndChoicesTheirLabel()
    {
        var crm = Seeded(out var contoso, out _);
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("parentaccountid", "statecode") };
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "Alpha");

        var alpha = crm.System.RetrieveMultiple(query).Entities.Single();

        Assert.AreEqual("Contoso", alpha.GetAttributeValue<EntityReference>("parentaccountid").Name);
        Assert.AreEqual("Open", alpha.FormattedValues["statecode"]);
    }

    [TestMethod]
    public void DistinctCollapsesRowsWithTheSameValuesOfTheColumnsAskedFor()
    {
        var crm = Seeded(out _, out _);
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("parentaccountid"), Distinct = true };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.NotNull);

        var result = crm.System.RetrieveMultiple(query);

        Assert.AreEqual(2, result.Entities.Count, "Alpha and Beta share Contoso; Gamma has Fabrikam");
        Assert.IsTrue(result.Entities.All(e => !e.Contains("opportunityid")));
    }

    [TestMethod]
    public void TopCountLimitsTheRows()
    {
        var crm = Seeded(out _, out _);
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name"), TopCount = 2 };
        query.AddOrder("estimatedvalue", OrderType.Descending);

        CollectionAssert.AreEqual(new[] { "Gamma", "Beta" }, Names(crm.System.RetrieveMultiple(query)));
    }
}
