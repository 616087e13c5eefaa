using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using CrmTeamSelling.Plugins.Model;
using Notification = CrmTeamSelling.Plugins.Model.LogicalNames.AppNotification;
using SystemUserNames = CrmTeamSelling.Plugins.Model.LogicalNames.SystemUser;

namespace CrmTeamSelling.Plugins.Common
{
    /// <summary>What to tell the team: one event, one text, a link to the record.</summary>
    public sealed class TeamNotice
    {
        public TeamNotice(string eventKey, string title, string body, EntityReference record)
        {
            EventKey = eventKey ?? throw new ArgumentNullException(nameof(eventKey));
            Title = title ?? throw new ArgumentNullException(nameof(title));
            Body = body ?? throw new ArgumentNullException(nameof(body));
            Record = record ?? throw new ArgumentNullException(nameof(record));
        }

        /// <summary>Names the event uniquely (record, version, kind): the same event never notifies twice.</summary>
        public string EventKey { get; }

        public string Title { get; }

        public string Body { get; }

        public EntityReference Record { get; }

        public int IconType { get; set; } = NotificationIcon.Info;

        public int Priority { get; set; } = NotificationPriority.Normal;
    }

    /// <summary>
    /// Sends in-app notifications (appnotification, one row per recipient). Each row's id derives
    /// from the event and the recipient, so a retried asynchronous step finds the rows its first
    /// attempt wrote and sends only what is missing. Cost: one query and one CreateMultiple,
    /// whatever the number of recipients.
    /// </summary>
    public static class TeamNotifier
    {
        // Notifications expire after two weeks, like the platform's own default.
        private const int TimeToLiveSeconds = 14 * 24 * 60 * 60;

        /// <returns>How many notifications this call created.</returns>
        public static int Notify(IOrganizationService service, TeamNotice notice, IEnumerable<Guid> recipients)
        {
            var wanted = recipients.Distinct().ToDictionary(recipient => NameBasedGuid.Create(notice.EventKey + "|" + recipient.ToString("D")), recipient => recipient);
            if (wanted.Count == 0)
            {
                return 0;
            }

            var existing = new QueryExpression(Notification.LogicalName) { ColumnSet = new ColumnSet(false) };
            existing.Criteria.AddCondition(Notification.Id, ConditionOperator.In, wanted.Keys.Cast<object>().ToArray());
            foreach (var sent in service.RetrieveMultiple(existing).Entities)
            {
                wanted.Remove(sent.Id);
            }

            if (wanted.Count == 0)
            {
                return 0;
            }

            var targets = new EntityCollection { EntityName = Notification.LogicalName };
            foreach (var pair in wanted.OrderBy(pair => pair.Value))
            {
                targets.Entities.Add(Build(notice, pair.Key, pair.Value));
            }

            service.Execute(new CreateMultipleRequest { Targets = targets });
            return targets.Entities.Count;
        }

        private static Entity Build(TeamNotice notice, Guid notificationId, Guid recipient)
        {
            var notification = new Entity(Notification.LogicalName, notificationId);
            notification[Notification.Id] = notificationId;
            notification[Notification.Title] = Truncate(notice.Title, 125);
            notification[Notification.Body] = Truncate(notice.Body, 4000);
            notification[Notification.OwnerId] = new EntityReference(SystemUserNames.LogicalName, recipient);
            notification[Notification.IconType] = new OptionSetValue(notice.IconType);
            notification[Notification.ToastType] = new OptionSetValue(NotificationToast.Timed);
            notification[Notification.Priority] = new OptionSetValue(notice.Priority);
            notification[Notification.TtlInSeconds] = TimeToLiveSeconds;
            notification[Notification.Data] = ActionData(notice.Record);
            return notification;
        }

        // The notification's action: open the record in the app the user is in.
        private static string ActionData(EntityReference record)
        {
            var url = "?pagetype=entityrecord&etn=" + record.LogicalName + "&id=" + record.Id.ToString("D");
            return "{\"actions\":[{\"title\":\"Open\",\"data\":{\"url\":\"" + url + "\",\"navigationTarget\":\"newWindow\"}}]}";
        }

        private static string Truncate(string text, int maxLength) => text.Length <= maxLength ? text : text.Substring(0, maxLength - 1) + "…";
    }
}
