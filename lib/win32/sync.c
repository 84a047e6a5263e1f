/* CRITICAL_SECTION (recursive, as on Windows), SRWLOCK, CONDITION_VARIABLE
 * and InitOnceExecuteOnce, on pthreads. */
#include <errno.h>
#include <time.h>
#include "handle.h"

/* ---- critical sections ------------------------------------------------- */
void wsc_InitializeCriticalSection(LPCRITICAL_SECTION cs)
{
    pthread_mutexattr_t a;

    memset(cs, 0, sizeof(*cs));
    cs->LockCount = -1;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&cs->wsc_mutex, &a);
    pthread_mutexattr_destroy(&a);
}

BOOL wsc_InitializeCriticalSectionAndSpinCount(LPCRITICAL_SECTION cs, DWORD spin)
{
    wsc_InitializeCriticalSection(cs);
    cs->SpinCount = spin;
    return TRUE;
}

BOOL wsc_InitializeCriticalSectionEx(LPCRITICAL_SECTION cs, DWORD spin, DWORD flags)
{
    (void)flags;
    return wsc_InitializeCriticalSectionAndSpinCount(cs, spin);
}

static void entered(LPCRITICAL_SECTION cs)
{
    cs->OwningThread = (HANDLE)(uintptr_t)wsc_w32_tid();
    cs->RecursionCount++;
}

void wsc_EnterCriticalSection(LPCRITICAL_SECTION cs)
{
    pthread_mutex_lock(&cs->wsc_mutex);
    entered(cs);
}

BOOL wsc_TryEnterCriticalSection(LPCRITICAL_SECTION cs)
{
    if (pthread_mutex_trylock(&cs->wsc_mutex))
        return FALSE;
    entered(cs);
    return TRUE;
}

void wsc_LeaveCriticalSection(LPCRITICAL_SECTION cs)
{
    if (--cs->RecursionCount == 0)
        cs->OwningThread = NULL;
    pthread_mutex_unlock(&cs->wsc_mutex);
}

void wsc_DeleteCriticalSection(LPCRITICAL_SECTION cs)
{
    pthread_mutex_destroy(&cs->wsc_mutex);
}

/* ---- slim reader/writer locks ------------------------------------------ */
void wsc_InitializeSRWLock(PSRWLOCK lock)
{
    pthread_rwlock_init(&lock->wsc_lock, NULL);
}

void wsc_AcquireSRWLockExclusive(PSRWLOCK lock)
{
    pthread_rwlock_wrlock(&lock->wsc_lock);
}

void wsc_AcquireSRWLockShared(PSRWLOCK lock)
{
    pthread_rwlock_rdlock(&lock->wsc_lock);
}

void wsc_ReleaseSRWLockExclusive(PSRWLOCK lock)
{
    pthread_rwlock_unlock(&lock->wsc_lock);
}

void wsc_ReleaseSRWLockShared(PSRWLOCK lock)
{
    pthread_rwlock_unlock(&lock->wsc_lock);
}

BOOLEAN wsc_TryAcquireSRWLockExclusive(PSRWLOCK lock)
{
    return pthread_rwlock_trywrlock(&lock->wsc_lock) == 0;
}

BOOLEAN wsc_TryAcquireSRWLockShared(PSRWLOCK lock)
{
    return pthread_rwlock_tryrdlock(&lock->wsc_lock) == 0;
}

/* ---- condition variables ----------------------------------------------
 * CONDITION_VARIABLE_INIT is a static initializer, so the clock is
 * CLOCK_REALTIME's; the timeout is relative either way. */
void wsc_InitializeConditionVariable(PCONDITION_VARIABLE cv)
{
    pthread_cond_init(&cv->wsc_cond, NULL);
}

static struct timespec realtime_in(DWORD ms)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += (time_t)(ms / 1000);
    ts.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L)
        ts.tv_sec++, ts.tv_nsec -= 1000000000L;
    return ts;
}

/* Waits; FALSE with ERROR_TIMEOUT when the time ran out. */
static BOOL cond_wait(pthread_cond_t *c, pthread_mutex_t *lock, DWORD ms)
{
    struct timespec ts;
    int r;

    if (ms == INFINITE)
        return pthread_cond_wait(c, lock) == 0;
    ts = realtime_in(ms);
    r = pthread_cond_timedwait(c, lock, &ts);
    return r == ETIMEDOUT ? wsc_w32_fail(ERROR_TIMEOUT) : TRUE;
}

BOOL wsc_SleepConditionVariableCS(PCONDITION_VARIABLE cv, PCRITICAL_SECTION cs,
                                  DWORD ms)
{
    LONG depth = cs->RecursionCount;
    HANDLE owner = cs->OwningThread;
    BOOL r;

    cs->RecursionCount = 0;
    cs->OwningThread = NULL;
    r = cond_wait(&cv->wsc_cond, &cs->wsc_mutex, ms);
    cs->RecursionCount = depth;
    cs->OwningThread = owner;
    return r;
}

/* pthread condition variables take a mutex, not a rwlock: the sleeper
 * takes this mutex before it releases the SRW lock, and a waker takes it
 * before it signals, so no wake-up falls between the two. */
static pthread_mutex_t srw_cv_lock = PTHREAD_MUTEX_INITIALIZER;

BOOL wsc_SleepConditionVariableSRW(PCONDITION_VARIABLE cv, PSRWLOCK lock,
                                   DWORD ms, ULONG flags)
{
    struct timespec ts;
    int r;

    pthread_mutex_lock(&srw_cv_lock);
    pthread_rwlock_unlock(&lock->wsc_lock);
    if (ms == INFINITE) {
        r = pthread_cond_wait(&cv->wsc_cond, &srw_cv_lock);
    } else {
        ts = realtime_in(ms);
        r = pthread_cond_timedwait(&cv->wsc_cond, &srw_cv_lock, &ts);
    }
    pthread_mutex_unlock(&srw_cv_lock);
    if (flags & CONDITION_VARIABLE_LOCKMODE_SHARED)
        pthread_rwlock_rdlock(&lock->wsc_lock);
    else
        pthread_rwlock_wrlock(&lock->wsc_lock);
    return r == ETIMEDOUT ? wsc_w32_fail(ERROR_TIMEOUT) : TRUE;
}

/* Waking through the SRW mutex too is harmless for CS sleepers. */
void wsc_WakeConditionVariable(PCONDITION_VARIABLE cv)
{
    pthread_mutex_lock(&srw_cv_lock);
    pthread_cond_signal(&cv->wsc_cond);
    pthread_mutex_unlock(&srw_cv_lock);
}

void wsc_WakeAllConditionVariable(PCONDITION_VARIABLE cv)
{
    pthread_mutex_lock(&srw_cv_lock);
    pthread_cond_broadcast(&cv->wsc_cond);
    pthread_mutex_unlock(&srw_cv_lock);
}

/* ---- one-time initialisation -------------------------------------------
 * Ptr: 0 not run, 1 running, otherwise done: context | 2. */
#define ONCE_RUNNING ((uintptr_t)1)
#define ONCE_DONE ((uintptr_t)2)
static pthread_mutex_t once_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t once_cond = PTHREAD_COND_INITIALIZER;

static uintptr_t once_load(PINIT_ONCE once)
{
    return __atomic_load_n((uintptr_t *)&once->Ptr, __ATOMIC_ACQUIRE);
}

void wsc_InitOnceInitialize(PINIT_ONCE once)
{
    once->Ptr = NULL;
}

/* 1 if this caller is to run the function, 0 once it has been run. */
static int once_claim(PINIT_ONCE once)
{
    uintptr_t v;
    int run;

    pthread_mutex_lock(&once_lock);
    while ((v = once_load(once)) == ONCE_RUNNING)
        pthread_cond_wait(&once_cond, &once_lock);
    if ((run = v == 0))
        __atomic_store_n((uintptr_t *)&once->Ptr, ONCE_RUNNING, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&once_lock);
    return run;
}

static void once_end(PINIT_ONCE once, uintptr_t v)
{
    pthread_mutex_lock(&once_lock);
    __atomic_store_n((uintptr_t *)&once->Ptr, v, __ATOMIC_RELEASE);
    pthread_cond_broadcast(&once_cond);
    pthread_mutex_unlock(&once_lock);
}

/* A function that fails leaves the INIT_ONCE to be tried again. */
BOOL wsc_InitOnceExecuteOnce(PINIT_ONCE once, PINIT_ONCE_FN fn, PVOID param,
                             LPVOID *context)
{
    PVOID ctx = NULL;
    uintptr_t v;

    if (once_load(once) & ONCE_DONE)
        goto done;
    if (once_claim(once)) {
        if (!fn(once, param, &ctx)) {
            once_end(once, 0);
            return FALSE;
        }
        once_end(once, ((uintptr_t)ctx & ~(uintptr_t)3) | ONCE_DONE);
    }
done:
    v = once_load(once);
    if (context)
        *context = (PVOID)(v & ~(uintptr_t)3);
    return TRUE;
}
