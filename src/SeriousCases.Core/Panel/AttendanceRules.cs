using SeriousCases.Core.Common;

namespace SeriousCases.Core.Panel;

/// <summary>One person on a meeting's attendance, as the rules see them (the name already taken from the membership
/// when a member was chosen).</summary>
public sealed record Attendee(AttendanceKind? Kind, string? Name, string? OnBehalfOf, bool ChairAgreedDeputy, bool AddApologies);

/// <summary>Who may be recorded at a meeting, and how (Terms of Reference, seed 000: "deputisation may be permitted,
/// subject to the decision of the Chair"; the minutes of 19 March and 2 July 2020). Each message says what to fix.
/// Field names are the form's: kind, personName, onBehalfOf, chairAgreedDeputy, addApologies, chairName, chairOnBehalfOf.</summary>
public static class AttendanceRules
{
    public const int NameMax = 200;
    public const int JobTitleMax = 300;

    /// <summary>Members and deputies are one list in the minutes ("Present", "Members"): they share one order.</summary>
    public static bool SharesOrder(AttendanceKind a, AttendanceKind b) => a == b || (IsPresentMember(a) && IsPresentMember(b));

    public static bool IsPresentMember(AttendanceKind kind) => kind is AttendanceKind.Member or AttendanceKind.Deputy;

    /// <summary>Whether two names are the same person's: case, spaces and surrounding blanks aside.</summary>
    public static bool SameName(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Normalise(a), Normalise(b), StringComparison.OrdinalIgnoreCase);

    public static string Normalise(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The members of the Panel on <paramref name="on"/>.</summary>
    public static IReadOnlyList<PanelMembership> MembersOn(IEnumerable<PanelMembership> memberships, DateOnly on) =>
        [.. memberships.Where(m => m.From <= on && (m.To is null || m.To >= on)).OrderBy(m => m.Role).ThenBy(m => m.PersonName, StringComparer.Ordinal)];

    /// <summary>Checks <paramref name="attendee"/> against everyone else already recorded (<paramref name="others"/>, without
    /// the record being edited) and the Panel's membership on the meeting date.</summary>
    public static ValidationErrors Check(Attendee attendee, IReadOnlyList<MeetingAttendance> others, IReadOnlyList<PanelMembership> membersOnDate, DateOnly meetingOn)
    {
        var errors = new ValidationErrors();
        var date = UkTime.Format(meetingOn);
        if (attendee.Kind is null)
        {
            errors.Add("kind", "Select how the person attends");
        }

        var name = attendee.Name is null ? null : Normalise(attendee.Name);
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("personName", attendee.Kind is AttendanceKind.Member or AttendanceKind.Apologies
                ? "Select a member of the Panel or enter the person's name"
                : "Enter the person's name");
        }
        else if (name.Length > NameMax)
        {
            errors.Add("personName", $"The name must be {NameMax} characters or fewer");
        }

        if (attendee.Kind is not { } kind || string.IsNullOrEmpty(name))
        {
            return errors;
        }

        var present = kind != AttendanceKind.Apologies;
        if (others.FirstOrDefault(o => SameName(o.PersonName, name) && (o.Kind != AttendanceKind.Apologies) == present) is { } twice)
        {
            errors.Add("personName", present
                ? $"{name} is already recorded as {Describe(twice.Kind)}. Change that entry instead of adding them again"
                : $"{name} is already recorded as giving apologies");
        }
        else if (others.FirstOrDefault(o => SameName(o.PersonName, name) && (o.Kind != AttendanceKind.Apologies) != present) is { } other)
        {
            errors.Add("personName", present
                ? $"{name} is recorded as giving apologies. One person cannot be both present and giving apologies: remove their apologies first"
                : $"{name} is recorded as present ({Describe(other.Kind)}). One person cannot be both present and giving apologies: remove them from those present first");
        }

        if (kind != AttendanceKind.Deputy)
        {
            return errors;
        }

        var member = attendee.OnBehalfOf is null ? null : Normalise(attendee.OnBehalfOf);
        if (string.IsNullOrEmpty(member))
        {
            errors.Add("onBehalfOf", "Select the member the deputy attends on behalf of");
        }
        else if (SameName(member, name))
        {
            errors.Add("onBehalfOf", "A deputy attends on behalf of someone else: select the member they stand in for");
        }
        else if (!membersOnDate.Any(m => SameName(m.PersonName, member)))
        {
            errors.Add("onBehalfOf", $"{member} was not a member of the Panel on {date}. A deputy can only attend on behalf of a member");
        }
        else if (others.Any(o => IsPresentMember(o.Kind) && o.Kind == AttendanceKind.Member && SameName(o.PersonName, member)))
        {
            errors.Add("onBehalfOf", $"{member} is recorded as present. A deputy attends only for a member who cannot attend");
        }
        else if (others.FirstOrDefault(o => o.Kind == AttendanceKind.Deputy && SameName(o.OnBehalfOf, member)) is { } deputy)
        {
            errors.Add("onBehalfOf", $"{deputy.PersonName} already attends on behalf of {member}");
        }
        else if (!attendee.AddApologies && !others.Any(o => o.Kind == AttendanceKind.Apologies && SameName(o.PersonName, member)))
        {
            errors.Add("addApologies", $"{member} is not recorded as giving apologies. Select ‘Also record apologies from the member’, or add their apologies first");
        }

        if (!attendee.ChairAgreedDeputy)
        {
            errors.Add("chairAgreedDeputy", "Confirm that the Chair agreed to the deputy. Deputies attend only with the Chair’s agreement");
        }

        return errors;
    }

    /// <summary>Why <paramref name="entry"/> cannot be removed, if it cannot: a deputy's attendance rests on the member's apologies.</summary>
    public static string? RemovalError(MeetingAttendance entry, IReadOnlyList<MeetingAttendance> others) =>
        entry.Kind == AttendanceKind.Apologies && others.FirstOrDefault(o => o.Kind == AttendanceKind.Deputy && SameName(o.OnBehalfOf, entry.PersonName)) is { } deputy
            ? $"{deputy.PersonName} attends on behalf of {entry.PersonName}. Remove or change the deputy before removing {entry.PersonName}’s apologies"
            : null;

    /// <summary>Who chaired: the Chair, or someone chairing on the Chair's behalf (as Sara Weller did for Hayley Tatum on
    /// 19 March 2020), recorded with who they chaired for. <paramref name="chair"/> is whoever held the Chair's role
    /// on the meeting date, if anyone.</summary>
    public static ValidationErrors CheckChair(string? chairName, string? onBehalfOf, PanelMembership? chair, DateOnly meetingOn)
    {
        var errors = new ValidationErrors();
        var name = string.IsNullOrWhiteSpace(chairName) ? null : Normalise(chairName);
        var forWhom = string.IsNullOrWhiteSpace(onBehalfOf) ? null : Normalise(onBehalfOf);
        if (name?.Length > NameMax)
        {
            errors.Add("chairName", $"The chair’s name must be {NameMax} characters or fewer");
        }

        if (forWhom?.Length > NameMax)
        {
            errors.Add("chairOnBehalfOf", $"The name must be {NameMax} characters or fewer");
        }

        if (errors.Any)
        {
            return errors;
        }

        if (name is null)
        {
            if (forWhom is not null)
            {
                errors.Add("chairName", $"Enter who chaired the meeting on behalf of {forWhom}");
            }

            return errors;
        }

        if (forWhom is null)
        {
            if (chair is not null && !SameName(chair.PersonName, name))
            {
                errors.Add("chairOnBehalfOf", $"{name} was not the Chair of the Panel on {UkTime.Format(meetingOn)}. Enter who they chaired on behalf of (the Chair was {chair.PersonName})");
            }

            return errors;
        }

        if (SameName(forWhom, name))
        {
            errors.Add("chairOnBehalfOf", "Someone chairing on behalf of the Chair cannot chair on their own behalf: leave this empty if they are the Chair");
        }
        else if (chair is not null && !SameName(chair.PersonName, forWhom))
        {
            errors.Add("chairOnBehalfOf", $"The Chair of the Panel on {UkTime.Format(meetingOn)} was {chair.PersonName}, not {forWhom}. Enter {chair.PersonName}, or leave this empty");
        }

        return errors;
    }

    public static string Describe(AttendanceKind kind) => kind switch
    {
        AttendanceKind.Member => "a member",
        AttendanceKind.Deputy => "a deputy",
        AttendanceKind.Presenter => "a presenter",
        AttendanceKind.AdditionalAttendee => "an additional attendee",
        AttendanceKind.Secretariat => "secretariat",
        _ => "giving apologies",
    };
}
