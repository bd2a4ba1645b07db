using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Panel;

/// <summary>One meeting in the year's list.</summary>
public sealed record MeetingRow(
    Guid Id, DateOnly MeetingOn, MeetingFormat Format, MeetingStatus Status, string? ChairName, string? ChairOnBehalfOf,
    int AgendaItems, int Papers, int LatePapers, int Present, int Apologies, Deadline? NextDeadline);

/// <summary>A financial year's meetings, the quarters without one, and the years there is something to show for.</summary>
public sealed record MeetingYear(int Year, IReadOnlyList<MeetingRow> Meetings, IReadOnlyList<QuarterWarning> Warnings, IReadOnlyList<int> Years);

/// <summary>One meeting with its agenda (themes loaded), papers and attendance, its deadlines and the Panel's membership
/// on its date.</summary>
public sealed record MeetingView(PanelMeeting Meeting, IReadOnlyList<Deadline> Deadlines, IReadOnlyList<PanelMembership> Members, PanelMembership? Chair, DateOnly Today)
{
    public IReadOnlyList<AgendaItem> Agenda => [.. Meeting.AgendaItems.OrderBy(a => a.Number)];

    public IReadOnlyList<PanelPaper> Papers => [.. Meeting.Papers.OrderBy(p => p.Number)];

    public bool PaperIsLate(PanelPaper paper) => PanelDeadlines.PaperIsLate(Meeting.MeetingOn, paper.CirculatedOn, Today);

    public DateOnly PapersDueOn => PanelDeadlines.PapersDueOn(Meeting.MeetingOn);

    /// <summary>The agenda, papers and attendance change until the minutes are agreed.</summary>
    public bool IsOpen => PanelMeetingService.IsOpen(Meeting);

    /// <summary>Items are reordered or removed only while the meeting is planned: after it, the minutes number them.</summary>
    public bool IsPlanned => Meeting.Status == MeetingStatus.Planned;

    public bool MayRecordHeld => IsPlanned && Meeting.MeetingOn <= Today;

    /// <summary>Attendance in the order the minutes list it, one group per kind.</summary>
    public IReadOnlyList<MeetingAttendance> Of(AttendanceKind kind) =>
        [.. Meeting.Attendance.Where(a => a.Kind == kind).OrderBy(a => a.Order).ThenBy(a => a.PersonName, StringComparer.Ordinal)];
}

public sealed record PlanMeetingInput(DateOnly? MeetingOn, MeetingFormat? Format, string? FormatNote);

public sealed record MeetingDetailsInput(DateOnly? MeetingOn, MeetingFormat? Format, string? FormatNote, string? ChairName, string? ChairOnBehalfOf);

public sealed record AgendaItemInput(AgendaItemKind? Kind, string? Title, Guid? ThemeId);

public sealed record PaperInput(string? Title, string? Presenter, Guid? ThemeId, DateOnly? CirculatedOn);

/// <summary>Someone recorded at a meeting. A member may be chosen from the Panel's membership on the meeting date
/// (<see cref="MembershipId"/>) or typed; a deputy names the member they attend on behalf of, with the Chair's agreement,
/// and may have the member's apologies recorded at the same time (<see cref="AddApologies"/>).</summary>
public sealed record AttendanceInput
{
    public AttendanceKind? Kind { get; init; }
    public Guid? MembershipId { get; init; }
    public string? PersonName { get; init; }
    public string? JobTitle { get; init; }
    public string? OnBehalfOf { get; init; }
    public bool ChairAgreedDeputy { get; init; }
    public bool AddApologies { get; init; }
    public bool Redacted { get; init; }
}

/// <summary>Who last changed a record, from the audit trail, for a conflict message.</summary>
public sealed record LastChange(string Who, DateTime At);

public sealed record PanelAttention(string Text, string Href);

/// <summary>The Panel's meetings: quarterly scheduling, each meeting's details, agenda, papers and attendance. Only the
/// secretariat calls the writes (the pages' rule). Every write is audited by the context and carries the version the
/// writer read, so a change saved by someone else in between is refused, never overwritten.</summary>
public sealed class PanelMeetingService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const int FormatNoteMax = 500;
    public const int TitleMax = 300;
    public const int PresenterMax = 200;
    public const int PlanYearsAhead = 2;

    /// <summary>The first day a meeting may be recorded on: the year the Panel first met.</summary>
    public static readonly DateOnly Earliest = new(2020, 1, 1);

    public static bool IsOpen(PanelMeeting m) => m.Status is MeetingStatus.Planned or MeetingStatus.Held;

    /// <summary>The standard agenda of a Panel meeting (the minutes of 2020).</summary>
    public static IReadOnlyList<(AgendaItemKind Kind, string Title)> DefaultAgenda =>
    [
        (AgendaItemKind.Welcome, DefaultTitle(AgendaItemKind.Welcome)),
        (AgendaItemKind.ActionsUpdate, DefaultTitle(AgendaItemKind.ActionsUpdate)),
        (AgendaItemKind.ThemeDiscussion, DefaultTitle(AgendaItemKind.ThemeDiscussion)),
        (AgendaItemKind.AnyOtherBusiness, DefaultTitle(AgendaItemKind.AnyOtherBusiness)),
    ];

    public static string DefaultTitle(AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Welcome => "Welcome and introductions",
        AgendaItemKind.ActionsUpdate => "Update on actions and decisions",
        AgendaItemKind.ThemeDiscussion => "Group discussion – themes",
        AgendaItemKind.AnyOtherBusiness => "AOB and close",
        _ => "",
    };

    private DateOnly Today => UkTime.Today(clock);

    public async Task<MeetingYear> YearAsync(int? year, CancellationToken ct)
    {
        var today = Today;
        var y = year ?? PanelSchedule.FinancialYearOf(today);
        var from = PanelSchedule.YearStart(y);
        var to = PanelSchedule.YearEnd(y);
        var meetings = await db.PanelMeetings.AsNoTracking()
            .Include(m => m.Papers).Include(m => m.Attendance).Include(m => m.AgendaItems)
            .Where(m => m.MeetingOn >= from && m.MeetingOn <= to)
            .OrderBy(m => m.MeetingOn)
            .AsSplitQuery()
            .ToListAsync(ct);
        var dates = await db.PanelMeetings.AsNoTracking().Select(m => m.MeetingOn).ToListAsync(ct);
        var current = PanelSchedule.FinancialYearOf(today);
        var years = dates.Select(PanelSchedule.FinancialYearOf).Append(current).Append(current + 1).Append(y).Distinct().Order().ToList();
        var rows = meetings.Select(m => new MeetingRow(
            m.Id, m.MeetingOn, m.Format, m.Status, m.ChairName, m.ChairOnBehalfOf,
            m.AgendaItems.Count,
            m.Papers.Count,
            m.Papers.Count(p => PanelDeadlines.PaperIsLate(m.MeetingOn, p.CirculatedOn, today)),
            m.Attendance.Count(a => a.Kind != AttendanceKind.Apologies),
            m.Attendance.Count(a => a.Kind == AttendanceKind.Apologies),
            PanelDeadlines.For(m, today).FirstOrDefault(d => d.DoneOn is null))).ToList();
        return new MeetingYear(y, rows, PanelSchedule.Warnings(y, meetings.Select(m => m.MeetingOn), today), years);
    }

    public async Task<MeetingView> GetAsync(Guid id, CancellationToken ct)
    {
        var meeting = await db.PanelMeetings.AsNoTracking()
            .Include(m => m.AgendaItems).ThenInclude(a => a.Theme)
            .Include(m => m.Papers).ThenInclude(p => p.Theme)
            .Include(m => m.Attendance)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new RecordNotFoundException("The meeting");
        var members = await MembersOnAsync(meeting.MeetingOn, ct);
        var today = Today;
        return new MeetingView(meeting, PanelDeadlines.For(meeting, today), members, members.FirstOrDefault(m => m.Role == PanelRole.Chair), today);
    }

    /// <summary>The Panel's members on <paramref name="on"/>.</summary>
    public async Task<IReadOnlyList<PanelMembership>> MembersOnAsync(DateOnly on, CancellationToken ct) =>
        AttendanceRules.MembersOn(await db.PanelMemberships.AsNoTracking().Where(m => m.From <= on && (m.To == null || m.To >= on)).ToListAsync(ct), on);

    /// <summary>Plans one meeting, with the standard agenda and the Chair of the day in the chair.</summary>
    public async Task<PanelMeeting> PlanAsync(PlanMeetingInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var taken = await db.PanelMeetings.AsNoTracking().Select(m => m.MeetingOn).ToListAsync(ct);
        CheckDate("meetingOn", input.MeetingOn, taken, errors);
        if (input.Format is null)
        {
            errors.Add("format", "Select how the meeting will be held");
        }

        var note = CheckNote(input.FormatNote, errors);
        errors.ThrowIfAny();
        var meeting = await NewMeetingAsync(input.MeetingOn!.Value, input.Format!.Value, note, ct);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>Plans the year's meetings at once: one date for each quarter given (index 0 is Q1). Quarters left empty
    /// are left alone; nothing is saved unless every date given is right.</summary>
    public async Task<IReadOnlyList<PanelMeeting>> PlanYearAsync(int year, IReadOnlyList<DateOnly?> dates, MeetingFormat? format, CancellationToken ct)
    {
        (await CheckYearPlanAsync(year, dates, format, ct)).ThrowIfAny();
        var planned = new List<PanelMeeting>();
        foreach (var date in dates.OfType<DateOnly>())
        {
            planned.Add(await NewMeetingAsync(date, format!.Value, null, ct));
        }

        await db.SaveChangesAsync(ct);
        return planned;
    }

    /// <summary>What is wrong with a year's plan: each date must fall in its quarter (error under q1 ... q4), on a day with
    /// no meeting yet; at least one date (error under "dates") and the format are needed.</summary>
    public async Task<ValidationErrors> CheckYearPlanAsync(int year, IReadOnlyList<DateOnly?> dates, MeetingFormat? format, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var taken = await db.PanelMeetings.AsNoTracking().Select(m => m.MeetingOn).ToListAsync(ct);
        var quarters = PanelSchedule.Quarters(year);
        var chosen = new List<DateOnly>();
        for (var i = 0; i < quarters.Count && i < dates.Count; i++)
        {
            var q = quarters[i];
            if (dates[i] is not { } date)
            {
                continue;
            }

            if (!q.Contains(date))
            {
                errors.Add($"q{q.Number}", $"The date for Q{q.Number} must be between {UkTime.Format(q.Start)} and {UkTime.Format(q.End)}");
                continue;
            }

            CheckDate($"q{q.Number}", date, [.. taken, .. chosen], errors, $"the Q{q.Number} meeting");
            chosen.Add(date);
        }

        if (dates.All(d => d is null))
        {
            errors.Add("dates", "Enter a date for at least one quarter");
        }

        if (format is null)
        {
            errors.Add("format", "Select how the meetings will be held");
        }

        return errors;
    }

    private async Task<PanelMeeting> NewMeetingAsync(DateOnly on, MeetingFormat format, string? note, CancellationToken ct)
    {
        var chair = (await MembersOnAsync(on, ct)).FirstOrDefault(m => m.Role == PanelRole.Chair);
        var meeting = new PanelMeeting
        {
            MeetingOn = on,
            Format = format,
            FormatNote = note,
            ChairName = chair?.PersonName,
            AgendaItems = [.. DefaultAgenda.Select((a, i) => new AgendaItem { Number = i + 1, Kind = a.Kind, Title = a.Title })],
        };
        db.PanelMeetings.Add(meeting);
        return meeting;
    }

    private void CheckDate(string key, DateOnly? date, IReadOnlyCollection<DateOnly> taken, ValidationErrors errors, string what = "the meeting")
    {
        if (date is not { } d)
        {
            errors.Add(key, $"Enter the date of {what}");
        }
        else if (d < Earliest)
        {
            errors.Add(key, $"The date of {what} must be in 2020 or later: the Panel first met on 19 March 2020");
        }
        else if (d > Today.AddYears(PlanYearsAhead))
        {
            errors.Add(key, $"The date of {what} must be within the next {PlanYearsAhead} years");
        }
        else if (taken.Contains(d))
        {
            errors.Add(key, $"There is already a meeting on {UkTime.Format(d)}");
        }
    }

    private static string? CheckNote(string? note, ValidationErrors errors)
    {
        note = note?.Trim();
        if (note?.Length > FormatNoteMax)
        {
            errors.Add("formatNote", $"The note about the format must be {FormatNoteMax} characters or fewer");
        }

        return string.IsNullOrEmpty(note) ? null : note;
    }

    /// <summary>Changes the date, format, chair and who the chair stands in for. The date is fixed once the meeting is held.</summary>
    public async Task<PanelMeeting> UpdateDetailsAsync(Guid id, int version, MeetingDetailsInput input, CancellationToken ct)
    {
        var meeting = await OpenMeetingAsync(id, "its details", ct);
        var errors = new ValidationErrors();
        if (input.MeetingOn is { } on && on != meeting.MeetingOn && meeting.Status != MeetingStatus.Planned)
        {
            errors.Add("meetingOn", $"The meeting is recorded as held on {UkTime.Format(meeting.MeetingOn)}: its date cannot change");
        }
        else
        {
            var taken = await db.PanelMeetings.AsNoTracking().Where(m => m.Id != id).Select(m => m.MeetingOn).ToListAsync(ct);
            CheckDate("meetingOn", input.MeetingOn, taken, errors);
        }

        if (input.Format is null)
        {
            errors.Add("format", "Select how the meeting is held");
        }

        var note = CheckNote(input.FormatNote, errors);
        var date = input.MeetingOn ?? meeting.MeetingOn;
        var chair = (await MembersOnAsync(date, ct)).FirstOrDefault(m => m.Role == PanelRole.Chair);
        foreach (var e in AttendanceRules.CheckChair(input.ChairName, input.ChairOnBehalfOf, chair, date).All)
        {
            errors.Add(e.Field, e.Message);
        }

        errors.ThrowIfAny();
        db.ExpectVersion(meeting, version);
        meeting.MeetingOn = date;
        meeting.Format = input.Format!.Value;
        meeting.FormatNote = note;
        meeting.ChairName = Blank(input.ChairName);
        meeting.ChairOnBehalfOf = Blank(input.ChairOnBehalfOf);
        await SaveAsync(meeting, ct);
        return meeting;
    }

    /// <summary>Records that the meeting took place (on or after its date); the minutes follow.</summary>
    public async Task<PanelMeeting> RecordHeldAsync(Guid id, int version, CancellationToken ct)
    {
        var meeting = await db.PanelMeetings.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new RecordNotFoundException("The meeting");
        if (meeting.Status != MeetingStatus.Planned)
        {
            throw new DomainValidationException("status", $"The meeting of {UkTime.Format(meeting.MeetingOn)} is already recorded as held");
        }

        if (meeting.MeetingOn > Today)
        {
            throw new DomainValidationException("status", $"The meeting is on {UkTime.Format(meeting.MeetingOn)}. It can be recorded as held on or after that day");
        }

        db.ExpectVersion(meeting, version);
        meeting.Status = MeetingStatus.Held;
        await SaveAsync(meeting, ct);
        return meeting;
    }

    // Agenda

    public async Task<AgendaItem> AddAgendaItemAsync(Guid id, AgendaItemInput input, CancellationToken ct)
    {
        var meeting = await OpenMeetingAsync(id, "its agenda", ct, withAgenda: true);
        var (title, errors) = await CheckAgendaItemAsync(input, null, ct);
        errors.ThrowIfAny();
        var item = new AgendaItem
        {
            PanelMeetingId = meeting.Id,
            Kind = input.Kind!.Value,
            Title = title!,
            ThemeId = input.ThemeId,
        };
        // As with papers: a second item added at the same moment takes the next free number.
        db.AgendaItems.Add(item);
        await UniqueViolation.SaveNumberedAsync(db, async _ =>
            item.Number = await db.AgendaItems.Where(a => a.PanelMeetingId == meeting.Id && a.Id != item.Id).Select(a => (int?)a.Number).MaxAsync(ct) is { } n ? n + 1 : 1, ct);
        return item;
    }

    public async Task<AgendaItem> UpdateAgendaItemAsync(Guid id, Guid itemId, int version, AgendaItemInput input, CancellationToken ct)
    {
        var meeting = await OpenMeetingAsync(id, "its agenda", ct, withAgenda: true);
        var item = meeting.AgendaItems.SingleOrDefault(a => a.Id == itemId) ?? throw new RecordNotFoundException("The agenda item");
        var (title, errors) = await CheckAgendaItemAsync(input, item.ThemeId, ct);
        errors.ThrowIfAny();
        db.ExpectVersion(item, version);
        item.Kind = input.Kind!.Value;
        item.Title = title!;
        item.ThemeId = input.ThemeId;
        await SaveAsync(item, ct);
        return item;
    }

    private async Task<(string? Title, ValidationErrors Errors)> CheckAgendaItemAsync(AgendaItemInput input, Guid? currentTheme, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.Kind is null)
        {
            errors.Add("kind", "Select what the item is");
        }

        var title = Blank(input.Title) ?? (input.Kind is { } k and not AgendaItemKind.Other ? DefaultTitle(k) : null);
        if (title is null)
        {
            errors.Add("title", "Enter the title of the item");
        }
        else if (title.Length > TitleMax)
        {
            errors.Add("title", $"The title must be {TitleMax} characters or fewer");
        }

        if (input.ThemeId is { } themeId)
        {
            if (input.Kind is not null and not AgendaItemKind.ThemeDiscussion)
            {
                errors.Add("themeId", "Only a group discussion of a theme links to a theme. Select that kind of item, or select no theme");
            }
            else
            {
                await CheckThemeAsync(themeId, currentTheme, errors, ct);
            }
        }

        return (title, errors);
    }

    private async Task CheckThemeAsync(Guid themeId, Guid? currentTheme, ValidationErrors errors, CancellationToken ct)
    {
        var theme = await db.Themes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == themeId, ct);
        if (theme is null)
        {
            errors.Add("themeId", "Select a theme from the list");
        }
        else if (!theme.IsActive && themeId != currentTheme)
        {
            errors.Add("themeId", $"The theme ‘{theme.Name}’ is no longer in use. Select another theme");
        }
    }

    /// <summary>Moves an item one place up or down the agenda, while the meeting is planned.</summary>
    public async Task MoveAgendaItemAsync(Guid id, Guid itemId, int version, bool up, CancellationToken ct)
    {
        var meeting = await PlannedMeetingAsync(id, "reordered", ct);
        var items = meeting.AgendaItems.OrderBy(a => a.Number).ToList();
        var index = items.FindIndex(a => a.Id == itemId);
        if (index < 0)
        {
            throw new RecordNotFoundException("The agenda item");
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= items.Count)
        {
            throw new DomainValidationException("itemId", $"Item {items[index].Number} is already {(up ? "first" : "last")} on the agenda");
        }

        var order = items.ToList();
        (order[index], order[other]) = (order[other], order[index]);
        db.ExpectVersion(items[index], version);
        await RenumberAsync(order, ct);
    }

    /// <summary>Takes an item off the agenda while the meeting is planned; the items after it move up.</summary>
    public async Task RemoveAgendaItemAsync(Guid id, Guid itemId, int version, CancellationToken ct)
    {
        var meeting = await PlannedMeetingAsync(id, "changed by removing items", ct);
        var item = meeting.AgendaItems.SingleOrDefault(a => a.Id == itemId) ?? throw new RecordNotFoundException("The agenda item");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ExpectVersion(item, version);
        db.AgendaItems.Remove(item);
        await db.SaveChangesAsync(ct);
        await RenumberAsync([.. meeting.AgendaItems.Where(a => a.Id != itemId).OrderBy(a => a.Number)], ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Numbers the items 1, 2, 3 ... in the order given. Numbers are unique per meeting, so the items that move
    /// step through free numbers first, in one transaction.</summary>
    private async Task RenumberAsync(IReadOnlyList<AgendaItem> order, CancellationToken ct)
    {
        var moving = order.Select((a, i) => (Item: a, Number: i + 1)).Where(x => x.Item.Number != x.Number).ToList();
        if (moving.Count == 0)
        {
            return;
        }

        var own = db.Database.CurrentTransaction is null;
        var transaction = db.Database.CurrentTransaction ?? await db.Database.BeginTransactionAsync(ct);
        try
        {
            var free = order.Count + 1;
            foreach (var (item, _) in moving)
            {
                item.Number = -(free++);
            }

            await db.SaveChangesAsync(ct);
            foreach (var (item, number) in moving)
            {
                item.Number = number;
            }

            await db.SaveChangesAsync(ct);
            if (own)
            {
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            if (own)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    // Papers

    /// <summary>Adds a paper; the service numbers it (Paper 1, 2 ...), after those the meeting already has.</summary>
    public async Task<PanelPaper> AddPaperAsync(Guid id, PaperInput input, CancellationToken ct)
    {
        var meeting = await OpenMeetingAsync(id, "its papers", ct);
        var (title, presenter, errors) = await CheckPaperAsync(meeting, input, null, ct);
        errors.ThrowIfAny();
        var paper = new PanelPaper
        {
            PanelMeetingId = meeting.Id,
            Title = title!,
            Presenter = presenter,
            ThemeId = input.ThemeId,
            CirculatedOn = input.CirculatedOn,
        };
        // Two people adding a paper at once: the unique number refuses the second, which takes the next number.
        db.PanelPapers.Add(paper);
        await UniqueViolation.SaveNumberedAsync(db, async _ =>
            paper.Number = await db.PanelPapers.Where(p => p.PanelMeetingId == meeting.Id && p.Id != paper.Id).Select(p => (int?)p.Number).MaxAsync(ct) is { } n ? n + 1 : 1, ct);
        return paper;
    }

    public async Task<PanelPaper> UpdatePaperAsync(Guid id, Guid paperId, int version, PaperInput input, CancellationToken ct)
    {
        var meeting = await OpenMeetingAsync(id, "its papers", ct);
        var paper = await db.PanelPapers.SingleOrDefaultAsync(p => p.Id == paperId && p.PanelMeetingId == id, ct) ?? throw new RecordNotFoundException("The paper");
        var (title, presenter, errors) = await CheckPaperAsync(meeting, input, paper.ThemeId, ct);
        errors.ThrowIfAny();
        db.ExpectVersion(paper, version);
        paper.Title = title!;
        paper.Presenter = presenter;
        paper.ThemeId = input.ThemeId;
        paper.CirculatedOn = input.CirculatedOn;
        await SaveAsync(paper, ct);
        return paper;
    }

    /// <summary>Records the day a paper went to the members. Later than a week before the meeting, it is flagged late.</summary>
    public async Task<PanelPaper> MarkCirculatedAsync(Guid id, Guid paperId, int version, DateOnly? circulatedOn, CancellationToken ct)
    {
        var meeting = await OpenMeetingAsync(id, "its papers", ct);
        var paper = await db.PanelPapers.SingleOrDefaultAsync(p => p.Id == paperId && p.PanelMeetingId == id, ct) ?? throw new RecordNotFoundException("The paper");
        var errors = new ValidationErrors();
        if (circulatedOn is null)
        {
            errors.Add("circulatedOn", "Enter the date the paper was circulated");
        }
        else
        {
            CheckCirculated(meeting, circulatedOn, errors);
        }

        errors.ThrowIfAny();
        db.ExpectVersion(paper, version);
        paper.CirculatedOn = circulatedOn;
        await SaveAsync(paper, ct);
        return paper;
    }

    private async Task<(string? Title, string? Presenter, ValidationErrors Errors)> CheckPaperAsync(PanelMeeting meeting, PaperInput input, Guid? currentTheme, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var title = Blank(input.Title);
        if (title is null)
        {
            errors.Add("title", "Enter the title of the paper");
        }
        else if (title.Length > TitleMax)
        {
            errors.Add("title", $"The title must be {TitleMax} characters or fewer");
        }

        var presenter = Blank(input.Presenter);
        if (presenter?.Length > PresenterMax)
        {
            errors.Add("presenter", $"The presenter must be {PresenterMax} characters or fewer");
        }

        if (input.ThemeId is { } themeId)
        {
            await CheckThemeAsync(themeId, currentTheme, errors, ct);
        }

        CheckCirculated(meeting, input.CirculatedOn, errors);
        return (title, presenter, errors);
    }

    private void CheckCirculated(PanelMeeting meeting, DateOnly? on, ValidationErrors errors)
    {
        if (on is not { } d)
        {
            return;
        }

        if (d > Today)
        {
            errors.Add("circulatedOn", "The date the paper was circulated must be today or in the past");
        }
        else if (d > meeting.MeetingOn)
        {
            errors.Add("circulatedOn", $"The date the paper was circulated must be on or before the day of the meeting, {UkTime.Format(meeting.MeetingOn)}");
        }
        else if (d < meeting.MeetingOn.AddYears(-1))
        {
            errors.Add("circulatedOn", "The date the paper was circulated must be within the year before the meeting");
        }
    }

    // Attendance

    public async Task<MeetingAttendance> AddAttendeeAsync(Guid id, AttendanceInput input, CancellationToken ct)
    {
        var meeting = await OpenMeetingAsync(id, "its attendance", ct, withAttendance: true);
        var (entry, apologies) = await CheckAttendeeAsync(meeting, input, null, ct);
        entry.PanelMeetingId = meeting.Id;
        entry.Order = NextOrder(meeting.Attendance, entry.Kind);
        db.MeetingAttendances.Add(entry);
        if (apologies is not null)
        {
            apologies.Order = NextOrder(meeting.Attendance, AttendanceKind.Apologies);
            db.MeetingAttendances.Add(apologies);
        }

        await db.SaveChangesAsync(ct);
        return entry;
    }

    public async Task<MeetingAttendance> UpdateAttendeeAsync(Guid id, Guid attendeeId, int version, AttendanceInput input, CancellationToken ct)
    {
        var meeting = await OpenMeetingAsync(id, "its attendance", ct, withAttendance: true);
        var entry = meeting.Attendance.SingleOrDefault(a => a.Id == attendeeId) ?? throw new RecordNotFoundException("The attendee");
        var (changed, apologies) = await CheckAttendeeAsync(meeting, input, entry, ct);
        db.ExpectVersion(entry, version);
        if (!AttendanceRules.SharesOrder(entry.Kind, changed.Kind))
        {
            entry.Order = NextOrder(meeting.Attendance.Where(a => a.Id != entry.Id), changed.Kind);
        }

        entry.Kind = changed.Kind;
        entry.PersonName = changed.PersonName;
        entry.JobTitle = changed.JobTitle;
        entry.OnBehalfOf = changed.OnBehalfOf;
        entry.ChairAgreedDeputy = changed.ChairAgreedDeputy;
        entry.Redacted = changed.Redacted;
        if (apologies is not null)
        {
            apologies.PanelMeetingId = meeting.Id;
            apologies.Order = NextOrder(meeting.Attendance, AttendanceKind.Apologies);
            db.MeetingAttendances.Add(apologies);
        }

        await SaveAsync(entry, ct);
        return entry;
    }

    public async Task<MeetingAttendance> RemoveAttendeeAsync(Guid id, Guid attendeeId, int version, CancellationToken ct)
    {
        var meeting = await OpenMeetingAsync(id, "its attendance", ct, withAttendance: true);
        var entry = meeting.Attendance.SingleOrDefault(a => a.Id == attendeeId) ?? throw new RecordNotFoundException("The attendee");
        if (AttendanceRules.RemovalError(entry, [.. meeting.Attendance.Where(a => a.Id != entry.Id)]) is { } error)
        {
            throw new DomainValidationException("attendeeId", error);
        }

        db.ExpectVersion(entry, version);
        db.MeetingAttendances.Remove(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>The record as it would be stored, and the member's apologies to add with a deputy if asked for.</summary>
    private async Task<(MeetingAttendance Entry, MeetingAttendance? Apologies)> CheckAttendeeAsync(PanelMeeting meeting, AttendanceInput input, MeetingAttendance? editing, CancellationToken ct)
    {
        var members = await MembersOnAsync(meeting.MeetingOn, ct);
        var errors = new ValidationErrors();
        var name = Blank(input.PersonName);
        var jobTitle = Blank(input.JobTitle);
        if (input.MembershipId is { } membershipId)
        {
            if (members.FirstOrDefault(m => m.Id == membershipId) is { } member)
            {
                name = member.PersonName;
                jobTitle ??= member.JobTitle;
            }
            else
            {
                errors.Add("membershipId", $"Select someone who was a member of the Panel on {UkTime.Format(meeting.MeetingOn)}");
            }
        }

        if (jobTitle?.Length > AttendanceRules.JobTitleMax)
        {
            errors.Add("jobTitle", $"The job title must be {AttendanceRules.JobTitleMax} characters or fewer");
        }

        var others = meeting.Attendance.Where(a => a.Id != editing?.Id).ToList();
        var onBehalfOf = input.Kind == AttendanceKind.Deputy ? Blank(input.OnBehalfOf) : null;
        var attendee = new Attendee(input.Kind, name, onBehalfOf, input.Kind == AttendanceKind.Deputy && input.ChairAgreedDeputy, input.AddApologies);
        foreach (var e in AttendanceRules.Check(attendee, others, members, meeting.MeetingOn).All)
        {
            if (!(e.Field == "personName" && errors.Has("membershipId")))
            {
                errors.Add(e.Field, e.Message);
            }
        }

        errors.ThrowIfAny();
        var entry = new MeetingAttendance
        {
            Kind = input.Kind!.Value,
            PersonName = AttendanceRules.Normalise(name!),
            JobTitle = jobTitle,
            OnBehalfOf = onBehalfOf is null ? null : AttendanceRules.Normalise(onBehalfOf),
            ChairAgreedDeputy = attendee.ChairAgreedDeputy,
            Redacted = input.Redacted,
        };
        MeetingAttendance? apologies = null;
        if (entry.OnBehalfOf is { } absent && input.AddApologies && !others.Any(o => o.Kind == AttendanceKind.Apologies && AttendanceRules.SameName(o.PersonName, absent)))
        {
            var member = members.First(m => AttendanceRules.SameName(m.PersonName, absent));
            apologies = new MeetingAttendance { PanelMeetingId = meeting.Id, Kind = AttendanceKind.Apologies, PersonName = member.PersonName, JobTitle = member.JobTitle };
        }

        return (entry, apologies);
    }

    private static int NextOrder(IEnumerable<MeetingAttendance> attendance, AttendanceKind kind) =>
        attendance.Where(a => AttendanceRules.SharesOrder(a.Kind, kind)).Select(a => a.Order).DefaultIfEmpty().Max() + 1;

    // Shared

    /// <summary>The meeting, tracked, if its record may still change (until the minutes are agreed).</summary>
    private async Task<PanelMeeting> OpenMeetingAsync(Guid id, string what, CancellationToken ct, bool withAgenda = false, bool withAttendance = false)
    {
        IQueryable<PanelMeeting> query = db.PanelMeetings;
        if (withAgenda)
        {
            query = query.Include(m => m.AgendaItems);
        }

        if (withAttendance)
        {
            query = query.Include(m => m.Attendance);
        }

        var meeting = await query.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new RecordNotFoundException("The meeting");
        if (!IsOpen(meeting))
        {
            throw new DomainValidationException("status", $"The minutes of the meeting of {UkTime.Format(meeting.MeetingOn)} are agreed: {what} can no longer change");
        }

        return meeting;
    }

    private async Task<PanelMeeting> PlannedMeetingAsync(Guid id, string what, CancellationToken ct)
    {
        var meeting = await db.PanelMeetings.Include(m => m.AgendaItems).SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new RecordNotFoundException("The meeting");
        if (meeting.Status != MeetingStatus.Planned)
        {
            throw new DomainValidationException("itemId", $"The meeting of {UkTime.Format(meeting.MeetingOn)} has been held: its agenda stays as it was and can no longer be {what}");
        }

        return meeting;
    }

    /// <summary>Saves, making sure the record's own row changes (so its version moves and the check applies).</summary>
    private async Task SaveAsync(Common.Entity entity, CancellationToken ct)
    {
        db.Entry(entity).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Who last changed a record and when, for the message shown when a change is refused as stale.</summary>
    public async Task<LastChange?> LastChangeAsync(string entityType, Guid id, CancellationToken ct)
    {
        var key = id.ToString();
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == key && a.Action != Audit.AuditAction.View)
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.ActorUserId, a.ActorEmail, a.OccurredAt })
            .FirstOrDefaultAsync(ct);
        if (entry is null)
        {
            return null;
        }

        var name = entry.ActorUserId is { } userId ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        return new LastChange(name ?? "someone else", entry.OccurredAt);
    }

    /// <summary>What the secretariat should act on: quarters of this financial year without a meeting, and papers of
    /// planned meetings due to be circulated within <see cref="PanelDeadlines.WarningDays"/> or late.</summary>
    public async Task<IReadOnlyList<PanelAttention>> AttentionAsync(CancellationToken ct)
    {
        var today = Today;
        var year = await YearAsync(null, ct);
        var items = year.Warnings.Select(w => new PanelAttention(w.Gap == QuarterGap.Missed
            ? $"No Panel meeting was held in {w.Quarter.Name}"
            : $"No Panel meeting is planned for {w.Quarter.Name}", $"/panel?year={year.Year}")).ToList();
        var planned = await db.PanelMeetings.AsNoTracking().Include(m => m.Papers)
            .Where(m => m.Status == MeetingStatus.Planned)
            .OrderBy(m => m.MeetingOn)
            .ToListAsync(ct);
        foreach (var m in planned)
        {
            var due = PanelDeadlines.PapersDueOn(m.MeetingOn);
            var state = PanelDeadlines.State(due, null, today);
            if (state is not (DeadlineState.DueSoon or DeadlineState.Overdue))
            {
                continue;
            }

            var href = $"/panel/meetings/{m.Id}/agenda";
            var meeting = $"the meeting on {UkTime.Format(m.MeetingOn)}";
            if (m.Papers.Count == 0)
            {
                items.Add(new PanelAttention($"No papers are recorded for {meeting}. Papers are due to be circulated by {UkTime.Format(due)}", href));
            }

            foreach (var p in m.Papers.Where(p => p.CirculatedOn is null).OrderBy(p => p.Number))
            {
                items.Add(new PanelAttention(state == DeadlineState.Overdue
                    ? $"Paper {p.Number} for {meeting} is late: it was due to be circulated by {UkTime.Format(due)}"
                    : $"Paper {p.Number} for {meeting} is due to be circulated by {UkTime.Format(due)}", href));
            }
        }

        return items;
    }
}
