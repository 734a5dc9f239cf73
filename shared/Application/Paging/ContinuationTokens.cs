using System.Buffers.Text;
using System.Text;
using CulturalServerless.Application.Problems;

namespace CulturalServerless.Application.Paging;

/// <summary>
/// Wraps Cosmos DB continuation tokens (JSON) as opaque URL-safe strings, so portals pass them in a
/// query string without escaping and do not come to depend on their content.
/// </summary>
public static class ContinuationTokens
{
    public static string? ToClient(string? cosmosToken) =>
        cosmosToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(cosmosToken));

    public static string? FromClient(string? clientToken)
    {
        if (string.IsNullOrWhiteSpace(clientToken)) return null;
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(clientToken));
        }
        catch (FormatException)
        {
            throw InvalidToken();
        }
    }

    public static ApiProblemException InvalidToken() =>
        new(ProblemType.InvalidContinuationToken, "continuationToken không hợp lệ hoặc đã hết hạn; hãy bắt đầu lại từ trang đầu.");
}
