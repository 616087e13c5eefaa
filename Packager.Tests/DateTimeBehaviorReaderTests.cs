using System.Linq;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Model;

namespace CrmTeamSelling.Packager.Tests;

/// <summary>
/// A datetime column's &lt;Behavior&gt; (how Dataverse stores it) is read beside its &lt;Format&gt; (how forms show it):
/// exports write 1 user local, 2 date only, 3 time-zone independent.
/// </summary>
[TestClass]
public sealed class DateTimeBehaviorReaderTests
{
    private const string VisitEntity = "Entities/smpl_Visit/Entity.xml";

    private static ColumnModel VisitDate(SolutionModel model)
        => model.Tables.Single(t => t.LogicalName == "smpl_visit").Columns.Single(c => c.LogicalName == "smpl_visitdate");

    [TestMethod]
    public void A_date_only_column_keeps_its_format_and_its_behaviour()
    {
        var visitDate = VisitDate(SolutionLayoutReader.Read(TestPaths.SampleLayout));

        Assert.AreEqual("date", visitDate.Format);
        Assert.AreEqual(DateTimeBehavior.DateOnly, visitDate.DateTimeBehavior);
    }

    [TestMethod]
    public void Each_behaviour_number_maps_to_its_behaviour_and_a_missing_one_stays_unknown()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit(VisitEntity, x => x.Replace("<Format>date</Format>", "<Format>datetime</Format>").Replace("<Behavior>2</Behavior>", "<Behavior>3</Behavior>"));
        var independent = VisitDate(SolutionLayoutReader.Read(layout.Root));
        Assert.AreEqual(DateTimeBehavior.TimeZoneIndependent, independent.DateTimeBehavior);
        Assert.AreEqual("datetime", independent.Format);

        layout.Edit(VisitEntity, x => x.Replace("<Behavior>3</Behavior>", "<Behavior>1</Behavior>"));
        Assert.AreEqual(DateTimeBehavior.UserLocal, VisitDate(SolutionLayoutReader.Read(layout.Root)).DateTimeBehavior);

        layout.Edit(VisitEntity, x => x.Replace("<Behavior>1</Behavior>", ""));
        Assert.IsNull(VisitDate(SolutionLayoutReader.Read(layout.Root)).DateTimeBehavior);
    }

    [TestMethod]
    public void Columns_other_than_datetime_carry_no_behaviour()
    {
        var visit = SolutionLayoutReader.Read(TestPaths.SampleLayout).Tables.Single(t => t.LogicalName == "smpl_visit");

        Assert.IsTrue(visit.Columns.Where(c => c.Type != "datetime").All(c => c.DateTimeBehavior is null));
    }

    [TestMethod]
    public void An_unknown_behaviour_number_is_refused_with_the_numbers_to_use()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit(VisitEntity, x => x.Replace("<Behavior>2</Behavior>", "<Behavior>4</Behavior>"));

        var error = Assert.ThrowsExactly<SolutionLayoutException>(() => SolutionLayoutReader.Read(layout.Root));

        var problem = error.Problems.Single();
        Assert.AreEqual(VisitEntity, problem.File);
        StringAssert.Contains(problem.Message, "'4' is not a date and time behaviour of the column smpl_visitdate");
        StringAssert.Contains(problem.Message, "1 (user local), 2 (date only) or 3 (time-zone independent)");
    }

    [TestMethod]
    public void A_date_only_behaviour_with_a_date_and_time_format_is_refused()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit(VisitEntity, x => x.Replace("<Format>date</Format>", "<Format>datetime</Format>"));

        var error = Assert.ThrowsExactly<SolutionLayoutException>(() => SolutionLayoutReader.Read(layout.Root));

        StringAssert.Contains(error.Problems.Single().Message, "smpl_visitdate has the date-only behaviour (2) but the format 'datetime'; a date-only column needs <Format>date</Format>");
    }
}
