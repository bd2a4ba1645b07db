using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Identity;

namespace SeriousCases.Web.Pages.Home;

public sealed record AttentionItem(string Text, string Href);

public sealed record RoleSection(string Role, string RoleName, IReadOnlyList<AttentionItem> Items);

/// <summary>Home page: for each role the user holds, what needs their attention. Later features add
/// their items through <see cref="IAttentionSource"/>.</summary>
public sealed class HomeModel(IEnumerable<IAttentionSource> sources) : PageModel
{
    public string DisplayName => User.Identity?.Name ?? "";

    public List<RoleSection> Sections { get; } = [];

    public async Task OnGetAsync()
    {
        foreach (var role in Roles.All.Where(User.IsInRole))
        {
            var items = new List<AttentionItem>();
            foreach (var source in sources.Where(s => s.Role == role))
            {
                items.AddRange(await source.GetAsync(User, HttpContext.RequestAborted));
            }

            Sections.Add(new RoleSection(role, Roles.DisplayName(role), items));
        }
    }
}

/// <summary>Something a role should act on, shown on the home page (registered by each feature).</summary>
public interface IAttentionSource
{
    string Role { get; }

    Task<IReadOnlyList<AttentionItem>> GetAsync(ClaimsPrincipal user, CancellationToken ct);
}
