namespace CxReports.Demo.Simulation;

/// <summary>
/// The random choices of the story (<see cref="DemoStory"/>) for the C# generator, each drawing from the caller's
/// seeded <see cref="Random"/>. Every function takes the programme effect (0 before, 1 once it runs fully).
/// </summary>
internal static class StoryDraws
{
    public static string ChurnReason(Random rng, double effect) => DemoStory.Churn.Reasons[rng.PickWeighted(
        effect < DemoStory.Churn.ReasonSwitchEffect ? DemoStory.Churn.ReasonWeightsBefore : DemoStory.Churn.ReasonWeightsAfter)];

    /// <summary>One 0-10 answer: promoter, detractor and passive shares moved by the programme, mood, doom and channel.</summary>
    public static int NpsScore(Random rng, double effect, double mood, double doom, double channelShift)
    {
        double promoters = DemoStory.Surveys.Promoters.At(effect) + DemoStory.Surveys.PromoterMood * mood + channelShift;
        double detractors = DemoStory.Surveys.Detractors.At(effect) - DemoStory.Surveys.DetractorMood * mood - channelShift;
        promoters *= 1 - DemoStory.Surveys.DoomPromoterCut * doom;
        detractors += (1 - detractors) * DemoStory.Surveys.DoomDetractorPull * doom;
        promoters = Math.Clamp(promoters, DemoStory.Surveys.MinShare, DemoStory.Surveys.MaxPromoters);
        detractors = Math.Clamp(detractors, DemoStory.Surveys.MinShare, DemoStory.Surveys.MaxPromotersAndDetractors - promoters);

        double u = rng.NextDouble();
        if (u < promoters) return rng.Chance(DemoStory.Surveys.TenShare) ? 10 : 9;
        if (u < promoters + detractors) return rng.PickWeighted(DemoStory.Surveys.DetractorScoreWeights);
        return rng.Chance(DemoStory.Surveys.EightShare) ? 8 : 7;
    }

    /// <summary>A CSAT or CES answer following the 0-10 <paramref name="score"/>, or null when left blank.</summary>
    public static int? Follow(Random rng, AnswerScale scale, int score, double effect) =>
        rng.Chance(scale.BlankShare)
            ? null
            : (int)Math.Clamp(Math.Round(scale.Intercept + scale.PerPoint * score + scale.Programme * effect + rng.Normal(0, scale.NoiseSd)), scale.Min, scale.Max);

    public static string TicketCategory(Random rng, double effect, double doom)
    {
        double[] before = DemoStory.Tickets.CategoryWeightsBefore, after = DemoStory.Tickets.CategoryWeightsAfter;
        Span<double> weights = stackalloc double[before.Length];
        for (int i = 0; i < weights.Length; i++)
            weights[i] = DemoCalendar.Lerp(before[i], after[i], effect) + DemoStory.Tickets.CategoryDoom[i] * doom;
        return DemoStory.Tickets.Categories[rng.PickWeighted(weights)];
    }

    /// <summary>A comment, or empty (most respondents leave it blank).</summary>
    public static string Comment(Random rng, int score, double effect)
    {
        if (!rng.Chance(DemoStory.Surveys.CommentShare)) return "";
        if (score >= 7 && rng.Chance(DemoStory.Surveys.ProgrammeCommentShare * effect)) return rng.Pick(SurveyComments.Programme);
        string[] pool = score >= 9 ? SurveyComments.Promoter : score >= 7 ? SurveyComments.Passive : SurveyComments.Detractor;
        return rng.Pick(pool);
    }

    /// <summary>
    /// A company name. About one in twenty-five carries a semicolon or double quotes, as hand-typed CRM names do,
    /// so a reader that splits on <c>;</c> without honouring quotes breaks on this file.
    /// </summary>
    public static string CompanyName(Random rng)
    {
        string surname = rng.Pick(DemoVocabulary.Surnames), sector = rng.Pick(DemoVocabulary.Sectors), suffix = rng.Pick(DemoVocabulary.Suffixes);
        string name = rng.Next(25) switch
        {
            0 => $"{surname}; Ortakları",
            1 => $"{rng.Pick(DemoVocabulary.Brands)} \"{rng.Pick(DemoVocabulary.Surnames)}\" {sector}",
            2 => $"{surname} & {rng.Pick(DemoVocabulary.Surnames)}; {sector} {suffix}",
            < 12 => $"{surname} {sector} {suffix}",
            < 20 => $"{rng.Pick(DemoVocabulary.Brands)} {sector} {suffix}",
            _ => $"{surname} Grup {suffix}",
        };
        return name.TrimEnd();
    }
}
