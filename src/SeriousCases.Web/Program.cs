using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Serilog;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Api;
using SeriousCases.Web.Infrastructure.Auditing;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.Authorization;
using SeriousCases.Web.Infrastructure.Benchmarking;
using SeriousCases.Web.Infrastructure.Logging;
using SeriousCases.Web.Infrastructure.Navigation;
using SeriousCases.Web.Infrastructure.Problems;
using SeriousCases.Web.Infrastructure.Scheduling;
using SeriousCases.Web.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(args);

// Structured logs with the request's correlation id; never personal data (only ids and references).
builder.Host.UseSerilog((context, config) => config
    .ReadFrom.Configuration(context.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"));

builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
builder.Services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
builder.Services.Configure<FormOptions>(o => o.ValueLengthLimit = 64 * 1024);

builder.Services.AddSeriousCasesDatabase(builder.Configuration);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<IAuditActor, HttpAuditActor>();
builder.Services.AddScoped<DatabaseInitializer>();
builder.Services.AddScoped<AuditChainVerifier>();
builder.Services.AddBenchmarkReferences(builder.Configuration);
builder.Services.AddScoped<ServiceLineService>();
builder.Services.AddScoped<ThemeService>();
builder.Services.AddScoped<SeriousCases.Core.Actions.ActionRegisterService>();
builder.Services.AddScoped<SeriousCases.Core.Panel.PanelOutcomeService>();
builder.Services.AddScoped<SeriousCases.Core.Actions.PanelPapersService>();
builder.Services.AddScoped<SeriousCases.Core.Actions.OwnerTransferService>();
builder.Services.AddScoped<SeriousCases.Core.Actions.SavedViewService>();
builder.Services.AddScoped<SeriousCases.Core.Actions.EscalationService>();
builder.Services.AddScoped<SeriousCases.Core.Notifications.NotificationSender>();
builder.Services.AddScoped<SeriousCases.Core.Notifications.NotificationInbox>();
builder.Services.AddScoped<SeriousCases.Core.Actions.EscalationLadderService>();
builder.Services.AddScoped<SeriousCases.Core.Panel.TermsOfReferenceService>();
builder.Services.AddScoped<SeriousCases.Core.Panel.PanelMembershipService>();
builder.Services.AddScoped<SeriousCases.Core.Referrals.ReferralService>();
builder.Services.AddScoped<SeriousCases.Core.Referrals.Criteria.CriteriaVersionService>();
builder.Services.AddScoped<SeriousCases.Core.Insight.InsightService>();
builder.Services.AddScoped<SeriousCases.Core.Investigations.InvestigationService>();
builder.Services.AddScoped<SeriousCases.Core.Investigations.FamilyEngagementService>();
builder.Services.AddScoped<SeriousCases.Core.Management.ManagementService>();
builder.Services.AddSingleton<SeriousCases.Core.Management.ManagementFiguresCache>();
builder.Services.AddScoped<SeriousCases.Core.Management.ExcellencePlanService>();
builder.Services.AddScoped<SeriousCases.Core.Management.ParliamentReportService>();
builder.Services.AddScoped<SeriousCases.Core.Investigations.QualityReviewService>();
builder.Services.AddScoped<SeriousCases.Core.Investigations.CustomerJourneyService>();
builder.Services.AddScoped<SeriousCases.Core.Investigations.EvidenceService>();
builder.Services.AddScoped<SeriousCases.Core.Iprg.IprgService>();
builder.Services.AddScoped<SeriousCases.Core.Iprg.IprgSessionService>();
builder.Services.AddScoped<SeriousCases.Core.Investigations.IprReportService>();
builder.Services.AddScoped<SeriousCases.Core.Iprg.LearningOutcomeService>();
builder.Services.AddScoped<SeriousCases.Core.Panel.Minutes.MinutesService>();
builder.Services.AddScoped<SeriousCases.Core.Panel.PanelMeetingService>();
builder.Services.AddScoped<SeriousCases.Core.Insight.InsightImporter>();
builder.Services.AddScoped<SeriousCases.Core.Retention.RetentionService>();
builder.Services.AddScoped<SeriousCases.Core.Retention.LegalHoldService>();
builder.Services.AddScoped<SeriousCases.Core.Retention.SubjectAccessService>();
builder.Services.AddOptions<SeriousCases.Core.Publication.PublicationOptions>()
    .Bind(builder.Configuration.GetSection(SeriousCases.Core.Publication.PublicationOptions.Section))
    .Validate(o => o.SmallNumberThreshold is >= 1 and <= 100, "Publication:SmallNumberThreshold must be a whole number from 1 to 100.")
    .ValidateOnStart();
builder.Services.AddScoped<SeriousCases.Core.Publication.PublicationBuilder>();
builder.Services.AddScoped<SeriousCases.Core.Publication.EditionService>();
builder.Services.AddScoped<SeriousCases.Core.Themes.ThemeInsightService>();
builder.Services.AddSingleton<SeriousCases.Core.Themes.ThemeOverviewCache>();
builder.Services.AddScoped<SeriousCases.Core.Themes.RepeatLearningService>();
builder.Services.AddSingleton<SeriousCases.Core.Themes.FindingTextIndex>();
builder.Services.AddSingleton<SeriousCases.Core.Themes.ThemeClassifier>();
builder.Services.AddScoped<SeriousCases.Core.Themes.ThemeClassifierService>();
builder.Services.AddScoped<SeriousCases.Web.Pages.Home.IAttentionSource, SeriousCases.Web.Pages.Triage.TriageAttention>();
builder.Services.AddScoped<SeriousCases.Web.Pages.Home.IAttentionSource, SeriousCases.Web.Pages.AcsLearning.AcsLearningAttention>();
builder.Services.AddScoped<SeriousCases.Web.Pages.Home.IAttentionSource, SeriousCases.Web.Pages.Investigations.CaseloadAttention>();
builder.Services.AddScoped<SeriousCases.Web.Pages.Home.IAttentionSource, SeriousCases.Web.Pages.Iprg.IprgAttention>();
builder.Services.AddScoped<SeriousCases.Web.Pages.Home.IAttentionSource, SeriousCases.Web.Pages.Investigations.QualityReviewAttention>();
builder.Services.AddScoped<SeriousCases.Web.Pages.Home.IAttentionSource, SeriousCases.Web.Pages.Panel.TermsOfReference.TermsOfReferenceAttention>();
builder.Services.AddScoped<SeriousCases.Web.Pages.Home.IAttentionSource, SeriousCases.Web.Pages.Panel.Meetings.MinutesAttention>();
builder.Services.AddScoped<SeriousCases.Web.Pages.Home.IAttentionSource, SeriousCases.Web.Pages.Panel.MeetingsAttention>();
builder.Services.AddScoped<ServiceNavigation>();
builder.Services.AddMemoryCache();
builder.Services.AddServiceScheduling(builder.Configuration);
builder.Services.AddServiceAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddAuthorization(o => o.AddServicePolicies());
// One key ring in the database for every copy of the service: a cookie or antiforgery token made by one copy is
// accepted by the others. The application name keeps the keys' purpose the same wherever a copy is installed.
builder.Services.AddDataProtection()
    .SetApplicationName("SeriousCaseLearning")
    .PersistKeysToDbContext<SeriousCasesDbContext>();
builder.Services.AddServiceRateLimiting(builder.Configuration);
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "scl-af";
    o.Cookie.SecurePolicy = CookieSecurity.Policy(builder.Environment);
    o.FormFieldName = "__RequestVerificationToken";
});
builder.Services.AddRazorPages(o =>
{
    // Razor Pages validate antiforgery tokens on every POST by default.
    FeatureAccessRegistry.ApplyAll(o.Conventions);
    o.Conventions.AddBenchmarkPageRoutes(builder.Configuration);
}).AddMvcOptions(o => o.Filters.Add(new RecordNotFoundPageFilter()));
builder.Services.AddProblemDetails();
// Unreadable API input is answered the same way in every environment, by DomainExceptionHandler.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<DomainExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
    o.SerializerOptions.Converters.Add(new NulRefusingStringConverter());
});
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddDbContextCheck<SeriousCasesDbContext>("database");
builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
builder.Services.Configure<ForwardedHeadersOptions>(o =>
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
    await initializer.MigrateAsync();
    if (app.Services.GetRequiredService<DemoSettings>() is { Enabled: true, SeedWhenEmpty: true })
    {
        await initializer.SeedDemoIfEmptyAsync();
    }
}

app.UseForwardedHeaders();
app.UseCorrelationId();
// The API answers errors with RFC 9457 problem details; pages with GOV.UK error pages.
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages =>
{
    pages.UseExceptionHandler("/error");
    pages.UseStatusCodePagesWithReExecute("/error/{0}");
});
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseRequestLimits();
app.UseStaticFiles();
app.UseSerilogRequestLogging(o => o.GetLevel = (ctx, _, ex) =>
    ex is not null || ctx.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error : Serilog.Events.LogEventLevel.Debug);
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapRazorPages();
app.MapServiceApi();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapBenchmarkReferences();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
