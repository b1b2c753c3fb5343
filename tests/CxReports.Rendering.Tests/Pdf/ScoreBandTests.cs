using CxReports.Rendering.Pdf.Compose;
using CxReports.Rendering.Pdf.Style;

namespace CxReports.Rendering.Tests.Pdf;

public class ScoreBandTests
{
    private static readonly string[] Ranked = ["sağlıklı", "izlenmeli", "riskli"];

    [Fact]
    public void A_band_is_coloured_by_its_rank_among_the_scores_bands_best_first_not_by_its_name()
    {
        // Turkish band names match no list of words; the rank decides: best green, worst red, between amber.
        Assert.Equal(Theme.Good, ScoresComposer.BandColor("sağlıklı", Ranked));
        Assert.Equal(Theme.Bad, ScoresComposer.BandColor("riskli", Ranked));
        Assert.DoesNotContain(ScoresComposer.BandColor("izlenmeli", Ranked), new[] { Theme.Good, Theme.Bad, Theme.Neutral });
    }

    [Fact]
    public void A_band_the_column_does_not_rank_is_neutral_whatever_its_name()
    {
        Assert.Equal(Theme.Neutral, ScoresComposer.BandColor("at_risk", null));
        Assert.Equal(Theme.Neutral, ScoresComposer.BandColor("healthy", Ranked));
        Assert.Equal(Theme.Neutral, ScoresComposer.BandColor(null, Ranked));
    }
}
