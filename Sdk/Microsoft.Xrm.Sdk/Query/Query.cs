using System;
using System.Collections;
using System.Linq;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>The base of the query kinds RetrieveMultiple accepts.</summary>
    [DataContract(Name = "QueryBase", Namespace = XrmNamespaces.Query)]
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
    [DataContract(Name = "ColumnSet", Namespace = XrmNamespaces.Query)]
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
            Columns.AddRange(columns);
        }

        [DataMember]
        public bool AllColumns { get; set; }

        [DataMember]
        public DataCollection<string> Columns
        {
            get => _columns ?? (_columns = new DataCollection<string>());
            private set => _columns = value;
        }

        public void AddColumn(string column)
        {
            Columns.Add(column);
        }

        public void AddColumns(params string[] columns)
        {
            Columns.AddRange(columns);
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "PagingInfo", Namespace = XrmNamespaces.Query)]
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

    [DataContract(Name = "OrderExpression", Namespace = XrmNamespaces.Query)]
    public sealed class OrderExpression : IExtensibleDataObject
    {
        public OrderExpression()
        {
        }

        public OrderExpression(string attributeName, OrderType orderType)
        {
            AttributeName = attributeName;
            OrderType = orderType;
        }

        [DataMember]
        public string AttributeName { get; set; }

        [DataMember]
        public OrderType OrderType { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>One condition: attribute, operator, values (optionally on a linked table's alias).</summary>
    [DataContract(Name = "ConditionExpression", Namespace = XrmNamespaces.Query)]
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
            : this(null, attributeName, conditionOperator, values == null ? null : values.Cast<object>().ToArray())
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
            if (values != null)
            {
                Values.AddRange(values);
            }
        }

        [DataMember]
        public string EntityName { get; set; }

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
    [DataContract(Name = "FilterExpression", Namespace = XrmNamespaces.Query)]
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
    [DataContract(Name = "LinkEntity", Namespace = XrmNamespaces.Query)]
    public sealed class LinkEntity : IExtensibleDataObject
    {
        private ColumnSet _columns;
        private FilterExpression _linkCriteria;
        private DataCollection<LinkEntity> _linkEntities;
        private DataCollection<OrderExpression> _orders;

        public LinkEntity()
        {
        }

        public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            LinkFromEntityName = linkFromEntityName;
            LinkToEntityName = linkToEntityName;
            LinkFromAttributeName = linkFromAttributeName;
            LinkToAttributeName = linkToAttributeName;
            JoinOperator = joinOperator;
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
        public FilterExpression LinkCriteria
        {
            get => _linkCriteria ?? (_linkCriteria = new FilterExpression());
            set => _linkCriteria = value;
        }

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

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(LinkToEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>A query built from objects: table, columns, criteria, joins, order and paging.</summary>
    [DataContract(Name = "QueryExpression", Namespace = XrmNamespaces.Query)]
    public sealed class QueryExpression : QueryBase
    {
        private ColumnSet _columnSet;
        private FilterExpression _criteria;
        private DataCollection<LinkEntity> _linkEntities;
        private DataCollection<OrderExpression> _orders;
        private PagingInfo _pageInfo;

        public QueryExpression()
        {
        }

        public QueryExpression(string entityName)
        {
            EntityName = entityName;
        }

        [DataMember]
        public bool Distinct { get; set; }

        [DataMember]
        public bool NoLock { get; set; }

        [DataMember]
        public string EntityName { get; set; }

        [DataMember]
        public ColumnSet ColumnSet
        {
            get => _columnSet ?? (_columnSet = new ColumnSet());
            set => _columnSet = value;
        }

        [DataMember]
        public FilterExpression Criteria
        {
            get => _criteria ?? (_criteria = new FilterExpression());
            set => _criteria = value;
        }

        [DataMember]
        public DataCollection<LinkEntity> LinkEntities
        {
            get => _linkEntities ?? (_linkEntities = new DataCollection<LinkEntity>());
            private set => _linkEntities = value;
        }

        [DataMember]
        public DataCollection<OrderExpression> Orders
        {
            get => _orders ?? (_orders = new DataCollection<OrderExpression>());
            private set => _orders = value;
        }

        [DataMember]
        public PagingInfo PageInfo
        {
            get => _pageInfo ?? (_pageInfo = new PagingInfo());
            set => _pageInfo = value;
        }

        [DataMember]
        public int? TopCount { get; set; }

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

        public void AddOrder(string attributeName, OrderType orderType)
        {
            Orders.Add(new OrderExpression(attributeName, orderType));
        }
    }

    /// <summary>A query of equality conditions, one value per attribute, all combined with And.</summary>
    [DataContract(Name = "QueryByAttribute", Namespace = XrmNamespaces.Query)]
    public sealed class QueryByAttribute : QueryBase
    {
        private ColumnSet _columnSet;
        private DataCollection<string> _attributes;
        private DataCollection<object> _values;
        private DataCollection<OrderExpression> _orders;
        private PagingInfo _pageInfo;

        public QueryByAttribute()
        {
        }

        public QueryByAttribute(string entityName)
        {
            EntityName = entityName;
        }

        [DataMember]
        public string EntityName { get; set; }

        [DataMember]
        public ColumnSet ColumnSet
        {
            get => _columnSet ?? (_columnSet = new ColumnSet());
            set => _columnSet = value;
        }

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
        public DataCollection<OrderExpression> Orders
        {
            get => _orders ?? (_orders = new DataCollection<OrderExpression>());
            private set => _orders = value;
        }

        [DataMember]
        public PagingInfo PageInfo
        {
            get => _pageInfo ?? (_pageInfo = new PagingInfo());
            set => _pageInfo = value;
        }

        [DataMember]
        public int? TopCount { get; set; }

        public void AddAttributeValue(string attributeName, object value)
        {
            Attributes.Add(attributeName);
            Values.Add(value);
        }

        public void AddOrder(string attributeName, OrderType orderType)
        {
            Orders.Add(new OrderExpression(attributeName, orderType));
        }
    }

    /// <summary>A FetchXML query.</summary>
    [DataContract(Name = "FetchExpression", Namespace = XrmNamespaces.Query)]
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
