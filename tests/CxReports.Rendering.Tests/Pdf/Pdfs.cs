using System.Diagnostics;
using UglyToad.PdfPig;

namespace CxReports.Rendering.Tests.Pdf;

/// <summary>Reading rendered PDFs back: text per page with PdfPig, fonts with poppler's pdffonts when installed.</summary>
public static class Pdfs
{
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    public static string AllText(byte[] pdf) => string.Join("\n", PageTexts(pdf));

    /// <summary>pdffonts output lines (name, type, encoding, emb, sub, uni), or null when poppler-utils is missing.</summary>
    public static IReadOnlyList<string>? Fonts(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cxr-fonts-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdffonts", [file]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
