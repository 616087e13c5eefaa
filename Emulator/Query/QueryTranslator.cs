using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Query;

/// <summary>An aggregate FetchXML asks for: a count of rows (or of non-empty values of a column) under an alias.</summary>
internal sealed record CountAggregate(string Alias, string? Column, bool Distinct);

/// <summary>
/// Turns QueryByAttribute and FetchXML into QueryExpression, the one form the query engine runs.
/// FetchXML: fetch (top, count, page, paging-cookie, distinct, returntotalrecordcount, aggregate with
/// count/countcolumn), entity, attribute, all-attributes, order, filter (nested), condition (with
/// value elements), link-entity (nested, inner/outer).
/// </summary>
internal static class QueryTranslator
{
    public static string EntityNameOf(QueryBase query) => query switch
    {
        QueryExpression expression => expression.EntityName,
        QueryByAttribute byAttribute => byAttribute.EntityName,
        FetchExpression fetch => ParseFetchEntityName(fetch.Query),
        _ => throw DataverseFault.InvalidArgument($"The query type {query.GetType().Name} is not one RetrieveMultiple accepts (QueryExpression, QueryByAttribute, FetchExpression)."),
    };

    public static QueryExpression FromQueryByAttribute(QueryByAttribute query)
    {
        if (query.Attributes.Count != query.Values.Count)
        {
            throw DataverseFault.InvalidArgument($"QueryByAttribute on '{query.EntityName}' has {query.Attributes.Count} attribute(s) and {query.Values.Count} value(s); they must pair up.");
        }

        var expression = new QueryExpression(query.EntityName) { ColumnSet = query.ColumnSet, TopCount = query.TopCount, PageInfo = query.PageInfo ?? new PagingInfo() };
        for (var i = 0; i < query.Attributes.Count; i++)
        {
            expression.Criteria.AddCondition(query.Attributes[i], query.Values[i] is null ? ConditionOperator.Null : ConditionOperator.Equal,
                query.Values[i] is null ? Array.Empty<object>() : new[] { query.Values[i] });
        }

        foreach (var order in query.Orders)
        {
            expression.Orders.Add(order);
        }

        return expression;
    }

    private static string ParseFetchEntityName(string fetchXml)
        => Parse(fetchXml).Root!.Element("entity")?.Attribute("name")?.Value
            ?? throw DataverseFault.InvalidArgument("The FetchXML has no <entity name=\"...\"> element.");

    public static (QueryExpression Query, CountAggregate? Aggregate) FromFetchXml(string fetchXml, MetadataCatalog metadata)
    {
        var fetch = Parse(fetchXml).Root!;
        if (fetch.Name.LocalName != "fetch")
        {
            throw DataverseFault.InvalidArgument($"FetchXML must start with <fetch>, not <{fetch.Name.LocalName}>.");
        }

        var entity = fetch.Element("entity") ?? throw DataverseFault.InvalidArgument("The FetchXML has no <entity> element.");
        var tableName = Attr(entity, "name") ?? throw DataverseFault.InvalidArgument("<entity> needs a name attribute.");
        _ = metadata.FindTable(tableName) ?? throw DataverseFault.UnknownTable(tableName);
        var query = new QueryExpression(tableName)
        {
            Distinct = Bool(fetch, "distinct"),
            NoLock = Bool(fetch, "no-lock"),
            ColumnSet = new ColumnSet(),
        };
        if (Attr(fetch, "top") is { } top)
        {
            query.TopCount = Int(top, "top");
        }

        if (Attr(fetch, "count") is { } count)
        {
            query.PageInfo.Count = Int(count, "count");
            query.PageInfo.PageNumber = Attr(fetch, "page") is { } page ? Int(page, "page") : 1;
            query.PageInfo.PagingCookie = Attr(fetch, "paging-cookie");
        }

        query.PageInfo.ReturnTotalRecordCount = Bool(fetch, "returntotalrecordcount");
        CountAggregate? aggregate = null;
        if (Bool(fetch, "aggregate"))
        {
            var attributes = entity.Elements("attribute").ToList();
            if (attributes.Count != 1 || Attr(attributes[0], "aggregate") is not ("count" or "countcolumn") || entity.Elements("link-entity").Any())
            {
                throw new NotSupportedException("The emulator runs aggregate FetchXML with exactly one <attribute aggregate=\"count\"> or aggregate=\"countcolumn\" and no link-entity; groupby, sum, avg, min and max are not implemented.");
            }

            var attribute = attributes[0];
            var alias = Attr(attribute, "alias") ?? throw DataverseFault.InvalidArgument("An aggregate attribute needs an alias.");
            aggregate = new CountAggregate(alias, Attr(attribute, "aggregate") == "countcolumn" ? Attr(attribute, "name") : null, Bool(attribute, "distinct"));
        }
        else
        {
            ReadColumns(entity, query.ColumnSet);
        }

        foreach (var order in entity.Elements("order"))
        {
            query.Orders.Add(ReadOrder(order));
        }

        foreach (var filter in entity.Elements("filter"))
        {
            query.Criteria.AddFilter(ReadFilter(filter));
        }

        foreach (var link in entity.Elements("link-entity"))
        {
            query.LinkEntities.Add(ReadLink(link, tableName, metadata));
        }

        return (query, aggregate);
    }

    private static XDocument Parse(string fetchXml)
    {
        try
        {
            return XDocument.Parse(fetchXml);
        }
        catch (XmlException invalid)
        {
            throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Invalid FetchXML: {invalid.Message}");
        }
    }

    private static void ReadColumns(XElement entity, ColumnSet columns)
    {
        if (entity.Element("all-attributes") is not null)
        {
            columns.AllColumns = true;
            return;
        }

        foreach (var attribute in entity.Elements("attribute"))
        {
            columns.AddColumn(Attr(attribute, "name") ?? throw DataverseFault.InvalidArgument("<attribute> needs a name."));
        }
    }

    private static OrderExpression ReadOrder(XElement order)
        => new(Attr(order, "attribute") ?? throw DataverseFault.InvalidArgument("<order> needs an attribute."), Bool(order, "descending") ? OrderType.Descending : OrderType.Ascending);

    private static LinkEntity ReadLink(XElement element, string parentTable, MetadataCatalog metadata)
    {
        var name = Attr(element, "name") ?? throw DataverseFault.InvalidArgument("<link-entity> needs a name.");
        _ = metadata.FindTable(name) ?? throw DataverseFault.UnknownTable(name);
        var linkType = Attr(element, "link-type") ?? "inner";
        var link = new LinkEntity(parentTable, name,
            Attr(element, "to") ?? throw DataverseFault.InvalidArgument($"<link-entity name=\"{name}\"> needs a to attribute (the column of {parentTable})."),
            Attr(element, "from") ?? throw DataverseFault.InvalidArgument($"<link-entity name=\"{name}\"> needs a from attribute (the column of {name})."),
            linkType switch
            {
                "inner" => JoinOperator.Inner,
                "outer" => JoinOperator.LeftOuter,
                _ => throw new NotSupportedException($"The emulator runs link-type inner and outer, not '{linkType}'."),
            })
        {
            EntityAlias = Attr(element, "alias"),
            Columns = new ColumnSet(),
        };
        ReadColumns(element, link.Columns);
        foreach (var order in element.Elements("order"))
        {
            link.Orders.Add(ReadOrder(order));
        }

        foreach (var filter in element.Elements("filter"))
        {
            link.LinkCriteria.AddFilter(ReadFilter(filter));
        }

        foreach (var child in element.Elements("link-entity"))
        {
            link.LinkEntities.Add(ReadLink(child, name, metadata));
        }

        return link;
    }

    private static FilterExpression ReadFilter(XElement element)
    {
        var filter = new FilterExpression((Attr(element, "type") ?? "and") switch
        {
            "and" => LogicalOperator.And,
            "or" => LogicalOperator.Or,
            var other => throw DataverseFault.InvalidArgument($"<filter type=\"{other}\"> must be and or or."),
        });
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "condition":
                    filter.AddCondition(ReadCondition(child));
                    break;
                case "filter":
                    filter.AddFilter(ReadFilter(child));
                    break;
                default:
                    throw DataverseFault.InvalidArgument($"<filter> may hold <condition> and <filter>, not <{child.Name.LocalName}>.");
            }
        }

        return filter;
    }

    private static ConditionExpression ReadCondition(XElement element)
    {
        var attribute = Attr(element, "attribute") ?? throw DataverseFault.InvalidArgument("<condition> needs an attribute.");
        var op = Attr(element, "operator") ?? throw DataverseFault.InvalidArgument($"<condition attribute=\"{attribute}\"> needs an operator.");
        var condition = new ConditionExpression { AttributeName = attribute, Operator = ConditionOperators.FromFetchXml(op), EntityName = Attr(element, "entityname") };
        // The values stay text here: the query engine reads them for their operator and column (ConditionOperators.ReadValues),
        // as it reads a QueryExpression's, once it knows the table of each alias.
        var texts = element.Elements("value").Select(v => v.Value).ToList();
        if (Attr(element, "value") is { } single)
        {
            texts.Insert(0, single);
        }

        foreach (var text in texts)
        {
            condition.Values.Add(text);
        }

        return condition;
    }

    private static string? Attr(XElement element, string name) => element.Attribute(name)?.Value;

    private static bool Bool(XElement element, string name) => Attr(element, name) is "true" or "1";

    private static int Int(string text, string what)
        => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw DataverseFault.InvalidArgument($"The FetchXML {what} '{text}' is not a number.");
}
