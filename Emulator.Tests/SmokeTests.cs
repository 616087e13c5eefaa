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
