using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Web.Pages.Shared;

/// <summary>The model of <c>_OwnerTeamSelect</c>: a select of the active owner teams (reference data), the same on every
/// form that gives work to a team. The value sent is the team's short name.</summary>
public sealed record OwnerTeamSelectView(
    string Name, string Label, string Hint, IReadOnlyList<OwnerTeam> Teams, string? Selected, string? Error, string LabelClass = "govuk-label--m");

/// <summary>The model of <c>_OwnerTeamCheckboxes</c>: the active owner teams as small checkboxes (contributing teams).</summary>
public sealed record OwnerTeamCheckboxesView(string Name, string Legend, string Hint, IReadOnlyList<OwnerTeam> Teams, IReadOnlyCollection<string> Selected, string? Error);
