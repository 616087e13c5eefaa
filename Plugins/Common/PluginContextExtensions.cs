using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Plugins.Common
{
    /// <summary>Reads what a step was registered to receive, failing with a message an administrator can act on when the registration lacks it.</summary>
    public static class PluginContextExtensions
    {
        public const string TargetParameter = "Target";
        public const string PreImageName = "PreImage";
        public const string PostImageName = "PostImage";

        public static Entity GetTargetEntity(this ILocalPluginContext localContext)
        {
            var input = localContext.PluginExecutionContext.InputParameters;
            if (input.Contains(TargetParameter) && input[TargetParameter] is Entity target)
            {
                return target;
            }

            throw RegistrationFault(localContext, "an Entity in the Target input parameter");
        }

        public static EntityReference GetTargetReference(this ILocalPluginContext localContext)
        {
            var input = localContext.PluginExecutionContext.InputParameters;
            if (input.Contains(TargetParameter))
            {
                switch (input[TargetParameter])
                {
                    case EntityReference reference:
                        return reference;
                    case Entity entity:
                        return new EntityReference(entity.LogicalName, entity.Id);
                }
            }

            throw RegistrationFault(localContext, "a record in the Target input parameter");
        }

        public static Entity GetPreImage(this ILocalPluginContext localContext, string name = PreImageName)
        {
            var images = localContext.PluginExecutionContext.PreEntityImages;
            if (images.Contains(name) && images[name] != null)
            {
                return images[name];
            }

            throw RegistrationFault(localContext, "the pre-image '" + name + "'");
        }

        public static Entity GetPostImage(this ILocalPluginContext localContext, string name = PostImageName)
        {
            var images = localContext.PluginExecutionContext.PostEntityImages;
            if (images.Contains(name) && images[name] != null)
            {
                return images[name];
            }

            throw RegistrationFault(localContext, "the post-image '" + name + "'");
        }

        public static T? GetInput<T>(this ILocalPluginContext localContext, string name)
        {
            var input = localContext.PluginExecutionContext.InputParameters;
            return input.Contains(name) && input[name] is T value ? value : default;
        }

        public static bool IsMessage(this ILocalPluginContext localContext, string messageName) =>
            string.Equals(localContext.PluginExecutionContext.MessageName, messageName, StringComparison.OrdinalIgnoreCase);

        private static InvalidPluginExecutionException RegistrationFault(ILocalPluginContext localContext, string what)
        {
            var context = localContext.PluginExecutionContext;
            return new InvalidPluginExecutionException(string.Format(
                CultureInfo.InvariantCulture,
                UserMessages.StepRegistrationLacks,
                context.MessageName,
                context.PrimaryEntityName,
                context.Stage,
                what));
        }
    }
}
