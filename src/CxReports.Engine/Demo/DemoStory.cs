namespace CxReports.Engine.Demo;

/// <summary>
/// The numbers of the story, in one place: what changes when the CX programme starts. Every function takes the
/// programme effect (0 before, 1 once it runs fully; see <see cref="DemoCalendar.ProgrammeEffect"/>).
/// </summary>
internal static class DemoStory
{
    /// <summary>
    /// Monthly logo churn hazard of an average customer. Unhappy customers leave first, so the survivors churn a
    /// little less than this; on the default dataset the measured monthly churn is about 3.1% before and 1.9% after.
    /// </summary>
    public static double ChurnHazard(double effect) => DemoCalendar.Lerp(0.032, 0.019, effect);

    public static readonly string[] ChurnReasons = ["fiyat", "hizmet", "rakip", "diğer"];

    /// <summary>Before the programme most leavers blame the service; after it price is a relatively bigger share.</summary>
    public static string ChurnReason(Random rng, double effect) => ChurnReasons[rng.PickWeighted(
        effect < 0.5 ? [0.20, 0.50, 0.20, 0.10] : [0.38, 0.24, 0.24, 0.14])];

    /// <summary>
    /// One 0-10 answer. Base shares give NPS about +15 before and +39 after; unhappy customers (low mood) and those
    /// about to leave (doom) pull it down, which lands the measured NPS near +10 before and +35 after.
    /// </summary>
    public static int NpsScore(Random rng, double effect, double mood, double doom, double channelShift)
    {
        double promoters = DemoCalendar.Lerp(0.42, 0.52, effect) + 0.10 * mood + channelShift;
        double detractors = DemoCalendar.Lerp(0.27, 0.13, effect) - 0.08 * mood - channelShift;
        promoters *= 1 - 0.75 * doom;
        detractors += (1 - detractors) * 0.6 * doom;
        promoters = Math.Clamp(promoters, 0.02, 0.95);
        detractors = Math.Clamp(detractors, 0.02, 0.98 - promoters);

        double u = rng.NextDouble();
        if (u < promoters) return rng.Chance(0.55) ? 10 : 9;
        if (u < promoters + detractors) return rng.PickWeighted([0.06, 0.03, 0.05, 0.08, 0.12, 0.28, 0.38]);
        return rng.Chance(0.5) ? 8 : 7;
    }

    /// <summary>1-5, following the NPS answer with noise; the programme lifts it on its own as well.</summary>
    public static int Csat(Random rng, int score, double effect) =>
        (int)Math.Clamp(Math.Round(1 + 0.36 * score + 0.4 * effect + rng.Normal(0, 0.6)), 1, 5);

    /// <summary>1-7, higher meaning easier; follows the answer and improves with the programme.</summary>
    public static int Ces(Random rng, int score, double effect) =>
        (int)Math.Clamp(Math.Round(2 + 0.38 * score + 0.6 * effect + rng.Normal(0, 0.8)), 1, 7);

    /// <summary>Median hours to the first support reply: a stretched team before, a staffed one after.</summary>
    public static double FirstResponseMedianHours(double effect) => DemoCalendar.Lerp(9.0, 2.5, effect);

    public static readonly string[] TicketCategories = ["fatura", "hata", "nasil_yapilir", "ozellik_talebi", "hesap"];

    /// <summary>Feature requests rise as engaged customers ask for more; bug reports fall; leavers raise billing and bugs.</summary>
    public static string TicketCategory(Random rng, double effect, double doom)
    {
        ReadOnlySpan<double> before = [0.14, 0.36, 0.26, 0.08, 0.16];
        ReadOnlySpan<double> after = [0.13, 0.22, 0.24, 0.27, 0.14];
        Span<double> weights = stackalloc double[before.Length];
        for (int i = 0; i < weights.Length; i++) weights[i] = DemoCalendar.Lerp(before[i], after[i], effect);
        weights[0] += 0.25 * doom;
        weights[1] += 0.20 * doom;
        return TicketCategories[rng.PickWeighted(weights)];
    }

    /// <summary>Monthly list prices; customers pay them less a negotiated discount.</summary>
    public static decimal ListPrice(DemoPlan plan) => plan switch
    {
        DemoPlan.Basic => 49m,
        DemoPlan.Pro => 149m,
        _ => 499m,
    };

    /// <summary>How much a plan's customers use the product (seats) relative to the average.</summary>
    public static double UsageFactor(DemoPlan plan) => plan switch
    {
        DemoPlan.Basic => 0.8,
        DemoPlan.Pro => 1.15,
        _ => 1.6,
    };

    /// <summary>Relative churn hazard per plan; weighted by the plan mix it averages 1.</summary>
    public static double ChurnFactor(DemoPlan plan) => plan switch
    {
        DemoPlan.Basic => 1.15,
        DemoPlan.Pro => 0.9,
        _ => 0.6,
    };
}
