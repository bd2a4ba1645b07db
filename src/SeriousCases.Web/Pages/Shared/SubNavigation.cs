namespace SeriousCases.Web.Pages.Shared;

public sealed record SubNavigationLink(string Text, string Href, bool Current);

/// <summary>The MOJ sub navigation of one record's pages (an IPR, a Panel meeting), rendered by <c>_SubNavigation</c>.</summary>
public sealed record SubNavigation(string Label, IReadOnlyList<SubNavigationLink> Links);
