/*
 * par.c: chunks of work on several threads (see par.h).
 *
 * Workers take the next chunk under a mutex, so a fast worker does more
 * of them than a slow one (the machine may be busy with other work), and
 * each worker's chunks come in ascending order. The results do not depend
 * on who did what: every chunk writes only its own output.
 */
#include "par.h"

#include "netmap/common.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct run {
	nm_par_fn fn;
	void *ctx;
	size_t nchunks;
	size_t next; /* the next chunk to take, under mu */
	pthread_mutex_t mu;
} run;

typedef struct worker {
	run *r;
	unsigned id;
} worker;

static void *work(void *arg)
{
	const worker *w = arg;
	run *r = w->r;

	for (;;) {
		size_t chunk;

		pthread_mutex_lock(&r->mu);
		chunk = r->next < r->nchunks ? r->next++ : r->nchunks;
		pthread_mutex_unlock(&r->mu);
		if (chunk == r->nchunks)
			break;
		r->fn(r->ctx, chunk, w->id);
	}
	return NULL;
}

unsigned nm_par_workers(unsigned jobs, size_t nchunks)
{
	if (jobs <= 1 || nchunks <= 1)
		return 1;
	return nchunks < jobs ? (unsigned)nchunks : jobs;
}

void nm_par_run(unsigned jobs, size_t nchunks, nm_par_fn fn, void *ctx)
{
	unsigned nw = nm_par_workers(jobs, nchunks), started = 0;
	pthread_t *threads;
	worker *ws;
	run r;

	if (nw == 1) {
		for (size_t c = 0; c < nchunks; c++)
			fn(ctx, c, 0);
		return;
	}
	memset(&r, 0, sizeof(r));
	r.fn = fn;
	r.ctx = ctx;
	r.nchunks = nchunks;
	pthread_mutex_init(&r.mu, NULL);
	threads = nm_xcalloc(nw, sizeof(*threads));
	ws = nm_xcalloc(nw, sizeof(*ws));
	for (unsigned i = 0; i < nw; i++) {
		ws[i].r = &r;
		ws[i].id = i;
	}
	/* Worker ids stay below nw even when some threads do not start. */
	for (unsigned i = 1; i < nw; i++)
		if (pthread_create(&threads[started + 1], NULL, work, &ws[started + 1]) == 0)
			started++;
	work(&ws[0]);
	for (unsigned i = 1; i <= started; i++)
		pthread_join(threads[i], NULL);
	pthread_mutex_destroy(&r.mu);
	free(threads);
	free(ws);
}

void nm_par_split(size_t *bounds, size_t k, const uint64_t *cum, size_t n)
{
	uint64_t total = cum ? cum[n] : n;
	size_t i = 0;

	bounds[0] = 0;
	for (size_t j = 1; j < k; j++) {
		/* the first index whose weight before it reaches j/k of the total */
		uint64_t goal = total / k * j + total % k * j / k;
		while (i < n && (cum ? cum[i] : i) < goal)
			i++;
		bounds[j] = i;
	}
	if (k)
		bounds[k] = n;
}

void nm_par_join(void **out, size_t *n, nm_par_part *parts, size_t nparts, size_t size)
{
	size_t total = 0, k = 0, nonempty = 0, last = 0;
	unsigned char *v;

	for (size_t i = 0; i < nparts; i++) {
		total += parts[i].n;
		if (parts[i].n) {
			nonempty++;
			last = i;
		}
	}
	*n = total;
	if (nonempty == 1) {
		/* one part holds everything: hand its array over */
		*out = parts[last].v;
		parts[last].v = NULL;
		v = NULL;
	} else {
		v = total ? nm_xreallocarray(NULL, total, size) : NULL;
		*out = v;
	}
	for (size_t i = 0; i < nparts; i++) {
		if (v && parts[i].n) {
			memcpy(v + k * size, parts[i].v, parts[i].n * size);
			k += parts[i].n;
		}
		free(parts[i].v);
		parts[i].v = NULL;
		parts[i].n = parts[i].cap = 0;
	}
}
