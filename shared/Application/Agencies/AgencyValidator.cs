using System.Text.RegularExpressions;
using CulturalServerless.Jurisdictions;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Agencies;

/// <summary>Checks an agency registration and reports every problem at once, each with its JSON path.</summary>
public static partial class AgencyValidator
{
    public const int MaxNameLength = 300;
    public const int MaxShortTextLength = 100;
    private static readonly string[] AuthorityPrefixes = ["TM.", "Q.", "KT.", "TL.", "TUQ."];

    public static ValidationResult Validate(string agencyId, AgencyRegistration registration)
    {
        var problems = new ValidationProblemList();
        if (registration.Id is { } id && id != agencyId)
        {
            problems.Add("$.id", "id-mismatch", $"Mã cơ quan trong nội dung ('{id}') khác mã trên đường dẫn ('{agencyId}').",
                $"The id in the body ('{id}') differs from the id in the path ('{agencyId}').");
        }
        RequiredText(problems, "$.name", registration.Name, MaxNameLength, "tên cơ quan", "agency name");
        RequiredText(problems, "$.parentBody", registration.ParentBody, MaxNameLength, "cơ quan chủ quản", "parent body");
        RequiredText(problems, "$.placeName", registration.PlaceName, MaxShortTextLength, "địa danh", "place name");
        OptionalText(problems, "$.headerName", registration.HeaderName, MaxNameLength);
        OptionalText(problems, "$.steeringCommittee", registration.SteeringCommittee, MaxNameLength);
        if (RequiredText(problems, "$.symbol", registration.Symbol, 20, "ký hiệu cơ quan ban hành", "issuing-body symbol")
            && !Symbol().IsMatch(registration.Symbol!))
        {
            problems.Add("$.symbol", "invalid-symbol",
                "Ký hiệu chỉ gồm chữ in hoa và số, nối bằng dấu gạch ngang (ví dụ: VP, UBND-VP).",
                "The symbol takes capital letters and digits joined by hyphens (e.g. VP, UBND-VP).");
        }
        if (!JurisdictionCode.IsValid(registration.Jurisdiction))
        {
            problems.Add("$.jurisdiction", registration.Jurisdiction is null ? "required" : "invalid-jurisdiction",
                "Cần mã địa bàn dạng mã tỉnh[.mã huyện] (ví dụ: 51 hoặc 51.522).",
                "A jurisdiction code like province[.district] is required (e.g. 51 or 51.522).");
        }
        ValidateStaff(problems, registration.Staff);
        ValidateSigner(problems, registration.Signer);
        ValidateContact(problems, registration.Contact);
        return problems.ToResult();
    }

    private static void ValidateStaff(ValidationProblemList problems, AgencyStaff? staff)
    {
        if (staff is null) return;
        (string Path, int Value)[] counts =
        [
            ("$.staff.total", staff.Total), ("$.staff.officials", staff.Officials),
            ("$.staff.contractWorkers", staff.ContractWorkers), ("$.staff.publicEmployees", staff.PublicEmployees),
        ];
        foreach (var (path, value) in counts.Where(c => c.Value < 0))
        {
            problems.Add(path, "negative-count", "Số người không được âm.", "A head count cannot be negative.");
        }
        int sum;
        try
        {
            // Checked: three counts near int.MaxValue would otherwise wrap around to a small (even equal) total.
            sum = checked(staff.Officials + staff.ContractWorkers + staff.PublicEmployees);
        }
        catch (OverflowException)
        {
            problems.Add("$.staff.total", "staff-total-overflow",
                "Tổng các nhóm (công chức + lao động hợp đồng + viên chức) vượt quá giới hạn cho phép.",
                "The sum of the categories is too large to count.");
            return;
        }
        if (sum != staff.Total)
        {
            problems.Add("$.staff.total", "staff-total-mismatch",
                $"Tổng số {staff.Total} khác tổng các nhóm {sum} (công chức + lao động hợp đồng + viên chức).",
                $"Total {staff.Total} differs from the sum of the categories, {sum}.");
        }
    }

    private static void ValidateSigner(ValidationProblemList problems, AgencySigner? signer)
    {
        if (signer is null)
        {
            problems.Add("$.signer", "required", "Cần thông tin người ký (chức vụ, họ tên).", "The signer (title and name) is required.");
            return;
        }
        RequiredText(problems, "$.signer.title", signer.Title, MaxShortTextLength, "chức vụ người ký", "signer title");
        RequiredText(problems, "$.signer.name", signer.Name, MaxShortTextLength, "họ tên người ký", "signer name");
        if (signer.AuthorityPrefix is { } prefix && !AuthorityPrefixes.Contains(prefix))
        {
            problems.Add("$.signer.authorityPrefix", "invalid-authority-prefix",
                $"Quyền hạn ký phải là một trong: {string.Join(", ", AuthorityPrefixes)}.",
                $"The authority prefix must be one of {string.Join(", ", AuthorityPrefixes)}.");
        }
    }

    private static void ValidateContact(ValidationProblemList problems, AgencyContact? contact)
    {
        if (contact is null) return;
        OptionalText(problems, "$.contact.name", contact.Name, MaxShortTextLength);
        if (contact.Email is { } email && !Email().IsMatch(email))
        {
            problems.Add("$.contact.email", "invalid-email", "Địa chỉ email không hợp lệ.", "The email address is invalid.");
        }
        OptionalText(problems, "$.contact.phone", contact.Phone, 30);
    }

    private static bool RequiredText(ValidationProblemList problems, string path, string? value, int maxLength, string nameVi, string nameEn)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(path, "required", $"Thiếu {nameVi}.", $"The {nameEn} is required.");
            return false;
        }
        return OptionalText(problems, path, value, maxLength);
    }

    private static bool OptionalText(ValidationProblemList problems, string path, string? value, int maxLength)
    {
        if (value is null || value.Length <= maxLength) return true;
        problems.Add(path, "too-long", $"Dài quá {maxLength} ký tự ({value.Length}).", $"Longer than {maxLength} characters ({value.Length}).");
        return false;
    }

    // \A…\z rather than ^…$: $ also matches before a final "\n", which would let "x\n" through.
    [GeneratedRegex("\\A[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Symbol();

    [GeneratedRegex("\\A[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
