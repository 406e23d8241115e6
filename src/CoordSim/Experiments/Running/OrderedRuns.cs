namespace CoordSim.Experiments;

/// <summary>
/// Runs work items in parallel on at most a given number of threads and hands the results back
/// strictly in index order, holding at most a small window of finished-but-not-yet-handed-back
/// results. On cancellation no new item starts, items already running finish, and the results
/// up to the first item that did not run are handed back; nothing keeps running after the
/// enumeration ends (also when the consumer stops early or throws).
/// </summary>
internal static class OrderedRuns
{
    /// <summary>Results of <paramref name="work"/> for indices <paramref name="start"/> to <paramref name="end"/> − 1, in order.</summary>
    /// <exception cref="RunFailedException">An item threw; results before it were handed back.</exception>
    public static IEnumerable<(int Index, T Result)> Execute<T>(int start, int end, int threads, Func<int, T> work, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var pair = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, threads);
        var factory = new TaskFactory(stop.Token, TaskCreationOptions.DenyChildAttach, TaskContinuationOptions.None, pair.ConcurrentScheduler);
        var window = new Queue<(int Index, Task<T> Task)>();
        var capacity = Math.Max(4, threads * 4);
        var next = start;
        try
        {
            while (true)
            {
                while (next < end && window.Count < capacity && !stop.IsCancellationRequested)
                {
                    var index = next++;
                    window.Enqueue((index, factory.StartNew(() => work(index), stop.Token)));
                }

                if (window.Count == 0)
                {
                    yield break;
                }

                var (head, task) = window.Peek();
                WaitQuietly(task);
                if (task.IsCanceled)
                {
                    yield break;
                }

                if (task.IsFaulted)
                {
                    var inner = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
                    throw new RunFailedException(head, inner);
                }

                window.Dequeue();
                yield return (head, task.Result);
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var (_, task) in window)
            {
                WaitQuietly(task);
            }

            pair.Complete();
        }
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // The task's state (faulted or cancelled) is read by the caller.
        }
    }
}
