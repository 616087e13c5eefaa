using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    [CollectionDataContract(Name = "AttributeCollection", Namespace = XrmNamespaces.Contracts)]
    public sealed class AttributeCollection : DataCollection<string, object>
    {
    }

    [CollectionDataContract(Name = "FormattedValueCollection", Namespace = XrmNamespaces.Contracts)]
    public sealed class FormattedValueCollection : DataCollection<string, string>
    {
    }

    [CollectionDataContract(Name = "RelatedEntityCollection", Namespace = XrmNamespaces.Contracts)]
    public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
    {
    }

    [CollectionDataContract(Name = "ParameterCollection", Namespace = XrmNamespaces.Contracts)]
    public sealed class ParameterCollection : DataCollection<string, object>
    {
    }

    [CollectionDataContract(Name = "EntityImageCollection", Namespace = XrmNamespaces.Contracts)]
    public sealed class EntityImageCollection : DataCollection<string, Entity>
    {
    }

    [CollectionDataContract(Name = "KeyAttributeCollection", Namespace = XrmNamespaces.Contracts)]
    public sealed class KeyAttributeCollection : DataCollection<string, object>
    {
    }

    [CollectionDataContract(Name = "ErrorDetailCollection", Namespace = XrmNamespaces.Contracts)]
    public sealed class ErrorDetailCollection : DataCollection<string, object>
    {
    }

    [CollectionDataContract(Name = "EntityReferenceCollection", Namespace = XrmNamespaces.Contracts)]
    public class EntityReferenceCollection : DataCollection<EntityReference>
    {
        public EntityReferenceCollection()
        {
        }

        public EntityReferenceCollection(IList<EntityReference> list)
            : base(list)
        {
        }
    }

    [CollectionDataContract(Name = "OptionSetValueCollection", Namespace = XrmNamespaces.Contracts)]
    public class OptionSetValueCollection : DataCollection<OptionSetValue>
    {
        public OptionSetValueCollection()
        {
        }

        public OptionSetValueCollection(IList<OptionSetValue> list)
            : base(list)
        {
        }
    }

    [CollectionDataContract(Name = "OrganizationRequestCollection", Namespace = XrmNamespaces.Contracts)]
    public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
    {
    }

    [CollectionDataContract(Name = "OrganizationResponseCollection", Namespace = XrmNamespaces.Contracts)]
    public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
    {
    }

    [CollectionDataContract(Name = "ExecuteMultipleResponseItemCollection", Namespace = XrmNamespaces.Contracts)]
    public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
    {
    }

    /// <summary>The data-contract namespaces the official SDK serializes under (internal: not SDK surface).</summary>
    internal static class XrmNamespaces
    {
        public const string Contracts = "http://schemas.microsoft.com/xrm/2011/Contracts";
        public const string Query = "http://schemas.microsoft.com/xrm/2011/Contracts";
        public const string Crm = "http://schemas.microsoft.com/crm/2011/Contracts";
    }
}
