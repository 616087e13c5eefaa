using System;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Sdk.Tests;

[TestClass]
public sealed class ValueEqualityTests
{
    private static readonly Guid ContactId = new Guid("0e9b3c1a-7f42-4d1e-8b6a-2c5d9e0f1a23");

    [TestMethod]
    public void EntityReferencesWithTheSameLogicalNameAndIdAreEqual()
    {
        var first = new EntityReference("contact", ContactId) { Name = "Ann", RowVersion = "1" };
        var second = new EntityReference("contact", ContactId) { Name = "Another name", RowVersion = "2" };

        Assert.AreEqual(first, second, "Name and RowVersion do not take part in equality");
        Assert.AreEqual(first.GetHashCode(), second.GetHashCode());
    }

    [TestMethod]
    public void EntityReferencesDifferByIdLogicalNameCaseOrKeys()
    {
        var reference = new EntityReference("contact", ContactId);

        Assert.AreNotEqual(reference, new EntityReference("contact", Guid.NewGuid()));
        Assert.AreNotEqual(reference, new EntityReference("account", ContactId));
        Assert.AreNotEqual(reference, new EntityReference("Contact", ContactId), "logical names compare ordinally");
        Assert.AreNotEqual(reference, new EntityReference("contact", "emailaddress1", "ann@example.com") { Id = ContactId });
        Assert.IsFalse(reference.Equals(null));
    }

    [TestMethod]
    public void EntityReferencesByTheSameAlternateKeyAreEqual()
    {
        var first = new EntityReference("account", "accountnumber", "A-1");
        var second = new EntityReference("account", "accountnumber", "A-1");

        Assert.AreEqual(first, second);
        Assert.AreEqual(first.GetHashCode(), second.GetHashCode());
        Assert.AreNotEqual(first, new EntityReference("account", "accountnumber", "A-2"));
    }

    [TestMethod]
    public void MoneyComparesByAmount()
    {
        Assert.AreEqual(new Money(12.50m), new Money(12.5m));
        Assert.AreEqual(new Money(12.50m).GetHashCode(), new Money(12.5m).GetHashCode());
        Assert.AreNotEqual(new Money(12.50m), new Money(12.51m));
        Assert.IsFalse(new Money(1m).Equals(new OptionSetValue(1)));
    }

    [TestMethod]
    public void OptionSetValueComparesByValue()
    {
        Assert.AreEqual(new OptionSetValue(412000000), new OptionSetValue(412000000));
        Assert.AreEqual(new OptionSetValue(412000000).GetHashCode(), new OptionSetValue(412000000).GetHashCode());
        Assert.AreNotEqual(new OptionSetValue(412000000), new OptionSetValue(412000001));
    }

    [TestMethod]
    public void RelationshipComparesBySchemaNameAndRole()
    {
        var referenced = new Relationship("account_parent_account") { PrimaryEntityRole = EntityRole.Referenced };

        Assert.AreEqual(referenced, new Relationship("account_parent_account") { PrimaryEntityRole = EntityRole.Referenced });
        Assert.AreEqual(referenced.GetHashCode(), new Relationship("account_parent_account") { PrimaryEntityRole = EntityRole.Referenced }.GetHashCode());
        Assert.AreNotEqual(referenced, new Relationship("account_parent_account"));
        Assert.AreNotEqual(referenced, new Relationship("account_parent_account") { PrimaryEntityRole = EntityRole.Referencing });
        Assert.AreEqual("account_parent_account.Referenced", referenced.ToString());
    }
}
