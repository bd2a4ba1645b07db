using System.CommandLine;

namespace SeriousCases.Bench;

/// <summary>Department-scale benchmark: `generate` loads ten years of data with PostgreSQL COPY,
/// `load` measures pages against reference endpoints in the same run. bench/run.sh does both.</summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var connection = new Option<string>("--postgres") { Description = "PostgreSQL connection string of a migrated database", Required = true };
        var scale = new Option<double>("--scale") { Description = "Fraction of department scale (1 = ten years)", DefaultValueFactory = _ => 1.0 };
        var generate = new Command("generate", "Append a deterministic department-scale data set (about a million insight items) with binary COPY.") { connection, scale };
        generate.SetAction((parse, ct) => DataGenerator.RunAsync(parse.GetValue(connection)!, parse.GetValue(scale), Console.Out, ct));

        var baseUrl = new Option<string>("--base-url") { Description = "Where the service listens", DefaultValueFactory = _ => "http://127.0.0.1:5090" };
        var email = new Option<string>("--email") { Description = "Demo user to sign in as", DefaultValueFactory = _ => "admin@demo.test" };
        var seconds = new Option<int>("--seconds") { Description = "Measured seconds per endpoint (after warm-up)", DefaultValueFactory = _ => 10 };
        var maxRequests = new Option<int>("--max-requests") { Description = "Stop an endpoint early after this many requests", DefaultValueFactory = _ => 200_000 };
        var concurrency = new Option<int>("--connections") { Description = "Concurrent connections", DefaultValueFactory = _ => 16 };
        var output = new Option<FileInfo?>("--markdown") { Description = "Also write the results as a Markdown table to this file" };
        var only = new Option<string?>("--only") { Description = "\"register\": measure only the action register's pages and their reference" };
        var registerUsers = new Option<int>("--register-users") { Description = "Concurrent users on the register's pages (its goal is set for 8)", DefaultValueFactory = _ => 8 };
        var load = new Command("load", "Measure each page and its reference endpoint on loopback and report the ratios.")
        {
            baseUrl, email, seconds, maxRequests, concurrency, output, only, registerUsers,
        };
        load.SetAction((parse, ct) => LoadRunner.RunAsync(
            new LoadSettings(new Uri(parse.GetValue(baseUrl)!), parse.GetValue(email)!, TimeSpan.FromSeconds(parse.GetValue(seconds)),
                parse.GetValue(maxRequests), parse.GetValue(concurrency), parse.GetValue(output), parse.GetValue(only), parse.GetValue(registerUsers)),
            Console.Out, ct));

        var importPostgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (a database the benchmark may migrate and fill)" };
        var importSqlite = new Option<string?>("--sqlite") { Description = "Path of a SQLite file the benchmark may create and fill" };
        var rows = new Option<int>("--rows") { Description = "Rows in the import file", DefaultValueFactory = _ => 1_000_000 };
        var importMarkdown = new Option<FileInfo?>("--markdown") { Description = "Also write the results as Markdown tables to this file" };
        var import = new Command("import", "Measure the CSV import of insight against a bare COPY (PostgreSQL) or prepared insert (SQLite) of the same rows, and the register's search against hand-written SQL.")
        {
            importPostgres, importSqlite, rows, importMarkdown,
        };
        import.SetAction((parse, ct) => ImportBenchmark.RunAsync(parse.GetValue(importPostgres), parse.GetValue(importSqlite), parse.GetValue(rows),
            parse.GetValue(importMarkdown), Console.Out, ct));

        var escalatePostgres = new Option<string>("--postgres") { Description = "PostgreSQL connection string of the generated database", Required = true };
        var escalateMarkdown = new Option<FileInfo?>("--markdown") { Description = "Append the results as a Markdown table to this file" };
        var escalate = new Command("escalate", "Time the escalation run over the generated register: the first run (backlog) and the next day's.")
        {
            escalatePostgres, escalateMarkdown,
        };
        escalate.SetAction((parse, ct) => EscalationBenchmark.RunAsync(parse.GetValue(escalatePostgres)!, parse.GetValue(escalateMarkdown), Console.Out, ct));

        var publicationPostgres = new Option<string>("--postgres") { Description = "PostgreSQL connection string of the generated database", Required = true };
        var publicationMarkdown = new Option<FileInfo?>("--markdown") { Description = "Append the results as a Markdown table to this file" };
        var publication = new Command("publication", "Time building a year's annual publication (the year with most concluded IPRs) over the generated data, and its identifiability check.")
        {
            publicationPostgres, publicationMarkdown,
        };
        publication.SetAction((parse, ct) => PublicationBenchmark.RunAsync(parse.GetValue(publicationPostgres)!, parse.GetValue(publicationMarkdown), Console.Out, ct));

        var themesPostgres = new Option<string>("--postgres") { Description = "PostgreSQL connection string of the generated database", Required = true };
        var themesSqlite = new Option<string?>("--sqlite") { Description = "Also copy the themes' tables into a new SQLite file at this path and measure there" };
        var themesRuns = new Option<int>("--runs") { Description = "Measured runs of each query (after two warm-up runs)", DefaultValueFactory = _ => 15 };
        var themesMarkdown = new Option<FileInfo?>("--markdown") { Description = "Append the results as a Markdown table to this file" };
        var themes = new Command("themes", "Time the themes overview (month by theme over 36 months) and a theme's XmR series through the service against hand-written SQL, on PostgreSQL and SQLite.")
        {
            themesPostgres, themesSqlite, themesRuns, themesMarkdown,
        };
        themes.SetAction((parse, ct) => ThemesBenchmark.RunAsync(parse.GetValue(themesPostgres)!, parse.GetValue(themesSqlite), parse.GetValue(themesRuns),
            parse.GetValue(themesMarkdown), Console.Out, ct));

        var similarPostgres = new Option<string>("--postgres") { Description = "PostgreSQL connection string of the generated database", Required = true };
        var similarRounds = new Option<int>("--rounds") { Description = "Reference runs (each interleaved with three cached lookups and one by finding)", DefaultValueFactory = _ => 7 };
        var similarMarkdown = new Option<FileInfo?>("--markdown") { Description = "Append the results as a Markdown table to this file" };
        var similar = new Command("similar", "Time a similar-findings lookup over the generated findings against reading and weighing every finding per lookup.")
        {
            similarPostgres, similarRounds, similarMarkdown,
        };
        similar.SetAction((parse, ct) => SimilarBenchmark.RunAsync(parse.GetValue(similarPostgres)!, parse.GetValue(similarRounds), parse.GetValue(similarMarkdown), Console.Out, ct));


        var managementPostgres = new Option<string>("--postgres") { Description = "PostgreSQL connection string of the generated database", Required = true };
        var managementUrl = new Option<string?>("--base-url") { Description = "Where the service listens (leave out to time the aggregations only)" };
        var managementRuns = new Option<int>("--runs") { Description = "Measured runs of each aggregation", DefaultValueFactory = _ => 15 };
        var managementSeconds = new Option<int>("--seconds") { Description = "Measured seconds of load per dashboard address", DefaultValueFactory = _ => 20 };
        var managementMarkdown = new Option<FileInfo?>("--markdown") { Description = "Append the results as Markdown tables to this file" };
        var management = new Command("management", "Time each management dashboard aggregation against hand-written SQL, and the dashboard under 8 concurrent users.")
        {
            managementPostgres, managementUrl, managementRuns, managementSeconds, managementMarkdown,
        };
        management.SetAction((parse, ct) => ManagementBenchmark.RunAsync(
            new ManagementBenchmark.Settings(parse.GetValue(managementPostgres)!, parse.GetValue(managementUrl) is { } url ? new Uri(url) : null,
                parse.GetValue(managementRuns), TimeSpan.FromSeconds(parse.GetValue(managementSeconds)), parse.GetValue(managementMarkdown)),
            Console.Out, ct));


        return await new RootCommand("Serious Case Learning benchmark") { generate, load, import, escalate, publication, themes, similar, management }.Parse(args).InvokeAsync();
    }
}
