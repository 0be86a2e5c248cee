/*
 * diag_words.h: the German of problem messages (private to diag.c and
 * its test): the German format for an English one, or NULL.
 */
#ifndef NETMAP_DIAG_WORDS_H
#define NETMAP_DIAG_WORDS_H

#include <stddef.h>

const char *nm_diag_words_de(const char *en);
/* A word of the messages' own that fills a %s ("a list", "actor") in German, or NULL. */
const char *nm_diag_word_de(const char *word);
/* The rows, for the test that both formats take the same conversions. */
size_t nm_diag_words_count(void);
const char *nm_diag_words_at(size_t i, int de);

#endif
