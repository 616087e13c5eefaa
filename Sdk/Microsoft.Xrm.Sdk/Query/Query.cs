using System;
using System.Collections;
using System.Linq;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>The base of the query kinds RetrieveMultiple accepts.</summary>
    [DataContract(Name = "QueryBase", Namespace = XrmNamespaces.Contracts2011)]
    [KnownType(typeof(QueryExpression))]
    [KnownType(typeof(QueryByAttribute))]
    [KnownType(typeof(FetchExpression))]
    public abstract class QueryBase : IExtensibleDataObject
    {
        internal QueryBase()
        {
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>The columns to return: a list, or all of them.</summary>
    [DataContract(Name = "ColumnSet", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class ColumnSet : IExtensibleDataObject
    {
        private DataCollection<string> _columns;

        public ColumnSet()
        {
        }

        public ColumnSet(bool allColumns)
        {
            AllColumns = allColumns;
        }

        public ColumnSet(params string[] columns)
        {
            _columns = new DataCollection<string>(columns);
        }

        [DataMember]
        public bool AllColumns { get; set; }

        [DataMember]
        public DataCollection<string> Columns
        {
            get => _columns ?? (_columns = new DataCollection<string>());
            set => _columns = value;
        }

        public bool HasLazyFileAttribute { get; set; }

        public string LazyFileAttributeEntityName { get; set; }

        public string LazyFileAttributeKey { get; set; }

        public Lazy<object> LazyFileAttributeValue { get; set; }

        public int LazyFileAttributeSizeLimit { get; set; }

        public void AddColumn(string column)
        {
            Columns.Add(column);
        }

        public void AddColumns(params string[] columns)
        {
            foreach (string column in columns)
            {
                Columns.Add(column);
            }
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "PagingInfo", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class PagingInfo : IExtensibleDataObject
    {
        [DataMember]
        public int PageNumber { get; set; }

        [DataMember]
        public int Count { get; set; }

        [DataMember]
        public string PagingCookie { get; set; }

        [DataMember]
        public bool ReturnTotalRecordCount { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "OrderExpression", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class OrderExpression : IExtensibleDataObject
    {
        public OrderExpression()
        {
        }

        public OrderExpression(string attributeName, OrderType orderType)
            : this(attributeName, orderType, null, null)
        {
        }

        public OrderExpression(string attributeName, OrderType orderType, string alias)
            : this(attributeName, orderType, alias, null)
        {
        }

        public OrderExpression(string attributeName, OrderType orderType, string alias, string entityName)
        {
            AttributeName = attributeName;
            OrderType = orderType;
            Alias = alias;
            EntityName = entityName;
        }

        [DataMember]
        public string AttributeName { get; set; }

        [DataMember]
        public OrderType OrderType { get; set; }

        [DataMember]
        public string Alias { get; set; }

        [DataMember]
        public string EntityName { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>One condition: attribute, operator, values (optionally on a linked table's alias, or against another column).</summary>
    [DataContract(Name = "ConditionExpression", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class ConditionExpression : IExtensibleDataObject
    {
        private DataCollection<object> _values;

        public ConditionExpression()
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
            : this(null, attributeName, conditionOperator, new object[0])
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
            : this(null, attributeName, conditionOperator, new[] { value })
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(null, attributeName, conditionOperator, values)
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
        {
            AttributeName = attributeName;
            Operator = conditionOperator;
            if (values != null)
            {
                Values.AddRange(values.Cast<object>());
            }
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(null, attributeName, conditionOperator, compareColumns, new[] { value })
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
            : this(null, attributeName, conditionOperator, compareColumns, values)
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
            : this(entityName, attributeName, conditionOperator, new object[0])
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value)
            : this(entityName, attributeName, conditionOperator, new[] { value })
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            EntityName = entityName;
            AttributeName = attributeName;
            Operator = conditionOperator;
            _values = new DataCollection<object>(values);
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(entityName, attributeName, conditionOperator, compareColumns, new[] { value })
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
            : this(entityName, attributeName, conditionOperator, values)
        {
            CompareColumns = compareColumns;
        }

        [DataMember]
        public string EntityName { get; set; }

        /// <summary>True when Values names another column to compare with, rather than literal values.</summary>
        [DataMember]
        public bool CompareColumns { get; set; }

        [DataMember]
        public string AttributeName { get; set; }

        [DataMember]
        public ConditionOperator Operator { get; set; }

        [DataMember]
        public DataCollection<object> Values
        {
            get => _values ?? (_values = new DataCollection<object>());
            private set => _values = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>Conditions and nested filters combined with And or Or.</summary>
    [DataContract(Name = "FilterExpression", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class FilterExpression : IExtensibleDataObject
    {
        private DataCollection<ConditionExpression> _conditions;
        private DataCollection<FilterExpression> _filters;

        public FilterExpression()
        {
        }

        public FilterExpression(LogicalOperator filterOperator)
        {
            FilterOperator = filterOperator;
        }

        [DataMember]
        public LogicalOperator FilterOperator { get; set; }

        [DataMember]
        public string FilterHint { get; set; }

        [DataMember]
        public DataCollection<ConditionExpression> Conditions
        {
            get => _conditions ?? (_conditions = new DataCollection<ConditionExpression>());
            private set => _conditions = value;
        }

        [DataMember]
        public DataCollection<FilterExpression> Filters
        {
            get => _filters ?? (_filters = new DataCollection<FilterExpression>());
            private set => _filters = value;
        }

        [DataMember]
        public bool IsQuickFindFilter { get; set; }

        public void AddCondition(ConditionExpression condition)
        {
            Conditions.Add(condition);
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        {
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, value));
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        {
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, values));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        {
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, value));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        {
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));
        }

        public void AddFilter(FilterExpression childFilter)
        {
            if (childFilter != null)
            {
                Filters.Add(childFilter);
            }
        }

        public FilterExpression AddFilter(LogicalOperator logicalOperator)
        {
            var child = new FilterExpression(logicalOperator);
            Filters.Add(child);
            return child;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>A join from one table to another, with its own columns, filter and nested joins.</summary>
    [DataContract(Name = "LinkEntity", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class LinkEntity : IExtensibleDataObject
    {
        private ColumnSet _columns;
        private DataCollection<LinkEntity> _linkEntities;
        private DataCollection<OrderExpression> _orders;

        public LinkEntity()
            : this(null, null, null, null, JoinOperator.Inner)
        {
        }

        public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            LinkFromEntityName = linkFromEntityName;
            LinkToEntityName = linkToEntityName;
            LinkFromAttributeName = linkFromAttributeName;
            LinkToAttributeName = linkToAttributeName;
            JoinOperator = joinOperator;
            _columns = new ColumnSet();
            LinkCriteria = new FilterExpression();
        }

        [DataMember]
        public string LinkFromAttributeName { get; set; }

        [DataMember]
        public string LinkFromEntityName { get; set; }

        [DataMember]
        public string LinkToEntityName { get; set; }

        [DataMember]
        public string LinkToAttributeName { get; set; }

        [DataMember]
        public JoinOperator JoinOperator { get; set; }

        [DataMember]
        public FilterExpression LinkCriteria { get; set; }

        [DataMember]
        public DataCollection<LinkEntity> LinkEntities
        {
            get => _linkEntities ?? (_linkEntities = new DataCollection<LinkEntity>());
            private set => _linkEntities = value;
        }

        [DataMember]
        public ColumnSet Columns
        {
            get => _columns ?? (_columns = new ColumnSet());
            set => _columns = value;
        }

        [DataMember]
        public string EntityAlias { get; set; }

        [DataMember]
        public DataCollection<OrderExpression> Orders
        {
            get => _orders ?? (_orders = new DataCollection<OrderExpression>());
            private set => _orders = value;
        }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        /// <remarks>
        /// As in the official SDK, the nested link's LinkFromEntityName is this link's
        /// LinkFromEntityName (not its LinkToEntityName); the server joins from the parent link anyway.
        /// </remarks>
        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(LinkFromEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>A query built from objects: table, columns, criteria, joins, order and paging.</summary>
    [DataContract(Name = "QueryExpression", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class QueryExpression : QueryBase
    {
        private DataCollection<LinkEntity> _linkEntities;
        private DataCollection<OrderExpression> _orders;

        public QueryExpression()
            : this(null)
        {
        }

        /// <remarks>Starts with an empty ColumnSet (no columns), an empty And filter and default paging.</remarks>
        public QueryExpression(string entityName)
        {
            EntityName = entityName;
            Criteria = new FilterExpression();
            PageInfo = new PagingInfo();
            ColumnSet = new ColumnSet();
        }

        [DataMember]
        public bool Distinct { get; set; }

        [DataMember]
        public bool NoLock { get; set; }

        [DataMember]
        public QueryExpression SubQueryExpression { get; set; }

        [DataMember]
        public PagingInfo PageInfo { get; set; }

        [DataMember]
        public string QueryHints { get; set; }

        [DataMember]
        public string DataSource { get; set; }

        [DataMember]
        public DataCollection<LinkEntity> LinkEntities
        {
            get => _linkEntities ?? (_linkEntities = new DataCollection<LinkEntity>());
            private set => _linkEntities = value;
        }

        [DataMember]
        public FilterExpression Criteria { get; set; }

        [DataMember]
        public DataCollection<OrderExpression> Orders
        {
            get => _orders ?? (_orders = new DataCollection<OrderExpression>());
            private set => _orders = value;
        }

        [DataMember]
        public string EntityName { get; set; }

        [DataMember]
        public ColumnSet ColumnSet { get; set; }

        [DataMember]
        public int? TopCount { get; set; }

        public void AddOrder(string attributeName, OrderType orderType)
        {
            Orders.Add(new OrderExpression(attributeName, orderType));
        }

        public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName)
        {
            Orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));
        }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }

    /// <summary>A query of equality conditions, one value per attribute, all combined with And.</summary>
    /// <remarks>
    /// As in the official SDK, only the parameterless constructor creates ColumnSet and PageInfo;
    /// QueryByAttribute(entityName) leaves both null until set.
    /// </remarks>
    [DataContract(Name = "QueryByAttribute", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class QueryByAttribute : QueryBase
    {
        private DataCollection<string> _attributes;
        private DataCollection<object> _values;
        private DataCollection<OrderExpression> _orders;

        public QueryByAttribute()
        {
            ColumnSet = new ColumnSet();
            PageInfo = new PagingInfo();
        }

        public QueryByAttribute(string entityName)
        {
            EntityName = entityName;
        }

        [DataMember]
        public string EntityName { get; set; }

        [DataMember]
        public DataCollection<string> Attributes
        {
            get => _attributes ?? (_attributes = new DataCollection<string>());
            private set => _attributes = value;
        }

        [DataMember]
        public DataCollection<object> Values
        {
            get => _values ?? (_values = new DataCollection<object>());
            private set => _values = value;
        }

        [DataMember]
        public PagingInfo PageInfo { get; set; }

        [DataMember]
        public ColumnSet ColumnSet { get; set; }

        [DataMember]
        public DataCollection<OrderExpression> Orders
        {
            get => _orders ?? (_orders = new DataCollection<OrderExpression>());
            private set => _orders = value;
        }

        [DataMember]
        public int? TopCount { get; set; }

        public void AddOrder(string attributeName, OrderType orderType)
        {
            Orders.Add(new OrderExpression(attributeName, orderType));
        }

        public void AddAttributeValue(string attributeName, object value)
        {
            Attributes.Add(attributeName);
            Values.Add(value);
        }
    }

    /// <summary>A FetchXML query.</summary>
    [DataContract(Name = "FetchExpression", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class FetchExpression : QueryBase
    {
        public FetchExpression()
        {
        }

        public FetchExpression(string query)
        {
            Query = query;
        }

        [DataMember]
        public string Query { get; set; }
    }
}
