namespace CxReports.Demo;

/// <summary>
/// Month arithmetic for the demo period. Months are handled as integer keys (year * 12 + month - 1) so loops over
/// months are plain integer loops and month differences are subtractions.
/// </summary>
internal sealed class DemoCalendar
{
    /// <summary>The programme starts in this month of the period (1-based).</summary>
    public const int ProgrammeMonthNumber = 9;

    /// <summary>Istanbul has been UTC+3 all year since 2016; a fixed offset keeps the output independent of the host's tz database.</summary>
    public static readonly TimeSpan IstanbulOffset = TimeSpan.FromHours(3);

    public DemoCalendar(DateOnly end, int months)
    {
        End = end;
        LastMonth = MonthKey(end);
        FirstMonth = LastMonth - months + 1;
        ProgrammeMonth = FirstMonth + ProgrammeMonthNumber - 1;
    }

    public DateOnly End { get; }
    public int FirstMonth { get; }
    public int LastMonth { get; }
    public int ProgrammeMonth { get; }

    /// <summary>Invoices start one month early so the MRR movements of the period's first month have a previous month.</summary>
    public int BillingFirstMonth => FirstMonth - 1;

    public DateOnly From => MonthStart(FirstMonth);
    public DateOnly ProgrammeStart => MonthStart(ProgrammeMonth);

    /// <summary>Local (Istanbul) midnight after the last day: nothing may happen at or after it.</summary>
    public DateTime EndExclusive => End.AddDays(1).ToDateTime(TimeOnly.MinValue);

    public int PeriodMonths => LastMonth - FirstMonth + 1;

    public static int MonthKey(DateOnly date) => date.Year * 12 + date.Month - 1;

    public static DateOnly MonthStart(int key) => new(key / 12, key % 12 + 1, 1);

    public static int DaysInMonth(int key) => DateTime.DaysInMonth(key / 12, key % 12 + 1);

    public static string MonthLabel(int key) => $"{key / 12:D4}-{key % 12 + 1:D2}";

    /// <summary>Last day of month <paramref name="key"/> that holds data: the end date in the last month.</summary>
    public DateOnly LastDataDay(int key) => key == LastMonth ? End : MonthStart(key).AddDays(DaysInMonth(key) - 1);

    /// <summary>
    /// How far the programme has taken effect in a month, 0 before it and 1 once it runs fully. It ramps over two
    /// months because new hires and tooling take a while to show, which is what real programmes look like.
    /// </summary>
    public double ProgrammeEffect(int key) => key < ProgrammeMonth ? 0 : Math.Min(1, (key - ProgrammeMonth + 1) / 2.0);

    public static double Lerp(double before, double after, double effect) => before + (after - before) * effect;
}
