using SeriousCases.Core.Common;

namespace SeriousCases.Core.Retention;

/// <summary>A rule as the schedule needs it.</summary>
public sealed record RetentionRuleInfo(string Code, RetentionCategory Category, RetentionTrigger Trigger, int PeriodYears);

/// <summary>One case as retention sees it. <paramref name="EventOn"/> is null while the case is open (not concluded, not
/// closed): such a case is never due, but its customer's identity is still needed.</summary>
public sealed record RetentionCase(
    string Reference,
    Guid? InvestigationId,
    Guid? ReferralId,
    Guid? CustomerId,
    RetentionTrigger? Trigger,
    DateOnly? EventOn,
    bool Held,
    IReadOnlySet<RetentionCategory> AlreadyDisposed);

public enum RetentionVerdict
{
    /// <summary>Due and nothing stops it: the run disposes of it.</summary>
    Dispose = 1,
    /// <summary>Due, but a legal hold on the case stops it.</summary>
    Held = 2,
    /// <summary>Due, but the customer is also the subject of another case that is not due (or is held), which still needs their identity.</summary>
    IdentityStillNeeded = 3,
}

/// <summary>What the schedule decided for one category of one case, with the rule and why.</summary>
public sealed record RetentionDecision(RetentionCase Case, RetentionCategory Category, RetentionRuleInfo Rule, DateOnly DueOn, RetentionVerdict Verdict, string Why);

/// <summary>Decides what is due for disposal on a date. Plain rules, unit-tested:
/// <list type="bullet">
/// <item>material is due on the anniversary of its event <see cref="RetentionRule.PeriodYears"/> years later; an event
/// on 29 February is due on 1 March of a year without one (never a day before the full period);</item>
/// <item>a category already disposed of is not due again;</item>
/// <item>a held case is not disposed of (listed as held);</item>
/// <item>a customer's identity goes only when every case about them is due and not held (or already disposed).</item>
/// </list></summary>
public static class RetentionSchedule
{
    /// <summary>The day the material becomes due: <paramref name="years"/> full years after <paramref name="eventOn"/>.</summary>
    public static DateOnly DueOn(DateOnly eventOn, int years)
    {
        if (eventOn is { Month: 2, Day: 29 })
        {
            var year = eventOn.Year + years;
            return DateTime.IsLeapYear(year) ? new DateOnly(year, 2, 29) : new DateOnly(year, 3, 1);
        }

        return eventOn.AddYears(years);
    }

    public static string Describe(RetentionCategory category) => category switch
    {
        RetentionCategory.CustomerIdentity => "Customer identity",
        RetentionCategory.CaseSummary => "Case summary",
        RetentionCategory.Journey => "Customer journey",
        RetentionCategory.EvidenceFiles => "Evidence documents and files",
        RetentionCategory.FactFindingNotes => "Fact-finding discussions",
        RetentionCategory.FamilyEngagementDetails => "Family engagement details",
        RetentionCategory.ReferralPersonalDetails => "Referral personal details",
        _ => category.ToString(),
    };

    public static string Describe(RetentionTrigger trigger) => trigger switch
    {
        RetentionTrigger.IprConcluded => "the IPR concluded",
        RetentionTrigger.NotMetReferralClosed => "the not met referral was closed",
        _ => trigger.ToString(),
    };

    public static IReadOnlyList<RetentionDecision> Decide(IReadOnlyList<RetentionCase> cases, IReadOnlyList<RetentionRuleInfo> rules, DateOnly today)
    {
        // Every category due on each case (held or not), before looking at shared customers.
        var due = new List<(RetentionCase Case, RetentionRuleInfo Rule, DateOnly DueOn)>();
        foreach (var c in cases)
        {
            if (c.Trigger is not { } trigger || c.EventOn is not { } eventOn)
            {
                continue;
            }

            foreach (var rule in rules.Where(r => r.Trigger == trigger).OrderBy(r => r.Category))
            {
                var dueOn = DueOn(eventOn, rule.PeriodYears);
                if (dueOn <= today && !c.AlreadyDisposed.Contains(rule.Category))
                {
                    due.Add((c, rule, dueOn));
                }
            }
        }

        // A customer's identity may go when no case about them still needs it.
        var identityFree = new Dictionary<Guid, string?>();
        foreach (var group in cases.Where(c => c.CustomerId is not null).GroupBy(c => c.CustomerId!.Value))
        {
            var blocker = group.FirstOrDefault(c =>
                !c.AlreadyDisposed.Contains(RetentionCategory.CustomerIdentity)
                && (c.Held || !due.Exists(d => d.Case == c && d.Rule.Category == RetentionCategory.CustomerIdentity)));
            identityFree[group.Key] = blocker?.Reference;
        }

        var result = new List<RetentionDecision>();
        foreach (var (c, rule, dueOn) in due)
        {
            var why = $"{Describe(rule.Category)}: {rule.PeriodYears} years after {Describe(rule.Trigger)} on {UkTime.Format(c.EventOn!.Value)} "
                + $"(rule {rule.Code}), due on {UkTime.Format(dueOn)}";
            if (c.Held)
            {
                result.Add(new RetentionDecision(c, rule.Category, rule, dueOn, RetentionVerdict.Held, why + ". Kept: a legal hold is in place"));
            }
            else if (rule.Category == RetentionCategory.CustomerIdentity && c.CustomerId is { } customer
                && identityFree.GetValueOrDefault(customer) is { } other)
            {
                result.Add(new RetentionDecision(c, rule.Category, rule, dueOn, RetentionVerdict.IdentityStillNeeded,
                    why + $". Kept: the customer is also the subject of {other}, which still needs it"));
            }
            else
            {
                result.Add(new RetentionDecision(c, rule.Category, rule, dueOn, RetentionVerdict.Dispose, why));
            }
        }

        return result;
    }
}
