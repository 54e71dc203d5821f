// Mailboxes: message copies, the locked inbox, and the owner's private queue (mailbox.h).
#include "mailbox.h"

#include <stdlib.h>

#include "process.h"
#include "refc_binary.h"
#include "vm.h"

void mailbox_init(Mailbox *mb)
{
    pthread_mutex_init(&mb->lock, NULL);
    mb->in_head = NULL;
    mb->in_tail = &mb->in_head;
    mb->head = NULL;
    mb->tail = &mb->head;
    mb->cursor = &mb->head;
    mb->len = 0;
    mb->in_len = 0;
}

// Frees a message that no heap adopted: its fragment and its binary references.
void message_free(Message *m)
{
    if (m == NULL) {
        return;
    }
    for (Term *obj = m->offheap; obj != NULL;) {
        Term *next = (Term *)(uintptr_t)obj[3];
        refc_binary_release((RefcBinary *)(uintptr_t)obj[2]);
        obj = next;
    }
    free(m->frag);
    free(m);
}

static void free_chain(Message *m)
{
    while (m != NULL) {
        Message *next = m->next;
        message_free(m);
        m = next;
    }
}

void mailbox_clear(Mailbox *mb)
{
    pthread_mutex_lock(&mb->lock);
    Message *in = mb->in_head;
    mb->in_head = NULL;
    mb->in_tail = &mb->in_head;
    mb->in_len = 0;
    pthread_mutex_unlock(&mb->lock);
    free_chain(in);
    free_chain(mb->head);
    mb->head = NULL;
    mb->tail = &mb->head;
    mb->cursor = &mb->head;
    mb->len = 0;
}

void mailbox_destroy(Mailbox *mb)
{
    mailbox_clear(mb);
    pthread_mutex_destroy(&mb->lock);
}

Message *message_copy(Term msg, uint32_t kind, Term from)
{
    Message *m = em_malloc(sizeof *m);
    m->next = NULL;
    m->kind = kind;
    m->from = from;
    m->offheap = NULL;
    m->frag = NULL;
    m->ref = 0;
    if (!term_is_cons(msg) && !term_is_boxed(msg)) {
        m->term = msg;
        return m;
    }
    size_t words = term_copy_size(msg);
    m->frag = heap_fragment_new(words);
    m->term = term_copy(msg, m->frag->data, &m->offheap);
    m->frag->top = m->frag->data + words;
    return m;
}

// Makes [m]'s term part of [p]'s heap where it lies (registers may already point into it).
static void adopt(Process *p, Message *m)
{
    if (m->frag != NULL) {
        heap_adopt_message(&p->heap, m->frag, m->offheap);
    }
    m->frag = NULL;
    m->offheap = NULL;
}

bool mailbox_fetch(Process *p)
{
    Mailbox *mb = &p->mailbox;
    pthread_mutex_lock(&mb->lock);
    // Take the plain messages up to the first exit signal: a signal must act before anything
    // its sender sent after it, so the rest waits for signal_handle_pending.
    Message *first = mb->in_head;
    Message **link = &mb->in_head;
    uint32_t count = 0;
    while (*link != NULL && (*link)->kind == MSG_PLAIN) {
        link = &(*link)->next;
        count++;
    }
    if (count == 0) {
        pthread_mutex_unlock(&mb->lock);
        return false;
    }
    mb->in_head = *link;
    if (mb->in_head == NULL) {
        mb->in_tail = &mb->in_head;
    }
    *link = NULL;
    mb->in_len -= count;
    pthread_mutex_unlock(&mb->lock);
    // Queued messages stay in their own blocks, outside the heap: a long queue costs the
    // collector nothing. A message joins the heap when a receive accepts it.
    *mb->tail = first;
    mb->tail = link;
    mb->len += count;
    return true;
}

void mailbox_accept(Process *p)
{
    Mailbox *mb = &p->mailbox;
    Message *m = *mb->cursor;
    *mb->cursor = m->next;
    if (mb->tail == &m->next) {
        mb->tail = mb->cursor;
    }
    adopt(p, m);
    free(m);
    mb->len--;
    mb->cursor = &mb->head;
}

void mailbox_append_private(Process *p, Message *m)
{
    Mailbox *mb = &p->mailbox;
    m->next = NULL;
    *mb->tail = m;
    mb->tail = &m->next;
    mb->len++;
}
