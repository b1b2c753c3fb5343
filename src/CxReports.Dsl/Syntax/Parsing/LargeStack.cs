using System.Runtime.ExceptionServices;

namespace CxReports.Dsl.Syntax.Parsing;

/// <summary>
/// Runs work on a thread of its own with a large stack. The combinator parser spends several kilobytes of stack
/// per level of nesting (up to about 14 KiB for a call's arguments), so an expression at the nesting limit needs
/// more than a thread-pool thread's 1.5 MiB is sure to have left; text nested more than a few levels is therefore
/// parsed here, where the limit needs a tenth of the stack. Ordinary text never pays for the extra thread.
/// </summary>
internal static class LargeStack
{
    public const int Bytes = 16 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, Bytes) { Name = "cxr deep parse", IsBackground = true };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
