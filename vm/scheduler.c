// The scheduler loop. A process runs until it yields (reductions spent), then goes back to the
// run queue; with a single process the queue is that process alone.
#include "scheduler.h"

#include "process.h"

InterpResult sched_run_to_completion(Process *p)
{
    InterpResult r;
    do {
        r = interp_run(p);
    } while (r == INTERP_YIELD);
    return r;
}
