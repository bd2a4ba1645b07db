using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Panel.Minutes;

/// <summary>One meeting's minutes as the pages show them.</summary>
public sealed record MinutesView(PanelMeeting Meeting, IReadOnlyList<AgreedActivity> ActionPoints, DateOnly Today)
{
    public string Title => UkTime.Format(Meeting.MeetingOn);

    public bool HeldYet => Meeting.MeetingOn <= Today;

    public bool HasText => !string.IsNullOrWhiteSpace(Meeting.MinutesText);

    public bool Agreed => Meeting.MinutesAgreedOn is not null;

    public bool Published => Meeting.PublishedMinutesText is not null;

    /// <summary>The minutes' two deadlines (agreed and circulated within a fortnight, published within a month).</summary>
    public IReadOnlyList<Deadline> Deadlines => [.. PanelDeadlines.For(Meeting, Today).Skip(1)];

    /// <summary>Whether the agreed text differs from what was published (a correction waiting to be republished).</summary>
    public bool ChangedSincePublished => Published && Meeting.MinutesText is { } text
        && MinutesRedaction.Apply(text, Meeting.Attendance, Meeting.ExtraRedactions) != Meeting.PublishedMinutesText;
}

public sealed record PublishedMinutesListing(DateOnly MeetingOn, DateOnly? PublishedOn);

public sealed record PublishedMinutes(DateOnly MeetingOn, DateOnly? PublishedOn, string Text)
{
    public string Title => $"Minutes of the Serious Case Panel, {UkTime.Format(MeetingOn)}";

    public string FileStem => $"serious-case-panel-minutes-{MeetingOn:yyyy-MM-dd}";
}

/// <summary>A minutes deadline that is near or passed, for the secretariat's home page.</summary>
public sealed record MinutesDeadlineDue(Guid MeetingId, DateOnly MeetingOn, Deadline Deadline);

/// <summary>The minutes from draft to published: generated from the meeting record, edited, agreed, circulated, redacted
/// and published. Every change goes against the version the secretariat read (a change saved by someone else in
/// between is refused, never overwritten) and is written to the audit trail with the meeting's before and after
/// values. The public pages read only the published text.</summary>
public sealed class MinutesService(SeriousCasesDbContext db, TimeProvider clock)
{
    public DateOnly Today => UkTime.Today(clock);

    public async Task<MinutesView> GetAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await LoadAsync(meetingId, tracked: false, ct);
        return new MinutesView(meeting, await ActionPointsAsync(meetingId, ct), Today);
    }

    /// <summary>Writes the draft from the meeting record. Only before the minutes are agreed; replacing text already
    /// there needs <paramref name="replace"/> (the page asks first).</summary>
    public async Task<PanelMeeting> GenerateDraftAsync(Guid meetingId, int expectedVersion, bool replace, CancellationToken ct)
    {
        var meeting = await LoadAsync(meetingId, tracked: true, ct);
        var errors = new ValidationErrors();
        CheckHeld(meeting, errors, "minutesText");
        if (meeting.MinutesAgreedOn is { } agreed)
        {
            errors.Add("minutesText", $"The minutes were agreed on {UkTime.Format(agreed)}. Edit the agreed text instead of generating a new draft");
        }
        else if (!string.IsNullOrWhiteSpace(meeting.MinutesText) && !replace)
        {
            errors.Add("minutesText", "Confirm that the generated draft replaces the minutes already written");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(meeting, expectedVersion);
        meeting.MinutesText = MinutesDraft.Generate(meeting, await ActionPointsAsync(meetingId, ct));
        MarkHeld(meeting);
        await SaveAsync(meeting, ct);
        return meeting;
    }

    public async Task<PanelMeeting> SaveTextAsync(Guid meetingId, int expectedVersion, string? text, CancellationToken ct)
    {
        var meeting = await LoadAsync(meetingId, tracked: true, ct);
        var errors = new ValidationErrors();
        CheckHeld(meeting, errors, "minutesText");
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("minutesText", "Enter the minutes, or generate a draft from the meeting record");
        }
        else if (text.Length > MinutesText.MaxLength)
        {
            errors.Add("minutesText", $"The minutes must be {MinutesText.MaxLength:N0} characters or fewer");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(meeting, expectedVersion);
        meeting.MinutesText = text!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
        MarkHeld(meeting);
        await SaveAsync(meeting, ct);
        return meeting;
    }

    /// <summary>Records the day the Panel agreed the minutes (a second call corrects the date).</summary>
    public async Task<PanelMeeting> RecordAgreedAsync(Guid meetingId, int expectedVersion, DateOnly? agreedOn, CancellationToken ct)
    {
        var meeting = await LoadAsync(meetingId, tracked: true, ct);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(meeting.MinutesText))
        {
            errors.Add("agreedOn", "Write the minutes before recording that they were agreed");
        }
        else
        {
            CheckDate(agreedOn, "agreedOn", "the minutes were agreed", meeting.MeetingOn, $"the meeting on {UkTime.Format(meeting.MeetingOn)}", errors);
            if (meeting.MinutesCirculatedOn is { } sent && agreedOn is { } a && a > sent)
            {
                errors.Add("agreedOn", $"The date the minutes were agreed must be on or before the day they were circulated, {UkTime.Format(sent)}");
            }
        }

        errors.ThrowIfAny();
        db.ExpectVersion(meeting, expectedVersion);
        meeting.MinutesAgreedOn = agreedOn;
        if (meeting.Status < MeetingStatus.MinutesAgreed)
        {
            meeting.Status = MeetingStatus.MinutesAgreed;
        }

        await SaveAsync(meeting, ct);
        return meeting;
    }

    /// <summary>Records the day the agreed minutes went to the Panel's members.</summary>
    public async Task<PanelMeeting> RecordCirculatedAsync(Guid meetingId, int expectedVersion, DateOnly? circulatedOn, CancellationToken ct)
    {
        var meeting = await LoadAsync(meetingId, tracked: true, ct);
        var errors = new ValidationErrors();
        if (meeting.MinutesAgreedOn is not { } agreed)
        {
            errors.Add("circulatedOn", "Record the date the minutes were agreed before the date they were circulated");
        }
        else
        {
            CheckDate(circulatedOn, "circulatedOn", "the minutes were circulated", agreed, $"the day they were agreed, {UkTime.Format(agreed)}", errors);
        }

        errors.ThrowIfAny();
        db.ExpectVersion(meeting, expectedVersion);
        meeting.MinutesCirculatedOn = circulatedOn;
        await SaveAsync(meeting, ct);
        return meeting;
    }

    /// <summary>Chooses what the published minutes redact: the attendees named (by their attendance record) and any
    /// further words or names, one per line.</summary>
    public async Task<PanelMeeting> ChooseRedactionsAsync(Guid meetingId, int expectedVersion, IReadOnlyCollection<Guid> redactedAttendees, string? extra, CancellationToken ct)
    {
        var meeting = await LoadAsync(meetingId, tracked: true, ct);
        var errors = new ValidationErrors();
        if (extra is { Length: > MinutesRedaction.ExtraMaxLength })
        {
            errors.Add("extraRedactions", $"Other names and words must be {MinutesRedaction.ExtraMaxLength:N0} characters or fewer");
        }

        var unknown = redactedAttendees.Where(id => meeting.Attendance.All(a => a.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("redacted", "Choose names from the meeting's attendance");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(meeting, expectedVersion);
        foreach (var a in meeting.Attendance)
        {
            a.Redacted = redactedAttendees.Contains(a.Id);
        }

        var lines = MinutesRedaction.ExtraLines(extra);
        meeting.ExtraRedactions = lines.Count == 0 ? null : string.Join('\n', lines);
        await SaveAsync(meeting, ct);
        return meeting;
    }

    /// <summary>Publishes the agreed minutes with the chosen redactions applied. Publishing again (after a correction)
    /// replaces the published text and keeps the first publication date; the audit trail holds both texts.</summary>
    public async Task<PanelMeeting> PublishAsync(Guid meetingId, int expectedVersion, CancellationToken ct)
    {
        var meeting = await LoadAsync(meetingId, tracked: true, ct);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(meeting.MinutesText))
        {
            errors.Add("publish", "Write the minutes before publishing them");
        }
        else if (meeting.MinutesAgreedOn is null)
        {
            errors.Add("publish", "The Panel must agree the minutes before they are published. Record the date they were agreed first");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(meeting, expectedVersion);
        var republished = meeting.PublishedMinutesText is not null;
        meeting.PublishedMinutesText = MinutesRedaction.Apply(meeting.MinutesText!, meeting.Attendance, meeting.ExtraRedactions);
        meeting.MinutesPublishedOn ??= Today;
        meeting.Status = MeetingStatus.MinutesPublished;
        db.RecordEvent(AuditAction.Update, nameof(PanelMeeting), meeting.Id.ToString(),
            republished ? "Minutes published again after a correction" : "Minutes published");
        await SaveAsync(meeting, ct);
        return meeting;
    }

    /// <summary>Published minutes, newest meeting first (the public list).</summary>
    public async Task<IReadOnlyList<PublishedMinutesListing>> ListPublishedAsync(CancellationToken ct) =>
        (await db.PanelMeetings.AsNoTracking()
            .Where(m => m.PublishedMinutesText != null)
            .Select(m => new PublishedMinutesListing(m.MeetingOn, m.MinutesPublishedOn))
            .ToListAsync(ct))
        .OrderByDescending(m => m.MeetingOn).ToList();

    /// <summary>The published minutes of the meeting on that day, or null when none are published.</summary>
    public async Task<PublishedMinutes?> GetPublishedAsync(DateOnly meetingOn, CancellationToken ct) =>
        (await db.PanelMeetings.AsNoTracking()
            .Where(m => m.MeetingOn == meetingOn && m.PublishedMinutesText != null)
            .Select(m => new PublishedMinutes(m.MeetingOn, m.MinutesPublishedOn, m.PublishedMinutesText!))
            .ToListAsync(ct))
        .OrderBy(m => m.PublishedOn).FirstOrDefault();

    /// <summary>The Terms of Reference in force today (the latest approved), for the public page.</summary>
    public async Task<TermsOfReferenceVersion?> CurrentTermsOfReferenceAsync(CancellationToken ct)
    {
        var today = Today;
        return (await db.TermsOfReferenceVersions.AsNoTracking().Where(t => t.ApprovedOn <= today).ToListAsync(ct))
            .OrderByDescending(t => t.ApprovedOn).FirstOrDefault();
    }

    /// <summary>Minutes deadlines due within the warning period or passed, soonest first: what the secretariat's home
    /// page lists before it is late.</summary>
    public async Task<IReadOnlyList<MinutesDeadlineDue>> DueAsync(CancellationToken ct)
    {
        var today = Today;
        var meetings = await db.PanelMeetings.AsNoTracking()
            .Where(m => m.MeetingOn <= today && m.MinutesPublishedOn == null)
            .ToListAsync(ct);
        return [.. meetings
            .SelectMany(m => PanelDeadlines.For(m, today).Skip(1).Select(d => new MinutesDeadlineDue(m.Id, m.MeetingOn, d)))
            .Where(d => d.Deadline.State is DeadlineState.DueSoon or DeadlineState.Overdue)
            .OrderBy(d => d.Deadline.DueOn)];
    }

    private async Task<PanelMeeting> LoadAsync(Guid meetingId, bool tracked, CancellationToken ct)
    {
        var query = db.PanelMeetings
            .Include(m => m.Attendance)
            .Include(m => m.AgendaItems)
            .Include(m => m.Papers)
            .Include(m => m.Decisions)
            .AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new RecordNotFoundException("Panel meeting");
    }

    private Task<List<AgreedActivity>> ActionPointsAsync(Guid meetingId, CancellationToken ct) =>
        db.AgreedActivities.AsNoTracking()
            .Where(a => a.PanelMeetingId == meetingId && a.Origin == ActivityOrigin.PanelActionPoint)
            .OrderBy(a => a.Number)
            .ToListAsync(ct);

    private void CheckHeld(PanelMeeting meeting, ValidationErrors errors, string field)
    {
        if (meeting.MeetingOn > Today)
        {
            errors.Add(field, $"The meeting is on {UkTime.Format(meeting.MeetingOn)}: write its minutes once it has been held");
        }
    }

    private void CheckDate(DateOnly? date, string field, string what, DateOnly notBefore, string notBeforeText, ValidationErrors errors)
    {
        if (date is not { } d)
        {
            if (!errors.Has(field))
            {
                errors.Add(field, $"Enter the date {what}");
            }
        }
        else if (d < notBefore)
        {
            errors.Add(field, $"The date {what} must be on or after {notBeforeText}");
        }
        else if (d > Today)
        {
            errors.Add(field, $"The date {what} must be today or in the past");
        }
    }

    /// <summary>Minutes are written after the meeting: a planned meeting being minuted has been held.</summary>
    private static void MarkHeld(PanelMeeting meeting)
    {
        if (meeting.Status == MeetingStatus.Planned)
        {
            meeting.Status = MeetingStatus.Held;
        }
    }

    private async Task SaveAsync(PanelMeeting meeting, CancellationToken ct)
    {
        db.Entry(meeting).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }
}
