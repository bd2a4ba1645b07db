using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SeriousCases.Core.Notifications;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Notifications;

/// <summary>The sender takes queued notifications and records what the channel did: sent (with the channel's
/// reference) or a failed attempt with its reason, giving up after five attempts.</summary>
public sealed class NotificationSenderTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(withDemoData: true);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<List<Guid>> QueueAsync(int count)
    {
        await using var db = database.CreateContext();
        await db.Notifications.Where(n => n.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.Attempts, NotificationSender.MaxAttempts));
        var user = await db.Users.Where(u => u.Email == "owner@demo.test").Select(u => u.Id).SingleAsync();
        var queued = Enumerable.Range(1, count).Select(i => new Notification
        {
            RecipientUserId = user,
            Subject = $"ACT-2027-{i:0000} is due on 1 March 2027",
            Body = "A reminder",
            RelatedType = "AgreedActivity",
            RelatedId = Guid.NewGuid(),
        }).ToList();
        db.Notifications.AddRange(queued);
        await db.SaveChangesAsync();
        return [.. queued.Select(n => n.Id)];
    }

    private async Task<SendResult> SendAsync(INotificationChannel channel, TimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var db = database.CreateContext(clock: clock);
        return await new NotificationSender(db, channel, clock, NullLogger<NotificationSender>.Instance).SendPendingAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_log_channel_marks_each_notification_sent_and_logs_ids_only()
    {
        var ids = await QueueAsync(120);
        var logger = new RecordingLogger();
        var result = await SendAsync(new LogNotificationChannel(logger));
        Assert.Equal(new SendResult(120, 0), result);

        await using var db = database.CreateContext();
        var sent = await db.Notifications.Where(n => ids.Contains(n.Id)).ToListAsync();
        Assert.All(sent, n =>
        {
            Assert.Equal(new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc), n.SentAt);
            Assert.Equal("log", n.ChannelReference);
            Assert.Equal(1, n.Attempts);
        });
        Assert.Equal(120, logger.Lines.Count);
        Assert.All(logger.Lines, l => Assert.Matches("^notification [0-9a-f-]{36} to user [0-9a-f-]{36}$", l));
        Assert.DoesNotContain(logger.Lines, l => l.Contains("@", StringComparison.Ordinal) || l.Contains("ACT-", StringComparison.Ordinal));

        Assert.Equal(new SendResult(0, 0), await SendAsync(new LogNotificationChannel(logger)));
    }

    [Fact]
    public async Task A_failing_channel_counts_attempts_records_the_error_and_gives_up_after_five()
    {
        var ids = await QueueAsync(3);
        var failing = new FailingChannel();
        for (var i = 1; i <= NotificationSender.MaxAttempts + 2; i++)
        {
            var result = await SendAsync(failing);
            Assert.Equal(i <= NotificationSender.MaxAttempts ? 3 : 0, result.Failed);
        }

        await using var db = database.CreateContext();
        var stuck = await db.Notifications.Where(n => ids.Contains(n.Id)).ToListAsync();
        Assert.All(stuck, n =>
        {
            Assert.Null(n.SentAt);
            Assert.Equal(NotificationSender.MaxAttempts, n.Attempts);
            Assert.Equal("HttpRequestException: Notify answered 503", n.LastError);
        });
        Assert.Equal(3 * NotificationSender.MaxAttempts, failing.Calls);
    }

    private sealed class FailingChannel : INotificationChannel
    {
        public int Calls { get; private set; }

        public Task<string> SendAsync(OutgoingNotification notification, CancellationToken ct)
        {
            Calls++;
            throw new HttpRequestException("Notify answered 503");
        }
    }

    private sealed class RecordingLogger : ILogger<LogNotificationChannel>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
