using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Actions;

/// <summary>A change to a rung of the escalation ladder, as typed on the form.</summary>
public sealed record EscalationStepChange(string? Name, string? DaysAfterDue, bool IsActive);

/// <summary>The checks on a rung of the ladder, shared by the admin page and anything else that changes it.</summary>
public static class EscalationLadderRules
{
    public const int NameMax = 200;
    /// <summary>A reminder can go up to a year before the due date, an escalation up to ten years after it.</summary>
    public const int EarliestDays = -365;
    public const int LatestDays = 3650;

    public static int? Validate(EscalationStepChange change, ValidationErrors errors)
    {
        var name = change.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "Enter the name of the step");
        }
        else if (name.Length > NameMax)
        {
            errors.Add("name", $"The name must be {NameMax} characters or fewer");
        }

        var text = change.DaysAfterDue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("daysAfterDue", "Enter the number of days after the due date, for example 56, or -14 for 14 days before it");
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
        {
            errors.Add("daysAfterDue", "The number of days must be a whole number, like 56 or -14");
            return null;
        }

        if (days is < EarliestDays or > LatestDays)
        {
            errors.Add("daysAfterDue", $"The number of days must be between {EarliestDays} and {LatestDays:N0}");
            return null;
        }

        return days;
    }
}

/// <summary>The escalation ladder as reference data: Administrators rename a rung, move its day or take it out of use.
/// Each change is made against the version read, so two administrators never overwrite each other silently.</summary>
public sealed class EscalationLadderService(SeriousCasesDbContext db)
{
    public Task<List<EscalationStep>> ListAsync(CancellationToken ct) =>
        db.EscalationSteps.AsNoTracking().OrderBy(s => s.DaysAfterDue).ThenBy(s => s.Code).ToListAsync(ct);

    public async Task<EscalationStep> GetAsync(Guid id, CancellationToken ct) =>
        await db.EscalationSteps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new RecordNotFoundException("The escalation step");

    public async Task<EscalationStep> UpdateAsync(Guid id, int expectedVersion, EscalationStepChange change, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var days = EscalationLadderRules.Validate(change, errors);
        errors.ThrowIfAny();
        var step = await db.EscalationSteps.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new RecordNotFoundException("The escalation step");
        db.ExpectVersion(step, expectedVersion);
        step.Name = change.Name!.Trim();
        step.DaysAfterDue = days!.Value;
        step.IsActive = change.IsActive;
        await db.SaveChangesAsync(ct);
        return step;
    }

    public static string Describe(EscalationRecipient recipient) => recipient switch
    {
        EscalationRecipient.Owner => "The owner team's members",
        EscalationRecipient.AccountableDirectorGeneral => "The accountable Director General, through the Panel secretariat",
        EscalationRecipient.PanelActionsUpdate => "The next Serious Case Panel's actions update",
        _ => "The Secretary of State and ministers' update",
    };

    public static string DescribeDays(int days) => days switch
    {
        -1 => "1 day before the due date",
        < 0 => $"{-days} days before the due date",
        0 => "On the due date",
        1 => "1 day after the due date",
        _ => $"{days} days after the due date",
    };
}
