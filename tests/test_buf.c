/*
 * test_buf.c: the growable byte buffer. Empty buffers read as "", every
 * put keeps the contents NUL-terminated (bytes after a NUL included),
 * growth starts at 64 bytes and doubles without losing what was written,
 * printf appends exactly what vsnprintf would write, release and detach
 * leave an empty buffer behind, and a size that would overflow never
 * reaches the allocator as a small one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "netmap/buf.h"

/* ------------------------------------------------------------ empty */

static void test_buf__init_leaves_an_empty_buffer_without_memory(void **state)
{
	nm_buf b;

	(void)state;
	memset(&b, 0x5a, sizeof(b));
	nm_buf_init(&b);
	assert_null(b.ptr);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
}

static void test_buf__cstr_of_a_buffer_never_written_is_the_empty_string(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	assert_non_null(nm_buf_cstr(&b));
	assert_string_equal(nm_buf_cstr(&b), "");
}

static void test_buf__grow_of_a_new_buffer_leaves_it_terminated(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_grow(&b, 10);
	assert_non_null(b.ptr);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 64);
	assert_string_equal(b.ptr, "");
	assert_string_equal(nm_buf_cstr(&b), "");
	nm_buf_release(&b);
}

static void test_buf__put_of_nothing_allocates_an_empty_string(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_put(&b, NULL, 0);
	assert_non_null(b.ptr);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.ptr, "");
	nm_buf_release(&b);
}

/* ------------------------------------------------------------ putting */

static void test_buf__put_appends_exactly_len_bytes_nul_included(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_put(&b, "ab\0cdXXXX", 5);
	assert_int_equal(b.len, 5);
	assert_memory_equal(b.ptr, "ab\0cd", 6); /* and the terminating NUL */
	nm_buf_put(&b, "ef", 2);
	assert_int_equal(b.len, 7);
	assert_memory_equal(b.ptr, "ab\0cdef", 8);
	nm_buf_release(&b);
}

static void test_buf__puts_appends_up_to_the_nul(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_puts(&b, "Straße");
	nm_buf_puts(&b, "");
	nm_buf_puts(&b, " 1");
	assert_string_equal(nm_buf_cstr(&b), "Straße 1");
	assert_int_equal(b.len, strlen("Straße 1"));
	nm_buf_release(&b);
}

static void test_buf__putc_appends_one_byte_even_a_nul(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_putc(&b, 'x');
	assert_string_equal(b.ptr, "x");
	nm_buf_putc(&b, '\0');
	nm_buf_putc(&b, 'y');
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.ptr, "x\0y", 4);
	nm_buf_release(&b);
}

/* ------------------------------------------------------------ growth */

static void test_buf__growth_starts_at_64_bytes_and_doubles(void **state)
{
	nm_buf b = NM_BUF_INIT;
	char chunk[64];

	(void)state;
	memset(chunk, 'a', sizeof(chunk));
	nm_buf_put(&b, chunk, 63); /* 63 bytes and the NUL: 64 */
	assert_int_equal(b.cap, 64);
	nm_buf_putc(&b, 'b');
	assert_int_equal(b.cap, 128);
	nm_buf_put(&b, chunk, 64);
	assert_int_equal(b.len, 128);
	assert_int_equal(b.cap, 256);
	/* One put of far more than double jumps to the first power that holds it. */
	nm_buf_grow(&b, 1000);
	assert_int_equal(b.cap, 2048);
	assert_int_equal(b.len, 128);
	nm_buf_release(&b);
}

static void test_buf__growth_keeps_every_byte_written_before(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	for (size_t i = 0; i < 10000; i++)
		nm_buf_putc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 10000);
	assert_true(b.cap > b.len);
	for (size_t i = 0; i < 10000; i++)
		assert_int_equal(b.ptr[i], 'a' + i % 26);
	assert_int_equal(b.ptr[10000], '\0');
	nm_buf_release(&b);
}

static void test_buf__grow_reserves_without_changing_the_contents(void **state)
{
	nm_buf b = NM_BUF_INIT;
	char *before;

	(void)state;
	nm_buf_puts(&b, "kept");
	nm_buf_grow(&b, 500);
	assert_true(b.cap >= 4 + 500 + 1);
	assert_string_equal(b.ptr, "kept");
	before = b.ptr;
	/* The room reserved is there: filling it moves nothing. */
	for (int i = 0; i < 500; i++)
		nm_buf_putc(&b, '.');
	assert_ptr_equal(b.ptr, before);
	assert_int_equal(b.len, 504);
	nm_buf_release(&b);
}

/* A size that would wrap around must end the process, not allocate little. */
static void expect_grow_ends_the_process(size_t len, size_t extra)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		nm_buf b = NM_BUF_INIT;

		/* Stand in for a buffer this long without allocating it. */
		b.len = len;
		if (!freopen("/dev/null", "w", stderr))
			_exit(3);
		nm_buf_grow(&b, extra);
		_exit(0); /* reached only when the guard failed */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_false(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_false(WIFEXITED(status) && WEXITSTATUS(status) == 3);
}

static void test_buf__grow_past_size_max_ends_the_process(void **state)
{
	(void)state;
	expect_grow_ends_the_process(0, SIZE_MAX);
	expect_grow_ends_the_process(10, SIZE_MAX - 10);
	expect_grow_ends_the_process(SIZE_MAX / 2, SIZE_MAX / 2 + 1);
}

/* ------------------------------------------------------------ printf */

static void test_buf__printf_appends_the_formatted_text(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_puts(&b, "n=");
	nm_buf_printf(&b, "%d, '%s', %05.1f, %zu%%", -42, "Köln", 3.14159, (size_t)7);
	assert_string_equal(nm_buf_cstr(&b), "n=-42, 'Köln', 003.1, 7%");
	assert_int_equal(b.len, strlen("n=-42, 'Köln', 003.1, 7%"));
	nm_buf_release(&b);
}

static void test_buf__printf_of_nothing_leaves_an_empty_string(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_printf(&b, "%s", "");
	assert_non_null(b.ptr);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.ptr, "");
	nm_buf_release(&b);
}

static void test_buf__printf_longer_than_the_room_is_not_cut(void **state)
{
	nm_buf b = NM_BUF_INIT;
	char want[1001];

	(void)state;
	memset(want, 'z', 1000);
	want[1000] = '\0';
	nm_buf_puts(&b, "ab");
	nm_buf_printf(&b, "%s|%1000s|", "x", want);
	assert_int_equal(b.len, 2 + 1 + 1 + 1000 + 1);
	assert_memory_equal(b.ptr, "abx|", 4);
	assert_memory_equal(b.ptr + 4, want, 1000);
	assert_string_equal(b.ptr + 1004, "|");
	nm_buf_release(&b);
}

static void appendf(nm_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void appendf(nm_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

static void test_buf__vprintf_appends_like_printf(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	appendf(&b, "%s-%u", "ak", 3u);
	appendf(&b, "/%c", 'x');
	assert_string_equal(nm_buf_cstr(&b), "ak-3/x");
	nm_buf_release(&b);
}

static void test_buf__printf_that_cannot_format_appends_nothing(void **state)
{
	nm_buf b = NM_BUF_INIT;
	static const wchar_t euro[] = {0x20AC, 0};

	(void)state;
	nm_buf_puts(&b, "before");
	/* In the C locale a euro sign has no multibyte form: vsnprintf fails. */
	nm_buf_printf(&b, "%ls", euro);
	assert_string_equal(nm_buf_cstr(&b), "before");
	assert_int_equal(b.len, 6);
	nm_buf_release(&b);
}

/* ------------------------------------------------------------ clear, release, detach */

static void test_buf__clear_empties_and_keeps_the_memory(void **state)
{
	nm_buf b = NM_BUF_INIT;
	char *before;

	(void)state;
	nm_buf_puts(&b, "something");
	before = b.ptr;
	nm_buf_clear(&b);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 64);
	assert_ptr_equal(b.ptr, before);
	assert_string_equal(nm_buf_cstr(&b), "");
	nm_buf_puts(&b, "new");
	assert_string_equal(b.ptr, "new");
	nm_buf_release(&b);
}

static void test_buf__clear_of_a_new_buffer_allocates_nothing(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_clear(&b);
	assert_null(b.ptr);
	assert_int_equal(b.len, 0);
	assert_string_equal(nm_buf_cstr(&b), "");
}

static void test_buf__release_leaves_an_empty_reusable_buffer(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_puts(&b, "gone");
	nm_buf_release(&b);
	assert_null(b.ptr);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	assert_string_equal(nm_buf_cstr(&b), "");
	nm_buf_release(&b); /* twice is harmless */
	nm_buf_puts(&b, "again");
	assert_string_equal(nm_buf_cstr(&b), "again");
	nm_buf_release(&b);
}

static void test_buf__detach_hands_over_the_contents_and_empties(void **state)
{
	nm_buf b = NM_BUF_INIT;
	char *s;

	(void)state;
	nm_buf_puts(&b, "Netzwerk");
	s = nm_buf_detach(&b);
	assert_string_equal(s, "Netzwerk");
	assert_null(b.ptr);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	free(s);
}

static void test_buf__detach_of_a_new_buffer_is_an_empty_string_to_free(void **state)
{
	nm_buf b = NM_BUF_INIT;
	char *s;

	(void)state;
	s = nm_buf_detach(&b);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf__init_leaves_an_empty_buffer_without_memory),
		cmocka_unit_test(test_buf__cstr_of_a_buffer_never_written_is_the_empty_string),
		cmocka_unit_test(test_buf__grow_of_a_new_buffer_leaves_it_terminated),
		cmocka_unit_test(test_buf__put_of_nothing_allocates_an_empty_string),
		cmocka_unit_test(test_buf__put_appends_exactly_len_bytes_nul_included),
		cmocka_unit_test(test_buf__puts_appends_up_to_the_nul),
		cmocka_unit_test(test_buf__putc_appends_one_byte_even_a_nul),
		cmocka_unit_test(test_buf__growth_starts_at_64_bytes_and_doubles),
		cmocka_unit_test(test_buf__growth_keeps_every_byte_written_before),
		cmocka_unit_test(test_buf__grow_reserves_without_changing_the_contents),
		cmocka_unit_test(test_buf__grow_past_size_max_ends_the_process),
		cmocka_unit_test(test_buf__printf_appends_the_formatted_text),
		cmocka_unit_test(test_buf__printf_of_nothing_leaves_an_empty_string),
		cmocka_unit_test(test_buf__printf_longer_than_the_room_is_not_cut),
		cmocka_unit_test(test_buf__vprintf_appends_like_printf),
		cmocka_unit_test(test_buf__printf_that_cannot_format_appends_nothing),
		cmocka_unit_test(test_buf__clear_empties_and_keeps_the_memory),
		cmocka_unit_test(test_buf__clear_of_a_new_buffer_allocates_nothing),
		cmocka_unit_test(test_buf__release_leaves_an_empty_reusable_buffer),
		cmocka_unit_test(test_buf__detach_hands_over_the_contents_and_empties),
		cmocka_unit_test(test_buf__detach_of_a_new_buffer_is_an_empty_string_to_free),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
