namespace CxReports.Dsl.Model;

/// <summary>
/// How the change of a metric between two independent samples is tested: an NPS difference with the variance of the
/// promoter/detractor distribution, two proportions (CSAT, shares, churn rate), or two means with Welch's t-test (CES).
/// </summary>
public enum SignificanceTest { NetPromoter, Proportion, Mean }
