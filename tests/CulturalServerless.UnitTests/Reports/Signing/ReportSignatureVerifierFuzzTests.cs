using CulturalServerless.Reports.Signing;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>
/// Any byte string gets an answer from the verifier, never an exception: random bytes, and
/// seeded mutations of a real signed report — byte flips anywhere, truncations, flips inside the
/// CMS of /Contents (its length kept, so the damage reaches the certificates, attributes and the
/// timestamp), and splices of /Contents and /ByteRange.
/// </summary>
public sealed class ReportSignatureVerifierFuzzTests
{
    private const int Seed = 20261201;

    private readonly ReportSignatureVerifier _verifier = DevelopmentPki.Shared.Verifier();

    [Fact]
    public void Random_byte_strings_are_answered_as_invalid_never_thrown()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 20_000)];
            random.NextBytes(bytes);
            if (i % 3 == 0)
            {
                // Something for the locator to find: a /ByteRange that may point anywhere.
                var planted = Encoding.ASCII.GetBytes($"/ByteRange [0 {random.Next(-5, bytes.Length)} {random.Next(-5, bytes.Length + 10)} {random.Next(-5, bytes.Length)}]/Contents <3082>");
                if (planted.Length < bytes.Length)
                {
                    planted.CopyTo(bytes, random.Next(0, bytes.Length - planted.Length));
                }
            }

            Check($"random #{i} ({bytes.Length} bytes)", bytes, failures, expectValid: false);
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Mutations_of_a_signed_report_are_answered_never_thrown()
    {
        var pdf = await SignedPdfs.SeedAsync();
        var located = SignedPdfs.Locate(pdf);
        var contentsAt = (int)located.ByteRange[1] + 1;
        var cmsHexLength = located.Cms.Length * 2;
        var byteRangeAt = SignedPdfs.Text(pdf).LastIndexOf("/ByteRange", StringComparison.Ordinal);
        var random = new Random(Seed);
        var failures = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var (kind, mutated) = (i % 6) switch
            {
                0 => ("byte flips", FlipBytes(pdf, random, 0, pdf.Length)),
                1 => ("truncation", pdf[..random.Next(0, pdf.Length)]),
                2 => ("CMS byte flips", FlipCms(pdf, located, random)),
                3 => ("/Contents hex flips", FlipBytes(pdf, random, contentsAt, cmsHexLength)),
                4 => ("/Contents splice", SpliceContents(pdf, located, random)),
                _ => ("/ByteRange splice", SpliceByteRange(pdf, byteRangeAt, random)),
            };
            Check($"{kind} #{i}", mutated, failures, expectValid: null);
        }

        Assert.Empty(failures);
    }

    private void Check(string name, byte[] bytes, List<string> failures, bool? expectValid)
    {
        try
        {
            var result = _verifier.Verify(bytes);
            if (expectValid is { } valid && result.IsValid != valid)
            {
                failures.Add($"{name}: valid = {result.IsValid}");
            }
            else if (!result.IsValid && string.IsNullOrWhiteSpace(result.Problem))
            {
                failures.Add($"{name}: invalid without a reason");
            }
        }
        catch (Exception exception)
        {
            failures.Add($"{name} (seed {Seed}): {exception.GetType().Name}: {exception.Message}");
        }
    }

    private static byte[] FlipBytes(byte[] pdf, Random random, int from, int length)
    {
        var copy = (byte[])pdf.Clone();
        for (var flips = random.Next(1, 12); flips > 0; flips--)
        {
            copy[from + random.Next(length)] ^= (byte)random.Next(1, 256);
        }

        return copy;
    }

    private static byte[] FlipCms(byte[] pdf, LocatedSignature located, Random random)
    {
        var cms = located.Cms.ToArray();
        for (var flips = random.Next(1, 4); flips > 0; flips--)
        {
            cms[random.Next(cms.Length)] ^= (byte)(1 << random.Next(8));
        }

        return SignedPdfs.WithSignature(pdf, cms);
    }

    private static byte[] SpliceContents(byte[] pdf, LocatedSignature located, Random random)
    {
        var room = (int)(located.ByteRange[2] - located.ByteRange[1] - 2);
        var at = (int)located.ByteRange[1] + 1;
        var copy = (byte[])pdf.Clone();
        switch (random.Next(5))
        {
            case 0: // the CMS cut short, the rest zeros
                return SignedPdfs.WithSignature(pdf, located.Cms[..random.Next(0, located.Cms.Length)]);
            case 1: // random DER-looking bytes
                var junk = new byte[random.Next(2, room / 2)];
                random.NextBytes(junk);
                junk[0] = 0x30;
                return SignedPdfs.WithSignature(pdf, junk);
            case 2: // not hex at all
                copy[at + random.Next(room)] = (byte)"GZ!<>( \n"[random.Next(8)];
                return copy;
            case 3: // an odd number of digits
                copy[at + room - 1] = (byte)' ';
                return copy;
            default: // the /Contents string moved into the signed range
                var length = random.Next(1, 200);
                Array.Copy(pdf, at, copy, random.Next(0, at - length), length);
                return copy;
        }
    }

    private static byte[] SpliceByteRange(byte[] pdf, int byteRangeAt, Random random)
    {
        string[] ranges =
        [
            $"[0 {random.Next()} {random.Next()} {random.Next()}]",
            "[0 -1 -2 -3]",
            "[0 99999999999999999999 1 1]",
            $"[0 {pdf.Length} 0 0]",
            "[0 10 5 3]",
            "[1 2 3]",
            "[0 1 2 3 4]",
            $"[{pdf.Length} 0 0 {pdf.Length}]",
            "0 1 2 3]",
            "[",
        ];
        var replacement = Encoding.ASCII.GetBytes(ranges[random.Next(ranges.Length)]);
        var copy = (byte[])pdf.Clone();
        var from = byteRangeAt + "/ByteRange".Length;
        var end = Array.IndexOf(copy, (byte)']', from) + 1;
        var spaces = Math.Max(0, end - from - replacement.Length);
        // Same length where it fits (the placeholder has trailing spaces), otherwise the file grows.
        return replacement.Length <= end - from
            ? [.. copy[..from], .. replacement, .. Enumerable.Repeat((byte)' ', spaces), .. copy[end..]]
            : [.. copy[..from], .. replacement, .. copy[end..]];
    }
}
