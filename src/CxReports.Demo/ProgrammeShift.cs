namespace CxReports.Demo;

/// <summary>
/// A rate of the story before the CX programme and once it runs fully; in between it follows the programme's ramp
/// (see <see cref="DemoCalendar.ProgrammeEffect"/>).
/// </summary>
internal readonly record struct ProgrammeShift(double Before, double After)
{
    public double At(double effect) => DemoCalendar.Lerp(Before, After, effect);
}
