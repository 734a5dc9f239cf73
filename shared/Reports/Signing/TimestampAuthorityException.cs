namespace CulturalServerless.Reports.Signing;

/// <summary>
/// The time-stamping authority gave no usable timestamp, so nothing was signed: a report is never
/// issued without its signature timestamp. Retrying later may succeed.
/// </summary>
public class TimestampAuthorityException : Exception
{
    public TimestampAuthorityException(string message) : base(message)
    {
    }

    public TimestampAuthorityException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>
/// The time-stamping authority did not answer (unreachable, timed out, a server error): "timestamp
/// authority unavailable". Transient: the render fails and the trigger retries.
/// </summary>
public sealed class TimestampAuthorityUnavailableException : TimestampAuthorityException
{
    /// <summary>How a renderer names this failure where it records why a report is missing.</summary>
    public const string Reason = "timestamp authority unavailable";

    public TimestampAuthorityUnavailableException(string message) : base(message)
    {
    }

    public TimestampAuthorityUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
