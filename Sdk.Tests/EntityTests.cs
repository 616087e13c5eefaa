using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;

namespace CrmTeamSelling.Sdk.Tests;

[TestClass]
public sealed class EntityTests
{
    private static readonly Guid AccountId = new Guid("5f2b1c0e-1d6a-4b8e-9a55-0c7d3e2f4a10");

    [TestMethod]
    public void IndexerThrowsKeyNotFoundForAMissingAttribute()
    {
        var account = new Entity("account", AccountId);

        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = account["name"]);
    }

    [TestMethod]
    public void IndexerWritesAndReadsTheAttributeCollection()
    {
        var account = new Entity("account") { ["name"] = "Contoso" };

        Assert.AreEqual("Contoso", account["name"]);
        Assert.AreEqual("Contoso", account.Attributes["name"]);
    }

    [TestMethod]
    public void GetAttributeValueReturnsDefaultWhenMissing()
    {
        var account = new Entity("account");

        Assert.IsNull(account.GetAttributeValue<string>("name"));
        Assert.IsNull(account.GetAttributeValue<EntityReference>("primarycontactid"));
        Assert.AreEqual(0, account.GetAttributeValue<int>("numberofemployees"));
        Assert.AreEqual(DateTime.MinValue, account.GetAttributeValue<DateTime>("createdon"));
        Assert.IsNull(account.GetAttributeValue<int?>("numberofemployees"));
    }

    [TestMethod]
    public void GetAttributeValueReturnsDefaultForANullValue()
    {
        var account = new Entity("account") { ["numberofemployees"] = null };

        Assert.AreEqual(0, account.GetAttributeValue<int>("numberofemployees"));
    }

    [TestMethod]
    public void GetAttributeValueThrowsInvalidCastOnAWrongType()
    {
        var account = new Entity("account") { ["revenue"] = new Money(10m) };

        Assert.ThrowsExactly<InvalidCastException>(() => account.GetAttributeValue<decimal>("revenue"));
        Assert.ThrowsExactly<InvalidCastException>(() => account.GetAttributeValue<string>("revenue"));
    }

    [TestMethod]
    public void GetAttributeValueRejectsABlankName()
    {
        var account = new Entity("account");

        Assert.ThrowsExactly<ArgumentNullException>(() => account.GetAttributeValue<string>(" "));
    }

    [TestMethod]
    public void ContainsIsTrueForAnAttributeWhoseValueIsNull()
    {
        var account = new Entity("account") { ["telephone1"] = null };

        Assert.IsTrue(account.Contains("telephone1"));
        Assert.IsFalse(account.Contains("fax"));
    }

    [TestMethod]
    public void AttributeNamesAreCaseSensitive()
    {
        var account = new Entity("account") { ["name"] = "Contoso" };

        Assert.IsFalse(account.Contains("Name"));
        Assert.IsNull(account.GetAttributeValue<string>("NAME"));
        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = account["Name"]);
    }

    [TestMethod]
    public void TryGetAttributeValueNeverThrows()
    {
        var account = new Entity("account") { ["name"] = "Contoso", ["revenue"] = new Money(10m) };

        Assert.IsTrue(account.TryGetAttributeValue("name", out string name));
        Assert.AreEqual("Contoso", name);
        Assert.IsFalse(account.TryGetAttributeValue("missing", out string missing));
        Assert.IsNull(missing);
        Assert.IsFalse(account.TryGetAttributeValue("revenue", out int revenue));
        Assert.AreEqual(0, revenue);
    }

    [TestMethod]
    public void ToEntityReferenceCopiesLogicalNameIdAndRowVersionOnly()
    {
        var account = new Entity("account", AccountId) { RowVersion = "1234", ["name"] = "Contoso" };
        account.KeyAttributes["accountnumber"] = "A-1";

        EntityReference reference = account.ToEntityReference();

        Assert.AreEqual("account", reference.LogicalName);
        Assert.AreEqual(AccountId, reference.Id);
        Assert.AreEqual("1234", reference.RowVersion);
        Assert.IsNull(reference.Name, "the name attribute is not copied into EntityReference.Name");
        Assert.AreEqual(0, reference.KeyAttributes.Count, "alternate keys are not copied");
    }

    [TestMethod]
    public void IdAndThePrimaryKeyAttributeAreIndependent()
    {
        var account = new Entity("account", AccountId);

        Assert.IsFalse(account.Contains("accountid"), "setting Id does not add the primary-key attribute");

        var other = new Entity("account") { ["accountid"] = AccountId };

        Assert.AreEqual(Guid.Empty, other.Id, "setting the primary-key attribute does not set Id");
    }

    [TestMethod]
    public void KeyAttributeConstructorSetsTheAlternateKeyNotTheId()
    {
        var account = new Entity("account", "accountnumber", "A-1");

        Assert.AreEqual(Guid.Empty, account.Id);
        Assert.AreEqual("A-1", account.KeyAttributes["accountnumber"]);
        Assert.IsFalse(account.Contains("accountnumber"));
    }

    [TestMethod]
    public void ToEntityOfEntitySharesTheAttributeCollection()
    {
        var account = new Entity("account", AccountId) { ["name"] = "Contoso" };

        Entity copy = account.ToEntity<Entity>();
        copy["name"] = "Fabrikam";

        Assert.AreNotSame(account, copy);
        Assert.AreEqual(AccountId, copy.Id);
        Assert.AreEqual("Fabrikam", account["name"], "ToEntity is a shallow copy: the attribute bag is shared");
    }

    [TestMethod]
    public void ToEntityConvertsToAnEarlyBoundTypeOfTheSameTable()
    {
        var account = new Entity("account", AccountId) { ["name"] = "Contoso" };

        AccountRecord early = account.ToEntity<AccountRecord>();

        Assert.AreEqual(AccountId, early.Id);
        Assert.AreEqual("Contoso", early.GetAttributeValue<string>("name"));
    }

    [TestMethod]
    public void ToEntityRefusesAnEarlyBoundTypeOfAnotherTable()
    {
        var contact = new Entity("contact", AccountId);

        Assert.ThrowsExactly<NotSupportedException>(() => contact.ToEntity<AccountRecord>());
    }

    [TestMethod]
    public void ToEntityRefusesAnEarlyBoundTypeWhenLogicalNameIsMissing()
    {
        var unnamed = new Entity();

        Assert.ThrowsExactly<NotSupportedException>(() => unnamed.ToEntity<AccountRecord>());
    }

    [EntityLogicalName("account")]
    private sealed class AccountRecord : Entity
    {
        public AccountRecord()
            : base("account")
        {
        }
    }
}
