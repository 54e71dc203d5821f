// A process's mailbox. Senders (any thread) append copied messages to the inbox under the
// mailbox lock; only the owner reads. The owner moves the inbox into its private queue when
// its receive cursor reaches the end, adopting each message's heap fragment into its heap, so
// queued messages are ordinary heap terms (GC roots) from then on. Selective receive scans
// the private queue from a saved cursor and leaves unmatched messages in order.
#ifndef EMBER_VM_MAILBOX_H
#define EMBER_VM_MAILBOX_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "heap.h"
#include "term.h"
#include "types.h"

// One queued message or signal (exit signal, monitor notification).
typedef struct Message {
    struct Message *next;
    Term term;          // the message; in the inbox it lives in frag (or is an immediate)
    HeapFragment *frag; // the copy's words until the owner adopts them; NULL for immediates
    Term *offheap;      // REFBINs of the copy (heap_adopt takes them)
    Term from;          // signals: the sending pid
    uint64_t ref;       // MSG_DOWN: the monitor's ref number
    uint32_t kind;      // MSG_* below
} Message;

enum {
    MSG_PLAIN,       // an ordinary message
    MSG_EXIT_LINK,   // exit signal from a linked process that ended (term: the reason)
    MSG_EXIT_DIRECT, // Process.exit(pid, reason) (term: the reason)
    MSG_DOWN,        // a monitor fired; term is the whole {:DOWN, ref, :process, pid, reason}
};

typedef struct Mailbox {
    pthread_mutex_t lock; // guards the inbox and the owner's WAITING status
    Message *in_head;     // sent, not yet seen by the owner: messages and signals (FIFO)
    Message **in_tail;
    // Owner only:
    Message *head;        // messages moved into the heap, in arrival order
    Message **tail;
    Message **cursor;     // receive position: the link to the next message to examine
    _Atomic uint32_t len; // messages in the private queue (written by the owner only)
    uint32_t in_len;      // messages in the inbox (read racily for Process.info)
} Mailbox;

void mailbox_init(Mailbox *mb);
// Frees every queued message and signal but keeps the lock (the struct is reused).
void mailbox_clear(Mailbox *mb);
// Frees every queued message and signal (the owner is gone).
void mailbox_destroy(Mailbox *mb);

// Copies [msg] (a term on a heap the calling thread owns, or a literal) into a new Message.
Message *message_copy(Term msg, uint32_t kind, Term from);
// A ref term with number [n] on [p]'s heap (monitor refs are kept as numbers).
Term term_make_ref_number(Process *p, uint64_t n);

// Frees a message no heap has adopted (its fragment, its binary references and the node).
void message_free(Message *m);

// Owner: moves the inbox's plain messages, up to the first signal, into the private queue
// (they stay in their own blocks until accepted). True when at least one moved. Takes the lock.
bool mailbox_fetch(Process *p);
// Owner: removes the message at the cursor and resets the cursor to the start.
void mailbox_accept(Process *p);
// Owner: appends an already-built Message (owned terms) to the private queue's end.
void mailbox_append_private(Process *p, Message *m);

#endif
