using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>The secretariat adds an activity that does not come from an IPR: a Panel recommendation, action point or
/// decision's work, learning an ACS Senior Leader captured, or a commitment made to Parliament or the NAO.</summary>
public sealed class NewModel(ActionRegisterService register, SeriousCasesDbContext db) : PageModel
{
    [BindProperty(Name = "origin")] public ActivityOrigin? Origin { get; set; }
    [BindProperty(Name = "text")] public string? Text { get; set; }
    [BindProperty(Name = "owner")] public string? Owner { get; set; }
    [BindProperty(Name = "contributors")] public List<string> Contributors { get; set; } = [];
    [BindProperty(Name = "serviceLine")] public string? ServiceLine { get; set; }
    [BindProperty(Name = "directorGeneral")] public string? DirectorGeneral { get; set; }
    [BindProperty(Name = "responsiblePerson")] public string? ResponsiblePerson { get; set; }
    [BindProperty(Name = "priority")] public ActivityPriority? Priority { get; set; }
    [BindProperty(Name = "decisionNumber")] public string? DecisionNumber { get; set; }
    [BindProperty(Name = "referralReference")] public string? ReferralReference { get; set; }
    [BindProperty(Name = "originDescription")] public string? OriginDescription { get; set; }
    public DateFields DueOn { get; private set; } = DateFields.Empty;
    /// <summary>The meeting chosen in the revealed part of the selected origin (each Panel origin has its own list).</summary>
    public string? MeetingOn { get; private set; }

    public IReadOnlyList<OwnerTeam> Owners { get; private set; } = [];
    public IReadOnlyList<ServiceLine> Lines { get; private set; } = [];
    public IReadOnlyList<DateOnly> Meetings { get; private set; } = [];

    public static readonly ActivityOrigin[] Origins =
    [
        ActivityOrigin.PanelRecommendation, ActivityOrigin.PanelActionPoint, ActivityOrigin.PanelDecisionWork,
        ActivityOrigin.AcsSeniorLeaderLearning, ActivityOrigin.ParliamentOrNaoCommitment,
    ];

    public static bool IsPanel(ActivityOrigin origin) =>
        origin is ActivityOrigin.PanelRecommendation or ActivityOrigin.PanelActionPoint or ActivityOrigin.PanelDecisionWork;

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Priority = ActivityPriority.Medium;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // An origin outside the list binds as nothing: the service asks for one.
        ModelState.Remove("origin");
        ModelState.Remove("priority");
        DueOn = DateInput.Read(k => Request.Form[k], "dueOn");
        var due = DateInput.Parse(ModelState, "dueOn", "The due date", DueOn);
        DateOnly? meeting = null;
        if (Origin is { } o && IsPanel(o))
        {
            MeetingOn = Request.Form[$"meetingOn-{o}"].ToString();
            meeting = DateOnly.TryParseExact(MeetingOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : null;
        }

        int? decision = null;
        if (Origin == ActivityOrigin.PanelDecisionWork && !string.IsNullOrWhiteSpace(DecisionNumber))
        {
            if (int.TryParse(DecisionNumber.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                decision = n;
            }
            else
            {
                ModelState.AddModelError("decisionNumber", "The decision number must be a number, like 4");
            }
        }

        try
        {
            var created = await register.CreateAsync(new NewActivityInput
            {
                Origin = Origin,
                Text = Text,
                Owner = Owner,
                Contributors = Contributors,
                ServiceLine = ServiceLine,
                ResponsiblePerson = ResponsiblePerson,
                DirectorGeneral = DirectorGeneral,
                DueOn = due,
                Priority = Priority,
                MeetingOn = meeting,
                DecisionNumber = decision,
                ReferralReference = Origin == ActivityOrigin.AcsSeniorLeaderLearning ? ReferralReference : null,
                OriginDescription = Origin == ActivityOrigin.ParliamentOrNaoCommitment ? OriginDescription : null,
            }, User.RegisterUser(), ct);
            if (ModelState.IsValid)
            {
                TempData["Saved"] = $"{created.Reference} added to the register";
                return Redirect($"/actions/{created.Id}");
            }
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Owners = await db.OwnerTeams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.ShortName).ToListAsync(ct);
        Lines = await db.ServiceLines.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(ct);
        Meetings = await db.PanelMeetings.AsNoTracking().OrderByDescending(m => m.MeetingOn).Select(m => m.MeetingOn).ToListAsync(ct);
    }

    /// <summary>Where the error summary sends the user for each field.</summary>
    public string Anchor(string key) => key switch
    {
        "origin" => $"origin-{Origins[0]}",
        "dueOn" => "dueOn-day",
        "meetingOn" => $"meetingOn-{Origin}",
        "contributors" => "contributors-0",
        "priority" => "priority-High",
        _ => key,
    };

    public static readonly string[] FieldOrder =
        ["origin", "meetingOn", "decisionNumber", "referralReference", "originDescription", "text", "owner", "contributors", "directorGeneral", "serviceLine", "dueOn", "priority", "responsiblePerson"];
}
