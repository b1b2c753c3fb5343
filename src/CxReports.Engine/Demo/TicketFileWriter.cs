namespace CxReports.Engine.Demo;

/// <summary>
/// <c>destek_talepleri.csv</c>: the help desk export (UTF-8, <c>,</c>, Istanbul timestamps). The first reply gets
/// faster once the programme staffs the team; tickets whose reply would fall after the end date are still open and
/// have no <c>ilk_yanit</c>.
/// </summary>
internal static class TicketFileWriter
{
    public const string FileName = "destek_talepleri.csv";

    private static readonly string[] Channels = ["email", "chat", "phone", "web"];

    private readonly record struct Ticket(DateTime Opened, DateTime? FirstReply, string CustomerId, string Category, string Channel);

    public static int Write(string directory, IReadOnlyList<DemoCustomer> customers, DemoCalendar calendar, Random rng) =>
        DemoFile.Write(directory, FileName, DemoFile.Utf8, "\n", writer =>
        {
            writer.WriteLine("talep_no,musteri_no,acilis,ilk_yanit,kategori,kanal");
            int number = 0;
            var month = new List<Ticket>();
            for (int key = calendar.FirstMonth; key <= calendar.LastMonth; key++)
            {
                month.Clear();
                double effect = calendar.ProgrammeEffect(key);
                foreach (DemoCustomer c in customers)
                {
                    if (c.ActiveDays(key, calendar) is not { } days) continue;
                    double doom = c.Doom(key);
                    // Leaving customers complain more; proactive onboarding trims the volume a little.
                    double rate = 0.28 * (1 + 2.5 * doom) * DemoCalendar.Lerp(1, 0.85, effect) * Math.Sqrt(DemoStory.UsageFactor(c.Plan));
                    int count = rng.Poisson(rate);
                    for (int i = 0; i < count; i++) month.Add(Open(rng, c.Id, days, effect, doom, calendar));
                }

                foreach (Ticket t in month.OrderBy(t => t.Opened))
                {
                    number++;
                    CsvText.WriteRow(writer, ',',
                        $"T{number:D6}",
                        t.CustomerId,
                        CsvText.IstanbulTimestamp(t.Opened),
                        t.FirstReply is DateTime reply ? CsvText.IstanbulTimestamp(reply) : "",
                        t.Category,
                        t.Channel);
                }
            }
            return number;
        });

    private static Ticket Open(Random rng, string customerId, (DateOnly First, DateOnly EndExclusive) days, double effect, double doom, DemoCalendar calendar)
    {
        DateTime opened = rng.Moment(days.First, days.EndExclusive);
        string category = DemoStory.TicketCategory(rng, effect, doom);
        string channel = Channels[rng.PickWeighted([0.45, 0.25, 0.20, 0.10])];
        double hours = rng.LogNormal(DemoStory.FirstResponseMedianHours(effect), 0.9);
        DateTime? reply = opened.AddMinutes(Math.Max(1, Math.Round(hours * 60)));
        // Not answered by the end of the data, or (rarely) lost in the queue.
        if (reply >= calendar.EndExclusive || rng.Chance(0.004)) reply = null;
        return new Ticket(opened, reply, customerId, category, channel);
    }
}
