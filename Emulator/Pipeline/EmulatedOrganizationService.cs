using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Pipeline;

/// <summary>
/// IOrganizationService over the emulator for one caller: every method becomes its request and runs
/// through the full pipeline, as the Dataverse SDK's methods do.
/// </summary>
internal sealed class EmulatedOrganizationService : IOrganizationService
{
    private readonly EmulatorRuntime runtime;
    private readonly Func<CallFrame> frame;

    public EmulatedOrganizationService(EmulatorRuntime runtime, Func<CallFrame> frame)
    {
        this.runtime = runtime;
        this.frame = frame;
    }

    public Guid Create(Entity entity)
        => (Guid)Execute(new CreateRequest { Target = entity }).Results["id"];

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
        => (Entity)Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet }).Results["Entity"];

    public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

    public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return runtime.Execute(request, frame());
    }

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        => Execute(new AssociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        => Execute(new DisassociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public EntityCollection RetrieveMultiple(QueryBase query)
        => (EntityCollection)Execute(new RetrieveMultipleRequest { Query = query }).Results["EntityCollection"];
}

/// <summary>The factory a plug-in gets: services whose calls are nested in the plug-in's operation (depth + 1).</summary>
internal sealed class PluginServiceFactory : IOrganizationServiceFactory
{
    private readonly EmulatorRuntime runtime;
    private readonly PluginExecutionContext context;
    private readonly string pluginName;

    public PluginServiceFactory(EmulatorRuntime runtime, PluginExecutionContext context, string pluginName)
    {
        this.runtime = runtime;
        this.context = context;
        this.pluginName = pluginName;
    }

    public IOrganizationService CreateOrganizationService(Guid? userId)
    {
        // null (or the SYSTEM user) is the system context: no security checks, as in Dataverse.
        var isSystem = userId is null || userId == runtime.SystemUserId;
        var actingUser = userId ?? runtime.SystemUserId;
        if (!isSystem)
        {
            runtime.RequireEnabledUser(actingUser);
        }

        return new EmulatedOrganizationService(runtime, () => CallFrame.FromPlugin(context, actingUser, isSystem, pluginName));
    }
}
