using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Iprg;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Demo;

/// <summary>A handful of IPRs still being worked, one or two at each stage, so every screen of the
/// workspace has something real to show. Dates are relative to the day the demo is loaded. People and
/// events are invented; texts follow the department's published style.</summary>
internal sealed class OpenCasesSeeder(SeriousCasesDbContext db, TimeProvider clock)
{
    private sealed record Contact(int DaysAgo, string Line, ContactChannel Channel, string WhatHappened, string Source);

    private sealed record FindingSeed(string Line, string Text, string[] Themes, (string Owner, string Line, string Text)? Activity);

    private sealed record CaseSeed(
        string Customer, Nation Nation, SeriousEvent Event, string[] Lines, string Allegation,
        int ReceivedDaysAgo, int AcceptedDaysAgo, int? LaunchedDaysAgo, InvestigationStage Stage, int? SentToIprgDaysAgo,
        string? Summary, Contact[] Journey, FindingSeed[] Findings, bool Discussions, bool Family, bool Evidence, bool OnSession);

    private static readonly CaseSeed[] Cases =
    [
        new("Morgan Fairweather", Nation.England, SeriousEvent.Died, ["UC", "PIP"],
            "The family say payments were stopped without anyone contacting the customer first.",
            6, 2, null, InvestigationStage.Accepted, null, null, [], [], false, false, false, false),
        new("Harriet Quillan", Nation.Wales, SeriousEvent.AttemptedSuicide, ["ESA"],
            "The customer's support worker says a telephone call about a missed assessment upset the customer.",
            30, 25, 12, InvestigationStage.Launched, null, null,
            [
                new(48, "ESA", ContactChannel.Letter, "Appointment letter for a Work Capability Assessment sent to the customer's address.", "ESA case notes"),
                new(35, "ESA", ContactChannel.Telephone, "Outbound call about the missed assessment; the customer said they had been unwell.", "Call recording"),
            ], [], false, false, false, false),
        new("Declan Ashworth", Nation.Scotland, SeriousEvent.Died, ["UC", "PIP"],
            "The family say journal messages asking for help were not answered.",
            75, 70, 55, InvestigationStage.FactFinding, null,
            "The customer claimed Universal Credit and Personal Independence Payment. The review covers the eight months before the customer died and every contact on both benefits.",
            [
                new(300, "PIP", ContactChannel.Assessment, "PIP assessment completed by the Assessment Provider; the report noted anxiety and low mood.", "Assessment Provider report"),
                new(240, "UC", ContactChannel.Journal, "Customer reported a change of address in the journal.", "UC journal"),
                new(170, "UC", ContactChannel.Journal, "Customer wrote that they were struggling and asked for a call back.", "UC journal"),
                new(160, "UC", ContactChannel.Telephone, "Call back attempted once; no answer and no further attempt recorded.", "UC case notes"),
                new(140, "PIP", ContactChannel.Letter, "PIP award review letter issued.", "PIP case notes"),
                new(120, "UC", ContactChannel.Journal, "Customer asked for help with rent arrears; a to-do was created for the work coach.", "UC journal"),
            ], [], true, true, true, false),
        new("Priya Hollingsworth", Nation.England, SeriousEvent.SeriousHarm, ["UC", "CMS"],
            "The customer's MP says deductions for child maintenance left the customer without money for food.",
            120, 115, 105, InvestigationStage.Drafting, null,
            "The customer received Universal Credit and was a paying parent under Child Maintenance Services. The review looked at deductions from Universal Credit and how the two services shared information.",
            [
                new(200, "CMS", ContactChannel.Letter, "Deduction from benefit arranged for child maintenance.", "CMS case notes"),
                new(190, "UC", ContactChannel.Journal, "Customer asked why their payment had gone down and said they could not afford food.", "UC journal"),
                new(185, "UC", ContactChannel.Telephone, "Agent explained the deduction; no referral for additional support was considered.", "Call recording"),
                new(150, "CMS", ContactChannel.Telephone, "Customer asked CMS to review the deduction; a review was not started.", "CMS case notes"),
            ],
            [
                new("UC", "The customer told UC they could not afford food, but additional support was not considered.", ["VULNERABLE", "PAYSAFE"], null),
                new("CMS", "A request to review a deduction from benefit was not actioned.", ["INFOSHARE", "RECORDS"], null),
            ], true, true, false, false),
        new("Gwen Talbot-Reyes", Nation.England, SeriousEvent.SuspectedSuicide, ["PIP", "ESA"],
            "The coroner asked DWP to explain how a declaration of suicidal thoughts was handled.",
            150, 140, 130, InvestigationStage.WithIprg, 10,
            "The customer received Personal Independence Payment and Employment and Support Allowance. DWP was named an Interested Party at the inquest.",
            [
                new(220, "ESA", ContactChannel.Telephone, "Customer said during a call that they had thought about ending their life.", "Call recording"),
                new(219, "ESA", ContactChannel.Other, "No record that the Six Point Plan was followed after the call.", "ESA case notes"),
                new(200, "PIP", ContactChannel.Letter, "PIP award letter issued.", "PIP case notes"),
            ],
            [
                new("ESA", "The Six Point Plan was not followed when the customer declared suicidal thoughts during a call.", ["SUICIDE"],
                    ("ESA", "ESA", "ESA to assure IPRG that colleagues are reminded of the Six Point Plan and when to use it.")),
                new("PIP", "The PIP award review did not take into account information about the customer's mental health held by ESA.", ["INFOSHARE", "VULNERABLE"], null),
            ], true, true, false, true),
        new("Rory Blackwood", Nation.England, SeriousEvent.Died, ["UC"],
            "The family say UC kept contacting the customer after they told DWP of the death.",
            170, 165, 150, InvestigationStage.WithIprg, 30,
            "The customer claimed Universal Credit. The review looked at what happened after the family told DWP of the death.",
            [
                new(60, "UC", ContactChannel.Telephone, "Family member told UC of the customer's death.", "Call recording"),
                new(45, "UC", ContactChannel.Letter, "Letter about an appointment sent to the customer after the death was reported.", "UC case notes"),
            ],
            [
                new("UC", "Following notification of the customer's death, UC did not update the claim and an appointment letter was sent.", ["DEATH"],
                    ("UC", "UC", "UC to assure IPRG that death notifications are recorded on the day they are received.")),
            ], true, true, false, true),
    ];

    public async Task SeedAsync(AppUser investigator, AppUser triage, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var lines = await db.ServiceLines.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var teams = await db.OwnerTeams.ToDictionaryAsync(t => t.ShortName, t => t.Id, ct);
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var iprSource = await db.InsightSources.SingleAsync(s => s.Code == Insight.InsightSources.InternalProcessReview, ct);
        var session = new IprgSession { HeldOn = today.AddDays(7), Notes = "Monthly meeting of the group (video call)." };
        db.IprgSessions.Add(session);

        var referrals = new Dictionary<int, int>();
        var investigations = new Dictionary<int, int>();
        var activities = 0;
        var n = 0;
        foreach (var c in Cases)
        {
            n++;
            var received = today.AddDays(-c.ReceivedDaysAgo);
            var accepted = today.AddDays(-c.AcceptedDaysAgo);
            var customer = new Customer
            {
                FullName = c.Customer,
                DateOfBirth = new DateOnly(1960 + (n * 5), n, 10 + n),
                // QQ is the prefix the department keeps for examples: it can never belong to a real person.
                NationalInsuranceNumber = $"QQ90{n:0000}A",
                DateOfDeath = c.Event is SeriousEvent.Died or SeriousEvent.SuspectedSuicide ? received.AddDays(-14) : null,
                Nation = c.Nation,
            };
            var referral = new Referral
            {
                Reference = ReferenceNumber.Format("REF", received.Year, Next(referrals, received.Year)),
                Status = ReferralStatus.Accepted,
                ReferrerName = "Jordan Ellery",
                ReferrerTeam = "Universal Credit service centre",
                ReceivedOn = received,
                DwpAwareOn = received.AddDays(-3),
                AwarenessRoute = AwarenessRoute.Family,
                Customer = customer,
                SeriousEvent = c.Event,
                AllegationMade = true,
                AllegationDetails = c.Allegation,
                CriteriaVersion = Referrals.Criteria.IprCriteria.Version2022.Version,
                CriteriaRoute = "Allegation",
                CriteriaMet = true,
                DecisionReason = "An allegation that DWP's actions contributed, and the customer died, attempted suicide or came to serious harm.",
                DecidedAt = accepted.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                DecidedByUserId = triage.Id,
                SubmittedAt = received.ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc),
                ServiceLines = [.. c.Lines.Select(l => new ReferralServiceLine { ServiceLineId = lines[l] })],
            };
            var ipr = new Investigation
            {
                Reference = ReferenceNumber.Format("IPR", accepted.Year, Next(investigations, accepted.Year)),
                Referral = referral,
                Customer = customer,
                Stage = c.Stage,
                InvestigatorUserId = c.Stage == InvestigationStage.Accepted ? null : investigator.Id,
                NotifiedOn = received,
                AcceptedOn = accepted,
                LaunchedOn = c.LaunchedDaysAgo is { } l ? today.AddDays(-l) : null,
                SentToIprgOn = c.SentToIprgDaysAgo is { } s ? today.AddDays(-s) : null,
                Summary = c.Summary,
                ServiceLines = [.. c.Lines.Select(l => new InvestigationServiceLine { ServiceLineId = lines[l] })],
            };
            db.Investigations.Add(ipr);
            db.InsightItems.Add(new Insight.InsightItem
            {
                SourceId = iprSource.Id,
                ExternalReference = ipr.Reference,
                ReceivedOn = accepted,
                MonthKey = Insight.InsightItem.MonthKeyOf(accepted),
                Summary = $"Internal Process Review accepted at triage from referral {referral.Reference} (criteria route: Allegation).",
                ReferralId = referral.Id,
                InvestigationId = ipr.Id,
                ServiceLines = [.. c.Lines.Select(l => new Insight.InsightItemServiceLine { ServiceLineId = lines[l] })],
            });
            AddStageHistory(ipr, investigator, today, c);

            db.JourneyContacts.AddRange(c.Journey.Select(j => new JourneyContact
            {
                InvestigationId = ipr.Id,
                OccurredOn = today.AddDays(-j.DaysAgo),
                ServiceLineId = lines[j.Line],
                Channel = j.Channel,
                WhatHappened = j.WhatHappened,
                Source = j.Source,
                RecordedByUserId = investigator.Id,
            }));

            var order = 0;
            foreach (var f in c.Findings)
            {
                var finding = new Finding
                {
                    InvestigationId = ipr.Id,
                    Order = ++order,
                    Text = f.Text,
                    ServiceLineId = lines[f.Line],
                    Themes = [.. f.Themes.Select(t => new FindingTheme { ThemeId = themes[t] })],
                };
                db.Findings.Add(finding);
                if (f.Activity is { } a)
                {
                    var due = today.AddMonths(3);
                    db.AgreedActivities.Add(new AgreedActivity
                    {
                        Reference = ReferenceNumber.Format("ACT", today.Year, ++activities),
                        Origin = ActivityOrigin.IprgAgreedActivity,
                        Text = a.Text,
                        Order = order,
                        InvestigationId = ipr.Id,
                        FindingId = finding.Id,
                        OwnerTeamId = teams[a.Owner],
                        ServiceLineId = lines[a.Line],
                        FirstDueOn = due,
                        DueOn = due,
                        Status = ActivityStatus.NotStarted,
                    });
                }
            }

            if (c.Discussions)
            {
                db.FactFindingDiscussions.AddRange(
                    new FactFindingDiscussion { InvestigationId = ipr.Id, HeldOn = today.AddDays(-(c.LaunchedDaysAgo ?? 0) + 7), WithWhom = "Sam Okafor", Role = $"Team leader, {c.Lines[0]} service centre", Notes = "Talked through the contacts on the case and the guidance colleagues had at the time.", RecordedByUserId = investigator.Id },
                    new FactFindingDiscussion { InvestigationId = ipr.Id, HeldOn = today.AddDays(-(c.LaunchedDaysAgo ?? 0) + 14), WithWhom = "Lena Marsh", Role = "Operational guidance lead", Notes = "Confirmed which operational instructions applied and when they last changed.", RecordedByUserId = investigator.Id });
            }

            if (c.Family)
            {
                db.FamilyContacts.Add(new FamilyContact
                {
                    InvestigationId = ipr.Id,
                    On = today.AddDays(-(c.LaunchedDaysAgo ?? 0) + 5),
                    Kind = c.Stage >= InvestigationStage.Drafting ? FamilyContactKind.Meeting : FamilyContactKind.Contact,
                    DwpAttendee = c.Stage >= InvestigationStage.Drafting ? "Director, Customer Experience" : "IPR investigator",
                    Level = c.Stage >= InvestigationStage.Drafting ? AttendeeLevel.Director : AttendeeLevel.Other,
                    ApologyGiven = c.Stage >= InvestigationStage.WithIprg,
                    Notes = "The family were told what the review covers and when they can expect to hear from us.",
                    RecordedByUserId = investigator.Id,
                });
            }

            if (c.Evidence)
            {
                var content = System.Text.Encoding.UTF8.GetBytes(
                    "Extract of journal messages (demo document: invented content).\n" + string.Join('\n', c.Journey.Where(j => j.Channel == ContactChannel.Journal).Select(j => j.WhatHappened)) + "\n");
                var document = new EvidenceDocument
                {
                    InvestigationId = ipr.Id,
                    FileName = "journal-extract.txt",
                    ContentType = "text/plain",
                    SizeBytes = content.Length,
                    Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
                    Description = "Journal messages in the eight months before the customer died",
                    UploadedByUserId = investigator.Id,
                };
                db.EvidenceDocuments.Add(document);
                db.EvidenceFiles.Add(new EvidenceFile { EvidenceDocumentId = document.Id, Content = content });
            }

            if (c.OnSession)
            {
                session.Cases.Add(new IprgSessionCase { InvestigationId = ipr.Id, Order = session.Cases.Count + 1 });
            }
        }
    }

    private void AddStageHistory(Investigation ipr, AppUser investigator, DateOnly today, CaseSeed c)
    {
        var moves = new List<(InvestigationStage To, DateOnly On)>();
        if (c.LaunchedDaysAgo is { } launched)
        {
            moves.Add((InvestigationStage.Launched, today.AddDays(-launched)));
            var sent = c.SentToIprgDaysAgo ?? 0;
            var span = launched - sent;
            if (c.Stage >= InvestigationStage.FactFinding)
            {
                moves.Add((InvestigationStage.FactFinding, today.AddDays(-launched + (span / 4))));
            }

            if (c.Stage >= InvestigationStage.Drafting)
            {
                moves.Add((InvestigationStage.Drafting, today.AddDays(-launched + (span * 3 / 4))));
            }

            if (c.Stage >= InvestigationStage.WithIprg)
            {
                moves.Add((InvestigationStage.WithIprg, today.AddDays(-sent)));
            }
        }

        var from = InvestigationStage.Accepted;
        foreach (var (to, on) in moves)
        {
            db.StageChanges.Add(new StageChange { InvestigationId = ipr.Id, From = from, To = to, On = on, ByUserId = investigator.Id });
            from = to;
        }
    }

    private static int Next(Dictionary<int, int> counters, int year) => counters[year] = counters.GetValueOrDefault(year) + 1;
}
