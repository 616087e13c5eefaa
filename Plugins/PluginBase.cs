using System;
using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Plugins
{
    /// <summary>
    /// Base of every plugin in the assembly: builds the local context, traces entry and exit, and
    /// turns anything that is not already a user-facing refusal into one. Dataverse caches one
    /// instance per step and calls it on many threads, so derived classes keep no mutable state.
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
        protected PluginBase(Type pluginClass)
            : this(pluginClass, null, null)
        {
        }

        /// <summary>For steps that carry configuration: Dataverse passes (unsecure, secure).</summary>
        protected PluginBase(Type pluginClass, string? unsecureConfiguration, string? secureConfiguration)
        {
            if (pluginClass == null)
            {
                throw new ArgumentNullException(nameof(pluginClass));
            }

            PluginClassName = pluginClass.FullName ?? pluginClass.Name;
            UnsecureConfiguration = unsecureConfiguration;
            SecureConfiguration = secureConfiguration;
        }

        protected string PluginClassName { get; }

        protected string? UnsecureConfiguration { get; }

        protected string? SecureConfiguration { get; }

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null)
            {
                throw new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture, UserMessages.NoServiceProvider, PluginClassName));
            }

            var localContext = new LocalPluginContext(serviceProvider);
            localContext.Trace("Entered {0}: {1} of {2}, stage {3}, mode {4}, depth {5}, correlation {6}.",
                PluginClassName,
                localContext.PluginExecutionContext.MessageName,
                localContext.PluginExecutionContext.PrimaryEntityName,
                localContext.PluginExecutionContext.Stage,
                localContext.PluginExecutionContext.Mode,
                localContext.PluginExecutionContext.Depth,
                localContext.PluginExecutionContext.CorrelationId);
            try
            {
                ExecuteDataversePlugin(localContext);
            }
            catch (InvalidPluginExecutionException refusal)
            {
                localContext.Trace("{0} refused: {1}", PluginClassName, refusal.Message);
                throw;
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                // A platform call failed (privilege, missing record, duplicate key...): its message is
                // already Dataverse's own wording; keep it and say which plugin made the call.
                localContext.Trace("{0}: a service call failed: {1}", PluginClassName, fault.Detail?.Message ?? fault.Message);
                throw new InvalidPluginExecutionException(
                    string.Format(CultureInfo.InvariantCulture, UserMessages.ServiceCallFailed, fault.Detail?.Message ?? fault.Message),
                    fault);
            }
            catch (Exception unexpected)
            {
                localContext.Trace("{0}: unexpected {1}: {2}", PluginClassName, unexpected.GetType().FullName, unexpected);
                throw new InvalidPluginExecutionException(
                    string.Format(CultureInfo.InvariantCulture, UserMessages.UnexpectedError, PluginClassName, unexpected.Message),
                    unexpected);
            }
            finally
            {
                localContext.Trace("Exiting {0}.", PluginClassName);
            }
        }

        /// <summary>The step's work: read the context, apply the rule, write the result.</summary>
        protected abstract void ExecuteDataversePlugin(ILocalPluginContext localContext);
    }
}
