using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Data;
using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Core.Demo;

/// <summary>Gives the 2020 meetings their minutes as the service would have produced them: the draft generated from
/// the meeting record (agreed and circulated a fortnight after the meeting, as SeedPanel records), and published (names the attendance marks
/// Redacted, the secretariat, replaced by "[REDACTED]") on the day given in panel-2020.json. Runs after the meetings
/// are saved.</summary>
public static class PanelMinutesSeeder
{
    public static async Task SeedAsync(SeriousCasesDbContext db, CancellationToken ct = default)
    {
        foreach (var source in DemoSources.Panel.Meetings.Where(m => m.MinutesPublishedOn is not null))
        {
            var meeting = await db.PanelMeetings
                .Include(m => m.Attendance).Include(m => m.AgendaItems).Include(m => m.Papers).Include(m => m.Decisions)
                .AsSplitQuery()
                .FirstOrDefaultAsync(m => m.MeetingOn == source.MeetingOn, ct);
            if (meeting is null)
            {
                continue;
            }

            var actionPoints = await db.AgreedActivities.AsNoTracking()
                .Where(a => a.PanelMeetingId == meeting.Id && a.Origin == ActivityOrigin.PanelActionPoint)
                .ToListAsync(ct);

            meeting.MinutesText = MinutesDraft.Generate(meeting, actionPoints);
            meeting.PublishedMinutesText = MinutesRedaction.Apply(meeting.MinutesText, meeting.Attendance, meeting.ExtraRedactions);
        }

        await db.SaveChangesAsync(ct);
    }
}
