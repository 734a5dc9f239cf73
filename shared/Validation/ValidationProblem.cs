namespace CulturalServerless.Validation;

/// <summary>
/// One thing wrong with a document, located by a JSON path into the document as it was sent
/// (e.g. <c>$.criteria['1.4'].indicators.satisfiedCount</c>), with a stable machine code and the
/// message in Vietnamese for the agency and in English for operators. The HTTP API turns a list of
/// these into the <c>errors</c> of an RFC 9457 problem details response.
/// </summary>
public sealed record ValidationProblem(string Path, string Code, string Message, string MessageEn);
