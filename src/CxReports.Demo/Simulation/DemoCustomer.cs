namespace CxReports.Demo.Simulation;

/// <summary>One simulated customer: what the CRM knows plus the hidden state the other files are drawn from.</summary>
internal sealed class DemoCustomer
{
    /// <summary>1-based number in signup order; set once all customers exist.</summary>
    public int Number { get; set; }

    public string Id => $"M{Number:D5}";

    public required string Name { get; init; }
    public required DemoPlan Plan { get; init; }
    public required decimal Fee { get; init; }
    public required int ContractYears { get; init; }
    public required string City { get; init; }
    public required int Age { get; init; }
    public required string Title { get; init; }
    public required int WebVisits { get; init; }
    public required DateOnly Signup { get; init; }

    /// <summary>Hidden satisfaction around 0: happier customers answer higher, churn less and use the product more.</summary>
    public required double Mood { get; init; }

    /// <summary>First day no longer a customer (metrics.md: the end date is exclusive).</summary>
    public DateOnly? Churn { get; set; }

    public string? ChurnReason { get; set; }

    /// <summary>Month key from which <see cref="ChangedFee"/> is billed instead of <see cref="Fee"/> (upgrade or downgrade).</summary>
    public int? ChangeMonth { get; set; }

    public DemoPlan ChangedPlan { get; set; }
    public decimal ChangedFee { get; set; }

    /// <summary>Month key with no subscription invoice although the customer stays (a pause, then reactivation).</summary>
    public int? PausedMonth { get; set; }

    public int SignupMonth => DemoCalendar.MonthKey(Signup);

    public int? ChurnMonth => Churn is DateOnly churn ? DemoCalendar.MonthKey(churn) : null;

    public DemoPlan PlanIn(int monthKey) => ChangeMonth is int m && monthKey >= m ? ChangedPlan : Plan;

    public decimal FeeIn(int monthKey) => ChangeMonth is int m && monthKey >= m ? ChangedFee : Fee;

    /// <summary>
    /// Days of month <paramref name="monthKey"/> on which this is a customer, as [First, EndExclusive); null when none.
    /// </summary>
    public (DateOnly First, DateOnly EndExclusive)? ActiveDays(int monthKey, DemoCalendar calendar)
    {
        DateOnly monthStart = DemoCalendar.MonthStart(monthKey);
        DateOnly first = Signup > monthStart ? Signup : monthStart;
        DateOnly end = calendar.LastDataDay(monthKey).AddDays(1);
        if (Churn is DateOnly churn && churn < end) end = churn;
        return first < end ? (first, end) : null;
    }

    /// <summary>
    /// 0..1: how strongly the coming churn already shows in a month (<see cref="DemoStory.Churn.Doom"/>).
    /// </summary>
    public double Doom(int monthKey) =>
        ChurnMonth - monthKey is int left && left >= 0 && left < DemoStory.Churn.Doom.Length ? DemoStory.Churn.Doom[left] : 0.0;
}
