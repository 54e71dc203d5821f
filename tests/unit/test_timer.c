// Timer service (timer.h) without processes: send_after entries to a pid that is not alive,
// cancelled or read before they expire; the heap keeps deadline order through removals;
// stopping frees what is pending; expired entries for nobody are dropped without leaks.
#include <criterion/criterion.h>
#include <string.h>
#include <time.h>

#include "fixtures.h"
#include "heap.h"
#include "mailbox.h"
#include "proc_table.h"
#include "refc_binary.h"
#include "signal.h"
#include "timer.h"

// Long enough that no pending entry fires while a test runs, even under sanitizers.
#define FAR_MS 100000u
// How long a test waits for a short timer to fire before giving up.
#define FIRE_WAIT_MS 5000u

static Vm *vm;
static Process *proc;
static Term nobody; // a well-formed pid that no process has

static void setup(void)
{
    vm = fixture_vm();
    proc = fixture_process(vm);
    ptab_init(&vm->ptab, 16);
    pthread_mutex_init(&vm->registry_lock, NULL);
    nobody = term_make_pid(7, 0);
    timer_start(vm);
}

static void teardown(void)
{
    timer_stop(vm);
    pthread_mutex_destroy(&vm->registry_lock);
    ptab_destroy(&vm->ptab);
    fixture_free(vm, proc);
}

TestSuite(timer, .init = setup, .fini = teardown, .timeout = 30);

// A 200-byte REFBIN on proc's heap: message copies of it take references we can count.
static Term big_binary(void)
{
    uint8_t bytes[200];
    memset(bytes, 'x', sizeof bytes);
    return term_make_binary(proc, bytes, sizeof bytes);
}

static size_t refcount_of(Term bin)
{
    return atomic_load(&((RefcBinary *)(uintptr_t)term_boxed_ptr(bin)[2])->refcount);
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

// Polls until send_after timer [ref] has left the heap (fired); false on timeout.
static bool wait_fired(uint64_t ref)
{
    for (uint32_t waited = 0; waited < FIRE_WAIT_MS; waited++) {
        if (timer_read(vm, ref) < 0) {
            return true;
        }
        sleep_ms(1);
    }
    return false;
}

Test(timer, cancel_returns_time_left_once)
{
    Term bin = big_binary();
    uint64_t ref = timer_send_after(vm, nobody, TERM_NONE, message_copy(bin, MSG_PLAIN, nobody),
                                    FAR_MS);
    cr_assert_neq(ref, 0);
    cr_assert_eq(refcount_of(bin), 2);
    int64_t left = timer_cancel(vm, ref);
    cr_assert(left > 0 && left <= FAR_MS, "left %lld", (long long)left);
    cr_assert_eq(refcount_of(bin), 1, "cancel frees the message and its binary reference");
    cr_assert_eq(timer_cancel(vm, ref), -1);
    cr_assert_eq(timer_read(vm, ref), -1);
}

Test(timer, unknown_refs_are_not_found)
{
    cr_assert_eq(timer_cancel(vm, 0), -1);
    cr_assert_eq(timer_read(vm, 12345), -1);
    timer_arm_receive(vm, nobody, 1, FAR_MS); // ref 0: never reachable by cancel
    cr_assert_eq(timer_cancel(vm, 0), -1);
}

Test(timer, read_orders_by_deadline_and_keeps_entry)
{
    static const uint64_t delays[] = {30000, 10000, 50000, 20000, 40000};
    uint64_t refs[5];
    for (int i = 0; i < 5; i++) {
        Message *m = message_copy(term_from_small(i), MSG_PLAIN, nobody);
        refs[i] = timer_send_after(vm, nobody, TERM_NONE, m, delays[i]);
    }
    // Deadlines are 10 s apart, so the few ms between reads cannot reorder them.
    int64_t by_delay[6] = {0};
    for (int i = 0; i < 5; i++) {
        int64_t left = timer_read(vm, refs[i]);
        cr_assert(left > (int64_t)delays[i] - 1000 && left <= (int64_t)delays[i]);
        by_delay[delays[i] / 10000] = left;
    }
    for (int k = 1; k < 5; k++) {
        cr_assert_lt(by_delay[k], by_delay[k + 1]);
    }
    cr_assert_geq(timer_read(vm, refs[0]), 0, "read leaves the timer in place");
    cr_assert_geq(timer_cancel(vm, refs[0]), 0);
}

// The heap property (each parent no later than its children) over the live heap. Asserts
// after unlocking: a failed assert with the lock held would hang teardown's timer_stop.
static void assert_heap_ordered(void)
{
    TimerService *ts = &vm->timers;
    uint32_t bad = 0;
    pthread_mutex_lock(&ts->lock);
    for (uint32_t i = 1; i < ts->count && bad == 0; i++) {
        if (ts->heap[(i - 1) / 2].deadline_ms > ts->heap[i].deadline_ms) {
            bad = i;
        }
    }
    pthread_mutex_unlock(&ts->lock);
    cr_assert_eq(bad, 0, "entry %u is earlier than its parent", bad);
}

Test(timer, cancel_anywhere_preserves_heap_order)
{
    enum { N = 64 };
    uint64_t refs[N];
    uint32_t seed = 12345;
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        uint64_t ms = FAR_MS + (seed >> 16) % 50000u;
        refs[i] = timer_send_after(vm, nobody, TERM_NONE,
                                   message_copy(term_from_small(i), MSG_PLAIN, nobody), ms);
        if (i % 4 == 0) {
            timer_arm_receive(vm, nobody, (uint32_t)i, ms);
        }
    }
    assert_heap_ordered();
    for (int i = 0; i < N; i += 3) { // root, leaves and inner entries alike
        cr_assert_geq(timer_cancel(vm, refs[(i * 7) % N]), 0);
        assert_heap_ordered();
    }
    for (int i = 0; i < N; i++) {
        bool cancelled = i % 3 == 0;
        cr_assert_eq(timer_read(vm, refs[(i * 7) % N]) < 0, cancelled, "timer %d", i);
    }
}

Test(timer, stop_frees_pending_entries)
{
    Term bin = big_binary();
    for (int i = 0; i < 10; i++) {
        timer_send_after(vm, nobody, TERM_NONE, message_copy(bin, MSG_PLAIN, nobody), FAR_MS + i);
        timer_arm_receive(vm, nobody, (uint32_t)i, FAR_MS);
    }
    cr_assert_eq(refcount_of(bin), 11);
    timer_stop(vm);
    cr_assert_eq(refcount_of(bin), 1);
    cr_assert_eq(vm->timers.count, 0);
    timer_stop(vm); // again (and once more in teardown): harmless
}

Test(timer, timers_set_after_stop_are_dropped)
{
    Term bin = big_binary();
    timer_stop(vm); // as at VM shutdown, while schedulers may still be finishing slices
    uint64_t ref = timer_send_after(vm, nobody, TERM_NONE, message_copy(bin, MSG_PLAIN, nobody),
                                    1);
    timer_arm_receive(vm, nobody, 1, 1);
    cr_assert_eq(refcount_of(bin), 1, "the message was freed at once");
    cr_assert_eq(timer_read(vm, ref), -1);
    cr_assert_eq(timer_cancel(vm, ref), -1);
}

Test(timer, restart_after_stop_fires_again)
{
    timer_stop(vm);
    timer_start(vm);
    uint64_t ref = timer_send_after(vm, nobody, TERM_NONE,
                                    message_copy(term_from_small(1), MSG_PLAIN, nobody), 1);
    cr_assert(wait_fired(ref));
}

Test(timer, start_is_idempotent_and_stop_without_start_is_safe)
{
    timer_start(vm);
    Vm *other = fixture_vm();
    timer_stop(other);
    fixture_free(other, NULL);
}

Test(timer, expired_send_to_dead_pid_is_freed)
{
    Term bin = big_binary();
    uint64_t ref =
        timer_send_after(vm, nobody, TERM_NONE, message_copy(bin, MSG_PLAIN, nobody), 1);
    cr_assert(wait_fired(ref));
    timer_stop(vm); // joins the thread, so the firing has finished
    cr_assert_eq(refcount_of(bin), 1);
}

Test(timer, expired_send_to_unregistered_name_is_dropped)
{
    Term bin = big_binary();
    Term name = fixture_atom(vm, "no_such_name");
    uint64_t ref = timer_send_after(vm, TERM_NONE, name, message_copy(bin, MSG_PLAIN, nobody), 1);
    cr_assert(wait_fired(ref));
    timer_stop(vm);
    cr_assert_eq(refcount_of(bin), 1);
}

Test(timer, expired_receive_timeout_for_dead_pid_is_ignored)
{
    timer_arm_receive(vm, nobody, 1, 1);
    // A later sentinel fires after the receive timeout (heap order), so once it fired the
    // receive timeout has been handled too.
    uint64_t ref =
        timer_send_after(vm, nobody, TERM_NONE, message_copy(term_from_small(1), MSG_PLAIN,
                                                             nobody), 2);
    cr_assert(wait_fired(ref));
}

Test(timer, fires_no_earlier_than_asked)
{
    uint64_t start = timer_now_ms();
    uint64_t ref = timer_send_after(vm, nobody, TERM_NONE,
                                    message_copy(term_from_small(1), MSG_PLAIN, nobody), 20);
    cr_assert(wait_fired(ref));
    cr_assert_geq(timer_now_ms() - start, 20);
}
