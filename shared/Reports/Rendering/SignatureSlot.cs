using PdfSharp.Drawing;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// Where the visible signature goes: the page (zero-based) and the rectangle between the signer's
/// title and name, in points from the page's top-left corner.
/// </summary>
public sealed record SignatureSlot(int PageIndex, XRect Bounds);
