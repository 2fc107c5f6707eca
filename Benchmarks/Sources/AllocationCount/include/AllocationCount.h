#ifndef ALLOCATION_COUNT_H
#define ALLOCATION_COUNT_H

/// Heap allocations (malloc, calloc, realloc, aligned_alloc, memalign,
/// posix_memalign calls) made by the whole process, on every thread, since it
/// started. Counted only when the executable exports these symbols (see
/// Package.swift), so that shared libraries call them too.
unsigned long allocation_count(void);

/// The same count, for the calling thread only.
unsigned long thread_allocation_count(void);

#endif
