using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Sdk.Tests;

[TestClass]
public sealed class CollectionTests
{
    [TestMethod]
    public void ParameterCollectionIndexerThrowsKeyNotFoundForAMissingKey()
    {
        var parameters = new ParameterCollection { { "Target", new Entity("account") } };

        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = parameters["PreImage"]);
    }

    [TestMethod]
    public void ParameterCollectionKeysAreCaseSensitive()
    {
        var parameters = new ParameterCollection { { "Target", new Entity("account") } };

        Assert.IsTrue(parameters.Contains("Target"));
        Assert.IsFalse(parameters.Contains("target"));
        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = parameters["target"]);
    }

    [TestMethod]
    public void ParameterCollectionTypedTryGetValueChecksTheType()
    {
        var parameters = new ParameterCollection { { "Target", new EntityReference("account", Guid.NewGuid()) } };

        Assert.IsTrue(parameters.TryGetValue("Target", out EntityReference reference));
        Assert.AreEqual("account", reference.LogicalName);
        Assert.IsFalse(parameters.TryGetValue("Target", out Entity entity), "a reference is not an Entity");
        Assert.IsNull(entity);
        Assert.IsFalse(parameters.TryGetValue("Missing", out EntityReference missing));
        Assert.IsNull(missing);
    }

    [TestMethod]
    public void AddOrUpdateIfNotNullIgnoresNull()
    {
        var parameters = new ParameterCollection { { "Tag", "first" } };

        parameters.AddOrUpdateIfNotNull("Tag", null);
        parameters.AddOrUpdateIfNotNull("Other", null);
        parameters.AddOrUpdateIfNotNull("Third", "set");

        Assert.AreEqual("first", parameters["Tag"]);
        Assert.IsFalse(parameters.Contains("Other"));
        Assert.AreEqual("set", parameters["Third"]);
    }

    [TestMethod]
    public void AddRefusesADuplicateKeyWhileTheIndexerReplaces()
    {
        var attributes = new AttributeCollection { { "name", "Contoso" } };

        Assert.ThrowsExactly<ArgumentException>(() => attributes.Add("name", "Fabrikam"));
        attributes["name"] = "Fabrikam";
        Assert.AreEqual("Fabrikam", attributes["name"]);
        Assert.AreEqual(1, attributes.Count);
    }

    [TestMethod]
    public void EntityImageCollectionIndexerThrowsKeyNotFoundForAMissingImage()
    {
        var images = new EntityImageCollection();

        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = images["PreImage"]);
        Assert.IsFalse(images.TryGetValue("PreImage", out Entity image));
        Assert.IsNull(image);
    }

    [TestMethod]
    public void EntityCollectionCopiesTheListItIsGiven()
    {
        var list = new List<Entity> { new Entity("account"), new Entity("account") };

        var collection = new EntityCollection(list) { EntityName = "account" };
        list.Add(new Entity("account"));

        Assert.AreEqual(2, collection.Entities.Count);
        Assert.AreSame(list[0], collection[0]);
    }

    [TestMethod]
    public void RelatedEntitiesAreKeyedByRelationshipValue()
    {
        var account = new Entity("account");
        account.RelatedEntities[new Relationship("contact_customer_accounts")] = new EntityCollection();

        Assert.IsTrue(account.RelatedEntities.Contains(new Relationship("contact_customer_accounts")));
        Assert.IsFalse(account.RelatedEntities.Contains(new Relationship("contact_customer_accounts") { PrimaryEntityRole = EntityRole.Referenced }));
    }
}
