using SeriousCases.Core.Common;

namespace SeriousCases.Core.Notifications;

/// <summary>A message queued for a user (an outbox row): written in the same transaction as the change
/// it reports, so it cannot be lost, and sent by a delivery job. Holds no personal data: it names the
/// record by reference and says where to read more in the service.</summary>
public sealed class Notification : Entity
{
    public Guid RecipientUserId { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>The record the message is about, e.g. "Referral".</summary>
    public required string RelatedType { get; set; }
    public Guid RelatedId { get; set; }
    /// <summary>When it was handed to the delivery channel; null while queued.</summary>
    public DateTime? SentAt { get; set; }
    /// <summary>How many times delivery was tried; the sender gives up after a set number.</summary>
    public int Attempts { get; set; }
    /// <summary>The channel's reason for the last failure (never personal data).</summary>
    public string? LastError { get; set; }
    /// <summary>The channel's own id for the message (GOV.UK Notify's notification id), or "log".</summary>
    public string? ChannelReference { get; set; }
}
