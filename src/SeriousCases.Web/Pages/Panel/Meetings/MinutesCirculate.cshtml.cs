using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>Records the day the agreed minutes were circulated to the Panel's members.</summary>
public sealed class MinutesCirculateModel(MinutesService minutes) : MinutesDateModel(minutes)
{
    public override string Field => "circulatedOn";

    public override string Heading => "When were the agreed minutes circulated?";

    public override string Label => "Date the minutes were circulated";

    public override string Hint => "The date they were sent to the Panel's members. For example, 16 7 2020";

    public override string Button => "Save date";

    protected override DateOnly? Current => View.Meeting.MinutesCirculatedOn;

    protected override async Task<string> RecordAsync(Guid id, DateOnly? date, CancellationToken ct)
    {
        var m = await Minutes.RecordCirculatedAsync(id, Version, date, ct);
        return $"The minutes were circulated on {On(m.MinutesCirculatedOn)}";
    }
}
