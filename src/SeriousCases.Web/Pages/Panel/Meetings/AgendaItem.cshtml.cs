using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Panel;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>Adds an agenda item, or changes, moves or removes one (moving and removing only while the meeting is planned).</summary>
public sealed class AgendaItemModel(PanelMeetingService meetings, ThemeService themes) : MeetingFormModel(meetings)
{
    [BindProperty(Name = "kind")] public AgendaItemKind? Kind { get; set; }
    [BindProperty(Name = "title")] public string? ItemTitle { get; set; }
    [BindProperty(Name = "themeId")] public Guid? ThemeId { get; set; }

    public Guid? ItemId { get; private set; }

    public AgendaItem? Item => ItemId is { } id ? View.Meeting.AgendaItems.SingleOrDefault(a => a.Id == id) : null;

    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    private async Task PrepareAsync(Guid id, Guid? itemId, CancellationToken ct)
    {
        ItemId = itemId;
        await LoadAsync(id, ct);
        if (itemId is not null && Item is null)
        {
            throw new Core.Common.RecordNotFoundException("The agenda item");
        }

        Themes = [.. (await themes.ListAsync(ct)).Where(t => t.IsActive || t.Id == Item?.ThemeId || t.Id == ThemeId)];
    }

    public async Task OnGetAsync(Guid id, Guid? itemId, CancellationToken ct)
    {
        await PrepareAsync(id, itemId, ct);
        if (Item is { } a)
        {
            Version = a.Version;
            Kind = a.Kind;
            ItemTitle = a.Title;
            ThemeId = a.ThemeId;
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? itemId, CancellationToken ct)
    {
        await PrepareAsync(id, itemId, ct);
        ModelState.Remove("kind");
        ModelState.Remove("themeId");
        var input = new AgendaItemInput(Kind, ItemTitle, ThemeId);
        return await SaveAsync(id, async () =>
        {
            if (itemId is { } existing)
            {
                var a = await Meetings.UpdateAgendaItemAsync(id, existing, Version, input, ct);
                return $"Item {a.Number} saved";
            }

            var added = await Meetings.AddAgendaItemAsync(id, input, ct);
            return $"Item {added.Number}, {added.Title}, added to the agenda";
        }, Back(id), "kind", Record(id, itemId), ct);
    }

    public Task<IActionResult> OnPostMoveUpAsync(Guid id, Guid itemId, CancellationToken ct) => MoveAsync(id, itemId, true, ct);

    public Task<IActionResult> OnPostMoveDownAsync(Guid id, Guid itemId, CancellationToken ct) => MoveAsync(id, itemId, false, ct);

    private async Task<IActionResult> MoveAsync(Guid id, Guid itemId, bool up, CancellationToken ct)
    {
        await PrepareAsync(id, itemId, ct);
        var number = Item!.Number;
        Kind = Item.Kind;
        ItemTitle = Item.Title;
        ThemeId = Item.ThemeId;
        return await SaveAsync(id, async () =>
        {
            await Meetings.MoveAgendaItemAsync(id, itemId, Version, up, ct);
            return $"Item {number} moved {(up ? "up" : "down")}";
        }, Back(id), "itemId", Record(id, itemId), ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        await PrepareAsync(id, itemId, ct);
        var item = Item!;
        return await SaveAsync(id, async () =>
        {
            await Meetings.RemoveAgendaItemAsync(id, itemId, Version, ct);
            return $"Item {item.Number}, {item.Title}, removed from the agenda";
        }, Back(id), "itemId", Record(id, itemId), ct);
    }

    private static string Back(Guid id) => $"/panel/meetings/{id}/agenda";

    private static (string, string, Guid, Func<MeetingView, int?>)? Record(Guid id, Guid? itemId) => itemId is { } i
        ? (nameof(AgendaItem), "The agenda item", i, v => v.Meeting.AgendaItems.SingleOrDefault(a => a.Id == i)?.Version)
        : null;
}
