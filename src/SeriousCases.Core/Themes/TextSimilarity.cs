namespace SeriousCases.Core.Themes;

/// <summary>TF-IDF cosine similarity between short texts (findings, insight summaries): words are lower-cased, common
/// words dropped and a plural "s" removed; each word is weighted by how rare it is across the texts given
/// (idf = ln((n + 1) / (df + 1)) + 1), so "journal" and "welfare" count for more than "customer". Plain arithmetic, no
/// model: the same texts always give the same scores.</summary>
public sealed class TextSimilarity
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "that", "this", "with", "was", "were", "are", "not", "but", "had", "has", "have", "been", "their",
        "they", "them", "there", "from", "which", "when", "who", "would", "could", "should", "did", "does", "its", "into", "any",
        "all", "also", "than", "then", "our", "out", "about", "after", "before", "over", "under", "where", "while", "what", "how",
        "can", "may", "will", "being", "such", "these", "those", "other", "more", "his", "her", "she", "him", "customer", "dwp",
    };

    private readonly Dictionary<string, int> documentFrequency = new(StringComparer.Ordinal);
    private readonly List<(Guid Id, Dictionary<string, double> Vector)> documents = [];
    private readonly int count;

    public TextSimilarity(IEnumerable<(Guid Id, string Text)> corpus)
    {
        var tokenised = corpus.Select(d => (d.Id, Terms: Terms(d.Text))).ToList();
        count = tokenised.Count;
        foreach (var (_, terms) in tokenised)
        {
            foreach (var term in terms.Keys)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        foreach (var (id, terms) in tokenised)
        {
            documents.Add((id, Vector(terms)));
        }
    }

    public static IReadOnlyList<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (c == '\'' || c == '’')
            {
                continue; // "customer's" is "customers", then "customer"
            }

            if (word.Length > 0)
            {
                var w = word.ToString();
                word.Clear();
                if (w.Length > 4 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
                {
                    w = w[..^1];
                }

                if (w.Length >= 3 && !StopWords.Contains(w))
                {
                    tokens.Add(w);
                }
            }
        }

        return tokens;
    }

    /// <summary>Cosine similarity (0 to 1) of two texts, weighted by this corpus.</summary>
    public double Score(string a, string b) => Cosine(Vector(Terms(a)), Vector(Terms(b)));

    /// <summary>The corpus texts most like <paramref name="text"/>, best first, at least <paramref name="minimum"/>.</summary>
    public IReadOnlyList<(Guid Id, double Score)> MostSimilar(string text, int take, double minimum, Func<Guid, bool>? include = null)
    {
        var query = Vector(Terms(text));
        return [.. documents
            .Where(d => include is null || include(d.Id))
            .Select(d => (d.Id, Score: Cosine(query, d.Vector)))
            .Where(x => x.Score >= minimum)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Id)
            .Take(take)];
    }

    private static Dictionary<string, int> Terms(string text)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in Tokens(text))
        {
            terms[t] = terms.GetValueOrDefault(t) + 1;
        }

        return terms;
    }

    private Dictionary<string, double> Vector(Dictionary<string, int> terms)
    {
        var v = new Dictionary<string, double>(terms.Count, StringComparer.Ordinal);
        foreach (var (term, tf) in terms)
        {
            v[term] = tf * (Math.Log((count + 1.0) / (documentFrequency.GetValueOrDefault(term) + 1.0)) + 1);
        }

        return v;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var dot = 0.0;
        foreach (var (term, w) in small)
        {
            if (large.TryGetValue(term, out var other))
            {
                dot += w * other;
            }
        }

        var norm = Math.Sqrt(a.Values.Sum(x => x * x)) * Math.Sqrt(b.Values.Sum(x => x * x));
        return norm == 0 ? 0 : Math.Min(1, dot / norm);
    }
}
