using CulturalServerless.Application.Assessments;
using Microsoft.AspNetCore.Http;

namespace CulturalServerless.Functions.Http;

/// <summary>
/// Who is calling, for the history of what they change. Until bearer-token authentication is in
/// place every caller is the same anonymous portal; then the token's subject and client take over here.
/// </summary>
public static class RequestActor
{
    public static Actor Of(HttpRequest request) =>
        request.HttpContext.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? new Actor(name, request.HttpContext.User.FindFirst("azp")?.Value ?? request.HttpContext.User.FindFirst("appid")?.Value)
            : new Actor("anonymous");
}
