using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Panel;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>Adds someone to a meeting's attendance, or changes or removes them. The attendance rules' errors come back
/// in the error summary with everything typed kept.</summary>
public sealed class AttendeeModel(PanelMeetingService meetings) : MeetingFormModel(meetings)
{
    [BindProperty(Name = "kind")] public AttendanceKind? Kind { get; set; }
    [BindProperty(Name = "membershipId")] public Guid? MembershipId { get; set; }
    [BindProperty(Name = "personName")] public string? PersonName { get; set; }
    [BindProperty(Name = "jobTitle")] public string? JobTitle { get; set; }
    [BindProperty(Name = "onBehalfOf")] public string? OnBehalfOf { get; set; }
    [BindProperty(Name = "chairAgreedDeputy")] public bool ChairAgreedDeputy { get; set; }
    [BindProperty(Name = "addApologies")] public bool AddApologies { get; set; }
    [BindProperty(Name = "redacted")] public bool Redacted { get; set; }

    public Guid? AttendeeId { get; private set; }

    public MeetingAttendance? Entry => AttendeeId is { } id ? View.Meeting.Attendance.SingleOrDefault(a => a.Id == id) : null;

    private async Task PrepareAsync(Guid id, Guid? attendeeId, CancellationToken ct)
    {
        AttendeeId = attendeeId;
        await LoadAsync(id, ct);
        if (attendeeId is not null && Entry is null)
        {
            throw new Core.Common.RecordNotFoundException("The attendee");
        }
    }

    public async Task OnGetAsync(Guid id, Guid? attendeeId, [FromQuery] AttendanceKind? kind, CancellationToken ct)
    {
        await PrepareAsync(id, attendeeId, ct);
        Kind = kind;
        if (Entry is { } a)
        {
            Version = a.Version;
            Kind = a.Kind;
            PersonName = a.PersonName;
            JobTitle = a.JobTitle;
            OnBehalfOf = a.OnBehalfOf;
            ChairAgreedDeputy = a.ChairAgreedDeputy;
            Redacted = a.Redacted;
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? attendeeId, CancellationToken ct)
    {
        await PrepareAsync(id, attendeeId, ct);
        ModelState.Remove("kind");
        ModelState.Remove("membershipId");
        var input = new AttendanceInput
        {
            Kind = Kind,
            MembershipId = MembershipId,
            PersonName = PersonName,
            JobTitle = JobTitle,
            OnBehalfOf = OnBehalfOf,
            ChairAgreedDeputy = ChairAgreedDeputy,
            AddApologies = AddApologies,
            Redacted = Redacted,
        };
        return await SaveAsync(id, async () =>
        {
            if (attendeeId is { } existing)
            {
                var a = await Meetings.UpdateAttendeeAsync(id, existing, Version, input, ct);
                return $"{a.PersonName} saved";
            }

            var added = await Meetings.AddAttendeeAsync(id, input, ct);
            return added.Kind == AttendanceKind.Deputy && AddApologies
                ? $"{added.PersonName} added on behalf of {added.OnBehalfOf}, with {added.OnBehalfOf}’s apologies"
                : $"{added.PersonName} added";
        }, $"/panel/meetings/{id}/attendance", "personName", Record(attendeeId), ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid attendeeId, CancellationToken ct)
    {
        await PrepareAsync(id, attendeeId, ct);
        var entry = Entry!;
        Kind = entry.Kind;
        PersonName = entry.PersonName;
        JobTitle = entry.JobTitle;
        OnBehalfOf = entry.OnBehalfOf;
        ChairAgreedDeputy = entry.ChairAgreedDeputy;
        Redacted = entry.Redacted;
        return await SaveAsync(id, async () =>
        {
            var removed = await Meetings.RemoveAttendeeAsync(id, attendeeId, Version, ct);
            return $"{removed.PersonName} removed from the attendance";
        }, $"/panel/meetings/{id}/attendance", "attendeeId", Record(attendeeId), ct);
    }

    private static (string, string, Guid, Func<MeetingView, int?>)? Record(Guid? attendeeId) => attendeeId is { } i
        ? (nameof(MeetingAttendance), "This person’s attendance", i, v => v.Meeting.Attendance.SingleOrDefault(a => a.Id == i)?.Version)
        : null;
}
