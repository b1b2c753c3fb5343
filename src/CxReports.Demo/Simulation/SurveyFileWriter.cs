namespace CxReports.Demo.Simulation;

/// <summary>
/// <c>anket.csv</c>: survey responses as a survey platform exports them (UTF-8, <c>,</c>, RFC 4180 quoting,
/// multi-line comments). Timestamps mix Istanbul offsets and UTC, and some fall in the first hours of a month, whose
/// UTC month is the previous one, so a loader that ignores the time zone buckets them wrongly.
/// </summary>
internal static class SurveyFileWriter
{
    private readonly record struct Response(DateTime Local, string CustomerId, int Channel, int Score, int? Csat, int? Ces, string Comment, bool Utc);

    public static int Write(string directory, IReadOnlyList<DemoCustomer> customers, DemoCalendar calendar, Random rng) =>
        DemoFile.Write(directory, DemoFiles.Surveys, DemoFile.Utf8, "\n", writer =>
        {
            writer.WriteLine("yanit_no,musteri_no,yanit_zamani,kanal,puan,csat,ces,yorum");
            int number = 0;
            var month = new List<Response>();
            for (int key = calendar.FirstMonth; key <= calendar.LastMonth; key++)
            {
                month.Clear();
                double effect = calendar.ProgrammeEffect(key);
                // Webinars are occasional events, so some months have no webinar answers at all.
                double[] channelWeights =
                [
                    .. DemoStory.Surveys.ChannelWeights,
                    rng.Chance(DemoStory.Surveys.WebinarMonthShare) ? DemoStory.Surveys.WebinarWeight : 0,
                ];
                int active = 0;
                foreach (DemoCustomer c in customers)
                {
                    if (c.ActiveDays(key, calendar) is not { } days) continue;
                    active++;
                    // The programme surveys more often (after tickets, at renewals), so more answers come in.
                    if (!rng.Chance(DemoStory.Surveys.AnswerShare.At(effect))) continue;
                    month.Add(Answer(rng, c.Id, Moment(rng, key, days), effect, c.Mood, c.Doom(key), channelWeights));
                }
                // Anonymous answers (a public survey link): no customer number.
                int anonymous = rng.Next(0, 2 + active / DemoStory.Surveys.ActivePerAnonymous);
                for (int i = 0; i < anonymous; i++)
                {
                    var days = (DemoCalendar.MonthStart(key), calendar.LastDataDay(key).AddDays(1));
                    month.Add(Answer(rng, "", Moment(rng, key, days), effect, 0, 0, channelWeights));
                }

                foreach (Response r in month.OrderBy(r => r.Local))
                {
                    number++;
                    CsvText.WriteRow(writer, ',',
                        CsvText.Int(100000 + number),
                        r.CustomerId,
                        r.Utc ? CsvText.UtcTimestamp(r.Local) : CsvText.IstanbulTimestamp(r.Local),
                        DemoStory.Surveys.Channels[r.Channel],
                        CsvText.Int(r.Score),
                        r.Csat is int csat ? CsvText.Int(csat) : "",
                        r.Ces is int ces ? CsvText.Int(ces) : "",
                        r.Comment);
                }
            }
            return number;
        });

    /// <summary>Mostly office hours; a few in the first hours of the month (still the previous month in UTC).</summary>
    private static DateTime Moment(Random rng, int key, (DateOnly First, DateOnly EndExclusive) days)
    {
        DateOnly monthStart = DemoCalendar.MonthStart(key);
        if (days.First == monthStart && rng.Chance(DemoStory.Surveys.EarlyHoursShare))
            return monthStart.ToDateTime(TimeOnly.MinValue).AddSeconds(rng.Next(DemoStory.Surveys.EarlyHours * 3600));
        return rng.Moment(days.First, days.EndExclusive);
    }

    private static Response Answer(Random rng, string customerId, DateTime local, double effect, double mood, double doom, double[] channelWeights)
    {
        int channel = rng.PickWeighted(channelWeights);
        int score = StoryDraws.NpsScore(rng, effect, mood, doom, DemoStory.Surveys.ChannelShift[channel]);
        int? csat = StoryDraws.Follow(rng, DemoStory.Surveys.Csat, score, effect);
        int? ces = StoryDraws.Follow(rng, DemoStory.Surveys.Ces, score, effect);
        string comment = StoryDraws.Comment(rng, score, effect);
        return new Response(local, customerId, channel, score, csat, ces, comment, Utc: rng.Chance(DemoStory.Surveys.UtcShare));
    }
}
