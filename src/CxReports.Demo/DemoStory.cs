namespace CxReports.Demo;

/// <summary>
/// The story both generators tell, in one place: who the customers are, what they do, and what changes when the CX
/// programme starts. The C# generator (<c>Simulation/</c>) draws from these numbers with a seeded
/// <see cref="Random"/>, the SQL generator (<c>Scale/</c>) writes them into its statements; neither holds a number of
/// its own that the other repeats. Rates that change with the programme are <see cref="ProgrammeShift"/>s.
/// </summary>
internal static class DemoStory
{
    /// <summary>The population and its hidden satisfaction (mood, around 0).</summary>
    public static class Customers
    {
        /// <summary>Share of customers that already exist when the period starts.</summary>
        public const double ExistingShare = 0.35;

        /// <summary>Existing customers signed up on one of the days before the period, up to three years back.</summary>
        public const int ExistingSignupDays = 3 * 365;

        /// <summary>Signups in the period's last month outnumber the first month's by this much: a business growing a bit.</summary>
        public const double SignupGrowth = 0.6;

        /// <summary>Plan mix: basic below the first share of a uniform draw, pro below the second, enterprise above.</summary>
        public const double BasicShare = 0.56, BasicOrProShare = 0.88;

        public const double MoodSd = 0.6;

        /// <summary>Customers from before the period who still pay an earlier list price (round(list * factor) - 1).</summary>
        public const double LegacyShare = 0.3;
        public const decimal LegacyListFactor = 0.85m;

        /// <summary>Negotiated discounts off the list price and how often each is given.</summary>
        public static readonly double[] DiscountWeights = [0.70, 0.15, 0.10, 0.05];
        public static readonly decimal[] Discounts = [0.00m, 0.10m, 0.15m, 0.20m];

        public static double TwoYearContractShare(DemoPlan plan) => plan == DemoPlan.Enterprise ? 0.5 : 0.25;

        public const double AgeMean = 41, AgeSd = 9;
        public const int AgeMin = 23, AgeMax = 67;

        /// <summary>Web visits: log-normal around the median, times the plan's usage and the mood's.</summary>
        public const double WebVisitsMedian = 18, WebVisitsSigma = 0.8;

        /// <summary>exp(MoodUsage * mood): happier customers use the product (and the website) more.</summary>
        public const double MoodUsage = 0.3;

        /// <summary>About one customer in nine changes plan once; basic always upgrades, pro and enterprise mostly.</summary>
        public const double PlanChangeShare = 0.11, ProUpgradeShare = 0.7, EnterpriseUpgradeShare = 0.4;

        /// <summary>An enterprise "upgrade" buys more seats on the same plan.</summary>
        public const decimal EnterpriseSeatGrowth = 1.25m;

        /// <summary>Customers who skip one month's subscription and resume the next (MRR reactivation).</summary>
        public const double PauseShare = 0.03;
    }

    /// <summary>Who leaves, when and why.</summary>
    public static class Churn
    {
        /// <summary>
        /// Monthly logo churn hazard of an average customer. Unhappy customers leave first, so the survivors churn a
        /// little less than this; on the default dataset the measured monthly churn is about 3.1% before and 1.9% after.
        /// </summary>
        public static readonly ProgrammeShift Hazard = new(0.032, 0.019);

        /// <summary>
        /// Low-mood customers carry a higher hazard, exp(-MoodFrailty * mood), divided by its mean (E[exp(-0.6 m)] for
        /// m ~ N(0, 0.6) is about 1.067) to keep the average hazard.
        /// </summary>
        public const double MoodFrailty = 0.6, MoodFrailtyMean = 1.067;

        public static readonly string[] Reasons = ["fiyat", "hizmet", "rakip", "diğer"];

        /// <summary>Before the programme most leavers blame the service; after it price is a relatively bigger share.</summary>
        public static readonly double[] ReasonWeightsBefore = [0.20, 0.50, 0.20, 0.10];
        public static readonly double[] ReasonWeightsAfter = [0.38, 0.24, 0.24, 0.14];

        /// <summary>The reasons switch to the "after" weights once the programme effect reaches this.</summary>
        public const double ReasonSwitchEffect = 0.5;

        /// <summary>
        /// How strongly the coming churn shows, by months left before the churn month (0, 1, 2; 0 beyond): leaving
        /// customers log in less, answer lower and open more tickets, which lets a health score predict churn.
        /// </summary>
        public static readonly double[] Doom = [1.0, 0.75, 0.45];

        /// <summary>Relative churn hazard per plan; weighted by the plan mix it averages 1.</summary>
        public static double PlanFactor(DemoPlan plan) => plan switch
        {
            DemoPlan.Basic => 1.15,
            DemoPlan.Pro => 0.9,
            _ => 0.6,
        };
    }

    /// <summary>Survey answers: NPS, CSAT, CES and comments.</summary>
    public static class Surveys
    {
        /// <summary>Answers per active customer-month: the programme surveys more often (after tickets, at renewals).</summary>
        public static readonly ProgrammeShift AnswerShare = new(0.22, 0.30);

        public static readonly string[] Channels = ["product", "email", "chat", "phone", "sales", "webinar"];

        /// <summary>Weights of the channels but the last (webinar), which only months with a webinar have.</summary>
        public static readonly double[] ChannelWeights = [0.34, 0.26, 0.16, 0.12, 0.12];
        public const double WebinarWeight = 0.03, WebinarMonthShare = 0.4;

        /// <summary>Shift of the promoter share per channel: chat and webinars are warmer audiences, phone calls colder.</summary>
        public static readonly double[] ChannelShift = [0.02, 0.0, 0.04, -0.05, 0.03, 0.06];

        /// <summary>
        /// Base shares give NPS about +15 before and +39 after; unhappy customers (low mood) and those about to leave
        /// (doom) pull it down, which lands the measured NPS near +10 before and +35 after.
        /// </summary>
        public static readonly ProgrammeShift Promoters = new(0.42, 0.52), Detractors = new(0.27, 0.13);
        public const double PromoterMood = 0.10, DetractorMood = 0.08;

        /// <summary>Doom cuts the promoters by this share and moves this share of the rest to detractors.</summary>
        public const double DoomPromoterCut = 0.75, DoomDetractorPull = 0.6;
        public const double MinShare = 0.02, MaxPromoters = 0.95, MaxPromotersAndDetractors = 0.98;

        /// <summary>A promoter answers 10 with this chance (else 9), a passive 8 (else 7); detractors 0-6 by weight.</summary>
        public const double TenShare = 0.55, EightShare = 0.5;
        public static readonly double[] DetractorScoreWeights = [0.06, 0.03, 0.05, 0.08, 0.12, 0.28, 0.38];

        /// <summary>CSAT 1-5 follows the answer with noise; the programme lifts it on its own as well.</summary>
        public static readonly AnswerScale Csat = new(1, 5, 1, 0.36, 0.4, 0.6, BlankShare: 0.30);

        /// <summary>CES 1-7, higher meaning easier; follows the answer and improves with the programme.</summary>
        public static readonly AnswerScale Ces = new(1, 7, 2, 0.38, 0.6, 0.8, BlankShare: 0.40);

        /// <summary>Most respondents leave no comment; once the programme runs some passives and promoters mention it.</summary>
        public const double CommentShare = 0.42, ProgrammeCommentShare = 0.3;

        /// <summary>Timestamps written in UTC rather than with the Istanbul offset.</summary>
        public const double UtcShare = 0.25;

        /// <summary>Answers in the first hours of a month, which are still the previous month in UTC.</summary>
        public const double EarlyHoursShare = 0.04;
        public const int EarlyHours = 3;

        /// <summary>Anonymous answers (a public survey link) per month: fewer than 2 + active customers / this.</summary>
        public const int ActivePerAnonymous = 150;
    }

    /// <summary>Support tickets.</summary>
    public static class Tickets
    {
        /// <summary>Tickets per active customer-month; leaving customers complain more, onboarding trims the volume.</summary>
        public const double Rate = 0.28, DoomRate = 2.5;
        public static readonly ProgrammeShift Volume = new(1, 0.85);

        public static readonly string[] Categories = ["fatura", "hata", "nasil_yapilir", "ozellik_talebi", "hesap"];

        /// <summary>Feature requests rise as engaged customers ask for more; bug reports fall; leavers raise billing and bugs.</summary>
        public static readonly double[] CategoryWeightsBefore = [0.14, 0.36, 0.26, 0.08, 0.16];
        public static readonly double[] CategoryWeightsAfter = [0.13, 0.22, 0.24, 0.27, 0.14];
        public static readonly double[] CategoryDoom = [0.25, 0.20, 0, 0, 0];

        public static readonly string[] Channels = ["email", "chat", "phone", "web"];
        public static readonly double[] ChannelWeights = [0.45, 0.25, 0.20, 0.10];

        /// <summary>Median hours to the first reply, log-normal: a stretched team before, a staffed one after.</summary>
        public static readonly ProgrammeShift FirstReplyMedianHours = new(9.0, 2.5);
        public const double FirstReplySigma = 0.9;

        /// <summary>Tickets lost in the queue, never answered.</summary>
        public const double LostShare = 0.004;
    }

    /// <summary>Product usage events.</summary>
    public static class Usage
    {
        public static readonly string[] Events = ["login", "report_view", "export", "invite"];
        public static readonly double[] EventWeights = [0.48, 0.32, 0.12, 0.08];

        /// <summary>Usage fades by this share in the churn month (and by the doom in the months before).</summary>
        public const double DoomFade = 0.75;
        public static readonly ProgrammeShift Programme = new(1, 1.12);

        /// <summary>How much a plan's customers use the product (seats) relative to the average.</summary>
        public static double PlanFactor(DemoPlan plan) => plan switch
        {
            DemoPlan.Basic => 0.8,
            DemoPlan.Pro => 1.15,
            _ => 1.6,
        };
    }

    /// <summary>Subscription, setup and add-on invoices and their refunds; monthly list prices.</summary>
    public static class Billing
    {
        /// <summary>Monthly list prices; customers pay them less a negotiated discount.</summary>
        public static decimal ListPrice(DemoPlan plan) => plan switch
        {
            DemoPlan.Basic => 49m,
            DemoPlan.Pro => 149m,
            _ => 499m,
        };

        public static decimal SetupFee(DemoPlan plan) => plan switch
        {
            DemoPlan.Basic => 99m,
            DemoPlan.Pro => 299m,
            _ => 1499m,
        };

        /// <summary>Most customers signing up in the billed months pay a setup fee, some of them half of it.</summary>
        public const double SetupShare = 0.7, HalfSetupShare = 0.2;

        public static double AddOnShare(DemoPlan plan) => plan == DemoPlan.Enterprise ? 0.06 : 0.02;
        public static readonly decimal[] AddOnPrices = [250m, 450m, 750m, 1200m, 2400m];
        public const double DoubleAddOnShare = 0.3;

        /// <summary>An add-on is invoiced 1 to 19 days after the subscription invoice.</summary>
        public static readonly DayRange AddOnDelay = new(1, 19);

        /// <summary>A disputed month is refunded (in full or half) 2 to 13 days after its invoice.</summary>
        public const double RefundShare = 0.006, FullRefundShare = 0.6;
        public static readonly DayRange RefundDelay = new(2, 12);
    }

    /// <summary>One-off web shop orders, for the average transaction size.</summary>
    public static class Orders
    {
        /// <summary>Orders per active customer-month, times the square root of the plan's usage factor.</summary>
        public const double Rate = 0.05;

        public static double MedianAmount(DemoPlan plan) => plan switch
        {
            DemoPlan.Basic => 450,
            DemoPlan.Pro => 900,
            _ => 2200,
        };

        public const double AmountSigma = 0.6;

        /// <summary>Refunded orders (a separate negative row 3 to 20 days later), in full or 30% of the amount.</summary>
        public const double RefundShare = 0.07, FullRefundShare = 0.7, PartialRefund = 0.3;
        public static readonly DayRange RefundDelay = new(3, 18);
    }

    /// <summary>What the CX programme costs.</summary>
    public static class Costs
    {
        /// <summary>The programme adds a CX lead and two agents: the team costs this much more.</summary>
        public const double ProgrammeTeamGrowth = 0.6;

        /// <summary>Months with a marketing campaign.</summary>
        public static readonly ProgrammeShift CampaignShare = new(0.25, 0.5);
    }
}
