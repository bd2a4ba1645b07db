using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Referrals.Criteria;

namespace SeriousCases.Core.Referrals;

/// <summary>Who is asking, for record-level rules: a referrer sees only their own referrals, Triage sees
/// all, an ACS Senior Leader sees those found not met (to capture learning from them).</summary>
public sealed record Requester(Guid UserId, string Name, bool IsTriage, bool IsAcsSeniorLeader = false);

public sealed record TriageDecision(bool Accept, string? Rationale);

/// <summary>Referrals for pages and the API alike: submit (assessed against the criteria version in
/// force on the day DWP received it), read, and decide at triage. Changes are audited by the context.</summary>
public sealed class ReferralService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const int RationaleMax = 4000;

    public async Task<(Referral Referral, CriteriaAssessment Assessment)> SubmitAsync(ReferralSubmission s, Requester by, CancellationToken ct)
    {
        var assessment = await CheckAndAssessAsync(s, ct);
        var lines = await db.ServiceLines.AsNoTracking().Where(l => l.IsActive).ToDictionaryAsync(l => l.Name, l => l.Id, ct);
        ReferralRules.IsNationalInsuranceNumber(s.NationalInsuranceNumber, out var nino);
        var year = s.ReceivedOn!.Value.Year;
        var referral = new Referral
        {
            Reference = await NextReferenceAsync(year, ct),
            Status = ReferralStatus.Submitted,
            ReferrerUserId = by.UserId,
            ReferrerName = by.Name,
            ReferrerTeam = s.ReferrerTeam?.Trim(),
            ReceivedOn = s.ReceivedOn,
            DwpAwareOn = s.DwpAwareOn,
            AwarenessRoute = s.AwarenessRoute,
            AwarenessRouteOther = s.AwarenessRouteOther?.Trim(),
            Customer = new Customer
            {
                FullName = s.CustomerName!.Trim(),
                DateOfBirth = s.DateOfBirth,
                NationalInsuranceNumber = string.IsNullOrWhiteSpace(s.NationalInsuranceNumber) ? null : nino,
                DateOfDeath = s.DateOfDeath,
                Nation = s.Nation,
            },
            SeriousEvent = s.Event,
            AllegationMade = s.Allegation,
            AllegationDetails = s.Allegation == true ? s.AllegationDetail?.Trim() : null,
            ExternalReviews = s.ExternalReviews,
            CriteriaVersion = assessment.CriteriaVersion,
            CriteriaRoute = assessment.Route,
            CriteriaMet = assessment.CriteriaMet,
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
            ServiceLines = [.. s.ServiceLines.Distinct().Select(name => new ReferralServiceLine { ServiceLineId = lines[name] })],
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        return (referral, assessment);
    }

    /// <summary>One referral with what the criteria say about it. A referrer who is not Triage sees only
    /// their own; anyone else's is reported as not found, so its existence is not disclosed.</summary>
    public async Task<(Referral Referral, CriteriaAssessment Assessment)> GetAsync(Guid id, Requester by, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking()
            .Include(r => r.Customer)
            .Include(r => r.ServiceLines).ThenInclude(l => l.ServiceLine)
            .SingleOrDefaultAsync(r => r.Id == id && (by.IsTriage || r.ReferrerUserId == by.UserId
                || (by.IsAcsSeniorLeader && r.Status == ReferralStatus.NotMet)), ct)
            ?? throw new RecordNotFoundException("The referral");
        db.RecordView(nameof(Referral), referral.Id);
        await db.SaveAuditEventsAsync(ct);
        return (referral, await AssessAsync(referral, ct));
    }

    /// <summary>Triage accepts (opening an IPR) or records that the criteria are not met. Going against
    /// the system's assessment, or finding them not met, needs a rationale.</summary>
    public async Task<Referral> DecideAsync(Guid id, int expectedVersion, TriageDecision decision, Guid triageUserId, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new RecordNotFoundException("The referral");
        var errors = new ValidationErrors();
        if (referral.Status != ReferralStatus.Submitted)
        {
            errors.Add("decision", $"Referral {referral.Reference} has already been decided");
        }

        var rationale = decision.Rationale?.Trim();
        var againstAssessment = decision.Accept != (referral.CriteriaMet == true);
        if (string.IsNullOrEmpty(rationale) && (againstAssessment || !decision.Accept))
        {
            errors.Add("rationale", againstAssessment
                ? "Enter why your decision differs from the criteria assessment"
                : "Enter why the criteria are not met, in words the referrer will understand");
        }
        else if (rationale?.Length > RationaleMax)
        {
            errors.Add("rationale", $"The rationale must be {RationaleMax} characters or fewer");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(referral, expectedVersion);
        referral.Status = decision.Accept ? ReferralStatus.Accepted : ReferralStatus.NotMet;
        referral.DecisionReason = rationale;
        referral.DecidedAt = clock.GetUtcNow().UtcDateTime;
        referral.DecidedByUserId = triageUserId;
        var today = UkTime.Today(clock);
        if (decision.Accept)
        {
            var prefix = $"IPR-{today.Year}-";
            var taken = await db.Investigations.CountAsync(i => i.Reference.StartsWith(prefix), ct);
            var investigation = new Investigation
            {
                Reference = ReferenceNumber.Format("IPR", today.Year, taken + 1),
                ReferralId = referral.Id,
                CustomerId = referral.CustomerId,
                Stage = InvestigationStage.Accepted,
                NotifiedOn = referral.ReceivedOn,
                AcceptedOn = today,
                ExternalScrutiny = referral.ExternalReviews != ExternalReviews.None,
            };
            // An IPR looks at every service line the customer had, as the referral gave them.
            var lines = await db.Set<ReferralServiceLine>().Where(l => l.ReferralId == referral.Id).Select(l => l.ServiceLineId).ToListAsync(ct);
            investigation.ServiceLines = [.. lines.Select(id => new InvestigationServiceLine { ServiceLineId = id })];
            db.Investigations.Add(investigation);
            await AddIprInsightAsync(referral, investigation, lines, today, ct);
        }
        else if (referral.ReferrerUserId is { } referrer)
        {
            // Queued in the same transaction as the decision, so the referrer's feedback cannot be lost.
            var assessment = await AssessAsync(referral, ct);
            db.Notifications.Add(NotMetFeedback.For(referral, assessment, referrer));
        }

        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>Every accepted case is also insight: an IPR item in the register, linked to the referral
    /// and the IPR, carrying the referral's service lines but none of its personal details.</summary>
    private async Task AddIprInsightAsync(Referral referral, Investigation investigation, IReadOnlyList<Guid> lines, DateOnly today, CancellationToken ct)
    {
        var source = await db.InsightSources.SingleAsync(s => s.Code == Insight.InsightSources.InternalProcessReview, ct);
        db.InsightItems.Add(new Insight.InsightItem
        {
            SourceId = source.Id,
            ExternalReference = investigation.Reference,
            ReceivedOn = today,
            MonthKey = Insight.InsightItem.MonthKeyOf(today),
            Summary = $"Internal Process Review accepted at triage from referral {referral.Reference}"
                + (referral.CriteriaRoute is { } route ? $" (criteria route: {route})." : "."),
            ReferralId = referral.Id,
            InvestigationId = investigation.Id,
            ServiceLines = [.. lines.Select(id => new Insight.InsightItemServiceLine { ServiceLineId = id })],
        });
    }

    /// <summary>Not met referrals waiting for an ACS Senior Leader to record any learning and close them, oldest decision first.</summary>
    public async Task<IReadOnlyList<Referral>> NotMetQueueAsync(CancellationToken ct) =>
        await db.Referrals.AsNoTracking()
            .Where(r => r.Status == ReferralStatus.NotMet && r.ClosedAt == null)
            .OrderBy(r => r.DecidedAt).ThenBy(r => r.Reference)
            .Take(200)
            .ToListAsync(ct);

    public Task<int> NotMetQueueCountAsync(CancellationToken ct) =>
        db.Referrals.CountAsync(r => r.Status == ReferralStatus.NotMet && r.ClosedAt == null, ct);

    /// <summary>An ACS Senior Leader closes a not met referral, saying whether learning was captured and what.
    /// Closing is final: nothing is dropped without someone recording what became of it.</summary>
    public async Task<Referral> CloseNotMetAsync(Guid id, int expectedVersion, bool? learningCaptured, string? learning, Guid closedBy, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new RecordNotFoundException("The referral");
        var errors = new ValidationErrors();
        learning = learning?.Trim();
        if (referral.Status != ReferralStatus.NotMet || referral.ClosedAt is not null)
        {
            errors.Add("learningCaptured", $"Referral {referral.Reference} is not waiting for an ACS Senior Leader");
        }
        else if (learningCaptured is null)
        {
            errors.Add("learningCaptured", "Select yes if any learning was captured from this case");
        }
        else if (learningCaptured == true && string.IsNullOrEmpty(learning))
        {
            errors.Add("learning", "Enter the learning captured");
        }
        else if (learning?.Length > RationaleMax)
        {
            errors.Add("learning", $"The learning captured must be {RationaleMax} characters or fewer");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(referral, expectedVersion);
        referral.LearningCaptured = learningCaptured == true ? learning : null;
        referral.ClosedAt = clock.GetUtcNow().UtcDateTime;
        referral.ClosedByUserId = closedBy;
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>The reference-data target for notification to triage decision.</summary>
    public Task<TimelinessTarget?> TriageTargetAsync(CancellationToken ct) =>
        db.TimelinessTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Code == TimelinessTarget.TriageDecision, ct);

    /// <summary>Starts a draft referral for <paramref name="by"/>; its reference is kept when it is submitted.</summary>
    public async Task<Referral> StartDraftAsync(Requester by, string? team, CancellationToken ct)
    {
        var year = UkTime.Today(clock).Year;
        team ??= await db.Users.AsNoTracking().Where(u => u.Id == by.UserId).Select(u => u.Team).FirstOrDefaultAsync(ct);
        var referral = new Referral
        {
            Reference = await NextReferenceAsync(year, ct),
            Status = ReferralStatus.Draft,
            ReferrerUserId = by.UserId,
            ReferrerName = by.Name,
            ReferrerTeam = team,
            Customer = new Customer(),
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>The requester's own draft, or not found (a draft is nobody else's business).</summary>
    public async Task<Referral> GetDraftAsync(Guid id, Requester by, CancellationToken ct) =>
        await db.Referrals.Include(r => r.Customer).Include(r => r.ServiceLines).ThenInclude(l => l.ServiceLine)
            .SingleOrDefaultAsync(r => r.Id == id && r.ReferrerUserId == by.UserId && r.Status == ReferralStatus.Draft, ct)
        ?? throw new RecordNotFoundException("The draft referral");

    public static ReferralSubmission ToSubmission(Referral r) => new()
    {
        ReceivedOn = r.ReceivedOn,
        DwpAwareOn = r.DwpAwareOn,
        AwarenessRoute = r.AwarenessRoute,
        AwarenessRouteOther = r.AwarenessRouteOther,
        CustomerName = r.Customer?.FullName,
        DateOfBirth = r.Customer?.DateOfBirth,
        NationalInsuranceNumber = r.Customer?.NationalInsuranceNumber,
        DateOfDeath = r.Customer?.DateOfDeath,
        Nation = r.Customer?.Nation,
        ServiceLines = [.. r.ServiceLines.Select(l => l.ServiceLine!.Name)],
        Event = r.SeriousEvent,
        Allegation = r.AllegationMade,
        AllegationDetail = r.AllegationDetails,
        ExternalReviews = r.ExternalReviews,
        ReferrerTeam = r.ReferrerTeam,
    };

    /// <summary>Saves one question page's answers into the draft as the referrer goes. Only the errors of
    /// <paramref name="fields"/> are reported (later questions are not answered yet); nothing is saved
    /// when there are any.</summary>
    public async Task<Referral> SaveDraftAsync(Guid id, Requester by, int expectedVersion, IReadOnlyCollection<string> fields,
        Func<ReferralSubmission, ReferralSubmission> change, CancellationToken ct)
    {
        var draft = await GetDraftAsync(id, by, ct);
        var lines = await db.ServiceLines.AsNoTracking().Where(l => l.IsActive).ToDictionaryAsync(l => l.Name, l => l.Id, ct);
        var answers = change(ToSubmission(draft));
        var all = ReferralRules.Validate(answers, UkTime.Today(clock), lines.Keys.ToHashSet());
        var errors = new ValidationErrors();
        foreach (var error in all.All.Where(e => fields.Contains(e.Field)))
        {
            errors.Add(error.Field, error.Message);
        }

        errors.ThrowIfAny();
        db.ExpectVersion(draft, expectedVersion);
        Apply(draft, answers, lines);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>Submits a draft: every answer checked, then assessed against the criteria in force on the
    /// day DWP received it.</summary>
    public async Task<(Referral Referral, CriteriaAssessment Assessment)> SubmitDraftAsync(Guid id, Requester by, int expectedVersion, CancellationToken ct)
    {
        var draft = await GetDraftAsync(id, by, ct);
        var answers = ToSubmission(draft);
        var assessment = await CheckAndAssessAsync(answers, ct);
        db.ExpectVersion(draft, expectedVersion);
        draft.Status = ReferralStatus.Submitted;
        draft.CriteriaVersion = assessment.CriteriaVersion;
        draft.CriteriaRoute = assessment.Route;
        draft.CriteriaMet = assessment.CriteriaMet;
        draft.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (draft, assessment);
    }

    /// <summary>Referrals waiting for a triage decision, longest waiting first.</summary>
    public async Task<IReadOnlyList<Referral>> TriageQueueAsync(CancellationToken ct) =>
        await db.Referrals.AsNoTracking()
            .Where(r => r.Status == ReferralStatus.Submitted)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Reference)
            .Take(200)
            .ToListAsync(ct);

    public Task<int> TriageQueueCountAsync(CancellationToken ct) =>
        db.Referrals.CountAsync(r => r.Status == ReferralStatus.Submitted, ct);

    /// <summary>The requester's referrals, newest first, drafts included.</summary>
    public async Task<IReadOnlyList<Referral>> ListMineAsync(Requester by, CancellationToken ct) =>
        await db.Referrals.AsNoTracking().Include(r => r.Customer)
            .Where(r => r.ReferrerUserId == by.UserId)
            .OrderByDescending(r => r.CreatedAt)
            .Take(200)
            .ToListAsync(ct);

    private async Task<CriteriaAssessment> CheckAndAssessAsync(ReferralSubmission s, CancellationToken ct)
    {
        var lines = await db.ServiceLines.AsNoTracking().Where(l => l.IsActive).Select(l => l.Name).ToListAsync(ct);
        var errors = ReferralRules.Validate(s, UkTime.Today(clock), lines.ToHashSet());
        var versions = await CriteriaVersionsAsync(ct);
        var earliest = versions.Min(v => v.InForceFrom);
        if (!errors.Has("receivedOn") && s.ReceivedOn < earliest)
        {
            errors.Add("receivedOn", $"The service holds IPR criteria from {UkTime.Format(earliest)}. Enter a date on or after that, or ask an Administrator to add the criteria in force before it");
        }

        errors.ThrowIfAny();
        return IprCriteria.Assess(IprCriteria.InForceOn(versions, s.ReceivedOn!.Value),
            new ReferralFacts(s.Event!.Value, s.Allegation!.Value, s.ExternalReviews));
    }

    private static void Apply(Referral r, ReferralSubmission s, Dictionary<string, Guid> lines)
    {
        r.ReceivedOn = s.ReceivedOn;
        r.DwpAwareOn = s.DwpAwareOn;
        r.AwarenessRoute = s.AwarenessRoute;
        r.AwarenessRouteOther = s.AwarenessRoute == AwarenessRoute.Other ? s.AwarenessRouteOther?.Trim() : null;
        r.Customer ??= new Customer();
        r.Customer.FullName = s.CustomerName?.Trim();
        r.Customer.DateOfBirth = s.DateOfBirth;
        r.Customer.NationalInsuranceNumber = ReferralRules.IsNationalInsuranceNumber(s.NationalInsuranceNumber, out var nino) ? nino : null;
        r.Customer.DateOfDeath = s.DateOfDeath;
        r.Customer.Nation = s.Nation;
        var wanted = s.ServiceLines.Where(lines.ContainsKey).Select(n => lines[n]).ToHashSet();
        r.ServiceLines.RemoveAll(l => !wanted.Contains(l.ServiceLineId));
        foreach (var lineId in wanted.Where(w => r.ServiceLines.All(l => l.ServiceLineId != w)))
        {
            r.ServiceLines.Add(new ReferralServiceLine { ReferralId = r.Id, ServiceLineId = lineId });
        }

        r.SeriousEvent = s.Event;
        r.AllegationMade = s.Allegation;
        r.AllegationDetails = s.Allegation == true ? s.AllegationDetail?.Trim() : null;
        r.ExternalReviews = s.ExternalReviews;
    }

    private async Task<string> NextReferenceAsync(int year, CancellationToken ct)
    {
        var prefix = $"REF-{year}-";
        return ReferenceNumber.Format("REF", year, await db.Referrals.CountAsync(r => r.Reference.StartsWith(prefix), ct) + 1);
    }

    private async Task<CriteriaAssessment> AssessAsync(Referral r, CancellationToken ct)
    {
        var versions = await CriteriaVersionsAsync(ct);
        var criteria = versions.FirstOrDefault(v => v.Version == r.CriteriaVersion) ?? IprCriteria.InForceOn(versions, r.ReceivedOn!.Value);
        return IprCriteria.Assess(criteria, new ReferralFacts(r.SeriousEvent ?? SeriousEvent.None, r.AllegationMade == true, r.ExternalReviews));
    }

    private async Task<List<CriteriaDefinition>> CriteriaVersionsAsync(CancellationToken ct) =>
        [.. (await db.CriteriaVersions.AsNoTracking().ToListAsync(ct)).Select(v => v.ToDefinition())];
}
