namespace CxReports.Demo.Simulation;

/// <summary>
/// <c>destek_talepleri.csv</c>: the help desk export (UTF-8, <c>,</c>, Istanbul timestamps). The first reply gets
/// faster once the programme staffs the team; tickets whose reply would fall after the end date are still open and
/// have no <c>ilk_yanit</c>.
/// </summary>
internal static class TicketFileWriter
{
    private readonly record struct Ticket(DateTime Opened, DateTime? FirstReply, string CustomerId, string Category, string Channel);

    public static int Write(string directory, IReadOnlyList<DemoCustomer> customers, DemoCalendar calendar, Random rng) =>
        DemoFile.Write(directory, DemoFiles.Tickets, DemoFile.Utf8, "\n", writer =>
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
                    double rate = DemoStory.Tickets.Rate * (1 + DemoStory.Tickets.DoomRate * doom) * DemoStory.Tickets.Volume.At(effect)
                        * Math.Sqrt(DemoStory.Usage.PlanFactor(c.Plan));
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
        string category = StoryDraws.TicketCategory(rng, effect, doom);
        string channel = DemoStory.Tickets.Channels[rng.PickWeighted(DemoStory.Tickets.ChannelWeights)];
        double hours = rng.LogNormal(DemoStory.Tickets.FirstReplyMedianHours.At(effect), DemoStory.Tickets.FirstReplySigma);
        DateTime? reply = opened.AddMinutes(Math.Max(1, Math.Round(hours * 60)));
        // Not answered by the end of the data, or (rarely) lost in the queue.
        if (reply >= calendar.EndExclusive || rng.Chance(DemoStory.Tickets.LostShare)) reply = null;
        return new Ticket(opened, reply, customerId, category, channel);
    }
}
