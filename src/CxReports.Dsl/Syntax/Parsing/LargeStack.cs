using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace CxReports.Dsl.Syntax.Parsing;

/// <summary>
/// Runs work on threads with a large stack. The combinator parser spends several kilobytes of stack per level of
/// nesting (up to about 14 KiB for a call's arguments), so an expression at the nesting limit needs more than a
/// thread-pool thread's 1.5 MiB is sure to have left; text nested more than a few levels is therefore parsed
/// here, where the limit needs a tenth of the stack. The threads live as long as the process, so each builds its
/// grammar once (<see cref="CxrGrammar.For"/>), and ordinary text never comes here at all.
/// </summary>
internal static class LargeStack
{
    public const int Bytes = 16 * 1024 * 1024;

    private static readonly BlockingCollection<Action> Queue = new();
    private static readonly Lazy<Thread[]> Threads = new(() => Enumerable.Range(1, Math.Max(2, Environment.ProcessorCount))
        .Select(i =>
        {
            var thread = new Thread(() => { foreach (var work in Queue.GetConsumingEnumerable()) work(); }, Bytes)
            {
                Name = $"cxr deep parse {i}",
                IsBackground = true,
            };
            thread.Start();
            return thread;
        })
        .ToArray());

    [ThreadStatic] private static bool _onLargeStack;

    public static T Run<T>(Func<T> work)
    {
        if (_onLargeStack) return work();
        _ = Threads.Value;
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        using var done = new ManualResetEventSlim();
        Queue.Add(() =>
        {
            _onLargeStack = true;
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                done.Set();
            }
        });
        done.Wait();
        failure?.Throw();
        return result;
    }
}
