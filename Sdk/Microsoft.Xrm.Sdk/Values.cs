using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A pointer to a record: logical name and id (or alternate key). Two references are equal when
    /// Id, LogicalName (ordinal) and the key attributes are; Name and RowVersion do not count.
    /// </summary>
    [DataContract(Name = "EntityReference", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class EntityReference : IExtensibleDataObject
    {
        private KeyAttributeCollection _keyAttributes;

        public EntityReference()
        {
        }

        public EntityReference(string logicalName)
        {
            LogicalName = logicalName;
        }

        public EntityReference(string logicalName, Guid id)
        {
            LogicalName = logicalName;
            Id = id;
        }

        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
        {
            LogicalName = logicalName;
            KeyAttributes = keyAttributeCollection;
        }

        public EntityReference(string logicalName, string keyName, object keyValue)
        {
            LogicalName = logicalName;
            KeyAttributes.Add(keyName, keyValue);
        }

        [DataMember]
        public Guid Id { get; set; }

        [DataMember]
        public string LogicalName { get; set; }

        [DataMember]
        public string Name { get; set; }

        [DataMember]
        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection());
            set => _keyAttributes = value;
        }

        [DataMember]
        public string RowVersion { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            if (!(obj is EntityReference other))
            {
                return false;
            }

            if (ReferenceEquals(this, other))
            {
                return true;
            }

            return Id == other.Id
                && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal)
                && KeyAttributes.Count == other.KeyAttributes.Count
                && KeyAttributes.All(key => other.KeyAttributes.Contains(key));
        }

        public override int GetHashCode()
        {
            int hash = string.IsNullOrEmpty(LogicalName) ? 0 : LogicalName.GetHashCode() ^ Id.GetHashCode();
            foreach (KeyValuePair<string, object> key in KeyAttributes)
            {
                hash ^= string.IsNullOrEmpty(key.Key) ? 0 : key.Key.GetHashCode() ^ (key.Value == null ? 0 : key.Value.GetHashCode());
            }

            return hash;
        }
    }

    /// <summary>A page of records from RetrieveMultiple, with the paging state to fetch the next.</summary>
    [DataContract(Name = "EntityCollection", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class EntityCollection : IExtensibleDataObject
    {
        private DataCollection<Entity> _entities;

        public EntityCollection()
        {
        }

        public EntityCollection(IList<Entity> list)
        {
            _entities = new DataCollection<Entity>(list);
        }

        [DataMember]
        public DataCollection<Entity> Entities
        {
            get => _entities ?? (_entities = new DataCollection<Entity>());
            private set => _entities = value;
        }

        public Entity this[int index]
        {
            get => Entities[index];
            set => Entities[index] = value;
        }

        [DataMember]
        public bool MoreRecords { get; set; }

        [DataMember]
        public string PagingCookie { get; set; }

        [DataMember]
        public string MinActiveRowVersion { get; set; }

        [DataMember]
        public int TotalRecordCount { get; set; }

        [DataMember]
        public bool TotalRecordCountLimitExceeded { get; set; }

        [DataMember]
        public string EntityName { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>The value of a choice column; equal when the numbers are.</summary>
    [DataContract(Name = "OptionSetValue", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class OptionSetValue : IExtensibleDataObject
    {
        public OptionSetValue()
        {
        }

        public OptionSetValue(int value)
        {
            Value = value;
        }

        [DataMember]
        public int Value { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            return obj is OptionSetValue other && Value == other.Value;
        }

        public override int GetHashCode()
        {
            return Value.GetHashCode();
        }
    }

    /// <summary>A currency amount; equal when the amounts are.</summary>
    [DataContract(Name = "Money", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class Money : IExtensibleDataObject
    {
        public Money()
        {
        }

        public Money(decimal value)
        {
            Value = value;
        }

        [DataMember]
        public decimal Value { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            return obj is Money other && Value == other.Value;
        }

        public override int GetHashCode()
        {
            return Value.GetHashCode();
        }
    }

    /// <summary>A relationship by schema name, with the role of the primary table for self-referencing ones.</summary>
    [DataContract(Name = "Relationship", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class Relationship : IExtensibleDataObject
    {
        public Relationship()
        {
        }

        public Relationship(string schemaName)
        {
            SchemaName = schemaName;
        }

        [DataMember]
        public string SchemaName { get; set; }

        [DataMember]
        public EntityRole? PrimaryEntityRole { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            return obj is Relationship other
                && string.Equals(SchemaName, other.SchemaName, StringComparison.Ordinal)
                && PrimaryEntityRole == other.PrimaryEntityRole;
        }

        public override int GetHashCode()
        {
            int hash = (SchemaName ?? string.Empty).GetHashCode();
            return PrimaryEntityRole.HasValue ? hash ^ PrimaryEntityRole.Value.GetHashCode() : hash;
        }

        /// <summary>"SchemaName.Role", for example "contact_customer_accounts.Referenced".</summary>
        public override string ToString()
        {
            return string.Format(CultureInfo.InvariantCulture, "{0}.{1}", SchemaName ?? string.Empty, PrimaryEntityRole.HasValue ? PrimaryEntityRole.ToString() : string.Empty);
        }
    }

    [DataContract(Name = "EntityRole", Namespace = XrmNamespaces.Contracts2011)]
    public enum EntityRole
    {
        [EnumMember] Referencing = 0,
        [EnumMember] Referenced = 1,
    }

    [DataContract(Name = "EntityState", Namespace = XrmNamespaces.Contracts2011)]
    public enum EntityState
    {
        [EnumMember] Unchanged = 0,
        [EnumMember] Created = 1,
        [EnumMember] Changed = 2,
    }

    [DataContract(Name = "ConcurrencyBehavior", Namespace = XrmNamespaces.Contracts71)]
    public enum ConcurrencyBehavior
    {
        [EnumMember] Default = 0,
        [EnumMember] IfRowVersionMatches = 1,
        [EnumMember] AlwaysOverwrite = 2,
    }
}
