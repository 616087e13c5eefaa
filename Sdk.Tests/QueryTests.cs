using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Sdk.Tests;

[TestClass]
public sealed class QueryTests
{
    [TestMethod]
    public void QueryExpressionStartsWithNoColumnsAnAndFilterAndDefaultPaging()
    {
        var query = new QueryExpression("account");

        Assert.IsFalse(query.ColumnSet.AllColumns);
        Assert.AreEqual(0, query.ColumnSet.Columns.Count);
        Assert.AreEqual(LogicalOperator.And, query.Criteria.FilterOperator);
        Assert.AreEqual(0, query.PageInfo.PageNumber);
        Assert.IsNull(query.TopCount);
    }

    [TestMethod]
    public void AddLinkJoinsFromTheQueryTable()
    {
        var query = new QueryExpression("opportunity");

        LinkEntity link = query.AddLink("tsell_dealteammember", "opportunityid", "tsell_opportunityid", JoinOperator.LeftOuter);

        Assert.AreSame(link, query.LinkEntities[0]);
        Assert.AreEqual("opportunity", link.LinkFromEntityName);
        Assert.AreEqual("tsell_dealteammember", link.LinkToEntityName);
        Assert.AreEqual("opportunityid", link.LinkFromAttributeName);
        Assert.AreEqual("tsell_opportunityid", link.LinkToAttributeName);
        Assert.AreEqual(JoinOperator.LeftOuter, link.JoinOperator);
        Assert.IsNotNull(link.LinkCriteria);
        Assert.IsNotNull(link.Columns);
    }

    [TestMethod]
    public void ConditionConstructorsKeepTheirValues()
    {
        var single = new ConditionExpression("statecode", ConditionOperator.Equal, 0);
        var many = new ConditionExpression("tsell_level", ConditionOperator.In, 1, 2, 3);
        var fromList = new ConditionExpression("tsell_level", ConditionOperator.In, new List<int> { 1, 2 });
        var none = new ConditionExpression("tsell_stance", ConditionOperator.Null);
        var onLink = new ConditionExpression("member", "tsell_userid", ConditionOperator.EqualUserId);

        CollectionAssert.AreEqual(new object[] { 0 }, single.Values);
        CollectionAssert.AreEqual(new object[] { 1, 2, 3 }, many.Values);
        CollectionAssert.AreEqual(new object[] { 1, 2 }, fromList.Values);
        Assert.AreEqual(0, none.Values.Count);
        Assert.AreEqual("member", onLink.EntityName);
        Assert.AreEqual("tsell_userid", onLink.AttributeName);
    }

    [TestMethod]
    public void ConditionOperatorHasTheOfficialNumbers()
    {
        Assert.AreEqual(0, (int)ConditionOperator.Equal);
        Assert.AreEqual(8, (int)ConditionOperator.In);
        Assert.AreEqual(12, (int)ConditionOperator.Null);
        Assert.AreEqual(13, (int)ConditionOperator.NotNull);
        Assert.AreEqual(41, (int)ConditionOperator.EqualUserId);
        Assert.AreEqual(49, (int)ConditionOperator.Contains);
        Assert.AreEqual(54, (int)ConditionOperator.BeginsWith);
        Assert.AreEqual(75, (int)ConditionOperator.Under);
        Assert.AreEqual(84, (int)ConditionOperator.OlderThanXDays);
        Assert.AreEqual(88, (int)ConditionOperator.DoesNotContainValues);
    }

    [TestMethod]
    public void QueryByAttributeCollectsAttributeValuePairs()
    {
        var query = new QueryByAttribute("tsell_dealteammember");

        query.AddAttributeValue("tsell_opportunityid", 1);
        query.AddAttributeValue("statecode", 0);

        CollectionAssert.AreEqual(new[] { "tsell_opportunityid", "statecode" }, query.Attributes);
        CollectionAssert.AreEqual(new object[] { 1, 0 }, query.Values);
        Assert.IsNull(query.ColumnSet, "as the official SDK, only the parameterless constructor creates a ColumnSet");
    }

    [TestMethod]
    public void ColumnSetTakesColumnsInOrder()
    {
        var columns = new ColumnSet("name", "ownerid");
        columns.AddColumn("statecode");

        CollectionAssert.AreEqual(new[] { "name", "ownerid", "statecode" }, columns.Columns);
        Assert.IsTrue(new ColumnSet(true).AllColumns);
    }
}
