using System;

namespace CrmTeamSelling.Plugins.Opportunity
{
    /// <summary>One thing the deal team does not yet know or cover, as the coverage JSON reports it.</summary>
    public sealed class CoverageGap
    {
        public CoverageGap(string kind, string severity, string recordType, Guid recordId, string recordName, Guid? stakeholderId, string message)
        {
            Kind = kind;
            Severity = severity;
            RecordType = recordType;
            RecordId = recordId;
            RecordName = recordName;
            StakeholderId = stakeholderId;
            Message = message;
        }

        /// <summary>One of <see cref="GapKinds"/>.</summary>
        public string Kind { get; }

        /// <summary>One of <see cref="GapSeverities"/>.</summary>
        public string Severity { get; }

        /// <summary>The logical name of the record the gap is about.</summary>
        public string RecordType { get; }

        public Guid RecordId { get; }

        public string RecordName { get; }

        /// <summary>The stakeholder the gap concerns, when there is one (the stakeholder map highlights it).</summary>
        public Guid? StakeholderId { get; }

        public string Message { get; }
    }

    /// <summary>The gap kinds of the coverage contract, in the order coverage lists them.</summary>
    public static class GapKinds
    {
        public const string UnknownStance = "UnknownStance";
        public const string UnknownBuyingRole = "UnknownBuyingRole";
        public const string UnknownLevel = "UnknownLevel";
        public const string KeyStakeholderWithoutCounterpart = "KeyStakeholderWithoutCounterpart";
        public const string LevelGap = "LevelGap";
        public const string StaleRelationship = "StaleRelationship";
        public const string UnacknowledgedSolution = "UnacknowledgedSolution";
        public const string OverdueAction = "OverdueAction";

        public static readonly string[] InOrder =
        {
            UnknownStance, UnknownBuyingRole, UnknownLevel, KeyStakeholderWithoutCounterpart, LevelGap, StaleRelationship, UnacknowledgedSolution, OverdueAction,
        };
    }

    /// <summary>
    /// error: the decision cannot be worked (a key stakeholder uncovered or unknown, an action overdue);
    /// warning: the picture is weaker than it should be; info: an unknown about a low-influence stakeholder.
    /// </summary>
    public static class GapSeverities
    {
        public const string Error = "error";
        public const string Warning = "warning";
        public const string Info = "info";

        public static readonly string[] InOrder = { Error, Warning, Info };
    }
}
