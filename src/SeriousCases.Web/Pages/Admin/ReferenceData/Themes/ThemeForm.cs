namespace SeriousCases.Web.Pages.Admin.ReferenceData.Themes;

/// <summary>The values shown in <c>_ThemeFields</c>. The name's error is hidden while a conflict is shown instead.</summary>
public sealed record ThemeForm(string? Name, string? Description, bool IsActive, bool HideNameError = false);
