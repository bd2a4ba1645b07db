using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Demo;
using SeriousCases.Tests.Support;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Tests.Infrastructure;

/// <summary>Walks every route of the app for every role and for a visitor who has not signed in, and
/// checks each answer against the rule below. A route that is not in the table fails the walk: declare
/// its rule in its feature (a *Feature class or RequireAuthorization) and add it here.</summary>
public sealed class AuthorizationWalkTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private const string Anonymous = nameof(Anonymous);

    /// <summary>"METHOD route pattern" → the policy that guards it (see Policies) or Anonymous.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["GET /"] = Policies.SignedIn,
        ["GET /sign-in"] = Anonymous,
        ["GET /sign-out"] = Anonymous,
        ["GET /access-denied"] = Anonymous,
        ["GET /error/{code:int?}"] = Anonymous,
        ["GET /help/accessibility"] = Anonymous,
        ["GET /help/privacy"] = Anonymous,
        ["GET /help/cookies"] = Anonymous,
        ["GET /referrals"] = Policies.Refer,
        ["GET /referrals/{id:guid}/{question}"] = Policies.Refer,
        ["GET /referrals/{id:guid}/check"] = Policies.Refer,
        ["GET /referrals/{id:guid}/submitted"] = Policies.Refer,
        ["GET /triage"] = Policies.Triage,
        ["GET /triage/{id:guid}"] = Policies.Triage,
        ["GET /investigations"] = Policies.Investigate,
        ["GET /investigations/{id:guid}"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/assign"] = Policies.Triage,
        ["GET /api/v1/investigations/"] = Policies.Investigate,
        ["GET /api/v1/investigations/{id:guid}"] = Policies.Investigate,
        ["POST /api/v1/investigations/{id:guid}/stage"] = Policies.Investigate,
        ["POST /api/v1/investigations/{id:guid}/findings"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/findings/new"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/scrutiny/new"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/family"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/family/new"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/quality-review"] = Policies.Investigate,
        ["GET /investigations/quality"] = Policies.Triage,
        ["GET /api/v1/investigations/{id:guid}/family-contacts"] = Policies.Investigate,
        ["POST /api/v1/investigations/{id:guid}/family-contacts"] = Policies.Investigate,
        ["GET /api/v1/investigations/{id:guid}/quality-reviews"] = Policies.Investigate,
        ["POST /api/v1/investigations/{id:guid}/quality-reviews"] = Policies.Triage,
        ["GET /api/v1/family-engagement/figures"] = Policies.Analyse,
        ["GET /management/family-engagement"] = Policies.Analyse,
        ["GET /api/v1/mi/summary"] = Policies.ManagementInformation,
        ["GET /api/v1/excellence-plan/measures"] = Policies.ManagementInformation,
        ["GET /api/v1/excellence-plan/measures/{id:guid}"] = Policies.ManagementInformation,
        ["GET /management"] = Policies.ManagementInformation,
        ["GET /management/excellence-plan"] = Policies.ManagementInformation,
        ["GET /management/parliament"] = Policies.ManagementInformation,
        ["GET /management/excellence-plan/factors/{id:guid}/values/new"] = Policies.Analyse,
        ["GET /investigations/{id:guid}/journey"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/journey/new"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/evidence"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/evidence/upload"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/evidence/discussions/new"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/evidence/{documentId:guid}"] = Policies.Investigate,
        ["GET /api/v1/investigations/{id:guid}/journey"] = Policies.Investigate,
        ["POST /api/v1/investigations/{id:guid}/journey"] = Policies.Investigate,
        ["GET /api/v1/investigations/{id:guid}/evidence"] = Policies.Investigate,
        ["POST /api/v1/investigations/{id:guid}/evidence/documents"] = Policies.Investigate,
        ["GET /api/v1/investigations/{id:guid}/evidence/documents/{documentId:guid}"] = Policies.Investigate,
        ["POST /api/v1/investigations/{id:guid}/evidence/discussions"] = Policies.Investigate,
        ["GET /iprg"] = Policies.ReviewFindings,
        ["GET /iprg/{id:guid}"] = Policies.ReviewFindings,
        ["GET /iprg/{id:guid}/findings/{findingId:guid}/activities/new"] = Policies.ReviewFindings,
        ["POST /api/v1/findings/{id:guid}/activities"] = Policies.ReviewFindings,
        ["POST /api/v1/investigations/{id:guid}/iprg-review"] = Policies.ReviewFindings,
        ["GET /iprg/sessions"] = Policies.ReviewFindings,
        ["GET /iprg/sessions/new"] = Policies.ReviewFindings,
        ["GET /iprg/sessions/{id:guid}"] = Policies.ReviewFindings,
        ["GET /api/v1/iprg/sessions/"] = Policies.ReviewFindings,
        ["POST /api/v1/iprg/sessions/"] = Policies.ReviewFindings,
        ["GET /api/v1/iprg/sessions/{id:guid}"] = Policies.ReviewFindings,
        ["POST /api/v1/iprg/sessions/{id:guid}/cases"] = Policies.ReviewFindings,
        ["GET /investigations/{id:guid}/summary"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/report"] = Policies.Investigate,
        ["GET /investigations/{id:guid}/report.docx"] = Policies.Investigate,
        ["GET /api/v1/investigations/{id:guid}/report"] = Policies.Investigate,
        ["PUT /api/v1/investigations/{id:guid}/summary"] = Policies.Investigate,
        ["GET /iprg/outcomes"] = Policies.ReviewFindings,
        ["GET /iprg/{id:guid}/outcomes"] = Policies.ReviewFindings,
        ["POST /api/v1/investigations/{id:guid}/learning-outcomes"] = Policies.ReviewFindings,
        ["GET /acs-learning"] = Policies.CaptureAcsLearning,
        ["GET /acs-learning/{id:guid}"] = Policies.CaptureAcsLearning,
        ["GET /actions"] = Policies.ActionRegister,
        ["GET /actions/export.csv"] = Policies.ActionRegister,
        ["GET /actions/{id:guid}"] = Policies.ActionRegister,
        ["GET /actions/{id:guid}/progress"] = Policies.OwnActivities,
        ["GET /actions/{id:guid}/complete"] = Policies.OwnActivities,
        ["GET /actions/{id:guid}/replan"] = Policies.OwnActivities,
        ["GET /actions/{id:guid}/assure"] = Policies.OwnActivities,
        ["GET /actions/{id:guid}/close"] = Policies.OwnActivities,
        ["GET /actions/new"] = Policies.RunPanel,
        ["GET /insight"] = Policies.Insight,
        ["GET /insight/new"] = Policies.Insight,
        ["GET /insight/{id:guid}"] = Policies.Insight,
        ["GET /insight/import"] = Policies.Insight,
        ["GET /admin/audit"] = Policies.Administer,
        ["GET /admin/audit/{sequence:long}"] = Policies.Administer,
        ["GET /admin/reference-data/service-lines"] = Policies.Administer,
        ["GET /admin/reference-data/criteria"] = Policies.Administer,
        ["GET /admin/reference-data/criteria/new"] = Policies.Administer,
        ["GET /admin/reference-data/service-lines/{id:guid}/edit"] = Policies.Administer,
        ["GET /admin/reference-data/themes"] = Policies.Administer,
        ["GET /admin/reference-data/themes/new"] = Policies.Administer,
        ["GET /admin/reference-data/themes/{id:guid}/edit"] = Policies.Administer,
        ["GET /api/v1/actions/"] = Policies.ActionRegister,
        ["POST /api/v1/actions/"] = Policies.ActionRegister,
        ["GET /api/v1/actions/{id:guid}"] = Policies.ActionRegister,
        ["POST /api/v1/actions/{id:guid}/updates"] = Policies.ActionRegister,
        ["POST /api/v1/actions/{id:guid}/complete"] = Policies.ActionRegister,
        ["POST /api/v1/actions/{id:guid}/replan"] = Policies.ActionRegister,
        ["POST /api/v1/actions/{id:guid}/assurance"] = Policies.ActionRegister,
        ["POST /api/v1/actions/{id:guid}/close"] = Policies.ActionRegister,
        ["GET /admin/reference-data/escalation"] = Policies.Administer,
        ["GET /admin/reference-data/escalation/{id:guid}/edit"] = Policies.Administer,
        ["GET /notifications"] = Policies.SignedIn,
        ["GET /api/v1/themes/"] = Policies.SignedIn,
        ["POST /api/v1/themes/"] = Policies.Administer,
        ["GET /themes"] = Policies.Themes,
        ["GET /themes/{id:guid}"] = Policies.Themes,
        ["GET /api/v1/themes/{id:guid}/series"] = Policies.Themes,
        ["GET /api/v1/findings/{id:guid}/similar"] = Policies.Analyse,
        ["GET /themes/recurrences"] = Policies.Themes,
        ["GET /themes/findings/{id:guid}"] = Policies.Themes,
        ["GET /api/v1/me"] = Policies.SignedIn,
        ["GET /api/v1/service-lines/"] = Policies.SignedIn,
        ["GET /api/v1/service-lines/{id:guid}"] = Policies.SignedIn,
        ["PUT /api/v1/service-lines/{id:guid}"] = Policies.Administer,
        ["POST /api/v1/referrals/"] = Policies.Refer,
        ["GET /api/v1/referrals/{id:guid}"] = Policies.Refer,
        ["POST /api/v1/referrals/{id:guid}/decision"] = Policies.Triage,
        ["POST /api/v1/insight/"] = Policies.Insight,
        ["GET /api/v1/insight/"] = Policies.Insight,
        ["GET /api/v1/insight/{id:guid}"] = Policies.Insight,
        ["POST /api/v1/insight/imports"] = Policies.Insight,
        ["GET /actions/papers/actions-update"] = Policies.RunPanel,
        ["GET /actions/papers/actions-update.docx"] = Policies.RunPanel,
        ["GET /actions/papers/ministers-update"] = Policies.ViewPanel,
        ["GET /actions/papers/ministers-update.docx"] = Policies.ViewPanel,
        ["GET /admin/reference-data/owner-teams"] = Policies.Administer,
        ["GET /admin/reference-data/owner-teams/{id:guid}/move"] = Policies.Administer,
        ["POST /api/v1/owner-teams/{id:guid}/transfer"] = Policies.Administer,
        ["GET /admin/retention"] = Policies.Administer,
        ["GET /admin/retention/dry-run"] = Policies.Administer,
        ["GET /admin/retention/subject-access"] = Policies.Administer,
        ["GET /admin/retention/holds"] = Policies.ManageLegalHolds,
        ["GET /admin/retention/holds/new"] = Policies.ManageLegalHolds,
        ["GET /admin/retention/holds/{id:guid}/lift"] = Policies.ManageLegalHolds,
        ["GET /api/v1/retention/dry-run"] = Policies.Administer,
        ["GET /api/v1/legal-holds/"] = Policies.ManageLegalHolds,
        ["POST /api/v1/legal-holds/"] = Policies.ManageLegalHolds,
        ["POST /api/v1/legal-holds/{id:guid}/lift"] = Policies.ManageLegalHolds,
        ["GET /panel/terms-of-reference"] = Policies.ViewPanel,
        ["GET /panel/terms-of-reference/{id:guid}"] = Policies.ViewPanel,
        ["GET /panel/terms-of-reference/compare"] = Policies.ViewPanel,
        ["GET /panel/terms-of-reference/new"] = Policies.RunPanel,
        ["GET /panel/membership"] = Policies.ViewPanel,
        ["GET /panel/membership/new"] = Policies.RunPanel,
        ["GET /panel/membership/{id:guid}/end"] = Policies.RunPanel,
        ["GET /api/v1/panel/terms-of-reference"] = Policies.ViewPanel,
        ["GET /api/v1/panel/membership"] = Policies.ViewPanel,
        ["GET /panel/meetings/{id:guid}/minutes"] = Policies.ViewPanel,
        ["GET /panel/meetings/{id:guid}/minutes/edit"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}/minutes/agree"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}/minutes/circulate"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}/minutes/redact"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}/minutes/publish"] = Policies.RunPanel,
        ["GET /minutes"] = Anonymous,
        ["GET /minutes/{meetingDate}"] = Anonymous,
        ["GET /minutes/{meetingDate}.docx"] = Anonymous,
        ["GET /minutes/{meetingDate}.html"] = Anonymous,
        ["GET /panel"] = Policies.ViewPanel,
        ["GET /panel/meetings/new"] = Policies.RunPanel,
        ["GET /panel/meetings/plan"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}"] = Policies.ViewPanel,
        ["GET /panel/meetings/{id:guid}/edit"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}/held"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}/agenda"] = Policies.ViewPanel,
        ["GET /panel/meetings/{id:guid}/agenda-item/{itemId:guid?}"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}/paper/{paperId:guid?}"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}/paper/{paperId:guid}/circulated"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}/attendance"] = Policies.ViewPanel,
        ["GET /panel/meetings/{id:guid}/attendee/{attendeeId:guid?}"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}/decisions"] = Policies.ViewPanel,
        ["GET /panel/meetings/{id:guid}/decisions/new"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}/action-points/new"] = Policies.RunPanel,
        ["GET /panel/meetings/{id:guid}/recommendations/new"] = Policies.RunPanel,
        ["GET /api/v1/panel/meetings/"] = Policies.ViewPanel,
        ["GET /api/v1/panel/meetings/{id:guid}"] = Policies.ViewPanel,
        ["GET /api/v1/panel/meetings/{id:guid}/decisions/{number:int}"] = Policies.ViewPanel,
        ["POST /api/v1/panel/meetings/{id:guid}/decisions"] = Policies.RunPanel,
        ["POST /api/v1/panel/meetings/{id:guid}/action-points"] = Policies.RunPanel,
        ["GET /publication"] = Policies.Analyse,
        ["GET /publication/{id:guid}"] = Policies.Analyse,
        ["GET /publication/{id:guid}/text"] = Policies.Analyse,
        ["GET /publication/{id:guid}/download/{format}"] = Policies.Analyse,
        ["GET /publications"] = Anonymous,
        ["GET /publications/{year}"] = Anonymous,
        ["GET /publications/{year}/download/{format}"] = Anonymous,
        ["GET /api/v1/publications/"] = Policies.Analyse,
        ["GET /api/v1/publications/{year}/publication.json"] = Policies.Analyse,
        ["GET /openapi/{documentName}.json"] = Anonymous,
        ["GET /health"] = Anonymous,
    };

    private IReadOnlyList<(string Key, string Method, string Url)> Routes()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new List<(string, string, string)>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            // Razor pages answer GET (their POST handlers sit behind the same page rule).
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                routes.Add(($"{method} {pattern}", method, Fill(endpoint.RoutePattern)));
            }
        }

        return routes.Distinct().ToList();
    }

    private static string Fill(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Resilience.RouteWalk.SampleValues.TryGetValue(parameter.Name, out var value)
                ? value
                : throw new InvalidOperationException($"Add a sample value for route parameter {{{parameter.Name}}} to the walk."),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    [Fact]
    public void Every_route_has_a_declared_rule()
    {
        var routes = Routes().Select(r => r.Key).ToHashSet();
        var unclassified = routes.Where(r => !Expected.ContainsKey(r)).Order().ToList();
        var stale = Expected.Keys.Where(k => !routes.Contains(k)).Order().ToList();
        Assert.True(unclassified.Count == 0,
            "These routes have no rule in the authorization walk. Declare who may use them in their feature, then add them to AuthorizationWalkTests.Expected: "
            + string.Join(", ", unclassified));
        Assert.True(stale.Count == 0, "These routes no longer exist; remove them from AuthorizationWalkTests.Expected: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_route_allows_exactly_the_roles_its_rule_names()
    {
        var callers = new List<(string Name, IReadOnlySet<string> Roles, HttpClient Client)> { ("anonymous", new HashSet<string>(), app.CreateBrowserlessClient()) };
        foreach (var user in DemoUsers.All)
        {
            callers.Add((user.Email, new HashSet<string> { user.Role }, await app.SignInAsync(user.Email)));
        }

        var failures = new List<string>();
        foreach (var (key, method, url) in Routes().Where(r => Expected.ContainsKey(r.Key)))
        {
            var rule = Expected[key];
            foreach (var (name, roles, client) in callers)
            {
                var shouldAllow = rule == Anonymous || (roles.Count > 0 && Policies.RolesByPolicy[rule].Any(roles.Contains));
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "PUT" or "POST")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                var response = await client.SendAsync(request);
                var denied = IsDenied(response);
                if (denied == shouldAllow)
                {
                    failures.Add($"{key} as {name}: expected {(shouldAllow ? "allowed" : "denied")}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } location
            && (location.Contains("/sign-in", StringComparison.Ordinal) || location.Contains("/access-denied", StringComparison.Ordinal)));
}
