using System.Net;
using SeriousCases.Core.Notifications;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Notifications;

/// <summary>Every signed-in user reads their own notifications, newest first, and whether each was sent.</summary>
public sealed class NotificationsPageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task A_user_sees_their_own_notifications_newest_first_and_nobody_elses()
    {
        var (owner, analyst) = await app.WithDbAsync(async db =>
        {
            var users = db.Users.Where(u => u.Email == "owner@demo.test" || u.Email == "analyst@demo.test").ToDictionary(u => u.Email, u => u.Id);
            db.Notifications.Add(new Notification { RecipientUserId = users["owner@demo.test"], Subject = "ACT-2027-0001 is due on 1 March 2027", Body = "First reminder", RelatedType = "AgreedActivity", RelatedId = Guid.NewGuid() });
            await db.SaveChangesAsync();
            db.Notifications.Add(new Notification { RecipientUserId = users["owner@demo.test"], Subject = "ACT-2027-0002 is due on 2 March 2027", Body = "Second reminder", RelatedType = "AgreedActivity", RelatedId = Guid.NewGuid(), SentAt = new DateTime(2027, 3, 2, 9, 0, 0, DateTimeKind.Utc), ChannelReference = "log" });
            db.Notifications.Add(new Notification { RecipientUserId = users["analyst@demo.test"], Subject = "ACT-2027-0003 for someone else", Body = "Not yours", RelatedType = "AgreedActivity", RelatedId = Guid.NewGuid() });
            await db.SaveChangesAsync();
            return (users["owner@demo.test"], users["analyst@demo.test"]);
        });

        var client = await app.SignInAsync("owner@demo.test");
        var page = await client.GetDocumentAsync("/notifications");
        var titles = page.QuerySelectorAll(".govuk-summary-card__title").Select(t => t.TextContent).ToList();
        Assert.Equal(["ACT-2027-0002 is due on 2 March 2027", "ACT-2027-0001 is due on 1 March 2027"], titles.Where(t => t.StartsWith("ACT-2027-000", StringComparison.Ordinal)));
        Assert.DoesNotContain(titles, t => t.Contains("someone else", StringComparison.Ordinal));
        var tags = page.QuerySelectorAll(".govuk-summary-card .govuk-tag").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal("Sent", tags[titles.IndexOf("ACT-2027-0002 is due on 2 March 2027")]);
        Assert.Equal("Queued", tags[titles.IndexOf("ACT-2027-0001 is due on 1 March 2027")]);
        Assert.Contains("Second reminder", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var anonymous = app.CreateBrowserlessClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/notifications")).StatusCode);
        Assert.NotEqual(owner, analyst);
    }
}
