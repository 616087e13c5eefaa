using System;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Plugins.Common
{
    /// <summary>
    /// A record as it will be after the change: the target's values where it sets them, else the
    /// pre-image's. Lets a rule read "the stance after this update" without caring which side has it.
    /// </summary>
    public sealed class RecordState
    {
        private readonly Entity target;
        private readonly Entity? before;

        public RecordState(Entity target, Entity? before)
        {
            this.target = target ?? throw new ArgumentNullException(nameof(target));
            this.before = before;
        }

        public Guid Id => target.Id != Guid.Empty ? target.Id : before?.Id ?? Guid.Empty;

        public string LogicalName => target.LogicalName;

        public Entity Target => target;

        public Entity? Before => before;

        public T? Get<T>(string attribute) =>
            target.Contains(attribute) ? target.GetAttributeValue<T>(attribute) : before != null ? before.GetAttributeValue<T>(attribute) : default;

        public T? GetBefore<T>(string attribute) => before != null ? before.GetAttributeValue<T>(attribute) : default;

        public bool Sets(string attribute) => target.Contains(attribute);

        /// <summary>True when the target sets the attribute to a value other than the one it had.</summary>
        public bool Changes(string attribute)
        {
            if (!target.Contains(attribute))
            {
                return false;
            }

            var after = target[attribute];
            var old = before != null && before.Contains(attribute) ? before[attribute] : null;
            return !ValuesEqual(after, old);
        }

        public static int? OptionValue(object? value) => value is OptionSetValue option ? option.Value : (int?)null;

        private static bool ValuesEqual(object? left, object? right)
        {
            if (left is string leftText && string.IsNullOrEmpty(leftText))
            {
                left = null;
            }

            if (right is string rightText && string.IsNullOrEmpty(rightText))
            {
                right = null;
            }

            return Equals(left, right);
        }
    }
}
