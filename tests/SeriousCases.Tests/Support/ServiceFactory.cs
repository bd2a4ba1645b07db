using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Data;

namespace SeriousCases.Tests.Support;

/// <summary>The real web app over HTTP, on its own fresh database of the provider under test
/// (with the demo data unless a test class says otherwise). Use as an xunit class fixture.</summary>
public class ServiceFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Extra settings a derived fixture wants (for example Benchmark:ReferenceEndpoints).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected virtual bool WithDemoData => true;

    /// <summary>"Testing" behaves as production does (secure cookies, HSTS) over the in-memory HTTPS client.</summary>
    protected virtual string EnvironmentName => "Testing";

    public virtual async Task InitializeAsync() => database = await TestDatabase.CreateAsync(WithDemoData);

    async Task IAsyncLifetime.DisposeAsync() => await DisposeFixtureAsync();

    protected virtual async Task DisposeFixtureAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // Scheduled jobs stay off unless a test class proves them (ExtraSettings may switch them on).
        builder.UseSetting("Scheduling:Enabled", "false");
        // Every test client shares one address; tests that prove the limits set their own (ExtraSettings).
        builder.UseSetting("RateLimiting:SignIn:PermitLimit", "1000000");
        builder.UseSetting("RateLimiting:Api:PermitLimit", "1000000");
        foreach (var (key, value) in Database.Settings.Concat(ExtraSettings))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each answer.</summary>
    public HttpClient CreateBrowserlessClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Signs in through the demo sign-in page as <paramref name="email"/> and returns the client.</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = CreateBrowserlessClient();
        var form = await client.GetFormAsync("/sign-in");
        var response = await client.PostAsync("/sign-in?handler=Demo", form.With("email", email).ToContent());
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Demo sign-in as {email} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>Runs <paramref name="work"/> with a context on the app's own database.</summary>
    public async Task<T> WithDbAsync<T>(Func<SeriousCasesDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SeriousCasesDbContext>());
    }
}

/// <summary>HTML helpers for page tests.</summary>
public static class PageClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        return await response.ReadDocumentAsync(expected);
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}.");
        }

        return await Parser.ParseDocumentAsync(html);
    }

    /// <summary>The JSON body of an API answer, failing with the status and body when the status is not the expected one.</summary>
    public static async Task<System.Text.Json.JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The antiforgery token (and cookie, kept by the client) from a page's first form.</summary>
    public static async Task<FormValues> GetFormAsync(this HttpClient client, string url)
    {
        var doc = await client.GetDocumentAsync(url);
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} has no antiforgery token.");
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        // Hidden fields of the page's own form (the version a change is made against, for example).
        foreach (var hidden in doc.QuerySelectorAll("main form input[type=hidden]"))
        {
            if (hidden.GetAttribute("name") is { } name && name != "__RequestVerificationToken")
            {
                fields.TryAdd(name, hidden.GetAttribute("value") ?? "");
            }
        }

        return new FormValues(fields);
    }
}

/// <summary>Form fields to post, starting from the antiforgery token.</summary>
public sealed class FormValues(Dictionary<string, string> fields)
{
    public IReadOnlyDictionary<string, string> Fields => fields;

    public FormValues With(string name, string value)
    {
        fields[name] = value;
        return this;
    }

    public FormUrlEncodedContent ToContent() => new(fields);
}
