namespace CxReports.Dsl.Tests.Limits;

/// <summary>
/// Runs a step on a thread with a 1 MiB stack, less than the 1.5 MiB of a thread-pool thread that serves HTTP, so a
/// test passing here leaves room to spare there. A stack overflow would end the test run, which fails it too.
/// </summary>
internal static class SmallStack
{
    public const int Bytes = 1024 * 1024;

    public static T Run<T>(Func<T> step)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = step();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, Bytes);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("the step failed on the small stack", failure);
        return result;
    }
}
