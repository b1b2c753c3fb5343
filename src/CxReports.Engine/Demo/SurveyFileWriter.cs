namespace CxReports.Engine.Demo;

/// <summary>
/// <c>anket.csv</c>: survey responses as a survey platform exports them (UTF-8, <c>,</c>, RFC 4180 quoting,
/// multi-line comments). Timestamps mix Istanbul offsets and UTC, and some fall in the first hours of a month, whose
/// UTC month is the previous one, so a loader that ignores the time zone buckets them wrongly.
/// </summary>
internal static class SurveyFileWriter
{
    public const string FileName = "anket.csv";

    private static readonly string[] Channels = ["product", "email", "chat", "phone", "sales", "webinar"];

    /// <summary>Shift of the promoter share per channel: chat and webinars are warmer audiences, phone calls colder.</summary>
    private static readonly double[] ChannelShift = [0.02, 0.0, 0.04, -0.05, 0.03, 0.06];

    private readonly record struct Response(DateTime Local, string CustomerId, int Channel, int Score, int? Csat, int? Ces, string Comment, bool Utc);

    public static int Write(string directory, IReadOnlyList<DemoCustomer> customers, DemoCalendar calendar, Random rng) =>
        DemoFile.Write(directory, FileName, DemoFile.Utf8, "\n", writer =>
        {
            writer.WriteLine("yanit_no,musteri_no,yanit_zamani,kanal,puan,csat,ces,yorum");
            int number = 0;
            var month = new List<Response>();
            for (int key = calendar.FirstMonth; key <= calendar.LastMonth; key++)
            {
                month.Clear();
                double effect = calendar.ProgrammeEffect(key);
                // Webinars are occasional events, so some months have no webinar answers at all.
                double[] channelWeights = [0.34, 0.26, 0.16, 0.12, 0.12, rng.Chance(0.4) ? 0.03 : 0];
                int active = 0;
                foreach (DemoCustomer c in customers)
                {
                    if (c.ActiveDays(key, calendar) is not { } days) continue;
                    active++;
                    // The programme surveys more often (after tickets, at renewals), so more answers come in.
                    if (!rng.Chance(DemoCalendar.Lerp(0.22, 0.30, effect))) continue;
                    month.Add(Answer(rng, c.Id, Moment(rng, key, days), effect, c.Mood, c.Doom(key), channelWeights));
                }
                // Anonymous answers (a public survey link): no customer number.
                int anonymous = rng.Next(0, 2 + active / 150);
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
                        Channels[r.Channel],
                        CsvText.Int(r.Score),
                        r.Csat is int csat ? CsvText.Int(csat) : "",
                        r.Ces is int ces ? CsvText.Int(ces) : "",
                        r.Comment);
                }
            }
            return number;
        });

    /// <summary>Mostly office hours; about 4% in the first three hours of the month (still the previous month in UTC).</summary>
    private static DateTime Moment(Random rng, int key, (DateOnly First, DateOnly EndExclusive) days)
    {
        DateOnly monthStart = DemoCalendar.MonthStart(key);
        if (days.First == monthStart && rng.Chance(0.04))
            return monthStart.ToDateTime(TimeOnly.MinValue).AddSeconds(rng.Next(3 * 3600));
        return rng.Moment(days.First, days.EndExclusive);
    }

    private static Response Answer(Random rng, string customerId, DateTime local, double effect, double mood, double doom, double[] channelWeights)
    {
        int channel = rng.PickWeighted(channelWeights);
        int score = DemoStory.NpsScore(rng, effect, mood, doom, ChannelShift[channel]);
        int? csat = rng.Chance(0.30) ? null : DemoStory.Csat(rng, score, effect);
        int? ces = rng.Chance(0.40) ? null : DemoStory.Ces(rng, score, effect);
        string comment = SurveyComments.For(rng, score, effect);
        return new Response(local, customerId, channel, score, csat, ces, comment, Utc: rng.Chance(0.25));
    }
}
