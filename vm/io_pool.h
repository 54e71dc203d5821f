// The I/O thread pool: blocking work (file and stdin I/O, later FFI calls) runs here, off the
// schedulers (DESIGN.md section 6). A built-in packs its arguments into a C job, submits it and
// returns a ref; the calling process then waits in a receive for {:"$ember_io", ref, result}.
// Pool threads never touch a scheduler process's heap: each builds its reply on a private
// scratch process and hands it to signal_send, which copies it into the receiver's mailbox.
#ifndef EMBER_VM_IO_POOL_H
#define EMBER_VM_IO_POOL_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "inspect.h"
#include "term.h"
#include "types.h"

typedef struct IoPool IoPool;
typedef struct IoJob IoJob;

// Pool threads when io_pool_new is given 0 (EMBER_IO_THREADS overrides): enough that a few
// processes blocked on stdin or a slow disk do not hold up the others.
#define IO_POOL_DEFAULT_THREADS 4

// One unit of blocking work. A concrete job embeds IoJob as its first member and adds its
// arguments and results; the three callbacks are its behaviour.
struct IoJob {
    // On a pool thread: does the blocking work and stores C results in the job. Must not touch
    // any process heap. May block; a wait that can last forever (stdin) should also poll
    // io_pool_cancel_fd so that shutdown can end it.
    void (*run)(IoJob *job);
    // On the thread that ran [run]: builds the result term on [p]'s heap (a scratch process
    // on pool threads, the caller itself for io_job_run_inline) and returns it. Never fails.
    Term (*reply)(IoJob *job, Process *p);
    // Frees the job and everything it owns. Called exactly once: after the reply was sent, or
    // without run/reply when the pool shuts down first.
    void (*destroy)(IoJob *job);
    Term pid;        // the process that receives {:"$ember_io", ref, result}
    uint64_t ref;    // the number of that ref (term_ref_number); the pool rebuilds the term
    IoPool *pool;    // set by io_pool_submit (NULL when run inline)
    IoJob *next;     // queue link, owned by the pool
};

// Starts a pool of [threads] threads (0: IO_POOL_DEFAULT_THREADS, or EMBER_IO_THREADS when
// set) for [vm]. Call once, before any process can submit (the scheduler start-up), and store
// the result in vm->io. fatal_oom / exits with a message when threads cannot be created.
IoPool *io_pool_new(Vm *vm, unsigned threads);
// Stops the pool: running jobs finish and send their replies (stdin reads are cancelled
// through the cancel fd and answer :eof), queued jobs are destroyed without a reply, and the
// threads are joined, so no reply is sent after it returns. Jobs submitted later are destroyed
// at once. Call while the schedulers still run (a reply may wake a process), before
// sched_stop. Idempotent; NULL is a no-op.
void io_pool_stop(IoPool *pool);
// Frees the pool (stopping it first if needed). Call after sched_stop (no more submits), then
// set vm->io to NULL. NULL is a no-op.
void io_pool_free(IoPool *pool);

// Queues [job] (pid, ref and the callbacks set); the pool owns it from here. Thread-safe,
// callable from any thread until io_pool_free. After io_pool_stop, the job is destroyed at
// once, unrun, and no reply comes.
void io_pool_submit(IoPool *pool, IoJob *job);

// Runs [job] on the calling thread for process [p] (the caller): run, then reply on [p]'s
// heap, then destroy. Returns the result term. The synchronous path, used when vm->io is NULL.
Term io_job_run_inline(IoJob *job, Process *p);

// Starts [job] (callbacks set) for process [p], the caller: sets its pid and ref, queues it on
// p's VM's pool, and returns the ref; the result arrives as {:"$ember_io", ref, result}.
// Without a pool the job runs inline and the message is sent to [p] before this returns.
Term io_job_start(Process *p, IoJob *job);

// A descriptor that becomes readable once shutdown began (for jobs that poll). -1 when [pool]
// is NULL.
int io_pool_cancel_fd(const IoPool *pool);

// The jobs this pool has completed (replied to). Thread-safe; for tests and statistics.
uint64_t io_pool_completed(IoPool *pool);

// ==== Standard input ====
// One reader shared by every job of a pool, so read-ahead is never lost between jobs and
// concurrent readers are served one at a time, in the order they take the lock.

typedef enum IoStdinMode {
    IO_STDIN_LINE,  // up to and including the next "\n" (the last line may lack one)
    IO_STDIN_ALL,   // everything until end of input
    IO_STDIN_CHARS, // up to [count] bytes
} IoStdinMode;

typedef enum IoStdinResult {
    IO_STDIN_OK,        // [out] holds the data
    IO_STDIN_EOF,       // nothing was left
    IO_STDIN_ERROR,     // read failed (errno is kept in *err)
    IO_STDIN_CANCELLED, // the pool is shutting down
} IoStdinResult;

// Reads from fd 0 through [pool]'s shared buffer (or unbuffered, byte by byte, when [pool] is
// NULL) and appends to [out]. Blocks until the request is satisfied or input ends; IO_STDIN_EOF
// only when input ended before any byte was read. Thread-safe.
IoStdinResult io_stdin_read(IoPool *pool, IoStdinMode mode, size_t count, StrBuf *out, int *err);

// The number inside ref term [ref] (make_ref), and a ref term with number [n] on [p]'s heap.
uint64_t io_ref_number(Term ref);
Term io_make_ref(Process *p, uint64_t n);

#endif
