namespace CulturalServerless.Application.Appraisals;

// The request bodies of the appraisal steps. Every member is nullable so a missing or null one is a
// validation problem at its JSON path, never a 500.

/// <summary><c>PUT …/appraisal</c>: the current round's points and comments, for some or all sub-items.</summary>
public sealed record AppraisalMarks
{
    public IReadOnlyList<ItemMark?>? Items { get; init; }
}

public sealed record ItemMark
{
    public string? Code { get; init; }
    public decimal? Points { get; init; }
    public string? Comment { get; init; }
}

/// <summary><c>POST …/appraisal/explanation-request</c>.</summary>
public sealed record ExplanationRequestBody
{
    public DateOnly? Deadline { get; init; }
    public string? Message { get; init; }
    public IReadOnlyList<QuestionBody?>? Items { get; init; }
}

public sealed record QuestionBody
{
    public string? Code { get; init; }
    public string? Question { get; init; }
}

/// <summary><c>POST …/appraisal/explanation</c>: the agency's answer.</summary>
public sealed record ExplanationAnswerBody
{
    public IReadOnlyList<AnswerBody?>? Items { get; init; }
}

public sealed record AnswerBody
{
    public string? Code { get; init; }
    public string? Explanation { get; init; }
    public IReadOnlyList<string?>? Evidence { get; init; }
}

/// <summary><c>POST …/appraisal/final</c>: the result, with reasons (required when it does not meet the standard).</summary>
public sealed record FinalAppraisalBody
{
    /// <summary>"meets" or "does-not-meet".</summary>
    public string? Result { get; init; }
    public IReadOnlyList<string?>? Reasons { get; init; }
}
