using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Tests;

[TestClass]
public sealed class SmokeTests
{
    [TestMethod]
    public void CreateThenRetrieveReturnsACopyWithSystemColumns()
    {
        var crm = TestModel.Emulator();
        var entity = new Entity("account") { ["name"] = "Contoso" };
        var id = crm.System.Create(entity);
        entity["name"] = "changed after create";

        var read = crm.System.Retrieve("account", id, new ColumnSet(true));

        Assert.AreEqual("Contoso", read.GetAttributeValue<string>("name"));
        Assert.AreEqual(id, read.GetAttributeValue<Guid>("accountid"));
        Assert.AreEqual(crm.SystemUser.Id, read.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(0, read.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(1, read.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.IsNotNull(read.RowVersion);
    }
}

[TestClass]
public sealed class CopySemanticsTests
{
    [TestMethod]
    public void ChangingAnArrangedOrRetrievedValueNeverChangesTheStoredRow()
    {
        var crm = TestModel.Emulator();
        var value = new Money(100m);
        var deal = crm.Arrange(new Entity("opportunity") { ["name"] = "Copies", ["estimatedvalue"] = value });

        value.Value = 1m;
        crm.System.Retrieve("opportunity", deal.Id, new ColumnSet("estimatedvalue")).GetAttributeValue<Money>("estimatedvalue").Value = 2m;

        Assert.AreEqual(100m, crm.Get(deal).GetAttributeValue<Money>("estimatedvalue").Value);
    }
}
