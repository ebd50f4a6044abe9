using System.Text.Json.Nodes;

namespace Conference.Server.Tests.Api;

/// <summary>
/// The OpenAPI document is what a client generator reads: every operation must be named (after its request) and
/// say which problem details it can answer with, or generated clients treat those answers as unexpected.
/// </summary>
public class OpenApiTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private async Task<List<(string Path, string Method, JsonObject Operation)>> OperationsAsync()
    {
        var document = JsonNode.Parse(await Anonymous.GetStringAsync("/openapi/v1.json"))!;
        return [.. document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => Methods.Contains(op.Key))
                .Select(op => (path.Key, op.Key, op.Value!.AsObject())))];
    }

    private static IEnumerable<string> Statuses(JsonObject operation) =>
        operation["responses"]?.AsObject().Select(r => r.Key) ?? [];

    private static bool IsProblem(JsonObject operation, string status) =>
        operation["responses"]?[status]?["content"]?["application/problem+json"] is not null;

    [Test]
    public async Task EveryOperation_HasAUniqueOperationId()
    {
        var operations = await OperationsAsync();
        var unnamed = operations.Where(o => string.IsNullOrEmpty((string?)o.Operation["operationId"])).Select(o => $"{o.Method} {o.Path}");
        var ids = operations.Select(o => (string?)o.Operation["operationId"]).ToList();

        Assert.That(operations, Has.Count.GreaterThan(50));
        Assert.That(unnamed, Is.Empty);
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public async Task EveryOperation_DeclaresItsProblemResponses()
    {
        var missing = new List<string>();
        foreach (var (path, method, operation) in await OperationsAsync())
        {
            var expected = new List<string> { "401" };
            if (path.Contains("{id}", StringComparison.Ordinal))
            {
                expected.Add("404");
            }

            if (operation["requestBody"] is not null)
            {
                expected.AddRange(["400", "413", "415"]);
            }

            missing.AddRange(expected.Where(status => !IsProblem(operation, status)).Select(status => $"{method} {path}: {status}"));
        }

        Assert.That(missing, Is.Empty, "Declare them with ProducesProblem / ProducesValidationProblem on the endpoint.");
    }

    [TestCase("get", "/api/conferences", "ListConferences")]
    [TestCase("post", "/api/conferences/{id}/show/start", "StartShow")]
    [TestCase("get", "/api/conferences/{id}/awards/{awardId}/tally", "GetAwardTally")]
    [TestCase("post", "/api/join", "RedeemInvitation")]
    [TestCase("post", "/api/media/livekit/webhook", "RecordMediaEvent")]
    public async Task Operation_IsNamedAfterItsRequest(string method, string path, string request)
    {
        var operation = (await OperationsAsync()).Single(o => o.Method == method && o.Path == path).Operation;
        Assert.That((string?)operation["operationId"], Is.EqualTo(request));
    }

    [Test]
    public async Task RateLimitedAndCommandOperations_DeclareTheirSpecificProblems()
    {
        var operations = await OperationsAsync();
        JsonObject Find(string method, string path) => operations.Single(o => o.Method == method && o.Path == path).Operation;

        Assert.That(Statuses(Find("post", "/api/join")), Does.Contain("429"));
        Assert.That(Statuses(Find("post", "/api/conferences/{id}/register")), Does.Contain("429"));
        Assert.That(Statuses(Find("post", "/api/conferences/{id}/show/next")), Is.SupersetOf(new[] { "403", "409" }));
        Assert.That(IsProblem(Find("put", "/api/conferences/{id}"), "409"), Is.True);
        Assert.That(Statuses(Find("get", "/api/conferences/{id}")), Does.Not.Contain("403"), "a public read is never forbidden");
    }
}
