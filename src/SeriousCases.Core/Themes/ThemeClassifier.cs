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

/// <summary>A trained model ready to store: the saved ML.NET model and how well it did on the held-out items.</summary>
public sealed record TrainedThemeModel(byte[] Model, ClassifierReport Report);

/// <summary>Suggests themes for a text from text already coded, with ML.NET (text features, SDCA maximum entropy). Every
/// fifth coded item (in a fixed order) is held out to measure accuracy. Training gives the model's bytes, which are stored
/// (<see cref="ThemeModel"/>); this class serves suggestions from the stored model it was last given. One per process
/// (a singleton): each copy of the service loads the stored model when it first needs it or when it has been replaced.</summary>
public sealed class ThemeClassifier
{
    private readonly Lock gate = new();
    private PredictionEngine<Row, Prediction>? engine;
    private string[] labels = [];

    public ClassifierReport? Report { get; private set; }

    /// <summary>The stored model being served, null until one is loaded.</summary>
    public Guid? ModelId { get; private set; }

    private sealed class Row
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";
    }

    private sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }

    /// <summary>Trains on <paramref name="items"/> (at least 10 with a theme), reports accuracy on the held-out fifth, and
    /// returns a model trained on every coded item, saved as bytes. Does not change what is served.</summary>
    public static TrainedThemeModel Train(IReadOnlyList<CodedText> items, DateTimeOffset now)
    {
        var coded = items.Where(i => i.ThemeCodes.Count > 0 && !string.IsNullOrWhiteSpace(i.Text))
            .OrderBy(i => i.Text, StringComparer.Ordinal).ToList();
        if (coded.Count < 10)
        {
            throw new InvalidOperationException("At least 10 coded items are needed to train theme suggestions.");
        }

        var heldOut = coded.Where((_, i) => i % 5 == 0).ToList();
        var training = coded.Where((_, i) => i % 5 != 0).ToList();
        var ml = new MLContext(seed: 7);
        var (trainedModel, _) = Fit(ml, training);
        var (trainedEngine, trainedLabels) = Engine(ml, trainedModel);
        var right = 0;
        var rightInThree = 0;
        foreach (var item in heldOut)
        {
            var top = Rank(trainedEngine, trainedLabels, item.Text, 3);
            right += top.Count > 0 && item.ThemeCodes.Contains(top[0].Code) ? 1 : 0;
            rightInThree += top.Any(t => item.ThemeCodes.Contains(t.Code)) ? 1 : 0;
        }

        // Serve from a model trained on every coded item.
        var (servingModel, servingSchema) = Fit(ml, coded);
        using var bytes = new MemoryStream();
        ml.Model.Save(servingModel, servingSchema, bytes);
        var report = new ClassifierReport(training.Count, heldOut.Count, right / (double)heldOut.Count, rightInThree / (double)heldOut.Count, now);
        return new TrainedThemeModel(bytes.ToArray(), report);
    }

    /// <summary>Serves suggestions from a stored model from now on.</summary>
    public void Use(Guid modelId, byte[] model, ClassifierReport report)
    {
        var ml = new MLContext(seed: 7);
        using var stream = new MemoryStream(model, writable: false);
        var transformer = ml.Model.Load(stream, out _);
        var (e, names) = Engine(ml, transformer);
        lock (gate)
        {
            engine = e;
            labels = names;
            Report = report;
            ModelId = modelId;
        }
    }

    /// <summary>Stops serving suggestions (the stored model is gone).</summary>
    public void Forget()
    {
        lock (gate)
        {
            engine = null;
            labels = [];
            Report = null;
            ModelId = null;
        }
    }

    /// <summary>The most likely themes for <paramref name="text"/>, best first; empty until a model is loaded.</summary>
    public IReadOnlyList<ThemeSuggestion> Suggest(string text, int take = 3)
    {
        lock (gate)
        {
            // A prediction engine is not thread-safe: one prediction at a time (each takes well under a millisecond).
            return engine is null || string.IsNullOrWhiteSpace(text) ? [] : Rank(engine, labels, text, take);
        }
    }

    private static IReadOnlyList<ThemeSuggestion> Rank(PredictionEngine<Row, Prediction> e, string[] names, string text, int take)
    {
        var scores = e.Predict(new Row { Text = text }).Score;
        return [.. scores.Select((s, i) => new ThemeSuggestion(names[i], Math.Round(s, 3))).OrderByDescending(s => s.Score).Take(take)];
    }

    private static (ITransformer Model, DataViewSchema Schema) Fit(MLContext ml, IReadOnlyList<CodedText> items)
    {
        // An item coded with several themes is a training row for each.
        var rows = items.SelectMany(i => i.ThemeCodes.Select(code => new Row { Text = i.Text, Label = code })).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", nameof(Row.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
        return (pipeline.Fit(data), data.Schema);
    }

    private static (PredictionEngine<Row, Prediction> Engine, string[] Labels) Engine(MLContext ml, ITransformer model)
    {
        var e = ml.Model.CreatePredictionEngine<Row, Prediction>(model);
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        e.OutputSchema["Score"].GetSlotNames(ref slotNames);
        return (e, [.. slotNames.DenseValues().Select(v => v.ToString())]);
    }
}

public sealed record SuggestedTheme(string Code, string Name, double Score);

/// <summary>Suggested themes for a text with the model's report (null when no model has been trained yet).</summary>
public sealed record ThemeSuggestions(ClassifierReport? Report, IReadOnlyList<SuggestedTheme> Themes);

/// <summary>Trains the theme classifier on coded findings and insight items (the latest 20,000 of each), on demand, stores
/// the model in the database (replacing the previous one, audited) and serves suggestions from the stored model.</summary>
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
        var trained = ThemeClassifier.Train(items, (clock ?? TimeProvider.System).GetUtcNow());

        // One model at a time: the new one replaces the old in one transaction (a Delete and a Create entry in the trail,
        // the Create carrying the counts and accuracy; the bytes are recorded by their size).
        db.ThemeModels.RemoveRange(await db.ThemeModels.ToListAsync(ct));
        var r = trained.Report;
        var stored = new ThemeModel
        {
            Model = trained.Model,
            TrainedAt = r.TrainedAt.UtcDateTime,
            TrainedOn = r.TrainedOn,
            HeldOut = r.HeldOut,
            Accuracy = r.Accuracy,
            TopThreeAccuracy = r.TopThreeAccuracy,
        };
        db.ThemeModels.Add(stored);
        await db.SaveChangesAsync(ct);
        classifier.Use(stored.Id, stored.Model, r);
        return r;
    }

    /// <summary>The stored model's report, loading the model into this copy of the service if it has not got it yet or
    /// another copy has replaced it; null when none has been trained.</summary>
    public async Task<ClassifierReport?> CurrentAsync(CancellationToken ct)
    {
        var latest = await db.ThemeModels.AsNoTracking().OrderByDescending(m => m.TrainedAt)
            .Select(m => new { m.Id, m.TrainedAt, m.TrainedOn, m.HeldOut, m.Accuracy, m.TopThreeAccuracy })
            .FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            classifier.Forget();
            return null;
        }

        if (classifier.ModelId != latest.Id)
        {
            var bytes = await db.ThemeModels.AsNoTracking().Where(m => m.Id == latest.Id).Select(m => m.Model).SingleAsync(ct);
            classifier.Use(latest.Id, bytes, new ClassifierReport(latest.TrainedOn, latest.HeldOut, latest.Accuracy, latest.TopThreeAccuracy,
                new DateTimeOffset(DateTime.SpecifyKind(latest.TrainedAt, DateTimeKind.Utc))));
        }

        return classifier.Report;
    }

    /// <summary>Suggestions with the themes' names, best first; none (and no report) until a model has been trained
    /// (training takes a while on a large register, so it happens only on demand: the button on /themes or `themes train`).</summary>
    public async Task<ThemeSuggestions> SuggestAsync(string text, CancellationToken ct)
    {
        var report = await CurrentAsync(ct);
        if (report is null)
        {
            return new ThemeSuggestions(null, []);
        }

        var names = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        return new ThemeSuggestions(report, [.. classifier.Suggest(text).Select(s => new SuggestedTheme(s.Code, names.GetValueOrDefault(s.Code, s.Code), s.Score))]);
    }
}
