using SeriousCases.Core.Common;

namespace SeriousCases.Core.Themes;

/// <summary>The trained theme classifier, kept in the database so every copy of the service (and the next start) serves
/// the same suggestions without training again. There is one at a time: retraining replaces it.</summary>
public sealed class ThemeModel : Entity
{
    /// <summary>The ML.NET model as saved by <c>MLContext.Model.Save</c> (a zip). Written to the audit trail as its size only.</summary>
    public required byte[] Model { get; set; }

    public DateTime TrainedAt { get; set; }

    /// <summary>Coded items trained on (the held-out ones excluded) and items held out to measure accuracy.</summary>
    public int TrainedOn { get; set; }

    public int HeldOut { get; set; }

    /// <summary>Share of held-out items whose first suggestion is a theme a person gave them.</summary>
    public double Accuracy { get; set; }

    /// <summary>Share of held-out items with a theme a person gave them among the first three suggestions.</summary>
    public double TopThreeAccuracy { get; set; }
}

/// <summary>What the person writing a finding or insight item did with the theme suggestion, recorded on the item (and so
/// in the audit entry of its save) to learn how far the suggestions are trusted.</summary>
public enum ThemeSuggestionUse
{
    /// <summary>The person did not ask for suggestions (or none could be made).</summary>
    NotAsked = 0,

    /// <summary>Saved with exactly the themes suggested.</summary>
    AcceptedAsIs = 1,

    /// <summary>Suggested themes were shown, and the person ticked or unticked some before saving.</summary>
    Changed = 2,
}
