using System;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The interface every plug-in implements; Dataverse calls Execute once per pipeline event.</summary>
    public interface IPlugin
    {
        void Execute(IServiceProvider serviceProvider);
    }
}
