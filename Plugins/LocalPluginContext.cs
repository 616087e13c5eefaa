using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Plugins
{
    /// <summary>What a plugin step works with: the execution context and the services, resolved once.</summary>
    public interface ILocalPluginContext
    {
        IPluginExecutionContext PluginExecutionContext { get; }

        /// <summary>Acts as the step's user (the caller, or the user the step impersonates).</summary>
        IOrganizationService UserService { get; }

        /// <summary>Acts as the system: no privilege checks. Use only where the rule needs it, and say why.</summary>
        IOrganizationService SystemService { get; }

        /// <summary>Acts as the user who started the operation, even when the step impersonates someone else.</summary>
        IOrganizationService InitiatingUserService { get; }

        ITracingService TracingService { get; }

        IServiceEndpointNotificationService? NotificationService { get; }

        Guid UserId { get; }

        Guid InitiatingUserId { get; }

        void Trace(string format, params object?[] args);
    }

    /// <inheritdoc cref="ILocalPluginContext"/>
    public sealed class LocalPluginContext : ILocalPluginContext
    {
        private readonly IOrganizationServiceFactory serviceFactory;
        private readonly Lazy<IOrganizationService> userService;
        private readonly Lazy<IOrganizationService> systemService;
        private readonly Lazy<IOrganizationService> initiatingUserService;

        public LocalPluginContext(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null)
            {
                throw new ArgumentNullException(nameof(serviceProvider));
            }

            PluginExecutionContext = Require<IPluginExecutionContext>(serviceProvider);
            TracingService = Require<ITracingService>(serviceProvider);
            serviceFactory = Require<IOrganizationServiceFactory>(serviceProvider);
            NotificationService = serviceProvider.GetService(typeof(IServiceEndpointNotificationService)) as IServiceEndpointNotificationService;

            // Services are created on first use: most steps need only one of them.
            userService = new Lazy<IOrganizationService>(() => serviceFactory.CreateOrganizationService(PluginExecutionContext.UserId));
            systemService = new Lazy<IOrganizationService>(() => serviceFactory.CreateOrganizationService(null));
            initiatingUserService = new Lazy<IOrganizationService>(() => serviceFactory.CreateOrganizationService(PluginExecutionContext.InitiatingUserId));
        }

        public IPluginExecutionContext PluginExecutionContext { get; }

        public IOrganizationService UserService => userService.Value;

        public IOrganizationService SystemService => systemService.Value;

        public IOrganizationService InitiatingUserService => initiatingUserService.Value;

        public ITracingService TracingService { get; }

        public IServiceEndpointNotificationService? NotificationService { get; }

        public Guid UserId => PluginExecutionContext.UserId;

        public Guid InitiatingUserId => PluginExecutionContext.InitiatingUserId;

        public void Trace(string format, params object?[] args)
        {
            TracingService.Trace(args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));
        }

        private static T Require<T>(IServiceProvider serviceProvider)
            where T : class
        {
            return serviceProvider.GetService(typeof(T)) as T
                ?? throw new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture, UserMessages.MissingPlatformService, typeof(T).Name));
        }
    }
}
