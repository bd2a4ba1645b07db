using Bogus;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Panel;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Demo;

/// <summary>Loads the demo: reference data, one user per role, and the department's public material
/// (seeds 000, 001 and 004). Published text is kept as published; customers, referrers and dates are
/// invented from a fixed seed, so every run loads the same fictional people.</summary>
public sealed class DemoDataSeeder(SeriousCasesDbContext db, TimeProvider? clock = null)
{
    private const int FakerSeed = 20230331;


    /// <summary>True when the database holds no users yet (a fresh database).</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) => !await db.Users.AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await ReferenceDataSeeder.SeedAsync(db, ct);
        var users = DemoUsers.Create().ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync(ct);

        var lines = await db.ServiceLines.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var teams = await db.OwnerTeams.ToDictionaryAsync(t => t.ShortName, t => t.Id, ct);
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, ct);

        // The demo activity owner works for Universal Credit operations: the register shows them UC's activities.
        db.OwnerTeamMembers.Add(new OwnerTeamMember { OwnerTeamId = teams["UC"], UserId = users.Single(u => u.Email == "owner@demo.test").Id });
        var referrer = users.Single(u => u.Roles.Any(r => r.Role == Roles.Referrer));
        var investigator = users.Single(u => u.Roles.Any(r => r.Role == Roles.Investigator));

        SeedPublication(lines, teams, themes, referrer, investigator.Id);
        await db.SaveChangesAsync(ct);
        SeedPanel(teams, themes);
        await db.SaveChangesAsync(ct);
        await PanelMinutesSeeder.SeedAsync(db, ct);
        var triage = users.Single(u => u.Roles.Any(r => r.Role == Roles.Triage));
        await new OpenCasesSeeder(db, clock ?? TimeProvider.System).SeedAsync(investigator, triage, ct);
        await db.SaveChangesAsync(ct);
        await new RegisterSeeder(db, clock ?? TimeProvider.System).SeedAsync(users, ct);
        await db.SaveChangesAsync(ct);
        ExcellencePlanSeeder.Seed(db);
        await db.SaveChangesAsync(ct);
    }

    private void SeedPublication(Dictionary<string, Guid> lines, Dictionary<string, Guid> teams, Dictionary<string, Guid> themes, AppUser referrer, Guid investigatorId)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(FakerSeed) };

        // Publication order groups cases by section; real completions interleave, so shuffle them
        // (deterministically) before giving them completion dates through the reporting year.
        var cases = faker.Random.Shuffle(DemoSources.Publication.Cases).ToList();
        // The publication numbers each section's customers in the order their IPRs concluded: within a
        // section, give the shuffled weekly slots out in published customer order (the random draws stay
        // the same, so every other invented detail is unchanged).
        var slot = PublishedOrderSlots(cases);
        var referralNumbers = new Dictionary<int, int>();
        var investigationNumbers = new Dictionary<int, int>();
        var activityNumbers = new Dictionary<int, int>();
        var firstConclusion = new DateOnly(2022, 4, 6);

        for (var i = 0; i < cases.Count; i++)
        {
            var published = cases[i];
            var concluded = firstConclusion.AddDays((slot[i] * 7) + faker.Random.Int(0, 4));
            var received = concluded.AddDays(-faker.Random.Int(120, 260));
            var accepted = received.AddDays(faker.Random.Int(2, 10));
            var serious = faker.PickRandom(SeriousEvent.Died, SeriousEvent.Died, SeriousEvent.SuspectedSuicide,
                SeriousEvent.SuspectedSuicide, SeriousEvent.AttemptedSuicide, SeriousEvent.SeriousHarm);
            var nation = faker.Random.WeightedRandom([Nation.England, Nation.Scotland, Nation.Wales], [0.8f, 0.12f, 0.08f]);

            var customer = new Customer
            {
                FullName = $"{faker.PickRandom(FirstNames)} {faker.PickRandom(LastNames)}",
                DateOfBirth = DateOnly.FromDateTime(faker.Date.Between(new DateTime(1945, 1, 1), new DateTime(2002, 12, 31))),
                // QQ is the prefix the department keeps for examples: it can never belong to a real person.
                NationalInsuranceNumber = $"QQ{faker.Random.Int(0, 999999):000000}{faker.PickRandom('A', 'B', 'C', 'D')}",
                DateOfDeath = serious is SeriousEvent.Died or SeriousEvent.SuspectedSuicide
                    ? received.AddDays(-faker.Random.Int(10, 60))
                    : null,
                Nation = nation,
            };

            var externalReviews = published.ExternalScrutiny
                ? faker.PickRandom(nation == Nation.Scotland
                    ? new[] { ExternalReviews.SignificantCaseReview, ExternalReviews.InquestInterestedParty }
                    : [ExternalReviews.SafeguardingAdultsReview, ExternalReviews.DomesticHomicideReview, ExternalReviews.InquestInterestedParty])
                : ExternalReviews.None;
            // Route 2 cases need no allegation; a few of them had none.
            var allegation = externalReviews == ExternalReviews.None || faker.Random.Bool(0.7f);
            var byDemoReferrer = i % 16 == 3;

            var referral = new Referral
            {
                Reference = ReferenceNumber.Format("REF", received.Year, Next(referralNumbers, received.Year)),
                Status = ReferralStatus.Accepted,
                ReferrerUserId = byDemoReferrer ? referrer.Id : null,
                ReferrerName = byDemoReferrer ? referrer.DisplayName : $"{faker.PickRandom(FirstNames)} {faker.PickRandom(LastNames)}",
                ReferrerTeam = byDemoReferrer ? referrer.Team : faker.PickRandom(ReferrerTeams),
                ReceivedOn = received,
                DwpAwareOn = received.AddDays(-faker.Random.Int(1, 21)),
                AwarenessRoute = faker.PickRandom<AwarenessRoute>(),
                Customer = customer,
                SeriousEvent = serious,
                AllegationMade = allegation,
                AllegationDetails = allegation ? faker.PickRandom(Allegations) : null,
                ExternalReviews = externalReviews,
                CriteriaVersion = Referrals.Criteria.IprCriteria.Version2022.Version,
                CriteriaRoute = allegation ? "Allegation" : "ExternalReview",
                CriteriaMet = true,
                DecisionReason = allegation
                    ? "An allegation that DWP's actions contributed, and the customer died, attempted suicide or came to serious harm."
                    : "DWP was asked to take part in an external review.",
                DecidedAt = ToUtc(accepted),
                SubmittedAt = ToUtc(received),
                ServiceLines = [.. published.ServiceLines.Select(code => new ReferralServiceLine { ServiceLineId = lines[code] })],
            };

            var investigation = new Investigation
            {
                Reference = ReferenceNumber.Format("IPR", accepted.Year, Next(investigationNumbers, accepted.Year)),
                Referral = referral,
                Customer = customer,
                Stage = InvestigationStage.Concluded,
                InvestigatorUserId = investigatorId,
                NotifiedOn = received,
                AcceptedOn = accepted,
                LaunchedOn = accepted.AddDays(faker.Random.Int(3, 14)),
                SentToIprgOn = concluded.AddDays(-faker.Random.Int(14, 35)),
                IprgReviewedOn = concluded,
                ConcludedOn = concluded,
                Outcome = published.Activities.Count > 0 ? InvestigationOutcome.LearningIdentified : InvestigationOutcome.NoLearningIdentified,
                ExternalScrutiny = published.ExternalScrutiny,
                ExternalScrutinyDetails = published.ExternalScrutiny ? Describe(externalReviews) : null,
                ServiceLines = [.. published.ServiceLines.Select(code => new InvestigationServiceLine { ServiceLineId = lines[code] })],
                Findings = [.. published.Findings.Select((f, n) => new Finding
                {
                    Order = n + 1,
                    Text = f.Text,
                    ServiceLineId = lines[f.ServiceLine],
                    Themes = [.. f.Themes.Select(code => new FindingTheme { ThemeId = themes[code] })],
                })],
                LearningOutcomes = [.. published.Outcomes.Select((o, n) => new LearningOutcome { Order = n + 1, Text = o })],
            };
            db.Investigations.Add(investigation);

            var order = 0;
            foreach (var activity in published.Activities)
            {
                var due = concluded.AddMonths(3);
                var completed = concluded.AddDays(faker.Random.Int(20, 150));
                db.AgreedActivities.Add(new AgreedActivity
                {
                    Reference = ReferenceNumber.Format("ACT", concluded.Year, Next(activityNumbers, concluded.Year)),
                    Origin = ActivityOrigin.IprgAgreedActivity,
                    Text = activity.Text,
                    Order = ++order,
                    Investigation = investigation,
                    // The publication does not pair activities with findings: answer the first finding on
                    // the same line (or the first finding), so each activity is traceable to learning.
                    FindingId = (investigation.Findings.FirstOrDefault(f => f.ServiceLineId == lines[activity.ServiceLine]) ?? investigation.Findings[0]).Id,
                    ServiceLineId = lines[activity.ServiceLine],
                    OwnerTeamId = teams[activity.Owner],
                    Timescale = "3 months",
                    FirstDueOn = due,
                    DueOn = due,
                    Status = ActivityStatus.Complete,
                    CompletedOn = completed,
                    Assurance = AssuranceGrade.Assured,
                    AssuredOn = completed.AddDays(faker.Random.Int(7, 28)),
                    EvidenceOfCompletion = published.Outcomes.FirstOrDefault(),
                });
            }
        }
    }

    private static int[] PublishedOrderSlots(List<PublishedCase> cases)
    {
        var slots = Enumerable.Range(0, cases.Count).ToArray();
        foreach (var section in cases.Select((c, i) => (c, i)).Where(x => x.c.Section is not null).GroupBy(x => x.c.Section))
        {
            var positions = section.Select(x => x.i).Order().ToList();
            var published = section.OrderBy(x => x.c.CustomerNumber).Select(x => x.i).ToList();
            for (var n = 0; n < positions.Count; n++)
            {
                slots[published[n]] = positions[n];
            }
        }

        return slots;
    }

    private void SeedPanel(Dictionary<string, Guid> teams, Dictionary<string, Guid> themes)
    {
        var panel = DemoSources.Panel;
        db.TermsOfReferenceVersions.AddRange(panel.TermsOfReference.Select(t => new TermsOfReferenceVersion
        {
            Title = t.Title,
            ApprovedOn = t.ApprovedOn,
            ReviewDueOn = t.ReviewDueOn,
            Text = t.Text,
        }));
        db.PanelMemberships.AddRange(panel.Memberships.Select(m => new PanelMembership
        {
            Role = m.Role,
            PersonName = m.Name,
            JobTitle = m.JobTitle,
            From = m.From,
        }));

        foreach (var m in panel.Meetings)
        {
            var meeting = new PanelMeeting
            {
                MeetingOn = m.MeetingOn,
                Format = m.Format,
                Status = m.Status,
                FormatNote = m.FormatNote,
                ChairName = m.ChairName,
                ChairOnBehalfOf = m.ChairOnBehalfOf,
                // Agreed and circulated a fortnight after the meeting (the seeds give no date); published together, with
                // the Secretary of State's letter of 22 July 2020.
                MinutesAgreedOn = m.MeetingOn.AddDays(14),
                MinutesCirculatedOn = m.MeetingOn.AddDays(14),
                MinutesPublishedOn = m.MinutesPublishedOn,
                AgendaItems = [.. m.Agenda.Select(a => new AgendaItem
                {
                    Number = a.Number,
                    Kind = a.Kind,
                    Title = a.Title,
                    ThemeId = a.Theme is null ? null : themes[a.Theme],
                    Minute = a.Minute,
                })],
                Papers = [.. m.Papers.Select(p => new PanelPaper
                {
                    Number = p.Number,
                    Title = p.Title,
                    Presenter = p.Presenter,
                    ThemeId = p.Theme is null ? null : themes[p.Theme],
                    CirculatedOn = m.MeetingOn.AddDays(-7),
                })],
                Attendance = [.. m.Attendance.Select((a, i) => new MeetingAttendance
                {
                    Kind = a.Kind,
                    // As the minutes list people: members and deputies share one list, every other group has its own.
                    Order = m.Attendance.Take(i + 1).Count(o => AttendanceRules.SharesOrder(o.Kind, a.Kind)),
                    PersonName = a.Name,
                    JobTitle = a.JobTitle,
                    OnBehalfOf = a.OnBehalfOf,
                    ChairAgreedDeputy = a.ChairAgreedDeputy,
                    Redacted = a.Redacted,
                })],
            };
            db.PanelMeetings.Add(meeting);
            var stamp = m.MeetingOn.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

            foreach (var ap in m.ActionPoints)
            {
                db.AgreedActivities.Add(new AgreedActivity
                {
                    Reference = $"SCP-{stamp}-AP{ap.Number}",
                    Origin = ActivityOrigin.PanelActionPoint,
                    Number = ap.Number,
                    Order = ap.Number,
                    Text = ap.Text,
                    PanelMeeting = meeting,
                    OwnerTeamId = teams[ap.Team],
                    ResponsiblePerson = ap.Owner,
                    Status = ap.Status,
                    CompletedOn = ap.CompletedOn,
                    EvidenceOfCompletion = ap.Evidence,
                    Priority = ActivityPriority.High,
                });
            }

            foreach (var d in m.Decisions)
            {
                var decision = new PanelDecision { Number = d.Number, AgendaItemNumber = d.AgendaItem, Text = d.Text };
                meeting.Decisions.Add(decision);
                if (d.Work is { } work)
                {
                    db.AgreedActivities.Add(new AgreedActivity
                    {
                        Reference = $"SCP-{stamp}-D{d.Number}",
                        Origin = ActivityOrigin.PanelDecisionWork,
                        Order = d.Number,
                        Text = work.Text,
                        PanelMeeting = meeting,
                        PanelDecision = decision,
                        OwnerTeamId = teams[work.Team],
                        AccountableDirectorGeneral = work.Accountable,
                        Timescale = "Progress reported at the next meeting of the Panel",
                        Status = work.Status,
                        Priority = ActivityPriority.High,
                    });
                }
            }
        }

        SeedNextMeeting(themes);
    }

    /// <summary>The next meeting, planned three weeks after the load day: hybrid, the standard agenda with a theme to
    /// discuss, two papers in preparation (the actions update circulated, the theme paper not yet) and the members
    /// expected, with the (fictional) secretariat.</summary>
    private void SeedNextMeeting(Dictionary<string, Guid> themes)
    {
        var today = UkTime.Today(clock ?? TimeProvider.System);
        var on = today.AddDays(21);
        var members = AttendanceRules.MembersOn(db.PanelMemberships.Local, on);
        var chair = members.FirstOrDefault(x => x.Role == PanelRole.Chair);
        var theme = ReferenceDataSeeder.Themes.Single(t => t.Code == "VULNERABLE");
        var meeting = new PanelMeeting
        {
            MeetingOn = on,
            Format = MeetingFormat.Hybrid,
            FormatNote = "Caxton House, London, with members joining by video call.",
            ChairName = chair?.PersonName,
            AgendaItems = [.. PanelMeetingService.DefaultAgenda.Select((a, i) => new AgendaItem
            {
                Number = i + 1,
                Kind = a.Kind,
                Title = a.Kind == AgendaItemKind.ThemeDiscussion ? $"Group discussion – {theme.Name.ToLowerInvariant()}" : a.Title,
                ThemeId = a.Kind == AgendaItemKind.ThemeDiscussion ? themes[theme.Code] : null,
            })],
            Papers =
            [
                new PanelPaper { Number = 1, Title = "Actions update", Presenter = "Secretariat", CirculatedOn = today },
                new PanelPaper { Number = 2, Title = theme.Name, Presenter = "Customer Experience Directorate", ThemeId = themes[theme.Code] },
            ],
        };
        var order = 0;
        foreach (var member in members.OrderBy(x => x.Role != PanelRole.Chair))
        {
            meeting.Attendance.Add(new MeetingAttendance { Kind = AttendanceKind.Member, Order = ++order, PersonName = member.PersonName, JobTitle = member.JobTitle });
        }

        meeting.Attendance.Add(new MeetingAttendance { Kind = AttendanceKind.Secretariat, Order = 1, PersonName = "Jordan Pike", JobTitle = "Serious Case Panel Secretariat", Redacted = true });
        db.PanelMeetings.Add(meeting);
    }

    private static int Next(Dictionary<int, int> counters, int year) =>
        counters[year] = counters.GetValueOrDefault(year) + 1;

    private static DateTime ToUtc(DateOnly date) => date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);

    private static string Describe(ExternalReviews reviews) => reviews switch
    {
        ExternalReviews.SafeguardingAdultsReview => "Safeguarding Adults Review",
        ExternalReviews.SignificantCaseReview => "Significant Case Review",
        ExternalReviews.DomesticHomicideReview => "Domestic Homicide Review",
        _ => "Inquest: DWP named as an Interested Party",
    };

    // Common British names, combined at random: invented people, never real customers.
    private static readonly string[] FirstNames =
    [
        "Aisha", "Alan", "Amelia", "Andrew", "Bethan", "Callum", "Carol", "Chloe", "Colin", "Daniel", "Deborah", "Eilidh",
        "Emma", "Fern", "Gareth", "Grace", "Hannah", "Ian", "Imran", "Jack", "Janet", "Karen", "Kieran", "Leanne",
        "Liam", "Margaret", "Mohammed", "Nia", "Owen", "Paul", "Priya", "Rhys", "Ruth", "Sandra", "Sean", "Siobhan",
        "Stuart", "Susan", "Thomas", "Wendy",
    ];

    private static readonly string[] LastNames =
    [
        "Ahmed", "Baker", "Bell", "Campbell", "Clarke", "Davies", "Edwards", "Evans", "Fraser", "Green", "Hall", "Hughes",
        "Hussain", "Jackson", "Jones", "Kaur", "Lewis", "Lloyd", "MacDonald", "Morgan", "Murray", "Patel", "Price",
        "Reid", "Roberts", "Robertson", "Scott", "Shaw", "Smith", "Stewart", "Taylor", "Thomas", "Thompson", "Walker",
        "Watson", "White", "Williams", "Wilson", "Wood", "Wright",
    ];

    private static readonly string[] ReferrerTeams =
    [
        "Universal Credit service centre", "PIP operations", "ESA benefit centre", "Child Maintenance Group",
        "Advanced Customer Support", "Jobcentre", "Complaints Resolution Team", "Coroner Focal Point",
    ];

    // Fictional, non-identifying summaries of what the referrer was told.
    private static readonly string[] Allegations =
    [
        "The family say payments were stopped without anyone contacting the customer first.",
        "The customer's MP says DWP did not act on the customer telling us they might harm themselves.",
        "The family say letters and calls about the claim went unanswered for several weeks.",
        "The local authority says DWP did not share information about the customer's vulnerability.",
        "The family say the customer's health conditions were not taken into account.",
        "A frontline colleague raised that a reported change was not acted on before the event.",
    ];
}
