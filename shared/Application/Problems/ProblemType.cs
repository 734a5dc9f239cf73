namespace CulturalServerless.Application.Problems;

/// <summary>
/// A kind of error the API answers with, as an RFC 9457 problem type: a stable URI reference
/// (<c>/problems/{slug}</c>, documented in docs/api.md), its HTTP status and its title.
/// Portals branch on <see cref="Uri"/>; people read the titles.
/// </summary>
public sealed record ProblemType(string Slug, int Status, string Title, string TitleEn)
{
    public string Uri => "/problems/" + Slug;

    public static readonly ProblemType Validation = new("validation", 400, "Dữ liệu gửi lên không hợp lệ", "The request has invalid data");
    public static readonly ProblemType MalformedJson = new("malformed-json", 400, "Nội dung không phải JSON hợp lệ", "The body is not valid JSON");
    public static readonly ProblemType EmptyBody = new("empty-body", 400, "Thiếu nội dung yêu cầu", "The request body is empty");
    public static readonly ProblemType InvalidParameter = new("invalid-parameter", 400, "Tham số không hợp lệ", "A route or query parameter is invalid");
    public static readonly ProblemType InvalidContinuationToken = new("invalid-continuation-token", 400, "Mã phân trang không hợp lệ", "The continuation token is invalid");
    public static readonly ProblemType Unauthorized = new("unauthorized", 401, "Chưa xác thực", "A valid bearer token is required");
    public static readonly ProblemType Forbidden = new("forbidden", 403, "Không có quyền", "The caller may not do this");
    public static readonly ProblemType NotFound = new("not-found", 404, "Không tìm thấy", "Not found");
    public static readonly ProblemType Conflict = new("conflict", 409, "Xung đột dữ liệu", "The resource was changed by someone else");
    public static readonly ProblemType IdempotencyKeyReused = new("idempotency-key-reused", 409, "Idempotency-Key đã được dùng cho nội dung khác", "The Idempotency-Key was used for a different request");
    public static readonly ProblemType AgencyBeingDecided = new("agency-being-decided", 409, "Cơ quan đang được xét trong quyết định khác", "An agency is being decided in another decision right now; retry after Retry-After");
    public static readonly ProblemType NotSubmitted = new("not-submitted", 409, "Chưa nộp chính thức", "There is no official submission to act on (a draft is not appraised)");
    public static readonly ProblemType InvalidTransition = new("invalid-transition", 409, "Bước này không thực hiện được ở trạng thái hiện tại", "This step is not allowed in the current state of the process");
    public static readonly ProblemType AssessmentLocked = new("assessment-locked", 409, "Tự đánh giá đã khóa sau thẩm định", "The assessment is locked by its final appraisal");
    public static readonly ProblemType NotEligible = new("not-eligible", 422, "Cơ quan chưa đủ điều kiện công nhận", "An agency is not eligible for the recognition asked for");
    public static readonly ProblemType PreconditionFailed = new("precondition-failed", 412, "Phiên bản dữ liệu đã thay đổi", "The resource has changed since it was read (If-Match)");
    public static readonly ProblemType PreconditionRequired = new("precondition-required", 428, "Thiếu tiêu đề điều kiện bắt buộc", "The request must carry a required header (Idempotency-Key, If-Match)");
    public static readonly ProblemType PayloadTooLarge = new("payload-too-large", 413, "Nội dung quá lớn", "The request body is too large");
    public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type", 415, "Kiểu nội dung không được hỗ trợ", "The content type is not supported");
    public static readonly ProblemType Internal = new("internal", 500, "Lỗi hệ thống", "An unexpected error occurred");
    public static readonly ProblemType Unavailable = new("unavailable", 503, "Dịch vụ tạm thời không khả dụng", "A service the API depends on is temporarily unavailable");
}
