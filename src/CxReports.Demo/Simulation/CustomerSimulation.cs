namespace CxReports.Demo.Simulation;

/// <summary>
/// Creates the customers and their hidden life: signup, plan and price, plan changes, pauses and churn. Every other
/// file is drawn from this one population, so the files agree with each other.
/// </summary>
internal static class CustomerSimulation
{
    /// <summary>The customers, numbered in signup order (M00001 is the oldest), as a CRM numbers them.</summary>
    public static List<DemoCustomer> Simulate(int count, DemoCalendar calendar, Random rng)
    {
        int existing = (int)Math.Round(count * DemoStory.Customers.ExistingShare);
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
        calendar.From.AddDays(-1 - rng.Next(DemoStory.Customers.ExistingSignupDays));

    /// <summary>Signups grow over the period (<see cref="DemoStory.Customers.SignupGrowth"/>): a business that is growing a bit.</summary>
    private static double[] SignupMonthWeights(DemoCalendar calendar)
    {
        var weights = new double[calendar.PeriodMonths];
        for (int i = 0; i < weights.Length; i++) weights[i] = 1 + DemoStory.Customers.SignupGrowth * i / Math.Max(1, weights.Length - 1);
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
        DemoPlan plan = u < DemoStory.Customers.BasicShare ? DemoPlan.Basic : u < DemoStory.Customers.BasicOrProShare ? DemoPlan.Pro : DemoPlan.Enterprise;
        double mood = rng.Normal(0, DemoStory.Customers.MoodSd);
        return new DemoCustomer
        {
            Name = StoryDraws.CompanyName(rng),
            Plan = plan,
            Fee = Price(rng, plan, legacy: signup < calendar.From && rng.Chance(DemoStory.Customers.LegacyShare)),
            ContractYears = rng.Chance(DemoStory.Customers.TwoYearContractShare(plan)) ? 2 : 1,
            City = rng.PickWeighted(DemoVocabulary.Cities),
            Age = (int)Math.Clamp(Math.Round(rng.Normal(DemoStory.Customers.AgeMean, DemoStory.Customers.AgeSd)), DemoStory.Customers.AgeMin, DemoStory.Customers.AgeMax),
            Title = rng.PickWeighted(DemoVocabulary.Titles),
            WebVisits = (int)Math.Round(rng.LogNormal(DemoStory.Customers.WebVisitsMedian, DemoStory.Customers.WebVisitsSigma)
                * DemoStory.Usage.PlanFactor(plan) * Math.Exp(DemoStory.Customers.MoodUsage * mood)),
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
        decimal list = legacy
            ? Math.Round(DemoStory.Billing.ListPrice(plan) * DemoStory.Customers.LegacyListFactor) - 1m
            : DemoStory.Billing.ListPrice(plan);
        decimal discount = DemoStory.Customers.Discounts[rng.PickWeighted(DemoStory.Customers.DiscountWeights)];
        return Math.Round(list * (1 - discount), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Month by month from the month after signup (nobody leaves in the month they joined). Low-mood customers carry
    /// a higher hazard (<see cref="DemoStory.Churn.MoodFrailty"/>).
    /// </summary>
    private static void SimulateChurn(Random rng, DemoCustomer customer, DemoCalendar calendar)
    {
        double frailty = Math.Exp(-DemoStory.Churn.MoodFrailty * customer.Mood) / DemoStory.Churn.MoodFrailtyMean * DemoStory.Churn.PlanFactor(customer.Plan);
        for (int key = Math.Max(customer.SignupMonth + 1, calendar.FirstMonth); key <= calendar.LastMonth; key++)
        {
            double effect = calendar.ProgrammeEffect(key);
            if (!rng.Chance(DemoStory.Churn.Hazard.At(effect) * frailty)) continue;
            customer.Churn = DemoCalendar.MonthStart(key).AddDays(rng.Next(calendar.LastDataDay(key).Day));
            customer.ChurnReason = StoryDraws.ChurnReason(rng, effect);
            return;
        }
    }

    /// <summary>About one customer in nine changes plan once: mostly upgrades (expansion), some downgrades (contraction).</summary>
    private static void SimulatePlanChange(Random rng, DemoCustomer customer, DemoCalendar calendar)
    {
        if (!rng.Chance(DemoStory.Customers.PlanChangeShare)) return;
        int first = Math.Max(customer.SignupMonth + 1, calendar.BillingFirstMonth + 1);
        int last = (customer.ChurnMonth ?? calendar.LastMonth + 1) - 1;
        if (first > last) return;

        int month = first + rng.Next(last - first + 1);
        bool upgrade = customer.Plan == DemoPlan.Basic
            || rng.Chance(customer.Plan == DemoPlan.Pro ? DemoStory.Customers.ProUpgradeShare : DemoStory.Customers.EnterpriseUpgradeShare);
        (DemoPlan plan, decimal fee) = (customer.Plan, upgrade) switch
        {
            (DemoPlan.Enterprise, true) => (DemoPlan.Enterprise, customer.Fee * DemoStory.Customers.EnterpriseSeatGrowth), // more seats, same plan
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
        if (!rng.Chance(DemoStory.Customers.PauseShare)) return;
        int first = Math.Max(customer.SignupMonth + 1, calendar.BillingFirstMonth + 1);
        int last = (customer.ChurnMonth ?? calendar.LastMonth) - 2;
        if (first > last) return;
        int month = first + rng.Next(last - first + 1);
        if (month != customer.ChangeMonth) customer.PausedMonth = month;
    }
}
