using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using BuyingRoles = CrmTeamSelling.Plugins.Model.BuyingRole;
using ContactNames = CrmTeamSelling.Plugins.Model.LogicalNames.Contact;
using StakeholderNames = CrmTeamSelling.Plugins.Model.LogicalNames.Stakeholder;

namespace CrmTeamSelling.Plugins.Stakeholder
{
    /// <summary>
    /// The rules of a buying stakeholder before it is saved: a contact and an opportunity it stays on,
    /// a level for every key stakeholder, a reporting line inside the opportunity without cycles, and
    /// the name "Ana Silva – CFO, Finance" (contact – job title, department).
    /// </summary>
    public static class StakeholderProfile
    {
        /// <summary>Key stakeholders decide, pay or sign: decision maker, economic buyer, approver.</summary>
        public static bool IsKeyRole(int? buyingRole) =>
            buyingRole == BuyingRoles.DecisionMaker || buyingRole == BuyingRoles.EconomicBuyer || buyingRole == BuyingRoles.Approver;

        /// <summary>
        /// Checks the stakeholder as it will be after the change and sets name (and, from the contact,
        /// a missing job title) on the target. Cost: a contact read when the contact, job title,
        /// department or name is written; one query for the reporting line when reports-to changes.
        /// </summary>
        public static void Prepare(IOrganizationService service, RecordState stakeholder)
        {
            var isNew = stakeholder.Before == null;
            var opportunity = stakeholder.Get<EntityReference>(StakeholderNames.OpportunityId);
            if (opportunity == null)
            {
                throw Refusal.Because(UserMessages.StakeholderNeedsOpportunity);
            }

            if (!isNew && stakeholder.Changes(StakeholderNames.OpportunityId))
            {
                throw Refusal.Because(UserMessages.StakeholderCannotMoveToAnotherOpportunity, stakeholder.Before!.GetAttributeValue<string>(StakeholderNames.Name));
            }

            var contact = stakeholder.Get<EntityReference>(StakeholderNames.ContactId);
            if (contact == null)
            {
                throw Refusal.Because(UserMessages.StakeholderNeedsContact);
            }

            var target = stakeholder.Target;
            var contactChanges = isNew || stakeholder.Changes(StakeholderNames.ContactId);
            string? contactName = null;
            if (contactChanges || stakeholder.Sets(StakeholderNames.JobTitle) || stakeholder.Sets(StakeholderNames.Department) || stakeholder.Sets(StakeholderNames.Name))
            {
                var person = service.Retrieve(ContactNames.LogicalName, contact.Id, new ColumnSet(ContactNames.FullName, ContactNames.JobTitle));
                contactName = person.GetAttributeValue<string>(ContactNames.FullName) ?? contact.Id.ToString("D");
                // A new person brings their job title from the contact unless the change gives one;
                // the previous person's title must not stay on the record.
                if (contactChanges && string.IsNullOrWhiteSpace(target.GetAttributeValue<string>(StakeholderNames.JobTitle)))
                {
                    target[StakeholderNames.JobTitle] = person.GetAttributeValue<string>(ContactNames.JobTitle);
                }

                target[StakeholderNames.Name] = PrimaryName.Compose(contactName,
                    stakeholder.Get<string>(StakeholderNames.JobTitle), stakeholder.Get<string>(StakeholderNames.Department));
            }

            var displayName = stakeholder.Get<string>(StakeholderNames.Name) ?? contactName ?? contact.Id.ToString("D");
            var buyingRole = RecordState.OptionValue(stakeholder.Get<OptionSetValue>(StakeholderNames.BuyingRole));
            if ((isNew || stakeholder.Sets(StakeholderNames.BuyingRole) || stakeholder.Sets(StakeholderNames.Level))
                && IsKeyRole(buyingRole) && stakeholder.Get<OptionSetValue>(StakeholderNames.Level) == null)
            {
                throw Refusal.Because(UserMessages.KeyStakeholderNeedsLevel, displayName, Model.ChoiceLabels.BuyingRole(buyingRole));
            }

            var manager = stakeholder.Get<EntityReference>(StakeholderNames.ReportsToId);
            if (manager != null && (isNew || stakeholder.Changes(StakeholderNames.ReportsToId)))
            {
                ReportingLine.Check(service, opportunity.Id, stakeholder.Id, manager.Id, contactName, displayName);
            }
        }
    }
}
