using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Notifications;
using SeriousCases.Tests.Support;
using Xunit.Abstractions;

namespace SeriousCases.Tests.Resilience;

/// <summary>Two real copies of the service (separate processes on two loopback ports) on one PostgreSQL database, as
/// behind a load balancer: a cookie from one works at the other, a form rendered by one posts to the other, scheduled
/// work runs once, and a small load spread across both is served without an error.</summary>
public sealed class TwoInstanceTests(ITestOutputHelper output)
{
    [PostgresFact("several copies of the service share one PostgreSQL database; SQLite is the single-copy embedded set-up")]
    public async Task Two_copies_work_as_one_service()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        var ids = await QueueNotificationsAsync(database, 60);
        await using var a = await ServiceProcess.StartAsync(database, scheduling: true);
        await using var b = await ServiceProcess.StartAsync(database, scheduling: true);

        // One browser, two copies: each request may land on either.
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        var form = await browser.GetFormAsync(new Uri(a.BaseAddress, "/sign-in").ToString());
        var signIn = await browser.PostAsync(new Uri(b.BaseAddress, "/sign-in?handler=Demo"), form.With("email", "analyst@demo.test").ToContent());
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in at B with A's form answered {(int)signIn.StatusCode}{Environment.NewLine}{b.Tail}");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(a.BaseAddress, "/insight"))).StatusCode);
        var insightForm = await browser.GetFormAsync(new Uri(b.BaseAddress, "/insight/new").ToString());
        var posted = await browser.PostAsync(new Uri(a.BaseAddress, "/insight/new"), insightForm.With("source", "Complaints").ToContent());
        Assert.True(await CsrfTests.PassedAntiforgeryAsync(posted), "copy A refused a form rendered by copy B");

        // Scheduled work once: both copies run the every-minute send job from one clustered schedule.
        await using (var db = database.CreateContext())
        {
            var instances = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM qrtz_scheduler_state").SingleAsync();
            Assert.Equal(2, instances);
        }

        var waited = Stopwatch.StartNew();
        while (await UnsentAsync(database, ids) > 0 && waited.Elapsed < TimeSpan.FromSeconds(150))
        {
            await Task.Delay(1000);
        }

        await using (var db = database.CreateContext())
        {
            var sent = await db.Notifications.Where(n => ids.Contains(n.Id)).Select(n => new { n.SentAt, n.Attempts }).ToListAsync();
            Assert.All(sent, n => Assert.NotNull(n.SentAt));
            Assert.All(sent, n => Assert.Equal(1, n.Attempts));
        }

        // A small load across both copies: reads and writes through the API, alternating copies.
        var token = await TokenAsync(database, "analyst@demo.test");
        var load = await LoadAsync([a.BaseAddress, b.BaseAddress], token, TimeSpan.FromSeconds(20), workers: 8);
        var text = $"two copies on one PostgreSQL, 8 clients for {load.Seconds:0} s: {load.Requests} requests ({load.Writes} writes), "
            + $"{load.Requests / load.Seconds:0} req/s, p50 {load.P50:0} ms, p95 {load.P95:0} ms, {load.Errors} errors";
        output.WriteLine(text);
        Figures.Record("two-instances", text);
        Assert.Equal(0, load.Errors);
        Assert.True(load.Requests > 0);
    }

    public sealed record LoadResult(long Requests, long Writes, long Errors, double Seconds, double P50, double P95);

    /// <summary>Workers alternate between the copies: four searches of the insight register to one new item.</summary>
    public static async Task<LoadResult> LoadAsync(Uri[] copies, string token, TimeSpan duration, int workers)
    {
        var timings = new System.Collections.Concurrent.ConcurrentBag<double>();
        long errors = 0, writes = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var copy = copies[(w + i) % copies.Length];
                var started = Stopwatch.GetTimestamp();
                HttpResponseMessage response;
                if (i % 5 == 4)
                {
                    response = await client.PostAsJsonAsync(new Uri(copy, "/api/v1/insight"), new
                    {
                        source = "Complaints",
                        externalReference = $"LOAD-{w}-{i}-{Guid.NewGuid():N}"[..40],
                        receivedOn = "2026-01-15",
                        serviceLines = new[] { "UC" },
                        summary = "Payments were stopped without a call to the customer.",
                    });
                    Interlocked.Increment(ref writes);
                }
                else
                {
                    response = await client.GetAsync(new Uri(copy, "/api/v1/insight?pageSize=10&q=payments"));
                }

                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var sorted = timings.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        return new LoadResult(sorted.Length, writes, errors, clock.Elapsed.TotalSeconds, At(0.5), At(0.95));
    }

    public static async Task<string> TokenAsync(TestDatabase database, string email)
    {
        await using var db = database.CreateContext();
        return (await new ApiTokenService(db, TimeProvider.System).CreateAsync(email, "resilience", TimeSpan.FromDays(1), CancellationToken.None)).Token;
    }

    private static async Task<List<Guid>> QueueNotificationsAsync(TestDatabase database, int count)
    {
        await using var db = database.CreateContext();
        await db.Notifications.Where(n => n.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.Attempts, NotificationSender.MaxAttempts));
        var users = await db.Users.Where(u => u.IsActive).Select(u => u.Id).ToListAsync();
        var queued = Enumerable.Range(0, count).Select(i => new Notification
        {
            RecipientUserId = users[i % users.Count],
            Subject = $"ACT-2027-{i:0000} is due on 1 March 2027",
            Body = "A reminder",
            RelatedType = "AgreedActivity",
            RelatedId = Guid.NewGuid(),
        }).ToList();
        db.Notifications.AddRange(queued);
        await db.SaveChangesAsync();
        return [.. queued.Select(n => n.Id)];
    }

    private static async Task<int> UnsentAsync(TestDatabase database, List<Guid> ids)
    {
        await using var db = database.CreateContext();
        return await db.Notifications.CountAsync(n => ids.Contains(n.Id) && n.SentAt == null);
    }
}
