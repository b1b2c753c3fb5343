using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Layout;

/// <summary>
/// What every page carries around its content: a running header (title, period, parameters; from page 2 on, since
/// page 1 opens with the title block) and a footer with generation time, data version and "page x of y".
/// </summary>
public sealed record PageFrame(string Title, string Period, string FooterLeft, string PageOfFormat)
{
    private static readonly TextStyle HeaderTitle = TextStyle.Strong(Theme.Small + 0.5f, Theme.Accent);
    private static readonly TextStyle HeaderMeta = TextStyle.Regular(Theme.Small + 0.5f, Theme.Muted);
    private static readonly TextStyle Footer = TextStyle.Regular(Theme.Small, Theme.Muted);

    public void Draw(SKCanvas canvas, PageSetup page, int number, int count)
    {
        var content = page.Content;
        var rule = TextStyle.PaintFor(Theme.Rule);
        if (number > 1)
        {
            var top = content.Top - 24f;
            var periodWidth = HeaderMeta.Measure(Period);
            HeaderMeta.Draw(canvas, Period, content.Right, top, SKTextAlign.Right);
            HeaderTitle.Draw(canvas, HeaderTitle.Fit(Title, content.Width - periodWidth - 12f), content.Left, top);
            canvas.DrawRect(content.Left, top + HeaderTitle.LineHeight + 3f, content.Width, 0.6f, rule);
        }
        var bottom = content.Bottom + 16f;
        canvas.DrawRect(content.Left, bottom - 5f, content.Width, 0.6f, rule);
        var pageText = string.Format(System.Globalization.CultureInfo.InvariantCulture, PageOfFormat, number, count);
        var pageWidth = Footer.Measure(pageText);
        Footer.Draw(canvas, pageText, content.Right, bottom, SKTextAlign.Right);
        Footer.Draw(canvas, Footer.Fit(FooterLeft, content.Width - pageWidth - 12f), content.Left, bottom);
    }
}
