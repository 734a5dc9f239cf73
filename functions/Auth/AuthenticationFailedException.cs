namespace CulturalServerless.Functions.Auth;

/// <summary>
/// A request without a usable bearer token. <see cref="Description"/> names the kind of failure
/// only (expired, wrong audience, …) and goes into <c>WWW-Authenticate</c> and the 401 problem;
/// nothing of the token or the validator's message is echoed.
/// </summary>
public sealed class AuthenticationFailedException(string description, bool tokenPresent = true) : Exception(description)
{
    public string Description { get; } = description;

    /// <summary>RFC 6750 §3.1: a request with no token at all gets the challenge without an error code.</summary>
    public bool TokenPresent { get; } = tokenPresent;

    public string Challenge => TokenPresent
        ? $"Bearer error=\"invalid_token\", error_description=\"{Description}\""
        : "Bearer";
}
