/*
 * test_memory.c: how what is read is kept. The arena packs text and
 * aligns other objects as they need; the id map hands out the copy it
 * holds; a validated dataset keeps its records' strings in its pool, a
 * clone has its own of each, and both free cleanly; references to ids
 * written before and after their records resolve alike.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/arena.h"
#include "netmap/model.h"
#include "netmap/strmap.h"
#include "testutil.h"

#define TODAY "2026-06-01"

static void arena_packs_text_byte_by_byte(void **state)
{
	nm_arena a = NM_ARENA_INIT;
	char *x = nm_arena_strdup(&a, "id"), *y = nm_arena_strdup(&a, "name"),
	     *z = nm_arena_strndup(&a, "committee-x", 9);

	(void)state;
	assert_string_equal(x, "id");
	assert_string_equal(y, "name");
	assert_string_equal(z, "committee");
	assert_ptr_equal(y, x + 3);
	assert_ptr_equal(z, y + 5);
	nm_arena_release(&a);
}

static void arena_aligns_what_follows_text(void **state)
{
	nm_arena a = NM_ARENA_INIT;
	uint32_t *u;
	double *d;
	void *m;

	(void)state;
	(void)nm_arena_strdup(&a, "abc");
	u = nm_arena_alloc_aligned(&a, 3 * sizeof(*u), alignof(uint32_t));
	assert_int_equal((uintptr_t)u % alignof(uint32_t), 0);
	u[0] = u[1] = u[2] = 7;
	(void)nm_arena_strdup(&a, "d");
	d = nm_arena_alloc_aligned(&a, sizeof(*d), alignof(double));
	assert_int_equal((uintptr_t)d % alignof(double), 0);
	*d = 1.5;
	(void)nm_arena_strdup(&a, "e");
	m = nm_arena_alloc(&a, 24);
	assert_int_equal((uintptr_t)m % alignof(max_align_t), 0);
	assert_int_equal(u[2], 7);
	nm_arena_release(&a);
}

static void arena_reuses_its_blocks_after_a_reset(void **state)
{
	nm_arena a = NM_ARENA_INIT;
	char *first, *again;

	(void)state;
	first = nm_arena_strdup(&a, "first");
	(void)nm_arena_alloc(&a, (size_t)3 << 20); /* a block of its own */
	nm_arena_reset(&a);
	again = nm_arena_strdup(&a, "again");
	assert_ptr_equal(again, first); /* the first block again, not a new one */
	assert_non_null(a.spare);       /* the large one waits for a large object */
	nm_arena_release(&a);
	assert_null(a.head);
	assert_null(a.spare);
}

static void strmap_key_is_the_copy_the_map_holds(void **state)
{
	nm_strmap m;
	char held[] = "nw-language-1", asked[] = "nw-language-1";

	(void)state;
	nm_strmap_init(&m);
	assert_null(nm_strmap_key(&m, "anything"));
	(void)nm_strmap_put(&m, held, 3);
	assert_ptr_equal(nm_strmap_key(&m, asked), held);
	assert_null(nm_strmap_key(&m, "nw-language-2"));
	nm_strmap_release(&m);
}

/* Actors name committees read after them, committees actors read before. */
static const char dataset_yaml[] = "netmap: 1\n"
				   "themes:\n"
				   "  - {id: language, label: Sprache}\n"
				   "  - {id: housing, label: Wohnen}\n"
				   "actors:\n"
				   "  - id: a1\n"
				   "    name: Verein Eins\n"
				   "    type: association\n"
				   "    district: Nord\n"
				   "    themes: [language, housing]\n"
				   "    member_of: [c2, {committee: c1, role: chair}]\n"
				   "  - id: a2\n"
				   "    name: Verein Zwei\n"
				   "    type: club\n"
				   "    district: Nord\n"
				   "    contact: {person: Eva, email: eva@example.org}\n"
				   "    member_of: [c1]\n"
				   "committees:\n"
				   "  - id: c1\n"
				   "    name: Runder Tisch\n"
				   "    kind: round_table\n"
				   "    lead: a2\n"
				   "    themes: [language]\n"
				   "    members: [a1, {actor: a2, role: member}]\n"
				   "  - id: c2\n"
				   "    name: Netzwerk\n"
				   "    kind: network\n"
				   "    parent: c1\n"
				   "    note: zweimal\n"
				   "memberships:\n"
				   "  - {actor: a2, committee: c2, since: 2024-01-01}\n";

static void check_dataset(const nm_dataset *ds)
{
	assert_int_equal(ds->nthemes, 2);
	assert_string_equal(ds->themes[0].id, "housing");
	assert_string_equal(ds->themes[1].label, "Sprache");
	assert_int_equal(ds->nactors, 2);
	assert_string_equal(ds->actors[0].id, "a1");
	assert_string_equal(ds->actors[0].district, "Nord");
	assert_int_equal(ds->actors[0].nthemes, 2);
	assert_int_equal(ds->actors[0].themes[0], 0);
	assert_int_equal(ds->actors[0].themes[1], 1);
	assert_string_equal(ds->actors[1].email, "eva@example.org");
	assert_null(ds->actors[1].website);
	assert_int_equal(ds->ncommittees, 2);
	assert_int_equal(ds->committees[0].lead, 1);
	assert_int_equal(ds->committees[1].parent, 0);
	assert_string_equal(ds->committees[1].note, "zweimal");
	/* (c1,a1) chair, (c1,a2) lead, (c2,a1), (c2,a2) since 2024-01-01 */
	assert_int_equal(ds->nmemberships, 4);
	assert_int_equal(ds->memberships[0].committee, 0);
	assert_int_equal(ds->memberships[0].actor, 0);
	assert_int_equal(ds->memberships[0].role, NM_ROLE_CHAIR);
	assert_int_equal(ds->memberships[1].role, NM_ROLE_LEAD);
	assert_int_equal(ds->memberships[2].committee, 1);
	assert_int_equal(ds->memberships[2].actor, 0);
	assert_int_equal(ds->memberships[3].actor, 1);
	assert_int_equal(ds->memberships[3].role, NM_ROLE_MEMBER);
	assert_int_not_equal(ds->memberships[3].since, NM_DATE_NONE);
}

static void validated_dataset_keeps_its_strings_in_its_pool(void **state)
{
	tu_data d;
	nm_dataset *copy;

	(void)state;
	tu_yaml(&d, dataset_yaml, TODAY);
	assert_non_null(d.ds);
	assert_non_null(d.ds->pool);
	check_dataset(d.ds);
	copy = nm_dataset_clone(d.ds);
	assert_null(copy->pool); /* a clone's strings are its own, to change one by one */
	check_dataset(copy);
	assert_ptr_not_equal(copy->actors[0].name, d.ds->actors[0].name);
	tu_data_release(&d);
	check_dataset(copy); /* nothing of it lived in the pool */
	nm_dataset_free(copy);
}

static void invalid_dataset_frees_what_it_read(void **state)
{
	/* Records, references and an unknown one: all freed with the errors. */
	static const char yaml[] =
		"netmap: 1\n"
		"actors:\n"
		"  - {id: a1, name: Eins, type: club, member_of: [c9], themes: [t1]}\n"
		"  - {id: a1, name: Noch eins, type: club, district: Süd}\n"
		"committees:\n"
		"  - {id: c1, name: Tisch, kind: network, members: [a1, a7], lead: a8}\n";
	const char *texts[] = {yaml};
	tu_data d;

	(void)state;
	tu_validate(&d, texts, NULL, 1, TODAY, 0);
	assert_null(d.ds);
	assert_true(d.diags.errors >= 3);
	tu_data_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(arena_packs_text_byte_by_byte),
		cmocka_unit_test(arena_aligns_what_follows_text),
		cmocka_unit_test(arena_reuses_its_blocks_after_a_reset),
		cmocka_unit_test(strmap_key_is_the_copy_the_map_holds),
		cmocka_unit_test(validated_dataset_keeps_its_strings_in_its_pool),
		cmocka_unit_test(invalid_dataset_frees_what_it_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
