using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Data;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Demo;

/// <summary>Reference data every installation starts with (not only the demo): the service lines,
/// insight sources, themes and owner teams named in the department's published material.</summary>
public static class ReferenceDataSeeder
{
    public static readonly IReadOnlyList<(string Code, string Name, string Abbreviation)> ServiceLines =
    [
        ("UC", "Universal Credit", "UC"),
        ("PIP", "Personal Independence Payment", "PIP"),
        ("ESA", "Employment and Support Allowance", "ESA"),
        ("CMS", "Child Maintenance Services", "CMS"),
        ("DLA", "Disability Living Allowance", "DLA"),
        ("CA", "Carer's Allowance", "CA"),
        ("JSA", "Jobseeker's Allowance", "JSA"),
        ("PC", "Pension Credit", "PC"),
        ("SP", "State Pension", "SP"),
        ("IB", "Incapacity Benefit", "IB"),
        ("CMPD", "Contract Management Partner Delivery", "CMPD"),
    ];

    /// <summary>Sources of insight from the Terms of Reference (seeds 000, 001) and the domain: "not an exhaustive list".</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> InsightSources =
    [
        ("CORONER", "Coroners' reports"),
        ("PFD", "Prevention of Future Deaths reports"),
        ("IPR", "Internal Process Reviews"),
        ("COMPLAINT", "Complaints"),
        ("ICE", "Reports from the Independent Case Examiner"),
        ("PARL", "Parliamentary correspondence"),
        ("MIN", "Ministerial correspondence"),
        ("QUALITY", "Departmental quality data"),
        ("FRONTLINE", "Issues raised by frontline staff"),
        ("MP", "Members of Parliament"),
        ("LA", "Local authorities"),
        ("FAMILY", "Families"),
    ];

    public const string PreventionOfFutureDeathsCode = Insight.InsightSources.PreventionOfFutureDeaths;

    /// <summary>A coroner's Prevention of Future Deaths report must be answered within 56 days (seed 002).</summary>
    public const int PreventionOfFutureDeathsResponseDays = 56;

    /// <summary>Seed 003 measures IPRs "launched within X days of notification" without giving X: the
    /// figures here are the service's starting assumption, changed by Administrators as policy sets them.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, int Days)> TimelinessTargets =
    [
        (TimelinessTarget.TriageDecision, "Notification to triage decision", 14),
        (Investigations.Timeliness.NotificationToLaunch, "Notification to IPR launch", 28),
        (Investigations.Timeliness.LaunchToIprg, "Launch to investigation report with the IPRG", 84),
        (Investigations.Timeliness.IprgToReview, "With the IPRG to the group's review", 28),
        // The Panel meets quarterly: learning concluded just after a meeting waits up to a quarter for the next one.
        (Investigations.Timeliness.ConclusionToPanel, "Conclusion to a Panel meeting discussing a theme of its learning", 91),
    ];

    /// <summary>The escalation ladder for open activities (seed 002: actions tracked to the Panel and to
    /// ministers). Days are after the latest due date; a negative number is a reminder before it. Assumed
    /// until the department sets its own; Administrators change them as reference data.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, int DaysAfterDue, Actions.EscalationRecipient Recipient)> EscalationLadder =
    [
        ("REMIND", "Reminder to the owner before the due date", -14, Actions.EscalationRecipient.Owner),
        ("DG", "Overdue: the accountable Director General told", 1, Actions.EscalationRecipient.AccountableDirectorGeneral),
        ("PANEL", "Overdue 8 weeks: in the next Panel's actions update", 56, Actions.EscalationRecipient.PanelActionsUpdate),
        ("MINISTERS", "Overdue 16 weeks: in the Secretary of State and ministers' update", 112, Actions.EscalationRecipient.MinistersUpdate),
    ];

    /// <summary>Themes the Panel has worked on (seed 000) and recurring subjects of the 2022/23 learning (seed 004).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Themes =
    [
        ("STOP", "Stopping payments"),
        ("PAYSAFE", "Paying safely and large arrears"),
        ("DISSAT", "Customer dissatisfaction and complaints"),
        ("VULNERABLE", "Identifying vulnerability and complex needs"),
        ("SAFEGUARD", "Safeguarding and welfare checks"),
        ("SUICIDE", "Suicide or self-harm declarations and the Six Point Plan"),
        ("DEATH", "Death notifications and overpayments"),
        ("JOURNAL", "Journal messages and digital access"),
        ("ADJUST", "Reasonable adjustments"),
        ("CLAIMCOMMIT", "Claimant Commitment tailoring"),
        ("MR", "Mandatory reconsiderations"),
        ("CALLBACK", "Call-backs"),
        ("RECORDS", "Record keeping"),
        ("HEALTH", "Health journey and Work Capability Assessment"),
        ("AP", "Assessment Providers"),
        ("INFOSHARE", "Information sharing between service lines"),
    ];

    /// <summary>Owner teams as the publication names them (short name) with their service line.</summary>
    public static readonly IReadOnlyList<(string ShortName, string Name, string? ServiceLine)> OwnerTeams =
    [
        ("UC", "Universal Credit operations", "UC"),
        ("UC Local Operational Leaders", "Universal Credit Local Operational Leaders", "UC"),
        ("UC Assessment Provider", "Universal Credit Assessment Provider", "UC"),
        ("ESA", "Employment and Support Allowance operations", "ESA"),
        ("ESA Decision Making", "ESA Decision Making", "ESA"),
        ("ESA and SPD", "ESA and Service Planning and Delivery", "ESA"),
        ("ESA and W&H Decision Making", "ESA and Work and Health Decision Making", "ESA"),
        ("ESA Dispute Resolution Services", "ESA Dispute Resolution Services", "ESA"),
        ("PIP", "Personal Independence Payment operations", "PIP"),
        ("DLA", "Disability Living Allowance operations", "DLA"),
        ("IB/ESA", "Incapacity Benefit and ESA operations", "IB"),
        ("CMG", "Child Maintenance Group", "CMS"),
        ("Contracted Health", "Contracted Health Assessments", "CMPD"),
        ("ACS", "Advanced Customer Support", null),
        ("IPRG", "Internal Process Review Group", null),
        ("CXD", "Customer Experience Directorate", null),
    ];

    /// <summary>Seed 002 question 10: "investigation materials are held for six years"; anonymised records of
    /// recommendations are kept. Six years from the IPR's conclusion, or from the closing of a not met referral.</summary>
    public static readonly IReadOnlyList<(string Code, Retention.RetentionCategory Category, Retention.RetentionTrigger Trigger, int Years)> RetentionRules =
    [
        ("IPR-IDENTITY", Retention.RetentionCategory.CustomerIdentity, Retention.RetentionTrigger.IprConcluded, 6),
        ("IPR-SUMMARY", Retention.RetentionCategory.CaseSummary, Retention.RetentionTrigger.IprConcluded, 6),
        ("IPR-JOURNEY", Retention.RetentionCategory.Journey, Retention.RetentionTrigger.IprConcluded, 6),
        ("IPR-EVIDENCE", Retention.RetentionCategory.EvidenceFiles, Retention.RetentionTrigger.IprConcluded, 6),
        ("IPR-FACTFINDING", Retention.RetentionCategory.FactFindingNotes, Retention.RetentionTrigger.IprConcluded, 6),
        ("IPR-FAMILY", Retention.RetentionCategory.FamilyEngagementDetails, Retention.RetentionTrigger.IprConcluded, 6),
        ("IPR-REFERRAL", Retention.RetentionCategory.ReferralPersonalDetails, Retention.RetentionTrigger.IprConcluded, 6),
        ("NOTMET-IDENTITY", Retention.RetentionCategory.CustomerIdentity, Retention.RetentionTrigger.NotMetReferralClosed, 6),
        ("NOTMET-REFERRAL", Retention.RetentionCategory.ReferralPersonalDetails, Retention.RetentionTrigger.NotMetReferralClosed, 6),
    ];

    public static async Task SeedAsync(SeriousCasesDbContext db, CancellationToken ct)
    {
        if (!await db.ServiceLines.AnyAsync(ct))
        {
            var order = 0;
            db.ServiceLines.AddRange(ServiceLines.Select(s => new ServiceLine
            {
                Code = s.Code,
                Name = s.Name,
                Abbreviation = s.Abbreviation,
                SortOrder = ++order,
            }));
            await db.SaveChangesAsync(ct);
        }

        if (!await db.InsightSources.AnyAsync(ct))
        {
            var order = 0;
            db.InsightSources.AddRange(InsightSources.Select(s => new InsightSource
            {
                Code = s.Code,
                Name = s.Name,
                SortOrder = ++order,
                ResponseDays = s.Code == PreventionOfFutureDeathsCode ? PreventionOfFutureDeathsResponseDays : null,
            }));
        }

        // By code, so a database seeded with an earlier list gains the themes added since; names an
        // Administrator changed, and themes they added, are left as they are.
        var themeCodes = await db.Themes.Select(t => t.Code).ToListAsync(ct);
        db.Themes.AddRange(Themes.Where(t => !themeCodes.Contains(t.Code)).Select(t => new Theme { Code = t.Code, Name = t.Name }));

        if (!await db.OwnerTeams.AnyAsync(ct))
        {
            var lines = await db.ServiceLines.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
            db.OwnerTeams.AddRange(OwnerTeams.Select(t => new OwnerTeam
            {
                ShortName = t.ShortName,
                Name = t.Name,
                ServiceLineId = t.ServiceLine is null ? null : lines[t.ServiceLine],
            }));
        }

        foreach (var target in TimelinessTargets)
        {
            if (!await db.TimelinessTargets.AnyAsync(t => t.Code == target.Code, ct))
            {
                db.TimelinessTargets.Add(new TimelinessTarget { Code = target.Code, Name = target.Name, Days = target.Days });
            }
        }

        foreach (var step in EscalationLadder)
        {
            if (!await db.EscalationSteps.AnyAsync(s => s.Code == step.Code, ct))
            {
                db.EscalationSteps.Add(new Actions.EscalationStep { Code = step.Code, Name = step.Name, DaysAfterDue = step.DaysAfterDue, Recipient = step.Recipient });
            }
        }

        foreach (var rule in RetentionRules)
        {
            if (!await db.RetentionRules.AnyAsync(r => r.Code == rule.Code, ct))
            {
                db.RetentionRules.Add(new Retention.RetentionRule { Code = rule.Code, Category = rule.Category, Trigger = rule.Trigger, PeriodYears = rule.Years });
            }
        }

        if (!await db.CriteriaVersions.AnyAsync(ct))
        {
            db.CriteriaVersions.Add(Referrals.Criteria.CriteriaVersion.From(Referrals.Criteria.IprCriteria.Version2022));
        }

        await db.SaveChangesAsync(ct);
    }
}
