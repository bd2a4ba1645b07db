using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Panel;

public sealed record TermsOfReferenceResponse(Guid Id, string Title, DateOnly ApprovedOn, DateOnly ReviewDueOn, bool IsCurrent, string Text);

public sealed record PanelMemberResponse(Guid Id, PanelRole Role, string RoleName, string PersonName, string JobTitle, DateOnly From, DateOnly? To);

public sealed record PanelMembershipResponse(DateOnly On, IReadOnlyList<PanelMemberResponse> Members);

/// <summary>The Panel's Terms of Reference (every version) and its membership on a date, for Panel members and the
/// secretariat. The text keeps its line format: "## " headings, "- " bullets, one paragraph per line.</summary>
public static class TermsOfReferenceEndpoints
{
    public static RouteGroupBuilder MapTermsOfReferenceApi(this RouteGroupBuilder v1)
    {
        var panel = v1.MapGroup("/panel").WithTags("Serious Case Panel").RequireAuthorization(Policies.ViewPanel);
        panel.MapGet("/terms-of-reference", async (TermsOfReferenceService service, CancellationToken ct) =>
                (await service.ListAsync(ct)).Select(v => new TermsOfReferenceResponse(v.Id, v.Title, v.ApprovedOn, v.ReviewDueOn, v.IsCurrent, v.Text)).ToList())
            .WithName("ListTermsOfReference")
            .WithSummary("Every version of the Panel's Terms of Reference, newest approval first: id, title, approvedOn, reviewDueOn, isCurrent (the version in force today) and text (\"## \" headings, \"- \" bullets, one paragraph per line).");

        panel.MapGet("/membership", async (DateOnly? on, PanelMembershipService service, TimeProvider clock, CancellationToken ct) =>
            {
                var date = on ?? UkTime.Today(clock);
                var members = await service.OnAsync(date, ct);
                return new PanelMembershipResponse(date, [.. members.Select(m =>
                    new PanelMemberResponse(m.Id, m.Role, PanelMembershipRules.Describe(m.Role), m.PersonName, m.JobTitle, m.From, m.To))]);
            })
            .WithName("GetPanelMembership")
            .WithSummary("The Panel's members on a date (on=yyyy-MM-dd, today by default), by role: role (Chair, PermanentSecretary, DirectorGeneral, IndependentCaseExaminer, LegalAdviser, ChiefMedicalAdviser), roleName, personName, jobTitle, from, to.");
        return v1;
    }
}
