using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A record: a logical name, an id and a bag of attributes. In this base class Id and the
    /// primary-key attribute (for example "accountid") are independent, as in the official SDK;
    /// only generated early-bound classes keep them in step.
    /// </summary>
    [DataContract(Name = "Entity", Namespace = XrmNamespaces.Contracts)]
    public class Entity : IExtensibleDataObject
    {
        private AttributeCollection _attributes;
        private FormattedValueCollection _formattedValues;
        private RelatedEntityCollection _relatedEntities;
        private KeyAttributeCollection _keyAttributes;

        public Entity()
            : this((string)null)
        {
        }

        public Entity(string entityName)
        {
            LogicalName = entityName;
        }

        public Entity(string entityName, Guid id)
        {
            LogicalName = entityName;
            Id = id;
        }

        public Entity(string entityName, string keyName, object keyValue)
        {
            LogicalName = entityName;
            KeyAttributes[keyName] = keyValue;
        }

        public Entity(string entityName, KeyAttributeCollection keyAttributes)
        {
            LogicalName = entityName;
            KeyAttributes = keyAttributes;
        }

        [DataMember]
        public string LogicalName { get; set; }

        [DataMember]
        public virtual Guid Id { get; set; }

        [DataMember]
        public AttributeCollection Attributes
        {
            get => _attributes ?? (_attributes = new AttributeCollection());
            set => _attributes = value;
        }

        [DataMember]
        public EntityState? EntityState { get; set; }

        [DataMember]
        public FormattedValueCollection FormattedValues
        {
            get => _formattedValues ?? (_formattedValues = new FormattedValueCollection());
            internal set => _formattedValues = value;
        }

        [DataMember]
        public RelatedEntityCollection RelatedEntities
        {
            get => _relatedEntities ?? (_relatedEntities = new RelatedEntityCollection());
            internal set => _relatedEntities = value;
        }

        [DataMember]
        public string RowVersion { get; set; }

        [DataMember]
        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection());
            set => _keyAttributes = value;
        }

        public virtual ExtensionDataObject ExtensionData { get; set; }

        /// <summary>Reads or writes an attribute; reading a missing one throws KeyNotFoundException.</summary>
        public object this[string attributeName]
        {
            get => Attributes[attributeName];
            set => Attributes[attributeName] = value;
        }

        /// <summary>True when the attribute is present, even with a null value.</summary>
        public bool Contains(string attributeName)
        {
            return Attributes.Contains(attributeName);
        }

        /// <summary>The attribute as T; default(T) when missing or null; InvalidCastException when of another type.</summary>
        public T GetAttributeValue<T>(string attributeLogicalName)
        {
            object value = GetAttributeValue(attributeLogicalName);
            if (value == null)
            {
                return default(T);
            }

            return (T)value;
        }

        public T ToEntity<T>() where T : Entity
        {
            if (typeof(T) == typeof(Entity))
            {
                var copy = new Entity();
                ShallowCopyTo(copy);
                return (T)copy;
            }

            EntityLogicalNameAttribute logicalNameAttribute = typeof(T).GetCustomAttributes(typeof(EntityLogicalNameAttribute), true)
                .OfType<EntityLogicalNameAttribute>()
                .FirstOrDefault();
            if (logicalNameAttribute == null)
            {
                throw new NotSupportedException(
                    "Cannot convert to type " + typeof(T).FullName + ": it has no EntityLogicalNameAttribute.");
            }

            if (!string.Equals(LogicalName, logicalNameAttribute.LogicalName, StringComparison.Ordinal))
            {
                throw new NotSupportedException(
                    "Cannot convert entity '" + LogicalName + "' to type " + typeof(T).FullName +
                    ", which is for entity '" + logicalNameAttribute.LogicalName + "'.");
            }

            T target = (T)Activator.CreateInstance(typeof(T));
            ShallowCopyTo(target);
            return target;
        }

        /// <summary>A reference carrying only this record's LogicalName and Id.</summary>
        public EntityReference ToEntityReference()
        {
            return new EntityReference(LogicalName, Id);
        }

        protected virtual void SetAttributeValue(string attributeLogicalName, object value)
        {
            if (string.IsNullOrWhiteSpace(attributeLogicalName))
            {
                throw new ArgumentNullException(nameof(attributeLogicalName));
            }

            Attributes[attributeLogicalName] = value;
        }

        protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
        {
            if (string.IsNullOrWhiteSpace(attributeLogicalName))
            {
                throw new ArgumentNullException(nameof(attributeLogicalName));
            }

            return FormattedValues.TryGetValue(attributeLogicalName, out string formatted) ? formatted : null;
        }

        protected virtual TEntity GetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            EntityCollection related = GetRelatedCollection(relationshipSchemaName, primaryEntityRole);
            return related == null || related.Entities.Count == 0 ? null : related.Entities[0].ToEntity<TEntity>();
        }

        protected virtual void SetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, TEntity entity)
            where TEntity : Entity
        {
            SetRelatedEntities(relationshipSchemaName, primaryEntityRole, entity == null ? null : new[] { entity });
        }

        protected virtual IEnumerable<TEntity> GetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            EntityCollection related = GetRelatedCollection(relationshipSchemaName, primaryEntityRole);
            return related == null ? null : related.Entities.Select(e => e.ToEntity<TEntity>());
        }

        protected virtual void SetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, IEnumerable<TEntity> entities)
            where TEntity : Entity
        {
            if (string.IsNullOrWhiteSpace(relationshipSchemaName))
            {
                throw new ArgumentNullException(nameof(relationshipSchemaName));
            }

            var relationship = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            if (entities == null)
            {
                RelatedEntities.Remove(relationship);
                return;
            }

            var collection = new EntityCollection(entities.Cast<Entity>().ToList());
            collection.EntityName = collection.Entities.Count == 0 ? null : collection.Entities[0].LogicalName;
            RelatedEntities[relationship] = collection;
        }

        private object GetAttributeValue(string attributeLogicalName)
        {
            if (string.IsNullOrWhiteSpace(attributeLogicalName))
            {
                throw new ArgumentNullException(nameof(attributeLogicalName));
            }

            return Attributes.TryGetValue(attributeLogicalName, out object value) ? value : null;
        }

        private EntityCollection GetRelatedCollection(string relationshipSchemaName, EntityRole? primaryEntityRole)
        {
            if (string.IsNullOrWhiteSpace(relationshipSchemaName))
            {
                throw new ArgumentNullException(nameof(relationshipSchemaName));
            }

            var relationship = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            return RelatedEntities.TryGetValue(relationship, out EntityCollection related) ? related : null;
        }

        /// <summary>The copy ToEntity makes: the same collections are shared, as in the official SDK.</summary>
        private void ShallowCopyTo(Entity target)
        {
            target.LogicalName = LogicalName;
            target.Id = Id;
            target.Attributes = Attributes;
            target.EntityState = EntityState;
            target.FormattedValues = FormattedValues;
            target.RelatedEntities = RelatedEntities;
            target.KeyAttributes = KeyAttributes;
            target.RowVersion = RowVersion;
            target.ExtensionData = ExtensionData;
        }
    }
}
