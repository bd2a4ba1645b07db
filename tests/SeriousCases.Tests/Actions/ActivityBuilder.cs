using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Tests.Actions;

/// <summary>Adds an activity to the register through the real DbContext, with a reference of the test's own
/// (ACT-2026-96xx), so tests never depend on how much demo data there is.</summary>
internal sealed record ActivityBuilder(string Reference)
{
    public ActivityOrigin Origin { get; init; } = ActivityOrigin.ParliamentOrNaoCommitment;
    public string Owner { get; init; } = "UC";
    public string Text { get; init; } = "UC to make sure customers who ask for a call back get one within two working days.";
    /// <summary>Days from today (negative: overdue).</summary>
    public int DueInDays { get; init; } = 60;
    public ActivityStatus Status { get; init; } = ActivityStatus.NotStarted;
    public bool ReportedComplete { get; init; }
    public string? DirectorGeneral { get; init; }
    public DateOnly? MeetingOn { get; init; }
    /// <summary>For an IPRG agreed activity: the IPR (a demo case with a finding is used when not given).</summary>
    public bool OnDemoIpr { get; init; }

    public async Task<Guid> CreateAsync(SeriousCasesDbContext db)
    {
        var today = UkTime.Today(TimeProvider.System);
        var team = await db.OwnerTeams.SingleAsync(t => t.ShortName == Owner);
        var a = new AgreedActivity
        {
            Reference = Reference,
            Origin = Origin,
            Text = Text,
            OwnerTeamId = team.Id,
            ServiceLineId = team.ServiceLineId,
            FirstDueOn = today.AddDays(DueInDays),
            DueOn = today.AddDays(DueInDays),
            Status = ReportedComplete ? ActivityStatus.Complete : Status,
            AccountableDirectorGeneral = DirectorGeneral,
            OriginDescription = Origin == ActivityOrigin.ParliamentOrNaoCommitment ? "Government response to a select committee, 2026" : null,
        };
        if (ReportedComplete)
        {
            a.ReportedCompleteOn = today;
            a.CompletedOn = today;
            a.EvidenceOfCompletion = "Guidance updated and published to colleagues.";
            a.LearningOutcome = "Call backs are now tracked every day.";
        }

        if (MeetingOn is { } on)
        {
            a.PanelMeetingId = await db.PanelMeetings.Where(m => m.MeetingOn == on).Select(m => (Guid?)m.Id).SingleAsync();
        }

        if (OnDemoIpr)
        {
            var finding = await db.Findings.Where(f => f.Investigation!.Stage != Core.Investigations.InvestigationStage.Concluded)
                .OrderBy(f => f.Id).Select(f => new { f.Id, f.InvestigationId }).FirstAsync();
            (a.InvestigationId, a.FindingId) = (finding.InvestigationId, finding.Id);
        }

        db.AgreedActivities.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    }
}
