using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmTeamSelling.WebResources.Harness;

/// <summary>The deals the tests, the screenshot and the benchmark use.</summary>
public static class Deals
{
    public static readonly Guid RealisticOpportunityId = new("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

    /// <summary>
    /// Northwind Traders' fleet telematics deal: 11 stakeholders over 4 levels and 3 departments
    /// (Finance, IT, Operations), 9 reports-to lines, a team of 4 paired by rank, 7 coverage gaps.
    /// </summary>
    public static DealScenario Realistic(FakeMetadata metadata)
    {
        var deal = new DealScenario(metadata, "Northwind Traders – fleet telematics rollout", RealisticOpportunityId);
        deal.WithTeam(
            new MemberSpec("maya", "Maya Lindqvist", "Account executive", "Staff"),
            new MemberSpec("tom", "Tom Becker", "Sales manager", "Manager"),
            new MemberSpec("grace", "Grace Okafor", "Executive sponsor", "Executive"),
            new MemberSpec("ravi", "Ravi Shah", "Presales", "Staff"));
        deal.WithStakeholders(
            new StakeholderSpec("helen", "Helen Carter", "Chief Financial Officer", "Finance", "Executive", "Economic buyer", "High", "Supporter", null),
            new StakeholderSpec("marcus", "Marcus Reed", "Chief Operating Officer", "Operations", "Executive", "Decision maker", "High", "Champion", null),
            new StakeholderSpec("priya", "Priya Nair", "Director of IT Infrastructure", "IT", "Director", "Technical evaluator", "High", "Skeptic", "marcus"),
            new StakeholderSpec("daniel", "Daniel Kim", "Finance Director", "Finance", "Director", "Approver", "Medium", "Neutral", "helen"),
            new StakeholderSpec("sofia", "Sofia Alvarez", "Director of Fleet Operations", "Operations", "Director", "Influencer", "High", "Champion", "marcus"),
            new StakeholderSpec("liam", "Liam O'Connor", "Procurement Manager", "Finance", "Manager", "Gatekeeper", "Medium", "Neutral", "daniel"),
            new StakeholderSpec("chen", "Chen Wei", "IT Security Manager", "IT", "Manager", "Technical evaluator", "Medium", "Opponent", "priya"),
            new StakeholderSpec("fatima", "Fatima Zahra", "Dispatch Manager", "Operations", "Manager", "User", "Medium", "Supporter", "sofia"),
            new StakeholderSpec("jonas", "Jonas Weber", "Fleet Coordinator", "Operations", "Staff", "Coach", "Low", "Supporter", "fatima"),
            new StakeholderSpec("aisha", "Aisha Bello", "Systems Administrator", "IT", "Staff", "User", "Low", "Unknown", "chen"),
            new StakeholderSpec("noah", "Noah Fischer", "Financial Analyst", "Finance", "Staff", "Influencer", "Low", null, "liam"));
        deal.WithPairings(
            new PairingSpec("grace", "helen", "Developing"),
            new PairingSpec("grace", "marcus", "Trusted"),
            new PairingSpec("tom", "sofia", "Strong"),
            new PairingSpec("maya", "liam", "Strong"),
            new PairingSpec("maya", "fatima", "Trusted"),
            new PairingSpec("maya", "jonas", "Strong"),
            new PairingSpec("ravi", "priya", "Weak"),
            new PairingSpec("ravi", "aisha", "Developing"));
        deal.SolutionVersion = 3;
        deal.ReadinessScore = 64;
        deal.WithGaps(
            new GapSpec("KeyStakeholderWithoutCounterpart", "error", Names.Stakeholder, "stakeholder:daniel", "Daniel Kim", "daniel", "Daniel Kim (Approver) has no counterpart on our team."),
            new GapSpec("UnknownStance", "warning", Names.Stakeholder, "stakeholder:aisha", "Aisha Bello", "aisha", "Aisha Bello's stance is unknown."),
            new GapSpec("UnknownStance", "warning", Names.Stakeholder, "stakeholder:noah", "Noah Fischer", "noah", "Noah Fischer's stance is unknown."),
            new GapSpec("LevelGap", "warning", Names.Counterpart, "pairing:ravi:priya", "Ravi Shah – Priya Nair", "priya", "Ravi Shah (Staff) is paired with Priya Nair (Director): two levels apart."),
            new GapSpec("StaleRelationship", "warning", Names.Counterpart, "pairing:grace:helen", "Grace Okafor – Helen Carter", "helen", "Grace Okafor has not been in touch with Helen Carter for 45 days."),
            new GapSpec("OverdueAction", "warning", "task", "task:whitepaper", "Send the security whitepaper to Chen Wei", "chen", "Send the security whitepaper to Chen Wei was due on 20 November."),
            new GapSpec("UnacknowledgedSolution", "info", Names.DealTeamMember, "member:tom", "Tom Becker", null, "Tom Becker has not read solution version 3."));
        return deal;
    }

    private static readonly string[] FirstNames =
    {
        "Ava", "Ben", "Chloe", "Diego", "Elif", "Finn", "Greta", "Hiro", "Ines", "Jamal", "Kira", "Lars", "Mona", "Nils", "Olga",
        "Pedro", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Viktor", "Wen", "Xavi", "Yara", "Zoe",
    };

    private static readonly string[] LastNames =
    {
        "Adler", "Brandt", "Costa", "Dubois", "Eriksen", "Fontaine", "Garcia", "Hansen", "Ivanova", "Jansen", "Kowalski", "Lopez",
        "Meyer", "Novak", "Olsen", "Petrov", "Quist", "Rossi", "Santos", "Tanaka", "Ueda", "Vargas", "Weiss", "Yilmaz", "Zimmer",
    };

    private static readonly string[] Departments = { "Finance", "IT", "Operations", "Procurement", "Legal", "Logistics" };
    private static readonly string[] Roles = { "Economic buyer", "Decision maker", "Approver", "Technical evaluator", "User", "Influencer", "Gatekeeper", "Coach" };
    private static readonly string[] Stances = { "Champion", "Supporter", "Neutral", "Skeptic", "Opponent", "Unknown" };
    private static readonly string[] Strengths = { "Weak", "Developing", "Strong", "Trusted" };

    /// <summary>
    /// A large buying organisation: <paramref name="count"/> stakeholders in a pyramid (5% executive,
    /// 15% director, 30% manager, the rest staff) over 3 departments (6 from 60 people on), each
    /// reporting to someone one level up in the same department; 40% paired; gaps on about 15%.
    /// Seeded, so every run draws the same deal.
    /// </summary>
    public static DealScenario Generated(FakeMetadata metadata, int count, int seed = 7)
    {
        var random = new Random(seed);
        var deal = new DealScenario(metadata, $"Generated deal with {count} stakeholders", new Guid($"00000000-0000-4000-8000-{count:000000000000}"));
        deal.WithTeam(
            new MemberSpec("ae", "Maya Lindqvist", "Account executive", "Staff"),
            new MemberSpec("manager", "Tom Becker", "Sales manager", "Manager"),
            new MemberSpec("gm", "Grace Okafor", "Executive sponsor", "Executive"),
            new MemberSpec("presales", "Ravi Shah", "Presales", "Staff"));
        var departments = Departments.Take(count >= 60 ? 6 : 3).ToArray();
        var levels = new[] { "Executive", "Director", "Manager", "Staff" };
        var specs = new List<StakeholderSpec>();
        var byLevelAndDepartment = new Dictionary<(int, string), List<string>>();
        for (var i = 0; i < count; i++)
        {
            var share = (double)i / count;
            var level = share < 0.05 ? 0 : share < 0.20 ? 1 : share < 0.50 ? 2 : 3;
            var department = departments[i % departments.Length];
            string? reportsTo = null;
            if (level > 0 && byLevelAndDepartment.TryGetValue((level - 1, department), out var managers)) reportsTo = managers[random.Next(managers.Count)];
            else if (level > 0)
            {
                var anyAbove = specs.Where(s => s.Level == levels[level - 1]).ToList();
                if (anyAbove.Count > 0) reportsTo = anyAbove[random.Next(anyAbove.Count)].Key;
            }
            var key = $"s{i:000}";
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            var stance = random.NextDouble() < 0.1 ? null : Stances[random.Next(Stances.Length)];
            var role = level == 0 ? Roles[random.Next(3)] : Roles[3 + random.Next(Roles.Length - 3)];
            var influence = level <= 1 ? "High" : level == 2 ? "Medium" : random.NextDouble() < 0.5 ? "Low" : "Medium";
            specs.Add(new StakeholderSpec(key, name, $"{levels[level]} – {department}", department, levels[level], role, influence, stance, reportsTo));
            if (!byLevelAndDepartment.TryGetValue((level, department), out var list)) byLevelAndDepartment[(level, department)] = list = new List<string>();
            list.Add(key);
        }
        deal.WithStakeholders(specs.ToArray());
        var members = new[] { "gm", "gm", "manager", "manager", "ae", "ae", "presales", "presales" };
        var pairings = specs.Where((_, i) => i % 5 < 2)
            .Select(s => new PairingSpec(members[Array.IndexOf(levels, s.Level) * 2 + random.Next(2)], s.Key, Strengths[random.Next(Strengths.Length)]))
            .GroupBy(p => (p.Member, p.Stakeholder)).Select(g => g.First()).ToArray();
        deal.WithPairings(pairings);
        var gaps = specs.Where((_, i) => i % 7 == 3).Select(s => s.Stance is null
            ? new GapSpec("UnknownStance", "warning", Names.Stakeholder, "stakeholder:" + s.Key, s.Name, s.Key, $"{s.Name}'s stance is unknown.")
            : new GapSpec("StaleRelationship", "warning", Names.Stakeholder, "stakeholder:" + s.Key, s.Name, s.Key, $"No one has been in touch with {s.Name} for 40 days.")).ToArray();
        deal.WithGaps(gaps);
        deal.ReadinessScore = 58;
        return deal;
    }
}
