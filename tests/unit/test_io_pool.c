// The I/O pool: jobs run concurrently on the pool threads, every job is destroyed exactly once
// (also when shutdown leaves it queued), shutdown ends a job blocked on stdin, the inline path
// builds its reply on the caller, and a pooled job's reply reaches the caller's mailbox as
// {:"$ember_io", ref, result}.
#include <criterion/criterion.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "inspect.h"
#include "io_pool.h"
#include "mailbox.h"
#include "proc_table.h"
#include "process.h"
#include "vm.h"

static Vm *vm;

static void setup(void) { vm = vm_new(); }

static void teardown(void) { vm_free(vm); }

TestSuite(io_pool, .init = setup, .fini = teardown, .timeout = 20);

// Shared counters of the test jobs.
typedef struct Counts {
    _Atomic int ran;
    _Atomic int destroyed;
    _Atomic int running;     // jobs inside run right now
    _Atomic int max_running; // the most seen at once
} Counts;

typedef struct SleepJob {
    IoJob base;
    Counts *counts;
    unsigned sleep_ms;
    int value;
} SleepJob;

static void sleep_ms(unsigned ms)
{
    struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void sleep_run(IoJob *job)
{
    SleepJob *j = (SleepJob *)job;
    int now = atomic_fetch_add(&j->counts->running, 1) + 1;
    int seen = atomic_load(&j->counts->max_running);
    while (now > seen && !atomic_compare_exchange_weak(&j->counts->max_running, &seen, now)) {
    }
    sleep_ms(j->sleep_ms);
    atomic_fetch_sub(&j->counts->running, 1);
    atomic_fetch_add(&j->counts->ran, 1);
}

static Term sleep_reply(IoJob *job, Process *p)
{
    (void)p;
    return term_from_small(((SleepJob *)job)->value);
}

static void sleep_destroy(IoJob *job)
{
    atomic_fetch_add(&((SleepJob *)job)->counts->destroyed, 1);
    free(job);
}

// A job for a pid nobody owns (its reply is dropped), unless [pid] is given.
static SleepJob *sleep_job(Counts *c, unsigned ms, int value, Term pid)
{
    SleepJob *j = calloc(1, sizeof *j);
    j->base.run = sleep_run;
    j->base.reply = sleep_reply;
    j->base.destroy = sleep_destroy;
    j->base.pid = pid != TERM_NONE ? pid : term_make_pid(4000000, 7);
    j->base.ref = 42;
    j->counts = c;
    j->sleep_ms = ms;
    j->value = value;
    return j;
}

static void wait_completed(IoPool *pool, uint64_t n)
{
    for (int i = 0; i < 2000 && io_pool_completed(pool) < n; i++) {
        sleep_ms(5);
    }
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

Test(io_pool, runs_jobs_concurrently)
{
    Counts c = {0};
    IoPool *pool = io_pool_new(vm, 4);
    double start = now_s();
    for (int i = 0; i < 8; i++) {
        io_pool_submit(pool, &sleep_job(&c, 200, i, TERM_NONE)->base);
    }
    wait_completed(pool, 8);
    double elapsed = now_s() - start;
    io_pool_free(pool);
    cr_assert_eq(atomic_load(&c.ran), 8);
    cr_assert_eq(atomic_load(&c.destroyed), 8);
    cr_assert_eq(atomic_load(&c.max_running), 4, "4 threads run 4 jobs at once");
    // Serially this takes 1.6 s; four at a time, 0.4 s.
    cr_assert_lt(elapsed, 1.2, "took %.2f s", elapsed);
}

Test(io_pool, shutdown_destroys_queued_jobs)
{
    Counts c = {0};
    IoPool *pool = io_pool_new(vm, 1);
    for (int i = 0; i < 20; i++) {
        io_pool_submit(pool, &sleep_job(&c, 50, i, TERM_NONE)->base);
    }
    io_pool_free(pool);
    cr_assert_eq(atomic_load(&c.destroyed), 20, "every job destroyed exactly once");
    cr_assert_lt(atomic_load(&c.ran), 20, "queued jobs were dropped, not run");
}

Test(io_pool, default_thread_count_runs_jobs)
{
    Counts c = {0};
    IoPool *pool = io_pool_new(vm, 0);
    for (int i = 0; i < 50; i++) {
        io_pool_submit(pool, &sleep_job(&c, 0, i, TERM_NONE)->base);
    }
    wait_completed(pool, 50);
    io_pool_free(pool);
    cr_assert_eq(atomic_load(&c.ran), 50);
    cr_assert_eq(atomic_load(&c.destroyed), 50);
}

Test(io_pool, inline_run_replies_on_caller)
{
    Counts c = {0};
    Process *p = proc_new(vm);
    Term r = io_job_run_inline(&sleep_job(&c, 0, 7, TERM_NONE)->base, p);
    cr_assert_eq(r, term_from_small(7));
    cr_assert_eq(atomic_load(&c.ran), 1);
    cr_assert_eq(atomic_load(&c.destroyed), 1);
    Term ref = io_make_ref(p, 99);
    cr_assert(term_is_ref(ref));
    cr_assert_eq(io_ref_number(ref), 99);
    proc_free(p);
}

// A job that reads one line of stdin through the pool's shared reader.
typedef struct StdinJob {
    IoJob base;
    _Atomic int *result; // the IoStdinResult, stored by run
} StdinJob;

static void stdin_run(IoJob *job)
{
    StrBuf b;
    strbuf_init(&b);
    int err = 0;
    IoStdinResult r = io_stdin_read(job->pool, IO_STDIN_LINE, 0, &b, &err);
    atomic_store(((StdinJob *)job)->result, (int)r);
    strbuf_free(&b);
}

static Term stdin_reply(IoJob *job, Process *p)
{
    (void)job;
    (void)p;
    return TERM_NIL;
}

static void stdin_destroy(IoJob *job) { free(job); }

Test(io_pool, shutdown_cancels_a_blocked_stdin_read)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    cr_assert_neq(dup2(fds[0], 0), -1); // stdin: a pipe nobody writes to (test process only)
    _Atomic int result = -1;
    IoPool *pool = io_pool_new(vm, 2);
    StdinJob *j = calloc(1, sizeof *j);
    j->base.run = stdin_run;
    j->base.reply = stdin_reply;
    j->base.destroy = stdin_destroy;
    j->base.pid = term_make_pid(4000000, 7);
    j->result = &result;
    io_pool_submit(pool, &j->base);
    sleep_ms(100);
    cr_assert_eq(atomic_load(&result), -1, "the read is still waiting");
    io_pool_free(pool); // must not hang
    cr_assert_eq(atomic_load(&result), IO_STDIN_CANCELLED);
    close(fds[1]);
}

Test(io_pool, stdin_reader_keeps_read_ahead_between_jobs)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    cr_assert_neq(dup2(fds[0], 0), -1);
    const char *text = "one\ntwo\nthree";
    cr_assert_eq(write(fds[1], text, strlen(text)), (ssize_t)strlen(text));
    close(fds[1]);
    IoPool *pool = io_pool_new(vm, 1);
    const char *want[] = {"one\n", "two\n", "three"};
    for (int i = 0; i < 3; i++) {
        StrBuf b;
        strbuf_init(&b);
        int err = 0;
        cr_assert_eq(io_stdin_read(pool, IO_STDIN_LINE, 0, &b, &err), IO_STDIN_OK);
        cr_assert_eq(b.len, strlen(want[i]));
        cr_assert(memcmp(b.data, want[i], b.len) == 0);
        strbuf_free(&b);
    }
    StrBuf b;
    strbuf_init(&b);
    int err = 0;
    cr_assert_eq(io_stdin_read(pool, IO_STDIN_LINE, 0, &b, &err), IO_STDIN_EOF);
    strbuf_free(&b);
    io_pool_free(pool);
}

Test(io_pool, reply_reaches_the_callers_mailbox)
{
    Counts c = {0};
    Process *p = ptab_spawn(vm);
    cr_assert_not_null(p);
    atomic_store(&p->status, PROC_RUNNING); // a running process: delivery needs no wake-up
    IoPool *pool = io_pool_new(vm, 2);
    io_pool_submit(pool, &sleep_job(&c, 10, 5, p->pid)->base);
    wait_completed(pool, 1);
    io_pool_free(pool);
    cr_assert(mailbox_fetch(p), "the reply arrived");
    Term msg = p->mailbox.head->term;
    cr_assert(term_is_tuple(msg) && term_tuple_arity(msg) == 3);
    Term *el = term_tuple_elems(msg);
    size_t len;
    const char *tag = atom_name(vm->atoms, term_to_atom(el[0]), &len);
    cr_assert(len == 9 && memcmp(tag, "$ember_io", 9) == 0);
    cr_assert(term_is_ref(el[1]));
    cr_assert_eq(io_ref_number(el[1]), 42);
    cr_assert_eq(el[2], term_from_small(5));
    atomic_store(&p->status, PROC_FREE);
}

Test(io_pool, submit_after_stop_destroys_the_job_unrun)
{
    Counts c = {0};
    IoPool *pool = io_pool_new(vm, 2);
    io_pool_stop(pool);
    io_pool_submit(pool, &sleep_job(&c, 0, 1, TERM_NONE)->base);
    cr_assert_eq(atomic_load(&c.destroyed), 1);
    cr_assert_eq(atomic_load(&c.ran), 0);
    io_pool_free(pool);
}
