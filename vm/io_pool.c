// The I/O thread pool: a FIFO of jobs under one mutex and condition variable, served by a few
// threads. Each thread owns a scratch process for building replies; the scratch heap is
// emptied after every job, so a reply never outlives its signal_send copy. Shutdown wakes
// every thread, makes the cancel pipe readable (ending stdin waits) and destroys unrun jobs.
#include "io_pool.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atom.h"
#include "heap.h"
#include "process.h"
#include "signal.h"
#include "vm.h"

// Bytes fetched from stdin per read(2) when the shared buffer runs dry.
#define STDIN_CHUNK 65536
// Upper bound on pool threads (a typo in EMBER_IO_THREADS must not start a million).
#define IO_POOL_MAX_THREADS 256

// The shared stdin reader: read-ahead bytes not yet handed to a job.
typedef struct StdinBuf {
    pthread_mutex_t lock; // held by one reading job for its whole request
    char *data;
    size_t start;         // first unconsumed byte
    size_t len;           // end of the valid bytes
    size_t cap;
    bool eof;
} StdinBuf;

struct IoPool {
    Vm *vm;
    pthread_mutex_t lock; // guards head/tail/stopping
    pthread_cond_t cond;  // signalled on submit and at shutdown
    IoJob *head;
    IoJob **tail;
    bool stopping;
    pthread_t *threads;
    unsigned thread_count;
    unsigned started;         // threads running so far (they start with the first job)
    int cancel_pipe[2];   // [0] becomes readable when shutdown begins
    Term reply_tag;       // :"$ember_io"
    _Atomic uint64_t completed;
    StdinBuf in;
};

// ==== Refs ====

uint64_t io_ref_number(Term ref) { return (uint64_t)term_boxed_ptr(ref)[1]; }

Term io_make_ref(Process *p, uint64_t n)
{
    Term *obj = heap_alloc_in(&p->heap, 2);
    obj[0] = term_make_header(TERM_TYPE_REF, 1);
    obj[1] = (Term)n;
    return term_from_boxed(obj);
}

// ==== Worker threads ====

// The next job, or NULL once shutdown began (jobs still queued are left for io_pool_free).
static IoJob *take_job(IoPool *pool)
{
    pthread_mutex_lock(&pool->lock);
    while (!pool->stopping && pool->head == NULL) {
        pthread_cond_wait(&pool->cond, &pool->lock);
    }
    IoJob *job = NULL;
    if (!pool->stopping) {
        job = pool->head;
        pool->head = job->next;
        if (pool->head == NULL) {
            pool->tail = &pool->head;
        }
    }
    pthread_mutex_unlock(&pool->lock);
    return job;
}

// Builds {:"$ember_io", ref, result} on [scratch] and sends it to the job's process.
static void send_reply(IoPool *pool, IoJob *job, Process *scratch)
{
    Term elems[3];
    elems[0] = pool->reply_tag;
    elems[1] = io_make_ref(scratch, job->ref);
    elems[2] = job->reply(job, scratch);
    Term msg = term_make_tuple(scratch, 3, elems);
    signal_send(pool->vm, job->pid, msg);
}

static void *worker_main(void *arg)
{
    IoPool *pool = arg;
    Process *scratch = proc_new(pool->vm);
    for (;;) {
        IoJob *job = take_job(pool);
        if (job == NULL) {
            break;
        }
        job->run(job);
        send_reply(pool, job, scratch);
        job->destroy(job);
        atomic_fetch_add(&pool->completed, 1);
        // signal_send copied the reply: empty the scratch heap for the next job.
        heap_destroy(&scratch->heap);
        heap_init(&scratch->heap);
    }
    proc_free(scratch);
    return NULL;
}

// ==== Life cycle ====

static unsigned thread_count_for(unsigned threads)
{
    if (threads > 0) {
        return threads < IO_POOL_MAX_THREADS ? threads : IO_POOL_MAX_THREADS;
    }
    const char *env = getenv("EMBER_IO_THREADS");
    long n = env != NULL ? strtol(env, NULL, 10) : 0;
    if (n <= 0) {
        return IO_POOL_DEFAULT_THREADS;
    }
    return n < IO_POOL_MAX_THREADS ? (unsigned)n : IO_POOL_MAX_THREADS;
}

IoPool *io_pool_new(Vm *vm, unsigned threads)
{
    IoPool *pool = em_calloc(1, sizeof *pool);
    pool->vm = vm;
    pthread_mutex_init(&pool->lock, NULL);
    pthread_cond_init(&pool->cond, NULL);
    pthread_mutex_init(&pool->in.lock, NULL);
    pool->tail = &pool->head;
    if (pipe(pool->cancel_pipe) != 0) {
        fprintf(stderr, "ember: cannot create the I/O pool: %s\n", strerror(errno));
        exit(1);
    }
    fcntl(pool->cancel_pipe[0], F_SETFD, FD_CLOEXEC);
    fcntl(pool->cancel_pipe[1], F_SETFD, FD_CLOEXEC);
    uint32_t tag;
    if (!atom_intern(vm->atoms, "$ember_io", 9, &tag)) {
        fatal_oom();
    }
    pool->reply_tag = term_from_atom(tag);
    pool->thread_count = thread_count_for(threads);
    pool->threads = em_calloc(pool->thread_count, sizeof(pthread_t));
    return pool;
}

// The threads start with the first job (under pool->lock): most scripts never do blocking
// I/O, and 4 thread creations and joins were a visible part of a 10 ms start-up.
static void start_threads_locked(IoPool *pool)
{
    for (; pool->started < pool->thread_count; pool->started++) {
        int rc = pthread_create(&pool->threads[pool->started], NULL, worker_main, pool);
        if (rc != 0) {
            fprintf(stderr, "ember: cannot start an I/O thread: %s\n", strerror(rc));
            exit(1);
        }
    }
}

void io_pool_stop(IoPool *pool)
{
    if (pool == NULL) {
        return;
    }
    pthread_mutex_lock(&pool->lock);
    bool was_stopping = pool->stopping;
    pool->stopping = true;
    pthread_cond_broadcast(&pool->cond);
    pthread_mutex_unlock(&pool->lock);
    if (was_stopping) {
        return;
    }
    ssize_t w;
    do {
        w = write(pool->cancel_pipe[1], "x", 1);
    } while (w < 0 && errno == EINTR);
    pthread_mutex_lock(&pool->lock);
    unsigned started = pool->started; // no more start after stopping is set
    pthread_mutex_unlock(&pool->lock);
    for (unsigned i = 0; i < started; i++) {
        pthread_join(pool->threads[i], NULL);
    }
    pthread_mutex_lock(&pool->lock);
    IoJob *queued = pool->head;
    pool->head = NULL;
    pool->tail = &pool->head;
    pthread_mutex_unlock(&pool->lock);
    while (queued != NULL) {
        IoJob *next = queued->next;
        queued->destroy(queued);
        queued = next;
    }
}

void io_pool_free(IoPool *pool)
{
    if (pool == NULL) {
        return;
    }
    io_pool_stop(pool);
    close(pool->cancel_pipe[0]);
    close(pool->cancel_pipe[1]);
    pthread_cond_destroy(&pool->cond);
    pthread_mutex_destroy(&pool->lock);
    pthread_mutex_destroy(&pool->in.lock);
    free(pool->in.data);
    free(pool->threads);
    free(pool);
}

void io_pool_submit(IoPool *pool, IoJob *job)
{
    job->pool = pool;
    job->next = NULL;
    pthread_mutex_lock(&pool->lock);
    if (pool->stopping) {
        pthread_mutex_unlock(&pool->lock);
        job->destroy(job);
        return;
    }
    start_threads_locked(pool);
    *pool->tail = job;
    pool->tail = &job->next;
    pthread_cond_signal(&pool->cond);
    pthread_mutex_unlock(&pool->lock);
}

Term io_job_run_inline(IoJob *job, Process *p)
{
    job->pool = NULL;
    job->run(job);
    Term result = job->reply(job, p);
    job->destroy(job);
    return result;
}

Term io_job_start(Process *p, IoJob *job)
{
    Term ref = term_make_ref(p);
    job->pid = p->pid;
    job->ref = io_ref_number(ref);
    if (p->vm->io != NULL) {
        io_pool_submit(p->vm->io, job);
        return ref;
    }
    uint32_t tag;
    if (!atom_intern(p->vm->atoms, "$ember_io", 9, &tag)) {
        fatal_oom();
    }
    Term elems[3] = {term_from_atom(tag), ref, io_job_run_inline(job, p)};
    signal_send(p->vm, p->pid, term_make_tuple(p, 3, elems));
    return ref;
}

int io_pool_cancel_fd(const IoPool *pool) { return pool != NULL ? pool->cancel_pipe[0] : -1; }

uint64_t io_pool_completed(IoPool *pool) { return atomic_load(&pool->completed); }

// ==== Standard input ====

// Waits until fd 0 is readable or [cancel_fd] is (shutdown). False when cancelled.
static bool wait_stdin(int cancel_fd)
{
    if (cancel_fd < 0) {
        return true;
    }
    struct pollfd fds[2] = {{.fd = 0, .events = POLLIN}, {.fd = cancel_fd, .events = POLLIN}};
    for (;;) {
        int n = poll(fds, 2, -1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        // A failing poll falls back to a plain blocking read.
        return n < 0 || (fds[1].revents & POLLIN) == 0;
    }
}

// Refills [in] with one read(2). Returns IO_STDIN_OK, _EOF, _ERROR or _CANCELLED.
static IoStdinResult fill(StdinBuf *in, int cancel_fd, int *err)
{
    if (in->eof) {
        return IO_STDIN_EOF;
    }
    if (!wait_stdin(cancel_fd)) {
        return IO_STDIN_CANCELLED;
    }
    // Keep the unconsumed bytes (a partial line) at the front.
    if (in->start > 0) {
        memmove(in->data, in->data + in->start, in->len - in->start);
    }
    in->len -= in->start;
    in->start = 0;
    if (in->cap - in->len < STDIN_CHUNK) {
        in->cap = in->len + STDIN_CHUNK;
        in->data = em_realloc(in->data, in->cap);
    }
    ssize_t n;
    do {
        n = read(0, in->data + in->len, STDIN_CHUNK);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        *err = errno;
        return IO_STDIN_ERROR;
    }
    if (n == 0) {
        in->eof = true;
        return IO_STDIN_EOF;
    }
    in->len += (size_t)n;
    return IO_STDIN_OK;
}

// Moves up to [max] buffered bytes (stopping after a "\n" when [line]) into [out]. Returns
// whether the request is complete.
static bool take_buffered(StdinBuf *in, bool line, size_t *max, StrBuf *out)
{
    size_t avail = in->len - in->start;
    if (avail == 0) {
        return *max == 0;
    }
    size_t n = avail < *max ? avail : *max;
    bool done = n == *max;
    if (line) {
        const char *nl = memchr(in->data + in->start, '\n', n);
        if (nl != NULL) {
            n = (size_t)(nl - (in->data + in->start)) + 1;
            done = true;
        }
    }
    strbuf_append(out, in->data + in->start, n);
    in->start += n;
    *max -= n;
    return done;
}

// The same request without a pool: byte by byte, so no read-ahead can be lost.
static IoStdinResult read_unbuffered(IoStdinMode mode, size_t count, StrBuf *out, int *err)
{
    size_t start = out->len;
    size_t left = mode == IO_STDIN_CHARS ? count : SIZE_MAX;
    while (left > 0) {
        char c;
        ssize_t n = read(0, &c, 1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            *err = errno;
            return IO_STDIN_ERROR;
        }
        if (n == 0) {
            break;
        }
        strbuf_append(out, &c, 1);
        left--;
        if (mode == IO_STDIN_LINE && c == '\n') {
            break;
        }
    }
    bool got = out->len > start || (mode == IO_STDIN_CHARS && count == 0);
    return got ? IO_STDIN_OK : IO_STDIN_EOF;
}

IoStdinResult io_stdin_read(IoPool *pool, IoStdinMode mode, size_t count, StrBuf *out, int *err)
{
    if (pool == NULL) {
        return read_unbuffered(mode, count, out, err);
    }
    StdinBuf *in = &pool->in;
    size_t start = out->len;
    size_t left = mode == IO_STDIN_CHARS ? count : SIZE_MAX;
    IoStdinResult r = IO_STDIN_OK;
    pthread_mutex_lock(&in->lock);
    while (left > 0 && !take_buffered(in, mode == IO_STDIN_LINE, &left, out)) {
        r = fill(in, pool->cancel_pipe[0], err);
        if (r != IO_STDIN_OK) {
            break;
        }
    }
    pthread_mutex_unlock(&in->lock);
    if (r == IO_STDIN_EOF && out->len > start) {
        r = IO_STDIN_OK; // the end of input ends this request; the next one sees EOF
    }
    return r;
}
