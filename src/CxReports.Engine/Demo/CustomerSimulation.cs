namespace CxReports.Engine.Demo;

/// <summary>
/// Creates the customers and their hidden life: signup, plan and price, plan changes, pauses and churn. Every other
/// file is drawn from this one population, so the files agree with each other.
/// </summary>
internal static class CustomerSimulation
{
    /// <summary>Share of customers that already exist when the period starts.</summary>
    private const double ExistingShare = 0.35;

    /// <summary>The customers, numbered in signup order (M00001 is the oldest), as a CRM numbers them.</summary>
    public static List<DemoCustomer> Simulate(int count, DemoCalendar calendar, Random rng)
    {
        int existing = (int)Math.Round(count * ExistingShare);
        double[] monthWeights = SignupMonthWeights(calendar);
        var customers = new List<DemoCustomer>(count);
        for (int i = 0; i < count; i++)
        {
            DateOnly signup = i < existing ? ExistingSignup(rng, calendar) : PeriodSignup(rng, calendar, monthWeights);
            DemoCustomer customer = Create(rng, signup, calendar);
            SimulateChurn(rng, customer, calendar);
            SimulatePlanChange(rng, customer, calendar);
            SimulatePause(rng, customer, calendar);
            customers.Add(customer);
        }

        // OrderBy is stable, so equal signup dates keep creation order and the numbering is deterministic.
        List<DemoCustomer> ordered = customers.OrderBy(c => c.Signup).ToList();
        for (int i = 0; i < ordered.Count; i++) ordered[i].Number = i + 1;
        return ordered;
    }

    /// <summary>Up to three years before the period; these customers are the survivors of earlier years.</summary>
    private static DateOnly ExistingSignup(Random rng, DemoCalendar calendar) =>
        calendar.From.AddDays(-1 - rng.Next(3 * 365));

    /// <summary>Signups grow by about 60% over the period: a business that is growing a bit.</summary>
    private static double[] SignupMonthWeights(DemoCalendar calendar)
    {
        var weights = new double[calendar.PeriodMonths];
        for (int i = 0; i < weights.Length; i++) weights[i] = 1 + 0.6 * i / Math.Max(1, weights.Length - 1);
        return weights;
    }

    private static DateOnly PeriodSignup(Random rng, DemoCalendar calendar, double[] monthWeights)
    {
        int key = calendar.FirstMonth + rng.PickWeighted(monthWeights);
        return DemoCalendar.MonthStart(key).AddDays(rng.Next(calendar.LastDataDay(key).Day));
    }

    private static DemoCustomer Create(Random rng, DateOnly signup, DemoCalendar calendar)
    {
        double u = rng.NextDouble();
        DemoPlan plan = u < 0.56 ? DemoPlan.Basic : u < 0.88 ? DemoPlan.Pro : DemoPlan.Enterprise;
        double mood = rng.Normal(0, 0.6);
        return new DemoCustomer
        {
            Name = DemoVocabulary.CompanyName(rng),
            Plan = plan,
            Fee = Price(rng, plan, legacy: signup < calendar.From && rng.Chance(0.3)),
            ContractYears = rng.Chance(plan == DemoPlan.Enterprise ? 0.5 : 0.25) ? 2 : 1,
            City = rng.PickWeighted(DemoVocabulary.Cities),
            Age = (int)Math.Clamp(Math.Round(rng.Normal(41, 9)), 23, 67),
            Title = rng.PickWeighted(DemoVocabulary.Titles),
            WebVisits = (int)Math.Round(rng.LogNormal(18, 0.8) * DemoStory.UsageFactor(plan) * Math.Exp(0.3 * mood)),
            Signup = signup,
            Mood = mood,
        };
    }

    /// <summary>
    /// List price less a negotiated discount; some older customers still pay an earlier, lower list price. This is
    /// the "spread" around 49 / 149 / 499 a real price book has.
    /// </summary>
    private static decimal Price(Random rng, DemoPlan plan, bool legacy)
    {
        decimal list = legacy ? Math.Round(DemoStory.ListPrice(plan) * 0.85m) - 1m : DemoStory.ListPrice(plan);
        decimal discount = rng.PickWeighted([0.70, 0.15, 0.10, 0.05]) switch
        {
            0 => 0m,
            1 => 0.10m,
            2 => 0.15m,
            _ => 0.20m,
        };
        return Math.Round(list * (1 - discount), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Month by month from the month after signup (nobody leaves in the month they joined). Low-mood customers carry
    /// a higher hazard; the factor is normalised (E[exp(-0.6 m)] for m ~ N(0, 0.6) is about 1.067) to keep the mean.
    /// </summary>
    private static void SimulateChurn(Random rng, DemoCustomer customer, DemoCalendar calendar)
    {
        double frailty = Math.Exp(-0.6 * customer.Mood) / 1.067 * DemoStory.ChurnFactor(customer.Plan);
        for (int key = Math.Max(customer.SignupMonth + 1, calendar.FirstMonth); key <= calendar.LastMonth; key++)
        {
            double effect = calendar.ProgrammeEffect(key);
            if (!rng.Chance(DemoStory.ChurnHazard(effect) * frailty)) continue;
            customer.Churn = DemoCalendar.MonthStart(key).AddDays(rng.Next(calendar.LastDataDay(key).Day));
            customer.ChurnReason = DemoStory.ChurnReason(rng, effect);
            return;
        }
    }

    /// <summary>About one customer in nine changes plan once: mostly upgrades (expansion), some downgrades (contraction).</summary>
    private static void SimulatePlanChange(Random rng, DemoCustomer customer, DemoCalendar calendar)
    {
        if (!rng.Chance(0.11)) return;
        int first = Math.Max(customer.SignupMonth + 1, calendar.BillingFirstMonth + 1);
        int last = (customer.ChurnMonth ?? calendar.LastMonth + 1) - 1;
        if (first > last) return;

        int month = first + rng.Next(last - first + 1);
        bool upgrade = customer.Plan == DemoPlan.Basic || (customer.Plan == DemoPlan.Pro ? rng.Chance(0.7) : rng.Chance(0.4));
        (DemoPlan plan, decimal fee) = (customer.Plan, upgrade) switch
        {
            (DemoPlan.Enterprise, true) => (DemoPlan.Enterprise, customer.Fee * 1.25m), // more seats, same plan
            (_, true) => (customer.Plan + 1, Price(rng, customer.Plan + 1, legacy: false)),
            (_, false) => (customer.Plan - 1, Price(rng, customer.Plan - 1, legacy: false)),
        };
        customer.ChangeMonth = month;
        customer.ChangedPlan = plan;
        customer.ChangedFee = Math.Round(fee, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// A few customers skip one month's subscription and resume the next (MRR reactivation). The pause never touches
    /// the first or last billed month, so it always sits between two invoices.
    /// </summary>
    private static void SimulatePause(Random rng, DemoCustomer customer, DemoCalendar calendar)
    {
        if (!rng.Chance(0.03)) return;
        int first = Math.Max(customer.SignupMonth + 1, calendar.BillingFirstMonth + 1);
        int last = (customer.ChurnMonth ?? calendar.LastMonth) - 2;
        if (first > last) return;
        int month = first + rng.Next(last - first + 1);
        if (month != customer.ChangeMonth) customer.PausedMonth = month;
    }
}
