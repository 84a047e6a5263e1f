/* fork: keep the engine's locks and threads consistent in the child.
 * Sockets survive a fork (the child shares them, as a Windows child that
 * inherited handles would); what must not survive is a lock held by a
 * thread that the child does not have, or a wait list naming one. */
#include <pthread.h>
#include "engine.h"
#include "usermem.h"

/* Nothing is written that need not be: a child that only echoes and
 * exits should copy as few of the parent's pages as plain Linux. */
static void __attribute__((cold)) child(void)
{
    int relock = wsc_atfork_relock();

    wsc_table_atfork_child(relock);
    wsc_wait_reset_after_fork();
    wsc_close_atfork_child(relock);
    wsc_async_atfork_child(relock);
    wsc_usermem_atfork_child();
}

static void register_handlers(void)
{
    pthread_atfork(NULL, NULL, child);
}

/* Called when the table is first reserved: a reference from code
 * every program uses, so that a static link keeps this file (a
 * constructor alone would be left in the archive). */
void wsc_fork_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    pthread_once(&once, register_handlers);
}
