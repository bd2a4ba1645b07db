using System.Globalization;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Management;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Management;

/// <summary>Management information for other systems: a stable summary whose names are a contract.</summary>
public static class ManagementEndpoints
{
    public static RouteGroupBuilder MapManagementApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/mi/summary", async (string? from, string? to, string? serviceLine, ManagementFiguresCache figures, TimeProvider clock, CancellationToken ct) =>
            {
                var filter = ReadFilter(from, to, serviceLine, clock);
                return (await figures.FiguresAsync(filter, ct)).Summary;
            })
            .RequireAuthorization(Policies.ManagementInformation)
            .WithTags("Management information")
            .WithName("ManagementSummary")
            .WithSummary("Counts for the period from..to (YYYY-MM-DD, both included; the current April to March reporting year by default) and an optional "
                + "serviceLine code: referralsReceived, referralsAccepted, iprsCompleted, iprsWithLearning, activitiesAgreed, activitiesCompletedOnTime "
                + "(assured complete by the latest due date), activitiesOverdue (at the end of the period, or today if sooner), familiesContacted (IPRs), "
                + "apologiesGiven. No personal data.");
        return v1;
    }

    /// <summary>The period and service line as sent, checked; a wrong date is a 400 naming the field.</summary>
    public static ManagementFilter ReadFilter(string? from, string? to, string? serviceLine, TimeProvider clock)
    {
        var year = ReportingYear.Containing(UkTime.Today(clock));
        var errors = new ValidationErrors();
        var fromDate = ReadDate(from, "from", year.From, errors);
        var toDate = ReadDate(to, "to", year.To, errors);
        errors.ThrowIfAny();
        return new ManagementFilter(fromDate, toDate, string.IsNullOrWhiteSpace(serviceLine) ? null : serviceLine.Trim());
    }

    private static DateOnly ReadDate(string? value, string field, DateOnly fallback, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"{field} must be a real date written YYYY-MM-DD, for example 2026-04-01");
        return fallback;
    }
}
