using System;
using System.Linq;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Solution.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Solution.Tests.OnTheEmulator;

/// <summary>What Dataverse refuses on the shipped metadata: a value outside a choice, a text longer than its column.</summary>
[TestClass]
public sealed class ValidationTests
{
    [TestMethod]
    public void Every_choice_of_the_data_model_refuses_a_value_it_does_not_define()
    {
        var org = TeamSellingOrg.Create();
        var deal = org.AddDeal(org.Opportunity);
        var checkedChoices = 0;
        foreach (var table in ExpectedModel.AllTables)
        {
            foreach (var column in table.Columns.Where(c => c.Type == "picklist"))
            {
                // 1 is a value Dataverse's own choices use; ours start at 412000000.
                var fault = TeamSellingOrg.Refused(() => org.Crm.System.Update(new Entity(table.LogicalName, deal[table.LogicalName].Id) { [column.Name] = new OptionSetValue(1) }));

                Assert.AreEqual(ErrorCodes.PicklistValueOutOfRange, fault.ErrorCode, $"{table}.{column}: {fault.Message}");
                StringAssert.Contains(fault.Message, column.Name, StringComparison.Ordinal, "The error names the column.");
                checkedChoices++;
            }
        }

        Assert.IsGreaterThan(10, checkedChoices, "The loop must have checked the data model's choice columns.");
    }

    [TestMethod]
    public void Every_text_column_takes_text_up_to_its_length_and_refuses_one_character_more()
    {
        var org = TeamSellingOrg.Create();
        var deal = org.AddDeal(org.Opportunity);
        foreach (var table in ExpectedModel.AllTables)
        {
            foreach (var column in table.Columns.Where(c => c.Type is "nvarchar" or "ntext"))
            {
                var length = ShippedSolution.Column(table.LogicalName, column.Name).MaxLength!.Value;
                var row = deal[table.LogicalName];

                org.Crm.System.Update(new Entity(table.LogicalName, row.Id) { [column.Name] = new string('x', length) });
                var fault = TeamSellingOrg.Refused(() => org.Crm.System.Update(new Entity(table.LogicalName, row.Id) { [column.Name] = new string('x', length + 1) }));

                Assert.AreEqual(ErrorCodes.StringLengthTooLong, fault.ErrorCode, $"{table}.{column}: {fault.Message}");
                StringAssert.Contains(fault.Message, $"'{column.Name}' attribute of the '{table.LogicalName}' entity exceeded the maximum allowed length of '{length}'", StringComparison.Ordinal);
                Assert.AreEqual(length, org.Crm.Get(row).GetAttributeValue<string>(column.Name).Length, $"{table}.{column}: the refused update changed the row.");
            }
        }
    }
}
