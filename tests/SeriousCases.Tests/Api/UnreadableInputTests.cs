using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Api;

/// <summary>Input the API cannot read gets a 400 problem that says what to fix, never a 500.</summary>
public sealed class UnreadableInputTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private async Task<(HttpStatusCode Status, JsonElement Problem)> PutAsync(string body)
    {
        var client = await app.SignInAsync("admin@demo.test");
        var lines = await client.GetFromJsonAsync<JsonElement>("/api/v1/service-lines");
        var id = lines[0].GetProperty("id").GetString();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/service-lines/{id}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var response = await client.SendAsync(request);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_the_field()
    {
        var (status, problem) = await PutAsync("""{"name":"X","abbreviation":"Y","isActive":"maybe"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("isActive has a value of the wrong type", problem.GetProperty("errors").GetProperty("isActive")[0].GetString());
    }

    [Fact]
    public async Task Broken_json_says_where()
    {
        var (status, problem) = await PutAsync("{bad json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The request body is not valid JSON", problem.GetProperty("title").GetString());
        Assert.Contains("line 1, position 2", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_missing_body_is_asked_for()
    {
        var (status, problem) = await PutAsync("");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Send the record as JSON", problem.GetProperty("detail").GetString());
    }
}
