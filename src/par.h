/*
 * par.h: work split into chunks by index and run on several POSIX
 * threads, so that what each chunk computes, put together in chunk order,
 * is what one thread computes for the whole.
 *
 * A chunk is a fixed range of indices decided before any thread starts;
 * which thread does which chunk depends on timing, but nothing a chunk
 * writes does: each chunk writes into its own part (nm_par_part), and the
 * calling thread joins the parts in chunk order (nm_par_join). A worker
 * takes its chunks in ascending order, so state a worker keeps from one
 * chunk to the next (a cursor into sorted lists) only moves forward.
 * Nothing here keeps state outside a call.
 */
#ifndef NETMAP_PAR_H
#define NETMAP_PAR_H

#include <stddef.h>
#include <stdint.h>

/* Run for chunk, by worker (0 .. nm_par_workers() - 1). */
typedef void (*nm_par_fn)(void *ctx, size_t chunk, unsigned worker);

/*
 * How many workers nm_par_run uses for nchunks chunks on jobs threads:
 * min(jobs, nchunks), at least 1. A caller sizes per-worker scratch by it.
 */
unsigned nm_par_workers(unsigned jobs, size_t nchunks);

/*
 * Call fn(ctx, chunk, worker) once for every chunk 0 .. nchunks - 1. With
 * one worker (jobs 0 or 1, or one chunk) the calling thread does every
 * chunk in order and no thread is created; otherwise the calling thread is
 * worker 0 and works alongside the others. When a thread cannot be
 * created, the workers there are do its share: the result is the same.
 */
void nm_par_run(unsigned jobs, size_t nchunks, nm_par_fn fn, void *ctx);

/*
 * Split the indices 0 .. n - 1 into k consecutive ranges of about equal
 * weight: range i is bounds[i] .. bounds[i + 1] - 1 (bounds has k + 1
 * entries, bounds[0] = 0, bounds[k] = n). cum[i] is the weight of indices
 * 0 .. i - 1 (n + 1 entries, non-decreasing); NULL weighs every index 1.
 */
void nm_par_split(size_t *bounds, size_t k, const uint64_t *cum, size_t n);

/* What one chunk found: n elements of the caller's type, cap allocated. */
typedef struct nm_par_part {
	void *v;
	size_t n, cap;
} nm_par_part;

/*
 * The parts 0 .. nparts - 1 one after the other in a new array (elements
 * of size bytes each) into *out and *n; NULL when *n is 0. The parts'
 * arrays are freed and the parts emptied.
 */
void nm_par_join(void **out, size_t *n, nm_par_part *parts, size_t nparts, size_t size);

#endif
