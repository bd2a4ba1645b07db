using Microsoft.EntityFrameworkCore;
using Microsoft.ML;
using Microsoft.ML.Data;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;

namespace SeriousCases.Core.Themes;

/// <summary>A coded text: a finding's or insight item's text and the codes of the themes a person gave it.</summary>
public sealed record CodedText(string Text, IReadOnlyList<string> ThemeCodes);

/// <summary>How the last training went: items trained on, items held out, and the share of held-out items whose first
/// suggestion (and any of the first three) is one of the themes a person gave them.</summary>
public sealed record ClassifierReport(int TrainedOn, int HeldOut, double Accuracy, double TopThreeAccuracy, DateTimeOffset TrainedAt);

public sealed record ThemeSuggestion(string Code, double Score);

/// <summary>Suggests themes for a text from text already coded, with ML.NET (text features, SDCA maximum entropy). Every
/// fifth coded item (in a fixed order) is held out to measure accuracy; the model then serves suggestions until it is
/// retrained. One per process: registered as a singleton.</summary>
public sealed class ThemeClassifier
{
    private readonly Lock gate = new();
    private PredictionEngine<Row, Prediction>? engine;
    private string[] labels = [];

    public ClassifierReport? Report { get; private set; }

    private sealed class Row
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";
    }

    private sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }

    /// <summary>Trains on <paramref name="items"/> (at least 10 with a theme) and reports accuracy on the held-out fifth.</summary>
    public ClassifierReport Train(IReadOnlyList<CodedText> items, DateTimeOffset now)
    {
        var coded = items.Where(i => i.ThemeCodes.Count > 0 && !string.IsNullOrWhiteSpace(i.Text))
            .OrderBy(i => i.Text, StringComparer.Ordinal).ToList();
        if (coded.Count < 10)
        {
            throw new InvalidOperationException("At least 10 coded items are needed to train theme suggestions.");
        }

        var heldOut = coded.Where((_, i) => i % 5 == 0).ToList();
        var training = coded.Where((_, i) => i % 5 != 0).ToList();
        var (trainedEngine, trainedLabels) = Fit(training);
        var right = 0;
        var rightInThree = 0;
        foreach (var item in heldOut)
        {
            var top = Rank(trainedEngine, trainedLabels, item.Text, 3);
            right += top.Count > 0 && item.ThemeCodes.Contains(top[0].Code) ? 1 : 0;
            rightInThree += top.Any(t => item.ThemeCodes.Contains(t.Code)) ? 1 : 0;
        }

        // Serve from a model trained on every coded item.
        var (servingEngine, servingLabels) = Fit(coded);
        var report = new ClassifierReport(training.Count, heldOut.Count, right / (double)heldOut.Count, rightInThree / (double)heldOut.Count, now);
        lock (gate)
        {
            engine = servingEngine;
            labels = servingLabels;
            Report = report;
        }

        return report;
    }

    /// <summary>The most likely themes for <paramref name="text"/>, best first; empty until trained.</summary>
    public IReadOnlyList<ThemeSuggestion> Suggest(string text, int take = 3)
    {
        lock (gate)
        {
            return engine is null || string.IsNullOrWhiteSpace(text) ? [] : Rank(engine, labels, text, take);
        }
    }

    private static IReadOnlyList<ThemeSuggestion> Rank(PredictionEngine<Row, Prediction> e, string[] names, string text, int take)
    {
        var scores = e.Predict(new Row { Text = text }).Score;
        return [.. scores.Select((s, i) => new ThemeSuggestion(names[i], Math.Round(s, 3))).OrderByDescending(s => s.Score).Take(take)];
    }

    private static (PredictionEngine<Row, Prediction> Engine, string[] Labels) Fit(IReadOnlyList<CodedText> items)
    {
        var ml = new MLContext(seed: 7);
        // An item coded with several themes is a training row for each.
        var rows = items.SelectMany(i => i.ThemeCodes.Select(code => new Row { Text = i.Text, Label = code })).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", nameof(Row.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
        var model = pipeline.Fit(data);
        var e = ml.Model.CreatePredictionEngine<Row, Prediction>(model);
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        e.OutputSchema["Score"].GetSlotNames(ref slotNames);
        return (e, [.. slotNames.DenseValues().Select(v => v.ToString())]);
    }
}

/// <summary>Trains the theme classifier on coded findings and insight items (the latest 20,000 of each), on demand.</summary>
public sealed class ThemeClassifierService(SeriousCasesDbContext db, ThemeClassifier classifier, TimeProvider? clock = null)
{
    public const int MostPerKind = 20_000;

    public async Task<ClassifierReport> TrainAsync(CancellationToken ct)
    {
        var findings = await db.Findings.AsNoTracking().OrderByDescending(f => f.CreatedAt).Take(MostPerKind)
            .Select(f => new { f.Text, Codes = f.Themes.Select(t => t.Theme!.Code).ToList() }).ToListAsync(ct);
        var insight = await db.InsightItems.AsNoTracking().Where(i => i.Themes.Any()).OrderByDescending(i => i.MonthKey).Take(MostPerKind)
            .Select(i => new { Text = i.Summary, Codes = i.Themes.Select(t => t.Theme!.Code).ToList() }).ToListAsync(ct);
        var items = findings.Select(f => new CodedText(f.Text, f.Codes)).Concat(insight.Select(i => new CodedText(i.Text, i.Codes))).ToList();
        return classifier.Train(items, (clock ?? TimeProvider.System).GetUtcNow());
    }

    /// <summary>Suggestions with the themes' names; none until the classifier has been trained (training takes a while on
    /// a large register, so it happens only on demand: the button on /themes or `themes train`).</summary>
    public async Task<IReadOnlyList<(string Code, string Name, double Score)>> SuggestAsync(string text, CancellationToken ct)
    {
        if (classifier.Report is null)
        {
            return [];
        }

        var names = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        return [.. classifier.Suggest(text).Select(s => (s.Code, names.GetValueOrDefault(s.Code, s.Code), s.Score))];
    }
}
