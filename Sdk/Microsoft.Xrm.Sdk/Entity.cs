using System;
using System.Collections.Generic;
using System.ComponentModel;
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
    [DataContract(Name = "Entity", Namespace = XrmNamespaces.Contracts2011)]
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
            KeyAttributes.Add(keyName, keyValue);
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

        /// <summary>True when a file column's content is left out of the plug-in's copy and loaded on demand.</summary>
        public bool HasLazyFileAttribute { get; set; }

        public string LazyFileAttributeKey { get; set; }

        public Lazy<object> LazyFileAttributeValue { get; set; }

        public string LazyFileSizeAttributeKey { get; set; }

        public int LazyFileSizeAttributeValue { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

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
        public virtual T GetAttributeValue<T>(string attributeLogicalName)
        {
            object value = GetAttributeValue(attributeLogicalName);
            if (value == null)
            {
                return default(T);
            }

            return (T)value;
        }

        /// <summary>
        /// True, with the value, when the attribute holds a non-null T (or a value T's type converter
        /// converts); false, with default(T), otherwise. Never throws for a missing or mistyped value.
        /// </summary>
        public bool TryGetAttributeValue<T>(string attributeKey, out T result)
        {
            try
            {
                object value = GetAttributeValue(attributeKey);
                if (value is T typed)
                {
                    result = typed;
                    return true;
                }

                if (value != null)
                {
                    result = (T)TypeDescriptor.GetConverter(typeof(T)).ConvertFrom(value);
                    return true;
                }
            }
            catch (Exception)
            {
                // As the official SDK: any failure (blank name, no converter, bad conversion) reads as "not there".
            }

            result = default(T);
            return false;
        }

        public T ToEntity<T>() where T : Entity
        {
            if (typeof(T) == typeof(Entity))
            {
                var copy = new Entity();
                ShallowCopyTo(copy);
                return (T)(object)copy;
            }

            if (string.IsNullOrWhiteSpace(LogicalName))
            {
                throw new NotSupportedException("LogicalName must be set before calling ToEntity()");
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

        /// <summary>
        /// A reference with this record's LogicalName, Id and RowVersion (as the official 9.0.2.x SDK);
        /// never its Name, KeyAttributes or attributes.
        /// </summary>
        public EntityReference ToEntityReference()
        {
            return new EntityReference(LogicalName, Id) { RowVersion = RowVersion };
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
            return related == null ? null : (TEntity)related.Entities.FirstOrDefault();
        }

        protected virtual void SetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, TEntity entity)
            where TEntity : Entity
        {
            if (entity != null && string.IsNullOrWhiteSpace(entity.LogicalName))
            {
                throw new ArgumentException("The entity is missing a value for the 'LogicalName' property.", nameof(entity));
            }

            SetRelatedEntities(relationshipSchemaName, primaryEntityRole, entity == null ? null : new[] { entity });
        }

        protected virtual IEnumerable<TEntity> GetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            EntityCollection related = GetRelatedCollection(relationshipSchemaName, primaryEntityRole);
            return related == null ? null : related.Entities.Cast<TEntity>();
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

            List<Entity> related = entities.Cast<Entity>().ToList();
            if (related.Any(entity => string.IsNullOrWhiteSpace(entity.LogicalName)))
            {
                throw new ArgumentException("An entity is missing a value for the 'LogicalName' property.", nameof(entities));
            }

            RelatedEntities[relationship] = new EntityCollection(related)
            {
                EntityName = related.Count == 0 ? null : related[0].LogicalName,
            };
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
