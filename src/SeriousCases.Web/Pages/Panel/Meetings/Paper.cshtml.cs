using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Panel;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>Adds a paper (the service numbers it) or changes one.</summary>
public sealed class PaperModel(PanelMeetingService meetings, ThemeService themes) : MeetingFormModel(meetings)
{
    [BindProperty(Name = "title")] public string? PaperTitle { get; set; }
    [BindProperty(Name = "presenter")] public string? Presenter { get; set; }
    [BindProperty(Name = "themeId")] public Guid? ThemeId { get; set; }
    public DateFields CirculatedOn { get; private set; } = DateFields.Empty;

    public Guid? PaperId { get; private set; }

    public PanelPaper? Paper => PaperId is { } id ? View.Meeting.Papers.SingleOrDefault(p => p.Id == id) : null;

    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    private async Task PrepareAsync(Guid id, Guid? paperId, CancellationToken ct)
    {
        PaperId = paperId;
        await LoadAsync(id, ct);
        if (paperId is not null && Paper is null)
        {
            throw new Core.Common.RecordNotFoundException("The paper");
        }

        Themes = [.. (await themes.ListAsync(ct)).Where(t => t.IsActive || t.Id == Paper?.ThemeId || t.Id == ThemeId)];
    }

    public async Task OnGetAsync(Guid id, Guid? paperId, CancellationToken ct)
    {
        await PrepareAsync(id, paperId, ct);
        if (Paper is { } p)
        {
            Version = p.Version;
            PaperTitle = p.Title;
            Presenter = p.Presenter;
            ThemeId = p.ThemeId;
            CirculatedOn = DateFields.Of(p.CirculatedOn);
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? paperId, CancellationToken ct)
    {
        await PrepareAsync(id, paperId, ct);
        ModelState.Remove("themeId");
        CirculatedOn = DateInput.Read(k => Request.Form[k], "circulatedOn");
        var circulated = DateInput.Parse(ModelState, "circulatedOn", "The date the paper was circulated", CirculatedOn);
        var input = new PaperInput(PaperTitle, Presenter, ThemeId, circulated);
        return await SaveAsync(id, async () =>
        {
            if (!ModelState.IsValid)
            {
                // The boxes made no date: nothing is stored while the page says what was wrong with them.
                throw new Core.Common.DomainValidationException("circulatedOn", "The date the paper was circulated must be a real date");
            }

            if (paperId is { } existing)
            {
                var p = await Meetings.UpdatePaperAsync(id, existing, Version, input, ct);
                return $"Paper {p.Number} saved";
            }

            var added = await Meetings.AddPaperAsync(id, input, ct);
            return $"Paper {added.Number}, {added.Title}, added";
        }, $"/panel/meetings/{id}/agenda", "title", paperId is { } pid
            ? (nameof(PanelPaper), "The paper", pid, v => v.Meeting.Papers.SingleOrDefault(p => p.Id == pid)?.Version)
            : null, ct);
    }
}
