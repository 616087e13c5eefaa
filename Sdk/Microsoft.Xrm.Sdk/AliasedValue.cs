using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A column value that comes from a linked table or an aggregate in a query result, under its alias.</summary>
    [DataContract(Name = "AliasedValue", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class AliasedValue : IExtensibleDataObject
    {
        public AliasedValue()
        {
        }

        public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
        {
            EntityLogicalName = entityLogicalName;
            AttributeLogicalName = attributeLogicalName;
            Value = value;
        }

        [DataMember]
        public string AttributeLogicalName { get; internal set; }

        [DataMember]
        public string EntityLogicalName { get; internal set; }

        [DataMember]
        public object Value { get; internal set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
