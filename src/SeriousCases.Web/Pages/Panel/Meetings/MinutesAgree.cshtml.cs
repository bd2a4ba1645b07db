using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>Records the day the Panel agreed the minutes.</summary>
public sealed class MinutesAgreeModel(MinutesService minutes) : MinutesDateModel(minutes)
{
    public override string Field => "agreedOn";

    public override string Heading => "When were the minutes agreed?";

    public override string Label => "Date the minutes were agreed";

    public override string Hint => "The Terms of Reference promise the minutes agreed and circulated within a fortnight of the meeting. For example, 16 7 2020";

    public override string Button => "Save date";

    protected override DateOnly? Current => View.Meeting.MinutesAgreedOn;

    protected override async Task<string> RecordAsync(Guid id, DateOnly? date, CancellationToken ct)
    {
        var m = await Minutes.RecordAgreedAsync(id, Version, date, ct);
        return $"The minutes were agreed on {On(m.MinutesAgreedOn)}";
    }
}
