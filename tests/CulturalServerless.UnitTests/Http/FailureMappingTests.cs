using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Azure;
using CulturalServerless.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace CulturalServerless.UnitTests.Http;

/// <summary>
/// The HTTP boundary's answer to what a handler threw: a dependency that is down or silent is 503
/// <c>/problems/unavailable</c> with Retry-After; a bug stays a 500 without it.
/// </summary>
public sealed class FailureMappingTests
{
    public static TheoryData<string, Exception, bool> Unavailable() => new()
    {
        { "Cosmos DB 503", Cosmos(HttpStatusCode.ServiceUnavailable), false },
        { "Cosmos DB 408", Cosmos(HttpStatusCode.RequestTimeout), false },
        { "Cosmos DB 429 after the SDK's retries", Cosmos(HttpStatusCode.TooManyRequests, 3200), false },
        { "Blob Storage 503 ServerBusy", new RequestFailedException(503, "busy", "ServerBusy", null), false },
        { "Blob Storage 500 OperationTimedOut", new RequestFailedException(500, "timed out", "OperationTimedOut", null), false },
        { "Blob Storage 408", new RequestFailedException(408, "timeout"), false },
        { "Blob Storage not reachable", new RequestFailedException(0, "refused", null, new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused))), false },
        { "HttpRequestException", new HttpRequestException("Connection refused"), false },
        { "SocketException", new SocketException((int)SocketError.ConnectionReset), false },
        { "IOException over a SocketException", new IOException("Unable to read data from the transport connection", new SocketException((int)SocketError.ConnectionReset)), false },
        { "the deadline cancelled a call", new OperationCanceledException(), true },
        { "the deadline cancelled an HTTP call", new TaskCanceledException(), true },
        { "Azure.Core's network timeout", new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout of 0:00:03."), false },
        { "Azure.Core's retries spent", new AggregateException("Retry failed after 2 tries.", new TaskCanceledException("timeout"), new RequestFailedException(503, "busy")), false },
    };

    public static TheoryData<string, Exception, bool> Bugs() => new()
    {
        { "NullReferenceException", new NullReferenceException(), false },
        { "NullReferenceException after the deadline", new NullReferenceException(), true },
        { "InvalidOperationException", new InvalidOperationException("Assessment points at a missing version 3."), false },
        { "Cosmos DB 400", Cosmos(HttpStatusCode.BadRequest), false },
        { "Cosmos DB 404 the code did not expect", Cosmos(HttpStatusCode.NotFound), false },
        { "Cosmos DB 409", Cosmos(HttpStatusCode.Conflict), false },
        { "Cosmos DB 500", Cosmos(HttpStatusCode.InternalServerError), false },
        { "Blob Storage 404", new RequestFailedException(404, "not found", "BlobNotFound", null), false },
        { "Blob Storage 403", new RequestFailedException(403, "denied", "AuthorizationFailure", null), false },
        { "Blob Storage status 0 without a network cause", new RequestFailedException(0, "could not parse the response"), false },
        { "a file's IOException", new FileNotFoundException("missing.pfx"), false },
        { "a regex timeout", new RegexMatchTimeoutException("aaaa", "a+b", TimeSpan.FromSeconds(1)), false },
        { "retries that hid a bug", new AggregateException(new TaskCanceledException(), new NullReferenceException()), false },
        { "an empty AggregateException", new AggregateException(), false },
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void A_dependency_that_is_down_or_silent_is_503_unavailable_with_Retry_After(string kind, Exception exception, bool deadlinePassed)
    {
        var (result, headers) = Answer(exception, deadlinePassed);

        Assert.True(result.StatusCode == StatusCodes.Status503ServiceUnavailable, kind);
        Assert.Equal("application/problem+json", result.ContentType);
        Assert.Equal("/problems/unavailable", Body(result)["type"]);
        Assert.Equal(DependencyFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), headers.RetryAfter.ToString());
    }

    [Theory]
    [MemberData(nameof(Bugs))]
    public void A_bug_stays_500_internal_without_Retry_After(string kind, Exception exception, bool deadlinePassed)
    {
        var (result, headers) = Answer(exception, deadlinePassed);

        Assert.True(result.StatusCode == StatusCodes.Status500InternalServerError, kind);
        Assert.Equal("/problems/internal", Body(result)["type"]);
        Assert.False(headers.ContainsKey("Retry-After"), kind);
    }

    [Fact]
    public void The_503_tells_nothing_of_the_exception()
    {
        var (result, _) = Answer(Cosmos(HttpStatusCode.ServiceUnavailable, 20003), deadlinePassed: false);

        var body = Body(result);
        Assert.Equal(503, body["status"]);
        Assert.DoesNotContain("20003", (string)body["detail"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("Cosmos", (string)body["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_problem_that_may_succeed_later_carries_its_Retry_After_and_others_none()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/decisions";
        var busy = new CulturalServerless.Application.Problems.ApiProblemException(
            CulturalServerless.Application.Problems.ProblemType.AgencyBeingDecided, "busy") { RetryAfterSeconds = 5 };

        var result = Assert.IsType<JsonResult>(CulturalServerless.Functions.Http.Problems.ProblemResults.From(busy, context.Request));

        Assert.Equal(409, result.StatusCode);
        Assert.Equal("/problems/agency-being-decided", Body(result)["type"]);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        var other = new DefaultHttpContext();
        CulturalServerless.Functions.Http.Problems.ProblemResults.From(
            new CulturalServerless.Application.Problems.ApiProblemException(CulturalServerless.Application.Problems.ProblemType.Conflict, "changed"), other.Request);
        Assert.False(other.Response.Headers.ContainsKey("Retry-After"));
    }

    private static (JsonResult Result, IHeaderDictionary Headers) Answer(Exception exception, bool deadlinePassed)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/agencies/vp-ubnd-quang-ngai/assessments/2022";
        var result = Assert.IsType<JsonResult>(HttpEndpoint.Failure(
            context.Request, NullLogger.Instance, exception, deadlinePassed, TimeSpan.FromMilliseconds(42)));
        return (result, context.Response.Headers);
    }

    private static Dictionary<string, object?> Body(JsonResult result) => Assert.IsType<Dictionary<string, object?>>(result.Value);

    private static CosmosException Cosmos(HttpStatusCode status, int subStatus = 0) =>
        new("emulated", status, subStatus, activityId: Guid.NewGuid().ToString(), requestCharge: 0);
}
