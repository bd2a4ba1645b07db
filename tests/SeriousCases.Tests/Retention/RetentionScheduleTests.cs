using SeriousCases.Core.Retention;

namespace SeriousCases.Tests.Retention;

/// <summary>What is due for disposal on a date: anniversaries, leap days, holds, what was disposed of before and customers
/// shared between cases.</summary>
public sealed class RetentionScheduleTests
{
    private static readonly RetentionRuleInfo[] Rules =
    [
        new("IPR-IDENTITY", RetentionCategory.CustomerIdentity, RetentionTrigger.IprConcluded, 6),
        new("IPR-JOURNEY", RetentionCategory.Journey, RetentionTrigger.IprConcluded, 6),
        new("NOTMET-IDENTITY", RetentionCategory.CustomerIdentity, RetentionTrigger.NotMetReferralClosed, 6),
        new("NOTMET-REFERRAL", RetentionCategory.ReferralPersonalDetails, RetentionTrigger.NotMetReferralClosed, 6),
    ];

    private static readonly HashSet<RetentionCategory> Nothing = [];

    private static RetentionCase Ipr(string reference, DateOnly? concludedOn, Guid? customer = null, bool held = false, IReadOnlySet<RetentionCategory>? disposed = null) =>
        new(reference, Guid.NewGuid(), Guid.NewGuid(), customer ?? Guid.NewGuid(), concludedOn is null ? null : RetentionTrigger.IprConcluded, concludedOn, held, disposed ?? Nothing);

    [Theory]
    [InlineData("2019-03-14", 6, "2025-03-14")]
    [InlineData("2020-02-29", 6, "2026-03-01")] // no 29 February in 2026: never a day before the full period
    [InlineData("2020-02-29", 4, "2024-02-29")]
    [InlineData("2020-02-28", 6, "2026-02-28")]
    [InlineData("2019-12-31", 6, "2025-12-31")]
    public void Material_is_due_on_the_anniversary_of_its_event(string eventOn, int years, string dueOn) =>
        Assert.Equal(DateOnly.Parse(dueOn), RetentionSchedule.DueOn(DateOnly.Parse(eventOn), years));

    [Fact]
    public void Nothing_is_due_the_day_before_the_anniversary_and_everything_of_the_trigger_is_due_on_it()
    {
        var c = Ipr("IPR-2019-0001", new DateOnly(2020, 2, 29));
        Assert.Empty(RetentionSchedule.Decide([c], Rules, new DateOnly(2026, 2, 28)));
        var due = RetentionSchedule.Decide([c], Rules, new DateOnly(2026, 3, 1));
        Assert.Equal([RetentionCategory.CustomerIdentity, RetentionCategory.Journey], due.Select(d => d.Category));
        Assert.All(due, d => Assert.Equal(RetentionVerdict.Dispose, d.Verdict));
        Assert.Contains("6 years after the IPR concluded on 29 February 2020 (rule IPR-JOURNEY), due on 1 March 2026", due[1].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_case_is_never_due_and_a_not_met_referral_follows_its_own_rules()
    {
        var open = Ipr("IPR-2019-0002", null);
        var notMet = new RetentionCase("REF-2019-0003", null, Guid.NewGuid(), Guid.NewGuid(), RetentionTrigger.NotMetReferralClosed, new DateOnly(2019, 5, 1), false, Nothing);
        var due = RetentionSchedule.Decide([open, notMet], Rules, new DateOnly(2030, 1, 1));
        Assert.Equal([("REF-2019-0003", RetentionCategory.CustomerIdentity), ("REF-2019-0003", RetentionCategory.ReferralPersonalDetails)],
            due.Select(d => (d.Case.Reference, d.Category)));
    }

    [Fact]
    public void A_held_case_is_listed_as_held_and_not_disposed_of()
    {
        var held = Ipr("IPR-2019-0004", new DateOnly(2019, 1, 10), held: true);
        var due = RetentionSchedule.Decide([held], Rules, new DateOnly(2026, 1, 10));
        Assert.Equal(2, due.Count);
        Assert.All(due, d => Assert.Equal(RetentionVerdict.Held, d.Verdict));
        Assert.EndsWith("Kept: a legal hold is in place", due[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_category_already_disposed_of_is_not_due_again()
    {
        var c = Ipr("IPR-2019-0005", new DateOnly(2019, 1, 10), disposed: new HashSet<RetentionCategory> { RetentionCategory.Journey });
        Assert.Equal([RetentionCategory.CustomerIdentity], RetentionSchedule.Decide([c], Rules, new DateOnly(2026, 1, 10)).Select(d => d.Category));
    }

    [Fact]
    public void A_customers_identity_stays_while_another_case_about_them_is_open_or_held()
    {
        var customer = Guid.NewGuid();
        var old = Ipr("IPR-2019-0006", new DateOnly(2019, 1, 10), customer);
        var open = Ipr("IPR-2024-0007", null, customer);
        var due = RetentionSchedule.Decide([old, open], Rules, new DateOnly(2026, 1, 10));
        Assert.Equal(RetentionVerdict.IdentityStillNeeded, due.Single(d => d.Category == RetentionCategory.CustomerIdentity).Verdict);
        Assert.Contains("also the subject of IPR-2024-0007", due.Single(d => d.Category == RetentionCategory.CustomerIdentity).Why, StringComparison.Ordinal);
        Assert.Equal(RetentionVerdict.Dispose, due.Single(d => d.Category == RetentionCategory.Journey).Verdict);

        var heldOther = Ipr("IPR-2019-0008", new DateOnly(2019, 1, 11), customer, held: true);
        Assert.Equal(RetentionVerdict.IdentityStillNeeded,
            RetentionSchedule.Decide([old, heldOther], Rules, new DateOnly(2026, 1, 10)).Single(d => d.Case == old && d.Category == RetentionCategory.CustomerIdentity).Verdict);

        var bothDue = Ipr("IPR-2019-0009", new DateOnly(2019, 1, 5), customer);
        Assert.All(RetentionSchedule.Decide([old, bothDue], Rules, new DateOnly(2026, 1, 10)), d => Assert.Equal(RetentionVerdict.Dispose, d.Verdict));

        var disposedBefore = Ipr("IPR-2018-0010", new DateOnly(2018, 1, 5), customer, disposed: new HashSet<RetentionCategory> { RetentionCategory.CustomerIdentity, RetentionCategory.Journey });
        Assert.Equal(RetentionVerdict.Dispose,
            RetentionSchedule.Decide([old, disposedBefore], Rules, new DateOnly(2026, 1, 10)).Single(d => d.Case == old && d.Category == RetentionCategory.CustomerIdentity).Verdict);
    }
}

/// <summary>Retention must know every personal field: a field marked [PersonalData] that no category disposes of fails here.</summary>
public sealed class RetentionCoverageTests
{
    [Fact]
    public void Every_personal_data_field_in_the_model_is_disposed_of_by_a_category()
    {
        var personal = typeof(Core.Common.Entity).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties().Where(p => p.DeclaringType == t && p.GetCustomAttributes(typeof(Core.Common.PersonalDataAttribute), false).Length > 0)
                .Select(p => $"{t.Name}.{p.Name}"))
            .Order().ToList();
        var missing = personal.Where(f => !RetentionService.DisposedFields.ContainsKey(f) && !RetentionService.KeptFields.ContainsKey(f)).ToList();
        Assert.True(missing.Count == 0, "Tell retention how to dispose of (or why it keeps): " + string.Join(", ", missing));
        Assert.Equal(personal, RetentionService.DisposedFields.Keys.Concat(RetentionService.KeptFields.Keys).Order());
        Assert.Empty(RetentionService.DisposedFields.Keys.Intersect(RetentionService.KeptFields.Keys));
    }
}
