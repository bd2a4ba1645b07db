using Microsoft.AspNetCore.Html;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>An agreed activity's status as a GOV.UK tag, coloured the same wherever a case shows it.</summary>
public static class ActivityTag
{
    public static IHtmlContent For(ActivityStatus status) => GovUk.Tag(new()
    {
        Text = ActivityProgress.Describe(status),
        Classes = status switch
        {
            ActivityStatus.NotStarted => "govuk-tag--grey",
            ActivityStatus.InProgress => "govuk-tag--blue",
            ActivityStatus.Complete => "govuk-tag--green",
            _ => "govuk-tag--orange",
        },
    });
}

/// <summary>The model of <c>_ReportActivities</c>: a table of agreed activities and its caption.</summary>
public sealed record ReportActivitiesView(IReadOnlyList<ReportActivity> Activities, string Caption);
