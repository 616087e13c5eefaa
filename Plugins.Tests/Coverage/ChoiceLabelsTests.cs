using System;
using System.Linq;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;

namespace CrmTeamSelling.Plugins.Tests.Coverage;

/// <summary>The labels plugins put into names and messages are the solution's own.</summary>
[TestClass]
public sealed class ChoiceLabelsTests
{
    [TestMethod]
    [DataRow("tsell_dealteammember", "tsell_teamrole")]
    [DataRow("tsell_dealteammember", "tsell_level")]
    [DataRow("tsell_stakeholder", "tsell_buyingrole")]
    [DataRow("tsell_stakeholder", "tsell_stance")]
    public void EveryOptionOfTheSolutionHasItsLabelInCode(string table, string column)
    {
        Func<int?, string?> labelOf = column switch
        {
            "tsell_teamrole" => ChoiceLabels.TeamRole,
            "tsell_level" => ChoiceLabels.Level,
            "tsell_buyingrole" => ChoiceLabels.BuyingRole,
            _ => ChoiceLabels.Stance,
        };
        var choice = DealWorld.NewEmulator().Metadata.FindTable(table)!.FindColumn(column)!.Choice!;

        Assert.IsNotEmpty(choice.Options);
        foreach (var option in choice.Options)
        {
            Assert.AreEqual(option.Label, labelOf(option.Value), $"{table}.{column} = {option.Value}");
        }
    }

    [TestMethod]
    public void AnEmptyChoiceHasNoLabelAndAnUnknownValueShowsItsNumber()
    {
        Assert.IsNull(ChoiceLabels.BuyingRole(null));
        Assert.AreEqual("412000099", ChoiceLabels.BuyingRole(412000099));
    }
}
