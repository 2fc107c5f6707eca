// Linking this file into an executable replaces the C allocation entry points:
// each call is counted, then forwarded to glibc's own implementation, which
// glibc exports as __libc_* for exactly this purpose. free is not wrapped (the
// memory comes from glibc's heap either way). Cost: one relaxed atomic add.
#include <errno.h>
#include <stddef.h>
#include "AllocationCount.h"

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

static unsigned long calls;
// Initial-exec TLS in the executable: reading it never allocates.
static __thread unsigned long thread_calls;

static inline void count_one(void) {
    __atomic_fetch_add(&calls, 1, __ATOMIC_RELAXED);
    thread_calls++;
}

unsigned long allocation_count(void) { return __atomic_load_n(&calls, __ATOMIC_RELAXED); }

unsigned long thread_allocation_count(void) { return thread_calls; }

void *malloc(size_t size) { count_one(); return __libc_malloc(size); }

void *calloc(size_t count, size_t size) { count_one(); return __libc_calloc(count, size); }

void *realloc(void *pointer, size_t size) { count_one(); return __libc_realloc(pointer, size); }

void *memalign(size_t alignment, size_t size) { count_one(); return __libc_memalign(alignment, size); }

void *aligned_alloc(size_t alignment, size_t size) { count_one(); return __libc_memalign(alignment, size); }

int posix_memalign(void **out, size_t alignment, size_t size) {
    count_one();
    // posix_memalign's contract: a power of two multiple of sizeof(void *).
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return EINVAL;
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) return ENOMEM;
    *out = pointer;
    return 0;
}
