using System.Globalization;

namespace CrmTeamSelling.Plugins.Model
{
    /// <summary>
    /// The English labels of the choices that plugins write into names and messages, as Solution/src
    /// defines them (OptionSets/tsell_level.xml and the tables' local choices). Plugins build record
    /// names and notices in the same transaction as the change, so they cannot wait for a metadata call;
    /// a test compares these labels with the solution's.
    /// </summary>
    public static class ChoiceLabels
    {
        public static string? Level(int? value)
        {
            switch (value)
            {
                case Model.Level.Staff: return "Staff";
                case Model.Level.Manager: return "Manager";
                case Model.Level.Director: return "Director";
                case Model.Level.Executive: return "Executive";
                default: return Unknown(value);
            }
        }

        public static string? TeamRole(int? value)
        {
            switch (value)
            {
                case Model.TeamRole.AccountExecutive: return "Account Executive";
                case Model.TeamRole.SalesManager: return "Sales Manager";
                case Model.TeamRole.ExecutiveSponsor: return "Executive Sponsor";
                case Model.TeamRole.Presales: return "Presales";
                case Model.TeamRole.Delivery: return "Delivery";
                case Model.TeamRole.Finance: return "Finance";
                case Model.TeamRole.Legal: return "Legal";
                case Model.TeamRole.Product: return "Product";
                case Model.TeamRole.Other: return "Other";
                default: return Unknown(value);
            }
        }

        public static string? BuyingRole(int? value)
        {
            switch (value)
            {
                case Model.BuyingRole.EconomicBuyer: return "Economic Buyer";
                case Model.BuyingRole.DecisionMaker: return "Decision Maker";
                case Model.BuyingRole.Approver: return "Approver";
                case Model.BuyingRole.TechnicalEvaluator: return "Technical Evaluator";
                case Model.BuyingRole.User: return "User";
                case Model.BuyingRole.Influencer: return "Influencer";
                case Model.BuyingRole.Gatekeeper: return "Gatekeeper";
                case Model.BuyingRole.Coach: return "Coach";
                default: return Unknown(value);
            }
        }

        public static string? Stance(int? value)
        {
            switch (value)
            {
                case Model.Stance.Unknown: return "Unknown";
                case Model.Stance.Champion: return "Champion";
                case Model.Stance.Supporter: return "Supporter";
                case Model.Stance.Neutral: return "Neutral";
                case Model.Stance.Skeptic: return "Skeptic";
                case Model.Stance.Opponent: return "Opponent";
                default: return Unknown(value);
            }
        }

        /// <summary>tsell_reviewactionentry.tsell_step (deal reviews, issue 8).</summary>
        public static string? ActionHistoryStep(int? value)
        {
            switch (value)
            {
                case Model.ActionHistoryStep.Decided: return "Decided";
                case Model.ActionHistoryStep.CarriedForward: return "Carried Forward";
                case Model.ActionHistoryStep.Amended: return "Amended";
                case Model.ActionHistoryStep.OutcomeRecorded: return "Outcome Recorded";
                case Model.ActionHistoryStep.Closed: return "Closed";
                case Model.ActionHistoryStep.Reopened: return "Reopened";
                default: return Unknown(value);
            }
        }

        /// <summary>task.tsell_actionoutcome and tsell_reviewactionentry.tsell_outcome (deal reviews, issue 8).</summary>
        public static string? ActionOutcome(int? value)
        {
            switch (value)
            {
                case Model.ActionOutcome.Done: return "Done";
                case Model.ActionOutcome.OnTrack: return "On Track";
                case Model.ActionOutcome.AtRisk: return "At Risk";
                case Model.ActionOutcome.Blocked: return "Blocked";
                case Model.ActionOutcome.Dropped: return "Dropped";
                default: return Unknown(value);
            }
        }

        // An empty choice has no label; a value the solution does not define (added by a customizer)
        // still shows as its number rather than vanishing from a name or message.
        private static string? Unknown(int? value) => value?.ToString(CultureInfo.InvariantCulture);
    }
}
