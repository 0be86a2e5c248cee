/*
 * arena.h: a bump allocator for many small objects that die together (a
 * file's node tree, the references of one validation). Blocks come from
 * the checked allocator; nm_arena_release frees them all at once.
 */
#ifndef NETMAP_ARENA_H
#define NETMAP_ARENA_H

#include <stddef.h>

typedef struct nm_arena_block nm_arena_block;

typedef struct nm_arena {
	nm_arena_block *head;  /* blocks in use, newest first */
	nm_arena_block *spare; /* blocks kept by nm_arena_reset for reuse */
} nm_arena;

#define NM_ARENA_INIT \
	{ \
		NULL, NULL \
	}

/* size bytes aligned for any type; never NULL. */
void *nm_arena_alloc(nm_arena *a, size_t size);
/* size bytes at a multiple of align (a power of two, at most max_align_t's). */
void *nm_arena_alloc_aligned(nm_arena *a, size_t size, size_t align);
/* A NUL-terminated copy of the n bytes at s (not aligned: packed). */
char *nm_arena_strndup(nm_arena *a, const char *s, size_t n);
char *nm_arena_strdup(nm_arena *a, const char *s);
/* Forget every object but keep the blocks for the next ones. */
void nm_arena_reset(nm_arena *a);
/* Free every block; the arena can be used again. */
void nm_arena_release(nm_arena *a);

#endif
