using System;
using System.Collections.Generic;

namespace CrmTeamSelling.Plugins.Opportunity
{
    /// <summary>Everything deal coverage looks at, read once (see <see cref="CoverageReader"/>) and then analysed in memory.</summary>
    public sealed class CoverageFacts
    {
        public Guid OpportunityId { get; set; }

        /// <summary>The moment coverage is computed for: staleness and overdue actions are measured against it (UTC).</summary>
        public DateTime Now { get; set; }

        /// <summary>tsell_StaleRelationshipDays.</summary>
        public int StaleRelationshipDays { get; set; }

        /// <summary>tsell_LevelParityMode: enforce, warn or off.</summary>
        public string LevelParityMode { get; set; } = Model.LevelParityModes.Default;

        /// <summary>Active stakeholders.</summary>
        public IList<StakeholderFacts> Stakeholders { get; } = new List<StakeholderFacts>();

        /// <summary>Active deal team members.</summary>
        public IList<MemberFacts> Members { get; } = new List<MemberFacts>();

        /// <summary>Active counterpart pairings.</summary>
        public IList<PairingFacts> Pairings { get; } = new List<PairingFacts>();

        /// <summary>The deal solution's current version; null when the deal has no solution yet.</summary>
        public int? SolutionVersion { get; set; }

        /// <summary>The latest solution version each user has acknowledged.</summary>
        public IDictionary<Guid, int> AcknowledgedVersionByUser { get; } = new Dictionary<Guid, int>();

        /// <summary>Open actions decided at deal reviews (tasks regarding the opportunity with a deal review).</summary>
        public IList<ActionFacts> OpenReviewActions { get; } = new List<ActionFacts>();
    }

    public sealed class StakeholderFacts
    {
        public Guid Id { get; set; }

        /// <summary>The contact's full name (the stakeholder's record name when the contact is not readable).</summary>
        public string Name { get; set; } = "";

        public int? BuyingRole { get; set; }

        public int? Stance { get; set; }

        public int? Level { get; set; }

        public int? Influence { get; set; }
    }

    public sealed class MemberFacts
    {
        public Guid Id { get; set; }

        public Guid UserId { get; set; }

        /// <summary>The user's full name.</summary>
        public string Name { get; set; } = "";

        public int? Level { get; set; }
    }

    public sealed class PairingFacts
    {
        public Guid Id { get; set; }

        /// <summary>"Jane Doe ↔ Ana Silva".</summary>
        public string Name { get; set; } = "";

        public Guid MemberId { get; set; }

        public Guid StakeholderId { get; set; }

        public DateTime? LastContact { get; set; }

        public DateTime CreatedOn { get; set; }
    }

    public sealed class ActionFacts
    {
        public Guid Id { get; set; }

        public string Subject { get; set; } = "";

        public DateTime? Due { get; set; }

        public Guid? StakeholderId { get; set; }
    }
}
