using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    [CollectionDataContract(Name = "AttributeCollection", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class AttributeCollection : DataCollection<string, object>
    {
        public AttributeCollection()
        {
        }

        internal AttributeCollection(IDictionary<string, object> collection)
            : base(collection)
        {
        }
    }

    [CollectionDataContract(Name = "FormattedValueCollection", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class FormattedValueCollection : DataCollection<string, string>
    {
        public FormattedValueCollection()
        {
        }

        internal FormattedValueCollection(IDictionary<string, string> collection)
            : base(collection)
        {
        }
    }

    [CollectionDataContract(Name = "RelatedEntityCollection", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
    {
    }

    /// <summary>Named values: request parameters, response results, shared variables.</summary>
    [CollectionDataContract(Name = "ParameterCollection", Namespace = XrmNamespaces.Contracts2011)]
    public class ParameterCollection : DataCollection<string, object>
    {
        public ParameterCollection()
        {
        }

        protected ParameterCollection(IDictionary<string, object> collection)
            : base(collection)
        {
        }

        /// <summary>Sets the value under the key, unless the value is null (then nothing changes).</summary>
        public void AddOrUpdateIfNotNull(string key, object obj)
        {
            if (obj == null)
            {
                return;
            }

            this[key] = obj;
        }

        /// <summary>True, with the value, when the key is present and its value is a T.</summary>
        public bool TryGetValue<T>(string key, out T value)
        {
            value = default(T);
            if (!base.TryGetValue(key, out object found) || !(found is T typed))
            {
                return false;
            }

            value = typed;
            return true;
        }
    }

    [CollectionDataContract(Name = "EntityImageCollection", Namespace = XrmNamespaces.Contracts2011)]
    public class EntityImageCollection : DataCollection<string, Entity>
    {
        public EntityImageCollection()
        {
        }

        protected internal EntityImageCollection(IDictionary<string, Entity> collection)
            : base(collection)
        {
        }
    }

    [CollectionDataContract(Name = "KeyAttributeCollection", Namespace = XrmNamespaces.Contracts71)]
    [Serializable]
    public sealed class KeyAttributeCollection : DataCollection<string, object>
    {
        public KeyAttributeCollection()
        {
        }

        internal KeyAttributeCollection(IDictionary<string, object> collection)
            : base(collection)
        {
        }
    }

    [CollectionDataContract(Name = "ErrorDetailCollection", Namespace = XrmNamespaces.Contracts2011)]
    [Serializable]
    public sealed class ErrorDetailCollection : DataCollection<string, object>
    {
    }

    [CollectionDataContract(Name = "EntityReferenceCollection", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class EntityReferenceCollection : DataCollection<EntityReference>
    {
        public EntityReferenceCollection()
        {
        }

        public EntityReferenceCollection(IList<EntityReference> list)
            : base(list)
        {
        }
    }

    [CollectionDataContract(Name = "OptionSetValueCollection", Namespace = XrmNamespaces.Contracts90)]
    public sealed class OptionSetValueCollection : DataCollection<OptionSetValue>
    {
        public OptionSetValueCollection()
        {
        }

        public OptionSetValueCollection(IList<OptionSetValue> list)
            : base(list)
        {
        }
    }

    [CollectionDataContract(Name = "OrganizationRequestCollection", Namespace = XrmNamespaces.Contracts2012)]
    public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
    {
    }

    [CollectionDataContract(Name = "OrganizationResponseCollection", Namespace = XrmNamespaces.Contracts71)]
    public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
    {
    }

    [CollectionDataContract(Name = "OrganizationResponseCollection", Namespace = XrmNamespaces.Contracts2012)]
    public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
    {
    }

    /// <summary>The data-contract namespaces the official SDK serializes under (internal: not SDK surface).</summary>
    internal static class XrmNamespaces
    {
        public const string Contracts2011 = "http://schemas.microsoft.com/xrm/2011/Contracts";
        public const string Contracts2012 = "http://schemas.microsoft.com/xrm/2012/Contracts";
        public const string Contracts71 = "http://schemas.microsoft.com/xrm/7.1/Contracts";
        public const string Contracts90 = "http://schemas.microsoft.com/xrm/9.0/Contracts";
    }
}
