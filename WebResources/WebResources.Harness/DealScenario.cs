using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace CrmTeamSelling.WebResources.Harness;

/// <summary>Column names the scenarios write; the same names as src/common/names.ts and Solution/src.</summary>
public static class Names
{
    public const string Stakeholder = "tsell_stakeholder";
    public const string DealTeamMember = "tsell_dealteammember";
    public const string Counterpart = "tsell_counterpart";
    public const string DealSolution = "tsell_dealsolution";
    public const string Acknowledgement = "tsell_solutionacknowledgement";
    public const string Opportunity = "opportunity";
    public const string Contact = "contact";
    public const string User = "systemuser";

    public const string OpportunityLookup = "tsell_opportunityid";
    public const string ContactLookup = "tsell_contactid";
    public const string UserLookup = "tsell_userid";
    public const string ReportsTo = "tsell_reportstoid";
    public const string MemberLookup = "tsell_dealteammemberid";
    public const string StakeholderLookup = "tsell_stakeholderid";
    public const string DealSolutionLookup = "tsell_dealsolutionid";
    public const string Name = "tsell_name";
    public const string Department = "tsell_department";
    public const string JobTitle = "tsell_jobtitle";
    public const string Level = "tsell_level";
    public const string BuyingRole = "tsell_buyingrole";
    public const string Influence = "tsell_influence";
    public const string Stance = "tsell_stance";
    public const string TeamRole = "tsell_teamrole";
    public const string RelationshipStrength = "tsell_relationshipstrength";
    public const string Version = "tsell_version";
    public const string BaseVersion = "tsell_basedonversion";
    public const string AcknowledgedVersion = "tsell_acknowledgedversion";
    public const string ChangeSummary = "tsell_changesummary";
}

public sealed record StakeholderSpec(string Key, string Name, string JobTitle, string? Department, string? Level, string? BuyingRole, string? Influence, string? Stance, string? ReportsTo);

public sealed record MemberSpec(string Key, string Name, string TeamRole, string Level);

public sealed record PairingSpec(string Member, string Stakeholder, string? Strength);

public sealed record GapSpec(string Kind, string Severity, string RecordType, string RecordKey, string RecordName, string? StakeholderKey, string Message);

/// <summary>
/// A deal as records for FakeXrm: the opportunity, its buying stakeholders (with contacts), deal
/// team (with users), counterpart pairings, optionally a deal solution and acknowledgements, and
/// the coverage the custom API answers. Choice values are looked up by label in Solution/src.
/// </summary>
public sealed class DealScenario
{
    private readonly FakeMetadata metadata;
    private readonly Dictionary<string, List<JsonObject>> records = new();
    private readonly Dictionary<string, Guid> ids = new();
    private readonly List<GapSpec> gaps = new();

    public Guid OpportunityId { get; }
    public Guid CurrentUserId { get; }
    public string CurrentUserName { get; }
    public int ReadinessScore { get; set; } = 64;
    public int? SolutionVersion { get; set; }
    /// <summary>When set, the coverage API fails with this message.</summary>
    public string? CoverageError { get; set; }
    /// <summary>When set, the acknowledge API fails with this message.</summary>
    public string? AcknowledgeError { get; set; }
    public IReadOnlyList<StakeholderSpec> Stakeholders { get; private set; } = Array.Empty<StakeholderSpec>();
    public IReadOnlyList<PairingSpec> Pairings { get; private set; } = Array.Empty<PairingSpec>();
    public IReadOnlyList<GapSpec> Gaps => gaps;

    public DealScenario(FakeMetadata metadata, string opportunityName, Guid opportunityId, string currentUserName = "Maya Lindqvist")
    {
        this.metadata = metadata;
        OpportunityId = opportunityId;
        CurrentUserName = currentUserName;
        CurrentUserId = IdOf("user:" + currentUserName);
        Add(Names.User, CurrentUserId, new JsonObject { ["fullname"] = currentUserName });
        Add(Names.Opportunity, opportunityId, new JsonObject { ["name"] = opportunityName });
    }

    /// <summary>A stable id per key, so tests can name records.</summary>
    public Guid IdOf(string key)
    {
        if (!ids.TryGetValue(key, out var id))
        {
            // Deterministic: derived from the key, so screenshots and benchmarks repeat exactly.
            var hash = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(OpportunityIdSalt + key));
            ids[key] = id = new Guid(hash);
        }
        return id;
    }

    private string OpportunityIdSalt => OpportunityId.ToString();

    public Guid StakeholderId(string key) => IdOf("stakeholder:" + key);
    public Guid MemberId(string key) => IdOf("member:" + key);

    private static JsonObject Lookup(string table, Guid id) => new() { ["id"] = id.ToString(), ["logicalName"] = table };

    private void Add(string table, Guid id, JsonObject row)
    {
        row[metadata.PrimaryId(table)] = id.ToString();
        if (!records.TryGetValue(table, out var list)) records[table] = list = new List<JsonObject>();
        list.Add(row);
    }

    private int Choice(string table, string column, string label) => metadata.Choice(table, column, label);

    public DealScenario WithTeam(params MemberSpec[] members)
    {
        foreach (var m in members)
        {
            var userId = m.Name == CurrentUserName ? CurrentUserId : IdOf("user:" + m.Name);
            if (userId != CurrentUserId) Add(Names.User, userId, new JsonObject { ["fullname"] = m.Name });
            var row = new JsonObject
            {
                [Names.OpportunityLookup] = Lookup(Names.Opportunity, OpportunityId),
                [Names.UserLookup] = Lookup(Names.User, userId),
                [Names.TeamRole] = Choice(Names.DealTeamMember, Names.TeamRole, m.TeamRole),
                [Names.Level] = Choice(Names.DealTeamMember, Names.Level, m.Level),
            };
            if (metadata.PrimaryName(Names.DealTeamMember) is { } primaryName) row[primaryName] = m.Name;
            Add(Names.DealTeamMember, MemberId(m.Key), row);
        }
        return this;
    }

    public DealScenario WithStakeholders(params StakeholderSpec[] stakeholders)
    {
        Stakeholders = Stakeholders.Concat(stakeholders).ToList();
        foreach (var s in stakeholders)
        {
            var contactId = IdOf("contact:" + s.Key);
            Add(Names.Contact, contactId, new JsonObject { ["fullname"] = s.Name, ["jobtitle"] = s.JobTitle });
            var row = new JsonObject
            {
                [Names.Name] = s.Name,
                [Names.OpportunityLookup] = Lookup(Names.Opportunity, OpportunityId),
                [Names.ContactLookup] = Lookup(Names.Contact, contactId),
                [Names.JobTitle] = s.JobTitle,
                [Names.Department] = s.Department,
            };
            if (s.Level is not null) row[Names.Level] = Choice(Names.Stakeholder, Names.Level, s.Level);
            if (s.BuyingRole is not null) row[Names.BuyingRole] = Choice(Names.Stakeholder, Names.BuyingRole, s.BuyingRole);
            if (s.Influence is not null) row[Names.Influence] = Choice(Names.Stakeholder, Names.Influence, s.Influence);
            if (s.Stance is not null) row[Names.Stance] = Choice(Names.Stakeholder, Names.Stance, s.Stance);
            if (s.ReportsTo is not null) row[Names.ReportsTo] = Lookup(Names.Stakeholder, StakeholderId(s.ReportsTo));
            Add(Names.Stakeholder, StakeholderId(s.Key), row);
        }
        return this;
    }

    public DealScenario WithPairings(params PairingSpec[] pairings)
    {
        Pairings = Pairings.Concat(pairings).ToList();
        foreach (var p in pairings)
        {
            var row = new JsonObject
            {
                [Names.MemberLookup] = Lookup(Names.DealTeamMember, MemberId(p.Member)),
                [Names.StakeholderLookup] = Lookup(Names.Stakeholder, StakeholderId(p.Stakeholder)),
            };
            if (p.Strength is not null) row[Names.RelationshipStrength] = Choice(Names.Counterpart, Names.RelationshipStrength, p.Strength);
            if (metadata.HasColumn(Names.Counterpart, Names.OpportunityLookup)) row[Names.OpportunityLookup] = Lookup(Names.Opportunity, OpportunityId);
            Add(Names.Counterpart, IdOf($"pairing:{p.Member}:{p.Stakeholder}"), row);
        }
        return this;
    }

    public DealScenario WithGaps(params GapSpec[] specs)
    {
        gaps.AddRange(specs);
        return this;
    }

    /// <summary>The deal's solution at <paramref name="version"/>, last changed by <paramref name="changedBy"/>.</summary>
    public Guid WithDealSolution(int version, string changeSummary, string changedBy, int? acknowledgedByMe)
    {
        var id = IdOf("solution");
        var changerId = changedBy == CurrentUserName ? CurrentUserId : IdOf("user:" + changedBy);
        if (changerId != CurrentUserId && !records[Names.User].Any(r => (string?)r["systemuserid"] == changerId.ToString()))
            Add(Names.User, changerId, new JsonObject { ["fullname"] = changedBy });
        var row = new JsonObject
        {
            [Names.OpportunityLookup] = Lookup(Names.Opportunity, OpportunityId),
            [Names.Version] = version,
            [Names.ChangeSummary] = changeSummary,
            ["modifiedby"] = Lookup(Names.User, changerId),
        };
        if (metadata.PrimaryName(Names.DealSolution) is { } primaryName) row[primaryName] = "Fleet telematics offer";
        Add(Names.DealSolution, id, row);
        SolutionVersion = version;
        if (acknowledgedByMe is { } acknowledged)
        {
            Add(Names.Acknowledgement, IdOf("ack:me"), new JsonObject
            {
                [Names.DealSolutionLookup] = Lookup(Names.DealSolution, id),
                [Names.UserLookup] = Lookup(Names.User, CurrentUserId),
                [Names.AcknowledgedVersion] = acknowledged,
            });
        }
        return id;
    }

    public Guid UserId(string name) => name == CurrentUserName ? CurrentUserId : IdOf("user:" + name);

    public JsonObject CoverageJson()
    {
        var stakeholderCount = Stakeholders.Count;
        var keyRoles = new[] { "Economic buyer", "Decision maker", "Approver" };
        return new JsonObject
        {
            ["opportunityId"] = OpportunityId.ToString(),
            ["generatedOn"] = "2026-11-28T10:00:00Z",
            ["solutionVersion"] = SolutionVersion,
            ["readinessScore"] = ReadinessScore,
            ["counts"] = new JsonObject
            {
                ["stakeholders"] = stakeholderCount,
                ["keyStakeholders"] = Stakeholders.Count(s => s.BuyingRole is not null && keyRoles.Contains(s.BuyingRole, StringComparer.OrdinalIgnoreCase)),
                ["teamMembers"] = records.TryGetValue(Names.DealTeamMember, out var members) ? members.Count : 0,
                ["gaps"] = gaps.Count,
            },
            ["gaps"] = new JsonArray(gaps.Select(g => (JsonNode)new JsonObject
            {
                ["kind"] = g.Kind,
                ["severity"] = g.Severity,
                ["recordType"] = g.RecordType,
                ["recordId"] = IdOf(g.RecordKey).ToString(),
                ["recordName"] = g.RecordName,
                ["stakeholderId"] = g.StakeholderKey is null ? null : StakeholderId(g.StakeholderKey).ToString(),
                ["message"] = g.Message,
            }).ToArray()),
        };
    }

    /// <summary>What FakeXrm.install takes.</summary>
    public JsonObject SetupJson()
    {
        var recordsJson = new JsonObject();
        foreach (var (table, rows) in records) recordsJson[table] = new JsonArray(rows.Select(r => (JsonNode)r.DeepClone()).ToArray());
        return new JsonObject
        {
            ["metadata"] = metadata.ToJson(),
            ["records"] = recordsJson,
            ["user"] = new JsonObject { ["id"] = CurrentUserId.ToString(), ["name"] = CurrentUserName },
        };
    }

    /// <summary>The label Solution/src gives a choice value (what the Web API formats it as).</summary>
    public string Label(string table, string column, string label) => metadata.LabelOf(table, column, metadata.Choice(table, column, label));
}
