using Microsoft.Extensions.Logging;

namespace SeriousCases.Core.Notifications;

/// <summary>One queued notification as a channel needs it. The email address is read only to hand to the channel.</summary>
public sealed record OutgoingNotification(Guid Id, Guid RecipientUserId, string EmailAddress, string Subject, string Body);

/// <summary>Delivers a notification. Throws when it could not; returns the channel's own reference for the message.</summary>
public interface INotificationChannel
{
    Task<string> SendAsync(OutgoingNotification notification, CancellationToken ct);
}

/// <summary>Settings for GOV.UK Notify. Both set: notifications go by email through Notify; otherwise to the log.</summary>
public sealed class NotifyOptions
{
    public string? ApiKey { get; set; }
    /// <summary>An email template with the placeholders ((subject)) and ((body)).</summary>
    public string? TemplateId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(TemplateId);
}

/// <summary>Where no delivery service is configured (development, demo): records that the notification would have
/// been sent. Logs ids only: never the address, subject or body (no personal data in logs).</summary>
public sealed partial class LogNotificationChannel(ILogger<LogNotificationChannel> log) : INotificationChannel
{
    public const string Reference = "log";

    public Task<string> SendAsync(OutgoingNotification notification, CancellationToken ct)
    {
        Sent(log, notification.Id, notification.RecipientUserId);
        return Task.FromResult(Reference);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "notification {NotificationId} to user {UserId}")]
    private static partial void Sent(ILogger logger, Guid notificationId, Guid userId);
}

/// <summary>GOV.UK Notify: one email per notification through the configured template, with the notification's id as
/// Notify's client reference so a message can be traced either way.</summary>
public sealed class GovUkNotifyChannel(NotifyOptions options) : INotificationChannel
{
    private readonly Notify.Client.NotificationClient client = new(options.ApiKey!);

    public async Task<string> SendAsync(OutgoingNotification notification, CancellationToken ct)
    {
        var personalisation = new Dictionary<string, dynamic>
        {
            ["subject"] = notification.Subject,
            ["body"] = notification.Body,
        };
        var response = await client.SendEmailAsync(notification.EmailAddress, options.TemplateId!, personalisation, notification.Id.ToString());
        return response.id;
    }
}
