namespace CxReports.Demo;

/// <summary>
/// Rates of the SQL generator that differ from the C# one, so that a million customers give about ten million
/// survey answers and a usage log that still loads in seconds.
/// </summary>
/// <param name="Surveys">Answers per active customer-month, as a multiple of the story's share (<see cref="DemoStory.Surveys.AnswerShare"/>, which the C# generator draws with).</param>
/// <param name="Usage">Product events per active customer-month for an average plan and mood (the C# generator writes 6); both then apply the story's plan, mood, doom and programme factors.</param>
public sealed record ScaleDemoRates(double Surveys = 2.8, double Usage = 1.0);
