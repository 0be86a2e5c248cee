/*
 * arena.c: blocks of 1 MiB (or one object, when larger), handed out by
 * bumping an offset, rounded up only to what each object needs (text is
 * packed byte by byte). Nothing is freed alone.
 */
#include "netmap/arena.h"
#include "netmap/common.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE ((size_t)1 << 20)

struct nm_arena_block {
	nm_arena_block *next;
	size_t used, size;
	max_align_t data[];
};

void *nm_arena_alloc_aligned(nm_arena *a, size_t size, size_t align)
{
	nm_arena_block *b = a->head;
	size_t at = 0;

	if (size > SIZE_MAX - sizeof(max_align_t))
		nm_xmalloc(SIZE_MAX); /* aborts */
	if (b)
		at = (b->used + align - 1) / align * align;
	if (!b || at > b->size || b->size - at < size) {
		if (a->spare && size <= a->spare->size) {
			b = a->spare; /* reusing a block spares the page faults */
			a->spare = b->next;
		} else {
			size_t bsize = size > BLOCK_SIZE ? size : BLOCK_SIZE;
			b = nm_xmalloc(sizeof(*b) + bsize);
			b->size = bsize;
		}
		b->used = 0;
		b->next = a->head;
		a->head = b;
		at = 0;
	}
	b->used = at + size;
	return (char *)b->data + at;
}

void *nm_arena_alloc(nm_arena *a, size_t size)
{
	return nm_arena_alloc_aligned(a, size, sizeof(max_align_t));
}

char *nm_arena_strndup(nm_arena *a, const char *s, size_t n)
{
	char *p = nm_arena_alloc_aligned(a, n + 1, 1); /* text needs no alignment */
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *nm_arena_strdup(nm_arena *a, const char *s)
{
	return nm_arena_strndup(a, s, strlen(s));
}

void nm_arena_reset(nm_arena *a)
{
	while (a->head) {
		nm_arena_block *next = a->head->next;
		a->head->next = a->spare;
		a->spare = a->head;
		a->head = next;
	}
}

static void free_blocks(nm_arena_block *b)
{
	while (b) {
		nm_arena_block *next = b->next;
		free(b);
		b = next;
	}
}

void nm_arena_release(nm_arena *a)
{
	free_blocks(a->head);
	free_blocks(a->spare);
	a->head = a->spare = NULL;
}
