using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Demo;

/// <summary>Open activities of every origin for the action register, so each of its screens has something real to
/// show: some owned by Universal Credit (the demo owner's team), two overdue, one due within a fortnight, one
/// re-planned, one awaiting the IPRG's assurance, Panel recommendations with an accountable DG and contributors, a
/// commitment to Parliament and learning an ACS Senior Leader captured from a referral that did not meet the criteria.
/// Dates are relative to the day the demo is loaded; every person is invented.</summary>
internal sealed class RegisterSeeder(SeriousCasesDbContext db, TimeProvider clock)
{
    private const string ServiceExcellence = "Director General for Service Excellence";
    private const string WorkAndHealth = "Director General for Work and Health Services";

    private DateOnly today;
    private int nextActivity;

    public async Task SeedAsync(IReadOnlyList<AppUser> users, CancellationToken ct)
    {
        today = UkTime.Today(clock);
        var teams = await db.OwnerTeams.ToDictionaryAsync(t => t.ShortName, t => t.Id, ct);
        var lines = await db.ServiceLines.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var owner = users.Single(u => u.Email == "owner@demo.test");
        var acs = users.Single(u => u.Roles.Any(r => r.Role == Roles.AcsSeniorLeader));
        var triage = users.Single(u => u.Roles.Any(r => r.Role == Roles.Triage));
        var iprg = users.Single(u => u.Roles.Any(r => r.Role == Roles.IprgMember));
        var secretariat = users.Single(u => u.Roles.Any(r => r.Role == Roles.PanelSecretariat));
        var july = await db.PanelMeetings.SingleAsync(m => m.MeetingOn == new DateOnly(2020, 7, 2), ct);
        var march = await db.PanelMeetings.SingleAsync(m => m.MeetingOn == new DateOnly(2020, 3, 19), ct);
        // References carry on from those already taken this year, as the service numbers new ones.
        nextActivity = await db.AgreedActivities.CountAsync(a => a.Reference.StartsWith($"ACT-{today.Year}-"), ct);
        var referral = await NotMetReferralAsync(lines, triage, acs, ct);

        // Panel recommendations of 2 July 2020: one sponsoring DG, a lead team and contributors across the areas.
        var r1 = Add(new AgreedActivity
        {
            Reference = "SCP-20200702-R1",
            Origin = ActivityOrigin.PanelRecommendation,
            Number = 1,
            Order = 1,
            Text = "Develop one approach to identifying and supporting customers with additional needs, used the same way in Universal Credit, PIP and ESA.",
            PanelMeetingId = july.Id,
            OwnerTeamId = teams["CXD"],
            ServiceLineId = lines["UC"],
            AccountableDirectorGeneral = ServiceExcellence,
            ResponsiblePerson = "Deputy Director, Customer Experience",
            Priority = ActivityPriority.High,
            Status = ActivityStatus.InProgress,
            Contributors = [new ActivityContributor { OwnerTeamId = teams["UC"] }, new ActivityContributor { OwnerTeamId = teams["PIP"] }],
        }, firstDue: 45, createdDaysAgo: 150, secretariat);
        Progress(r1, 90, "Design workshops held with UC, PIP and ESA operations; a draft definition of additional needs is with the three benefit leads.", "Dana Whitlock");
        Progress(r1, 20, "Draft approach tested with two UC service centres and one PIP team. Findings go to the Panel's next meeting.", "Dana Whitlock");

        var r2 = Add(new AgreedActivity
        {
            Reference = "SCP-20200702-R2",
            Origin = ActivityOrigin.PanelRecommendation,
            Number = 2,
            Order = 2,
            Text = "Make sure every UC service centre has a named safeguarding lead, and that work coaches know how to reach them.",
            PanelMeetingId = july.Id,
            OwnerTeamId = teams["UC"],
            ServiceLineId = lines["UC"],
            AccountableDirectorGeneral = ServiceExcellence,
            ResponsiblePerson = "Head of UC Operations Support",
            Priority = ActivityPriority.High,
            Status = ActivityStatus.InProgress,
        }, firstDue: -100, createdDaysAgo: 200, secretariat);
        Replan(r2, 110, 60, "Re-planned: colleagues were redeployed to process new claims during the COVID-19 response. The work restarts when they return to their teams.", "Kit Aldous");
        Progress(r2, 30, "Safeguarding leads named in 38 of 52 service centres. The rest are being confirmed with site leaders.", owner);

        Add(new AgreedActivity
        {
            Reference = "SCP-20200319-R1",
            Origin = ActivityOrigin.PanelRecommendation,
            Number = 1,
            Order = 1,
            Text = "Review how ESA decision makers use information from other benefits before a Work Capability Assessment decision.",
            PanelMeetingId = march.Id,
            OwnerTeamId = teams["ESA Decision Making"],
            ServiceLineId = lines["ESA"],
            AccountableDirectorGeneral = WorkAndHealth,
            Priority = ActivityPriority.Medium,
        }, firstDue: 80, createdDaysAgo: 40, secretariat);

        // A commitment made to Parliament, and one to the National Audit Office.
        Add(new AgreedActivity
        {
            Reference = NextReference(),
            Origin = ActivityOrigin.ParliamentOrNaoCommitment,
            OriginDescription = "Government response to the Work and Pensions Committee report on safeguarding vulnerable claimants, 2024",
            Text = "Publish each year what DWP learned from serious cases and how every recommendation was tracked to completion.",
            OwnerTeamId = teams["CXD"],
            AccountableDirectorGeneral = ServiceExcellence,
            Priority = ActivityPriority.High,
        }, firstDue: 120, createdDaysAgo: 60, secretariat);

        var nao = Add(new AgreedActivity
        {
            Reference = NextReference(),
            Origin = ActivityOrigin.ParliamentOrNaoCommitment,
            OriginDescription = "Response to the National Audit Office's report on supporting vulnerable people in Universal Credit, 2025",
            Text = "Review the Universal Credit guidance on vulnerability markers and confirm it is applied the same way in every service centre.",
            OwnerTeamId = teams["UC"],
            ServiceLineId = lines["UC"],
            ResponsiblePerson = "UC Operational Excellence lead",
            Priority = ActivityPriority.High,
            Status = ActivityStatus.InProgress,
        }, firstDue: -67, createdDaysAgo: 220, secretariat);
        Progress(nao, 95, "Sample of 400 claims checked for vulnerability markers; the report on what was found is being drafted.", "Kit Aldous");

        var naoPip = Add(new AgreedActivity
        {
            Reference = NextReference(),
            Origin = ActivityOrigin.ParliamentOrNaoCommitment,
            OriginDescription = "Minister's answer to a written parliamentary question on PIP reviews, 2025",
            Text = "Write to customers before a PIP award review ends when their previous award recorded a mental health condition.",
            OwnerTeamId = teams["PIP"],
            ServiceLineId = lines["PIP"],
            Priority = ActivityPriority.Medium,
            Status = ActivityStatus.InProgress,
        }, firstDue: 30, createdDaysAgo: 90, secretariat);
        Progress(naoPip, 25, "Letter drafted and agreed with the PIP policy team; waiting for a slot in the next letter release.", "Priti Lane");

        // Learning an ACS Senior Leader captured from a referral that did not meet the IPR criteria.
        var acs1 = Add(new AgreedActivity
        {
            Reference = NextReference(),
            Origin = ActivityOrigin.AcsSeniorLeaderLearning,
            ReferralId = referral.Id,
            Text = "UC to remind work coaches to record in the journal when a customer asks for a named contact, and to pass it on at handover.",
            OwnerTeamId = teams["UC"],
            ServiceLineId = lines["UC"],
            Priority = ActivityPriority.Medium,
            Status = ActivityStatus.InProgress,
        }, firstDue: 10, createdDaysAgo: 20, acs);
        Progress(acs1, 6, "Reminder drafted for the UC team leaders' bulletin; it goes out next week.", owner);

        Add(new AgreedActivity
        {
            Reference = NextReference(),
            Origin = ActivityOrigin.AcsSeniorLeaderLearning,
            ReferralId = referral.Id,
            Text = "PIP to check that a change of address reported to UC reaches PIP before an award review letter is sent.",
            OwnerTeamId = teams["PIP"],
            ServiceLineId = lines["PIP"],
            Priority = ActivityPriority.Medium,
        }, firstDue: -9, createdDaysAgo: 20, acs);

        Add(new AgreedActivity
        {
            Reference = NextReference(),
            Origin = ActivityOrigin.AcsSeniorLeaderLearning,
            ReferralId = referral.Id,
            Text = "CMG to share with UC the contact details of customers who ask CMS for extra support, with their agreement.",
            OwnerTeamId = teams["CMG"],
            ServiceLineId = lines["CMS"],
            Priority = ActivityPriority.Low,
        }, firstDue: 75, createdDaysAgo: 20, acs);

        // An IPRG agreed activity reported complete by UC and waiting for the group to assure the evidence.
        var death = await db.Findings.Where(f => f.Text.StartsWith("Following notification of the customer's death, UC"))
            .Select(f => new { f.Id, f.InvestigationId }).SingleAsync(ct);
        var order = await db.AgreedActivities.Where(a => a.InvestigationId == death.InvestigationId).CountAsync(ct);
        var awaiting = Add(new AgreedActivity
        {
            Reference = NextReference(),
            Origin = ActivityOrigin.IprgAgreedActivity,
            Order = order + 1,
            InvestigationId = death.InvestigationId,
            FindingId = death.Id,
            Text = "UC to assure IPRG that appointment letters stop on the day a customer's death is recorded.",
            OwnerTeamId = teams["UC"],
            ServiceLineId = lines["UC"],
            Priority = ActivityPriority.High,
            Status = ActivityStatus.Complete,
            ReportedCompleteOn = today.AddDays(-4),
            CompletedOn = today.AddDays(-4),
            EvidenceOfCompletion = "The bereavement procedure now cancels outstanding appointments when the death is recorded; the guidance change and a sample of 50 cases checked are attached to the IPRG's papers.",
            LearningOutcome = "Families are no longer sent appointment letters for a customer who has died.",
        }, firstDue: 30, createdDaysAgo: 25, iprg);
        Progress(awaiting, 12, "Change to the bereavement procedure agreed with UC operations.", owner);
        Log(awaiting, ActivityEventKind.CompletionReported, 4, $"Completion reported. Evidence: {awaiting.EvidenceOfCompletion}", owner.DisplayName, owner.Id);
    }

    private AgreedActivity Add(AgreedActivity a, int firstDue, int createdDaysAgo, AppUser by)
    {
        a.FirstDueOn = today.AddDays(firstDue);
        a.DueOn = a.FirstDueOn;
        db.AgreedActivities.Add(a);
        Log(a, ActivityEventKind.Created, createdDaysAgo, $"Added to the register as {ActivityRules.Describe(a.Origin).ToLowerInvariant()}", by.DisplayName, by.Id);
        return a;
    }

    private void Progress(AgreedActivity a, int daysAgo, string note, string byName) => Log(a, ActivityEventKind.Progress, daysAgo, note, byName, null);

    private void Progress(AgreedActivity a, int daysAgo, string note, AppUser by) => Log(a, ActivityEventKind.Progress, daysAgo, note, by.DisplayName, by.Id);

    private void Replan(AgreedActivity a, int daysAgo, int newDueInDays, string reason, string byName)
    {
        var from = a.DueOn;
        a.DueOn = today.AddDays(newDueInDays);
        db.DueDateChanges.Add(new DueDateChange
        {
            AgreedActivityId = a.Id,
            FromDueOn = from,
            ToDueOn = a.DueOn.Value,
            Reason = reason,
            At = At(daysAgo),
            ByName = byName,
        });
        Log(a, ActivityEventKind.Replanned, daysAgo, $"Due date moved from {UkTime.Format(from!.Value)} to {UkTime.Format(a.DueOn.Value)}. {reason}", byName, null);
    }

    private void Log(AgreedActivity a, ActivityEventKind kind, int daysAgo, string note, string byName, Guid? byUserId) =>
        db.ActivityUpdates.Add(new ActivityUpdate { AgreedActivityId = a.Id, Kind = kind, At = At(daysAgo), Note = note, ByName = byName, ByUserId = byUserId });

    private DateTime At(int daysAgo) => today.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 30), DateTimeKind.Utc);

    private string NextReference() => ReferenceNumber.Format("ACT", today.Year, ++nextActivity);

    /// <summary>A referral Triage found did not meet the criteria (no allegation, and no external review), closed by
    /// the ACS Senior Leader with the learning captured that the activities above carry.</summary>
    private async Task<Referral> NotMetReferralAsync(Dictionary<string, Guid> lines, AppUser triage, AppUser acs, CancellationToken ct)
    {
        var received = today.AddDays(-45);
        var taken = await db.Referrals.CountAsync(r => r.Reference.StartsWith($"REF-{received.Year}-"), ct);
        var referral = new Referral
        {
            Reference = ReferenceNumber.Format("REF", received.Year, taken + 1),
            Status = ReferralStatus.NotMet,
            ReferrerName = "Jordan Ellery",
            ReferrerTeam = "Universal Credit service centre",
            ReceivedOn = received,
            DwpAwareOn = received.AddDays(-2),
            AwarenessRoute = AwarenessRoute.Family,
            Customer = new Customer
            {
                FullName = "Elspeth Marlowe",
                DateOfBirth = new DateOnly(1971, 8, 14),
                // QQ is the prefix the department keeps for examples: it can never belong to a real person.
                NationalInsuranceNumber = "QQ910001C",
                Nation = Nation.England,
            },
            SeriousEvent = SeriousEvent.SeriousHarm,
            AllegationMade = false,
            ExternalReviews = ExternalReviews.None,
            CriteriaVersion = Referrals.Criteria.IprCriteria.Version2022.Version,
            CriteriaMet = false,
            DecisionReason = "No allegation that DWP's actions contributed, and DWP was not asked to take part in an external review.",
            DecidedAt = At(40),
            DecidedByUserId = triage.Id,
            SubmittedAt = At(45),
            LearningCaptured = "Contacts across UC, PIP and CMS were not joined up: the customer repeated their circumstances to each service and asked for a named contact that was never recorded.",
            ClosedAt = At(20),
            ClosedByUserId = acs.Id,
            ServiceLines = [new ReferralServiceLine { ServiceLineId = lines["UC"] }, new ReferralServiceLine { ServiceLineId = lines["PIP"] }],
        };
        db.Referrals.Add(referral);
        return referral;
    }
}
