using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmTeamSelling.Emulator.Data;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Query;

/// <summary>
/// Runs queries over the store as Dataverse's query builder does: filters (nested, on linked tables
/// by alias), inner and outer link entities (nested; columns come back as AliasedValue "alias.column"),
/// orders (nulls first), distinct, top, paging with a paging cookie and MoreRecords, and a total count.
/// Rows the caller cannot read are left out, in the main table and in linked ones.
/// </summary>
internal sealed class QueryEngine
{
    private readonly EmulatorRuntime runtime;

    public QueryEngine(EmulatorRuntime runtime)
    {
        this.runtime = runtime;
    }

    public EntityCollection Execute(QueryBase query, Actor actor)
    {
        switch (query)
        {
            case QueryExpression expression:
                return Run(expression, actor, aggregate: null);
            case QueryByAttribute byAttribute:
                return Run(QueryTranslator.FromQueryByAttribute(byAttribute), actor, aggregate: null);
            case FetchExpression fetch:
                var (translated, aggregate) = QueryTranslator.FromFetchXml(fetch.Query, runtime.Metadata);
                return Run(translated, actor, aggregate);
            default:
                throw DataverseFault.InvalidArgument($"The query type {query.GetType().Name} is not one RetrieveMultiple accepts.");
        }
    }

    private EntityCollection Run(QueryExpression query, Actor actor, CountAggregate? aggregate)
    {
        var table = runtime.Writer.Validator.RequireTable(query.EntityName);
        var paging = query.PageInfo ?? new PagingInfo();
        var columns = query.ColumnSet ?? new ColumnSet();
        if (!actor.IsSystem && table.IsSecured)
        {
            // Without the read privilege at any depth, Dataverse refuses the query rather than returning nothing.
            runtime.Access.DemandPrivilege(actor.UserId, Security.PrivilegeAction.Read, table);
        }

        var context = new EvaluationContext(actor, runtime);
        var links = new List<BoundLink>();
        var aliases = new Dictionary<string, TableMetadata>(StringComparer.Ordinal);
        var counter = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var link in query.LinkEntities)
        {
            links.Add(Bind(link, table, aliases, counter, context));
        }

        RowReader.RequireColumns(table, columns);
        ReadConditions(query.Criteria, table, aliases, context);
        foreach (var order in query.Orders)
        {
            RequireColumn(table, order.AttributeName);
        }

        var tuples = new List<Tuple>();
        foreach (var row in runtime.Store.Rows(table.LogicalName))
        {
            if (!Readable(context, table, row))
            {
                continue;
            }

            foreach (var tuple in Join(new Tuple(row), row, links, context))
            {
                if (Matches(query.Criteria, tuple, table, aliases, context))
                {
                    tuples.Add(tuple);
                }
            }
        }

        if (aggregate is not null)
        {
            return Count(query, table, tuples, aggregate);
        }

        tuples = Order(tuples, query, links).ToList();
        var collection = new EntityCollection { EntityName = table.LogicalName, TotalRecordCount = -1 };
        var hidePrimaryKey = query.Distinct && !columns.AllColumns && !columns.Columns.Contains(table.PrimaryIdAttribute);
        if (query.Distinct)
        {
            // Distinct compares the columns asked for (not the primary key, unless asked), so every row is projected first.
            var distinct = tuples.Select(t => (Tuple: t, Entity: Project(t, table, columns, links)))
                .GroupBy(p => Signature(p.Entity, hidePrimaryKey ? table.PrimaryIdAttribute : null)).Select(g => g.First()).ToList();
            tuples = distinct.Select(p => p.Tuple).ToList();
        }

        if (paging.ReturnTotalRecordCount)
        {
            collection.TotalRecordCount = tuples.Count;
        }

        if (query.TopCount is int top)
        {
            if (paging.Count > 0)
            {
                throw DataverseFault.InvalidArgument("A query cannot ask for both TopCount and paging (PageInfo.Count).");
            }

            tuples = tuples.Take(top).ToList();
        }
        else if (paging.Count > 0)
        {
            var page = Math.Max(1, paging.PageNumber);
            var pageRows = tuples.Skip((page - 1) * paging.Count).Take(paging.Count).ToList();
            collection.MoreRecords = page * paging.Count < tuples.Count;
            if (pageRows.Count > 0)
            {
                collection.PagingCookie = string.Format(CultureInfo.InvariantCulture, "<cookie page=\"{0}\"><{1} last=\"{{{2}}}\" first=\"{{{3}}}\" /></cookie>",
                    page, table.PrimaryIdAttribute, pageRows[^1].Main.Id.ToString().ToUpperInvariant(), pageRows[0].Main.Id.ToString().ToUpperInvariant());
            }

            tuples = pageRows;
        }

        // Only the rows returned are projected (copied, names and labels filled).
        var results = tuples.Select(t => Project(t, table, columns, links)).ToList();
        if (hidePrimaryKey)
        {
            foreach (var entity in results)
            {
                entity.Attributes.Remove(table.PrimaryIdAttribute);
                entity.Id = Guid.Empty;
            }
        }
        foreach (var entity in results)
        {
            collection.Entities.Add(entity);
        }

        return collection;
    }

    private static bool Readable(EvaluationContext context, TableMetadata table, Entity row)
        => context.CanRead is null || context.CanRead(table, row);

    private EntityCollection Count(QueryExpression query, TableMetadata table, List<Tuple> tuples, CountAggregate aggregate)
    {
        IEnumerable<Entity> rows = tuples.Select(t => t.Main);
        int count;
        if (aggregate.Column is null)
        {
            count = rows.Count();
        }
        else
        {
            RequireColumn(table, aggregate.Column);
            var values = rows.Select(r => r.Attributes.TryGetValue(aggregate.Column, out var v) ? v : null).Where(v => v is not null);
            count = aggregate.Distinct ? values.Select(v => Values.KeyText(v)).Distinct().Count() : values.Count();
        }

        var result = new Entity(table.LogicalName);
        result[aggregate.Alias] = new AliasedValue(table.LogicalName, aggregate.Column ?? table.PrimaryIdAttribute, count);
        return new EntityCollection(new List<Entity> { result }) { EntityName = table.LogicalName };
    }

    // ---- link entities ----

    private sealed class BoundLink
    {
        public required LinkEntity Link { get; init; }

        public required TableMetadata Table { get; init; }

        public required string Alias { get; init; }

        public required List<BoundLink> Children { get; init; }

        /// <summary>The linked table's rows by the value of the column they are joined on, built at the first join.</summary>
        public Dictionary<string, List<Entity>>? Index { get; set; }
    }

    /// <summary>A main row and the rows joined to it, by alias (null for an outer join that found none).</summary>
    private sealed class Tuple
    {
        public Tuple(Entity main)
        {
            Main = main;
        }

        public Entity Main { get; }

        public Dictionary<string, Entity?> Linked { get; } = new(StringComparer.Ordinal);

        public Tuple With(string alias, Entity? row)
        {
            var copy = new Tuple(Main);
            foreach (var pair in Linked)
            {
                copy.Linked[pair.Key] = pair.Value;
            }

            copy.Linked[alias] = row;
            return copy;
        }
    }

    private BoundLink Bind(LinkEntity link, TableMetadata parent, Dictionary<string, TableMetadata> aliases, Dictionary<string, int> counter, EvaluationContext context)
    {
        var actor = context.Actor;
        var table = runtime.Writer.Validator.RequireTable(link.LinkToEntityName);
        if (!string.IsNullOrEmpty(link.LinkFromEntityName) && link.LinkFromEntityName != parent.LogicalName)
        {
            throw DataverseFault.InvalidArgument($"The link entity to '{link.LinkToEntityName}' says it links from '{link.LinkFromEntityName}', but it sits under '{parent.LogicalName}'.");
        }

        RequireColumn(parent, link.LinkFromAttributeName);
        RequireColumn(table, link.LinkToAttributeName);
        RowReader.RequireColumns(table, link.Columns);
        if (actor is { IsSystem: false } && table.IsSecured)
        {
            runtime.Access.DemandPrivilege(actor.UserId, Security.PrivilegeAction.Read, table);
        }
        foreach (var order in link.Orders)
        {
            RequireColumn(table, order.AttributeName);
        }

        // Without an alias, Dataverse names a link entity after its table and a running number: contact1, contact2...
        var alias = link.EntityAlias;
        if (string.IsNullOrEmpty(alias))
        {
            counter[table.LogicalName] = (counter.TryGetValue(table.LogicalName, out var n) ? n : 0) + 1;
            alias = table.LogicalName + counter[table.LogicalName].ToString(CultureInfo.InvariantCulture);
        }

        if (!aliases.TryAdd(alias, table))
        {
            throw DataverseFault.InvalidArgument($"The alias '{alias}' is used by more than one link entity in the query.");
        }

        ReadConditions(link.LinkCriteria, table, new Dictionary<string, TableMetadata>(), context);
        var children = link.LinkEntities.Select(child => Bind(child, table, aliases, counter, context)).ToList();
        return new BoundLink { Link = link, Table = table, Alias = alias, Children = children };
    }

    private IEnumerable<Tuple> Join(Tuple tuple, Entity parentRow, List<BoundLink> links, EvaluationContext context)
    {
        if (links.Count == 0)
        {
            return new[] { tuple };
        }

        IEnumerable<Tuple> current = new[] { tuple };
        foreach (var link in links)
        {
            current = current.SelectMany(t => JoinOne(t, parentRow, link, context)).ToList();
        }

        return current;
    }

    private IEnumerable<Tuple> JoinOne(Tuple tuple, Entity parentRow, BoundLink link, EvaluationContext context)
    {
        var key = Values.Normalize(parentRow.Attributes.TryGetValue(link.Link.LinkFromAttributeName, out var v) ? v : null);
        link.Index ??= runtime.Store.Rows(link.Table.LogicalName)
            .Where(row => row.Attributes.TryGetValue(link.Link.LinkToAttributeName, out var to) && to is not null)
            .GroupBy(row => Values.KeyText(row[link.Link.LinkToAttributeName]), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var matches = key is null || !link.Index.TryGetValue(Values.KeyText(key), out var candidates)
            ? new List<Entity>()
            : candidates
                .Where(row => Readable(context, link.Table, row))
                .Where(row => Matches(link.Link.LinkCriteria, new Tuple(row), link.Table, new Dictionary<string, TableMetadata>(), context))
                .ToList();
        var results = new List<Tuple>();
        foreach (var match in matches)
        {
            results.AddRange(Join(tuple.With(link.Alias, match), match, link.Children, context));
        }

        if (results.Count == 0 && link.Link.JoinOperator == JoinOperator.LeftOuter)
        {
            var empty = tuple.With(link.Alias, null);
            foreach (var child in Flatten(link.Children))
            {
                empty = empty.With(child.Alias, null);
            }

            results.Add(empty);
        }

        return results;
    }

    private static IEnumerable<BoundLink> Flatten(IEnumerable<BoundLink> links)
        => links.SelectMany(l => new[] { l }.Concat(Flatten(l.Children)));

    // ---- filters ----

    /// <summary>
    /// Checks every condition's column and reads its values for its operator and column, once per query and before any
    /// row is looked at, so that a bad value fails the query even when no row would reach the condition.
    /// </summary>
    private static void ReadConditions(FilterExpression filter, TableMetadata table, Dictionary<string, TableMetadata> aliases, EvaluationContext context)
    {
        foreach (var condition in filter.Conditions)
        {
            var conditionTable = TableFor(condition, table, aliases);
            RequireColumn(conditionTable, condition.AttributeName);
            var column = conditionTable.FindColumn(condition.AttributeName)!;
            context.ConditionValues[condition] = ConditionOperators.ReadValues(condition.Operator, condition.Values.ToList(), column);
        }

        foreach (var child in filter.Filters)
        {
            ReadConditions(child, table, aliases, context);
        }
    }

    private static TableMetadata TableFor(ConditionExpression condition, TableMetadata table, Dictionary<string, TableMetadata> aliases)
    {
        if (string.IsNullOrEmpty(condition.EntityName) || condition.EntityName == table.LogicalName && !aliases.ContainsKey(condition.EntityName))
        {
            return table;
        }

        return aliases.TryGetValue(condition.EntityName, out var linked)
            ? linked
            : throw DataverseFault.InvalidArgument($"The condition on '{condition.AttributeName}' names the entity '{condition.EntityName}', which is no alias of a link entity in the query.");
    }

    private static void RequireColumn(TableMetadata table, string column)
    {
        if (!table.HasColumn(column))
        {
            throw DataverseFault.UnknownColumn(table.LogicalName, column);
        }
    }

    /// <summary>What evaluating conditions needs, and each condition's values read for its operator and column once per query.</summary>
    private sealed record EvaluationContext(Actor Actor, EmulatorRuntime Runtime)
    {
        public Dictionary<ConditionExpression, IReadOnlyList<object?>> ConditionValues { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>The clock's time when the query started: every relative date condition of a query counts from the same moment.</summary>
        public DateTime Now { get; } = Runtime.UtcNow();

        /// <summary>Whether the caller may read a row; null in the system context.</summary>
        public Func<TableMetadata, Entity, bool>? CanRead { get; } = Actor.IsSystem ? null : Runtime.Access.ReadFilter(Actor.UserId);
    }

    private static bool Matches(FilterExpression filter, Tuple tuple, TableMetadata table, Dictionary<string, TableMetadata> aliases, EvaluationContext context)
    {
        var results = filter.Conditions.Select(c => Evaluate(c, tuple, table, aliases, context))
            .Concat(filter.Filters.Select(f => Matches(f, tuple, table, aliases, context)));
        return filter.FilterOperator == LogicalOperator.And ? results.All(r => r) : !filter.Conditions.Any() && !filter.Filters.Any() || results.Any(r => r);
    }

    private static bool Evaluate(ConditionExpression condition, Tuple tuple, TableMetadata table, Dictionary<string, TableMetadata> aliases, EvaluationContext context)
    {
        var conditionTable = TableFor(condition, table, aliases);
        var row = ReferenceEquals(conditionTable, table) && (string.IsNullOrEmpty(condition.EntityName) || !aliases.ContainsKey(condition.EntityName))
            ? tuple.Main
            : tuple.Linked.TryGetValue(condition.EntityName, out var linked) ? linked : null;
        var value = row is not null && row.Attributes.TryGetValue(condition.AttributeName, out var v) ? v : null;
        var column = conditionTable.FindColumn(condition.AttributeName)!;
        return ConditionEvaluator.Evaluate(condition.Operator, value, context.ConditionValues[condition], column, context.Now, context.Actor, context.Runtime);
    }

    // ---- ordering and projection ----

    private static IEnumerable<Tuple> Order(List<Tuple> tuples, QueryExpression query, List<BoundLink> links)
    {
        var keys = query.Orders.Select(o => (Alias: (string?)null, Order: o))
            .Concat(Flatten(links).SelectMany(l => l.Link.Orders.Select(o => (Alias: (string?)l.Alias, Order: o))))
            .ToList();
        if (keys.Count == 0)
        {
            return tuples;
        }

        IOrderedEnumerable<Tuple>? ordered = null;
        foreach (var (alias, order) in keys)
        {
            object? Key(Tuple t)
            {
                var row = alias is null ? t.Main : t.Linked.TryGetValue(alias, out var r) ? r : null;
                return row is not null && row.Attributes.TryGetValue(order.AttributeName, out var value) ? Values.Normalize(value) : null;
            }

            var comparer = Comparer<object?>.Create(Values.Compare);
            ordered = ordered is null
                ? order.OrderType == OrderType.Descending ? tuples.OrderByDescending(Key, comparer) : tuples.OrderBy(Key, comparer)
                : order.OrderType == OrderType.Descending ? ordered.ThenByDescending(Key, comparer) : ordered.ThenBy(Key, comparer);
        }

        return ordered!;
    }

    private Entity Project(Tuple tuple, TableMetadata table, ColumnSet columns, List<BoundLink> links)
    {
        var entity = runtime.Reader.Read(table, tuple.Main, columns);
        foreach (var link in Flatten(links))
        {
            if (!tuple.Linked.TryGetValue(link.Alias, out var row) || row is null || link.Link.Columns is null || (!link.Link.Columns.AllColumns && link.Link.Columns.Columns.Count == 0))
            {
                continue;
            }

            var linked = runtime.Reader.Read(link.Table, row, link.Link.Columns);
            foreach (var attribute in linked.Attributes)
            {
                if (!link.Link.Columns.AllColumns && !link.Link.Columns.Columns.Contains(attribute.Key))
                {
                    continue;
                }

                var name = link.Alias + "." + attribute.Key;
                entity[name] = new AliasedValue(link.Table.LogicalName, attribute.Key, attribute.Value);
                if (linked.FormattedValues.TryGetValue(attribute.Key, out var formatted))
                {
                    entity.FormattedValues[name] = formatted;
                }
            }
        }

        return entity;
    }

    private static string Signature(Entity entity, string? ignoredColumn)
        => string.Join("|", entity.Attributes.Where(a => a.Key != ignoredColumn).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Values.KeyText(a.Value)));
}
