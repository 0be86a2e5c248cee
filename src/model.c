/*
 * model.c: the vocabulary of the data format (enum spellings, dates, exact
 * ratios, settings) and the dataset's life cycle: freeing it, sorting it
 * into the canonical order every later module relies on, and finding
 * records by id in that order.
 */
#include "netmap/model.h"
#include "netmap/sort.h"

#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *const nm_actor_type_names[NM_TYPE_COUNT] = {
	"association",
	"chamber",
	"agency",
	"migrant_organisation",
	"youth_work",
	"volunteer_initiative",
	"club",
	"social_partner",
	"religious_community",
	"education_provider",
	"school",
	"administration",
	"other",
};

const char *const nm_kind_names[NM_KIND_COUNT] = {
	"working_group", "network", "round_table", "steering_group", "advisory_board", "committee",
};

const char *const nm_status_names[NM_STATUS_COUNT] = {
	"active",
	"dormant",
	"dissolved",
};

const char *const nm_role_names[NM_ROLE_COUNT] = {
	"guest",
	"member",
	"chair",
	"lead",
};

const char *const nm_freq_names[NM_FREQ_COUNT] = {
	"weekly", "biweekly", "monthly", "quarterly", "twice_yearly", "yearly", "irregular",
};

const unsigned nm_freq_meetings[NM_FREQ_COUNT + 1] = {52, 26, 12, 4, 2, 1, 0, 0};

int nm_enum_lookup(const char *const *names, int count, const char *s)
{
	for (int i = 0; i < count; i++)
		if (names[i][0] == s[0] && strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/* Days from civil date (proleptic Gregorian), after Howard Hinnant. */
static int32_t days_from_civil(int y, unsigned m, unsigned d)
{
	int era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int32_t)doe - 719468;
}

static void civil_from_days(int32_t z, int *y, unsigned *m, unsigned *d)
{
	int era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = (int)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y += *m <= 2;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int nm_date_parse(const char *s, nm_date *out)
{
	static const unsigned mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y;
	unsigned m, d, dim;

	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return -1;
		} else if (s[i] < '0' || s[i] > '9') {
			return -1;
		}
	}
	if (s[10] != '\0')
		return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
	d = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
	if (m < 1 || m > 12 || d < 1)
		return -1;
	dim = mdays[m - 1] + (m == 2 && is_leap(y));
	if (d > dim)
		return -1;
	*out = days_from_civil(y, m, d);
	return 0;
}

void nm_date_format(nm_date date, char *out)
{
	int y;
	unsigned m, d;

	civil_from_days(date, &y, &m, &d);
	y = y < 0 ? 0 : y % 10000;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

nm_date nm_date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return days_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday);
}

int nm_ratio_parse(const char *s, nm_ratio *out)
{
	uint64_t num = 0, den = 1;
	const char *p = s;
	int digits = 0;

	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9') {
		num = num * 10 + (uint64_t)(*p++ - '0');
		if (num > 1000000000ULL)
			return -1;
		digits++;
	}
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9') {
			if (den >= 1000000000ULL) { /* more than 9 decimals: only zeros */
				if (*p++ != '0')
					return -1;
				continue;
			}
			num = num * 10 + (uint64_t)(*p++ - '0');
			den *= 10;
		}
	}
	if (*p != '\0' || num > den)
		return -1;
	/* Reduce trailing zeros so that 0.60 and 0.6 are the same ratio. */
	while (den > 1 && num % 10 == 0) {
		num /= 10;
		den /= 10;
	}
	out->num = (uint32_t)num;
	out->den = (uint32_t)den;
	(void)digits;
	return 0;
}

void nm_ratio_format(nm_ratio r, char *out, size_t size)
{
	uint32_t whole = r.num / r.den, frac = r.num % r.den;
	int width = 0;

	if (frac == 0) {
		snprintf(out, size, "%u", whole);
		return;
	}
	for (uint32_t d = r.den; d > 1; d /= 10)
		width++;
	while (frac % 10 == 0) { /* already reduced, kept for safety */
		frac /= 10;
		width--;
	}
	snprintf(out, size, "%u.%0*u", whole, width, frac);
}

nm_ratio nm_setting_ratio(const nm_settings *s, const nm_setting_def *def)
{
	nm_ratio r;

	memcpy(&r, (const char *)s + def->offset, sizeof(r));
	return r;
}

uint32_t nm_setting_number(const nm_settings *s, const nm_setting_def *def)
{
	uint32_t n;

	memcpy(&n, (const char *)s + def->offset, sizeof(n));
	return n;
}

const char *nm_setting_ids(const nm_settings *s, const nm_setting_def *def)
{
	const char *ids;

	memcpy((void *)&ids, (const char *)s + def->offset, sizeof(ids));
	return ids;
}

void nm_setting_set_ratio(nm_settings *s, const nm_setting_def *def, nm_ratio r)
{
	memcpy((char *)s + def->offset, &r, sizeof(r));
}

void nm_setting_set_number(nm_settings *s, const nm_setting_def *def, uint32_t n)
{
	memcpy((char *)s + def->offset, &n, sizeof(n));
}

void nm_setting_set_ids(nm_settings *s, const nm_setting_def *def, char *ids)
{
	memcpy((char *)s + def->offset, (void *)&ids, sizeof(ids));
}

void nm_settings_default(nm_settings *s)
{
	for (size_t i = 0; i < NM_SETTINGS_N; i++) {
		const nm_setting_def *d = &nm_setting_defs[i];

		switch (d->kind) {
		case NM_SETTING_RATIO:
			nm_setting_set_ratio(s, d, d->ratio);
			break;
		case NM_SETTING_COUNT:
		case NM_SETTING_TYPES:
			nm_setting_set_number(s, d, d->count);
			break;
		case NM_SETTING_IDS: /* not freed: s may hold anything */
			nm_setting_set_ids(s, d, NULL);
			break;
		}
	}
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t nm_type_names_sorted(uint32_t mask, const char **names)
{
	size_t n = 0;

	for (int t = 0; t < NM_TYPE_COUNT; t++)
		if (mask & (1u << t))
			names[n++] = nm_actor_type_names[t];
	qsort(names, n, sizeof(*names), cmp_cstr);
	return n;
}

/* A copy of an id list in byte order, each id once, no empty parts; NULL for none. */
static char *dup_coordinators(const char *s)
{
	char *copy, *save = NULL, *out;
	const char **ids;
	size_t n = 0, len = 0;

	if (!s || !s[0])
		return NULL;
	copy = nm_xstrdup(s);
	ids = nm_xreallocarray(NULL, strlen(s) / 2 + 1, sizeof(*ids));
	for (char *id = strtok_r(copy, ",", &save); id; id = strtok_r(NULL, ",", &save))
		ids[n++] = id;
	qsort(ids, n, sizeof(*ids), cmp_cstr);
	out = nm_xmalloc(strlen(s) + 1);
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(ids[i]);
		if (i && strcmp(ids[i], ids[i - 1]) == 0)
			continue;
		if (len)
			out[len++] = ',';
		memcpy(out + len, ids[i], l);
		len += l;
	}
	out[len] = '\0';
	free(ids);
	free(copy);
	if (len == 0) {
		free(out);
		return NULL;
	}
	return out;
}

void nm_settings_copy(nm_settings *dst, const nm_settings *src)
{
	*dst = *src;
	dst->coordinators = dup_coordinators(src->coordinators);
}

void nm_settings_release(nm_settings *s)
{
	if (!s)
		return;
	free(s->coordinators);
	s->coordinators = NULL;
}

bool nm_settings_next_coordinator(const nm_settings *s, size_t *pos, char *buf, size_t size)
{
	const char *list = s->coordinators;

	if (!list || size == 0)
		return false;
	for (;;) {
		const char *p = list + *pos, *comma;
		size_t len;

		if (*p == '\0')
			return false;
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		*pos += len + (comma ? 1 : 0);
		if (len == 0)
			continue;
		if (len >= size)
			len = size - 1;
		memcpy(buf, p, len);
		buf[len] = '\0';
		return true;
	}
}

/* In the contract's order; what each means: docs/analysis.md. */
const nm_setting_def nm_setting_defs[NM_SETTINGS_N] = {
	{"duplicate_jaccard",
	 "duplicate-jaccard",
	 NM_SET_DUPLICATE_JACCARD,
	 NM_SETTING_RATIO,
	 offsetof(nm_settings, duplicate_jaccard),
	 {6, 10},
	 0,
	 {"members' jaccard for a duplicate", "Jaccard der Mitglieder für ein Duplikat"},
	 "members' jaccard from which two committees are duplicates"},
	{"duplicate_theme_jaccard",
	 "duplicate-theme-jaccard",
	 NM_SET_DUPLICATE_THEME_JACCARD,
	 NM_SETTING_RATIO,
	 offsetof(nm_settings, duplicate_theme_jaccard),
	 {5, 10},
	 0,
	 {"themes' jaccard for a duplicate", "Jaccard der Themen für ein Duplikat"},
	 "themes' jaccard from which two committees are duplicates"},
	{"overlap_jaccard",
	 "overlap-jaccard",
	 NM_SET_OVERLAP_JACCARD,
	 NM_SETTING_RATIO,
	 offsetof(nm_settings, overlap_jaccard),
	 {3, 10},
	 0,
	 {"members' jaccard for an overlap", "Jaccard der Mitglieder für eine Überschneidung"},
	 "members' jaccard from which two committees overlap"},
	{"min_shared",
	 "min-shared",
	 NM_SET_MIN_SHARED,
	 NM_SETTING_COUNT,
	 offsetof(nm_settings, min_shared),
	 {0, 1},
	 2,
	 {"shared members for any class", "gemeinsame Mitglieder für jede Klasse"},
	 "shared members a pair needs for any class"},
	{"max_load",
	 "max-load",
	 NM_SET_MAX_LOAD,
	 NM_SETTING_COUNT,
	 offsetof(nm_settings, max_load),
	 {0, 1},
	 6,
	 {"committees before an actor is overloaded",
	  "Gremien, ab denen ein Akteur überlastet ist"},
	 "committees an actor sits in before it is overloaded"},
	{"stale_days",
	 "stale-days",
	 NM_SET_STALE_DAYS,
	 NM_SETTING_COUNT,
	 offsetof(nm_settings, stale_days),
	 {0, 1},
	 365,
	 {"days since last_met before stale", "Tage seit last_met, ab denen ein Gremium ruht"},
	 "days since last_met before an active committee is stale"},
	{"ad_hoc_days",
	 "ad-hoc-days",
	 NM_SET_AD_HOC_DAYS,
	 NM_SETTING_COUNT,
	 offsetof(nm_settings, ad_hoc_days),
	 {0, 1},
	 730,
	 {"days before an ad-hoc group runs long",
	  "Tage, ab denen eine Ad-hoc-Gruppe zu lange läuft"},
	 "days after founded before an ad-hoc group without an end runs long"},
	{"voices",
	 "voices",
	 NM_SET_VOICES,
	 NM_SETTING_TYPES,
	 offsetof(nm_settings, voices),
	 {0, 1},
	 (1u << NM_TYPE_MIGRANT_ORGANISATION) | (1u << NM_TYPE_VOLUNTEER_INITIATIVE),
	 {"actor types that must be heard", "Akteurstypen, die gehört werden müssen"},
	 "actor types whose voice every theme needs"},
	{"similar_name",
	 "similar-name",
	 NM_SET_SIMILAR_NAME,
	 NM_SETTING_RATIO,
	 offsetof(nm_settings, similar_name),
	 {9, 10},
	 0,
	 {"similarity for similar names", "Ähnlichkeit für ähnliche Namen"},
	 "similarity from which two actor names are similar"},
	{"coordinators",
	 "coordinators",
	 NM_SET_COORDINATORS,
	 NM_SETTING_IDS,
	 offsetof(nm_settings, coordinators),
	 {0, 1},
	 0,
	 {"actors in groups by office: not counted in overlaps, never overloaded ('' for none)",
	  "Akteure, die von Amts wegen in Gremien sitzen: zählen nicht für Überschneidungen, "
	  "nie überlastet ('' für keine)"},
	 "actors who sit in groups by office; left out of overlaps and load"},
};

const nm_setting_def *nm_setting_find(const char *name)
{
	for (size_t i = 0; i < NM_SETTINGS_N; i++)
		if (strcmp(nm_setting_defs[i].name, name) == 0)
			return &nm_setting_defs[i];
	return NULL;
}

static const char *setting_names[NM_SETTINGS_N];
static pthread_once_t setting_names_once = PTHREAD_ONCE_INIT;

static void build_setting_names(void)
{
	for (size_t i = 0; i < NM_SETTINGS_N; i++)
		setting_names[i] = nm_setting_defs[i].name;
}

const char *const *nm_setting_names(void)
{
	pthread_once(&setting_names_once, build_setting_names);
	return setting_names;
}

void nm_setting_format(const nm_setting_def *def, const nm_settings *s, nm_buf *out)
{
	const char *names[NM_TYPE_COUNT];
	char tmp[32];
	size_t n;

	nm_buf_clear(out);
	switch (def->kind) {
	case NM_SETTING_RATIO:
		nm_ratio_format(nm_setting_ratio(s, def), tmp, sizeof(tmp));
		nm_buf_puts(out, tmp);
		break;
	case NM_SETTING_COUNT:
		nm_buf_printf(out, "%u", nm_setting_number(s, def));
		break;
	case NM_SETTING_TYPES: /* in byte order, as JSON lists them */
		n = nm_type_names_sorted(nm_setting_number(s, def), names);
		for (size_t i = 0; i < n; i++)
			nm_buf_printf(out, "%s%s", i ? "," : "", names[i]);
		break;
	case NM_SETTING_IDS:
		if (nm_setting_ids(s, def))
			nm_buf_puts(out, nm_setting_ids(s, def));
		break;
	}
}

static int parse_count(const char *s, uint32_t *out)
{
	char *end;
	unsigned long long v;

	if (!s || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v > UINT32_MAX)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int nm_setting_parse(const nm_setting_def *def, const char *text, nm_settings *s)
{
	nm_ratio r;
	uint32_t u = 0;

	if (!text)
		return -1;
	switch (def->kind) {
	case NM_SETTING_RATIO:
		if (nm_ratio_parse(text, &r) < 0)
			return -1;
		nm_setting_set_ratio(s, def, r);
		return 0;
	case NM_SETTING_COUNT:
		if (parse_count(text, &u) < 0)
			return -1;
		nm_setting_set_number(s, def, u);
		return 0;
	case NM_SETTING_TYPES:
		for (const char *p = text; *p;) {
			const char *comma = strchr(p, ',');
			size_t len = comma ? (size_t)(comma - p) : strlen(p);
			int t = -1;

			for (int i = 0; i < NM_TYPE_COUNT && t < 0; i++)
				if (strlen(nm_actor_type_names[i]) == len &&
				    memcmp(nm_actor_type_names[i], p, len) == 0)
					t = i;
			if (t < 0)
				return -1;
			u |= 1u << t;
			p += len + (comma ? 1 : 0);
		}
		nm_setting_set_number(s, def, u);
		return 0;
	case NM_SETTING_IDS:
		free((char *)nm_setting_ids(s, def)); // NOLINT: the list s owns
		nm_setting_set_ids(s, def, text[0] ? nm_xstrdup(text) : NULL);
		return 0;
	}
	return -1;
}

void nm_settings_merge(nm_settings *dst, const nm_settings *src, unsigned mask)
{
	for (size_t i = 0; i < NM_SETTINGS_N; i++) {
		const nm_setting_def *d = &nm_setting_defs[i];

		if (!(mask & d->bit))
			continue;
		switch (d->kind) {
		case NM_SETTING_RATIO:
			nm_setting_set_ratio(dst, d, nm_setting_ratio(src, d));
			break;
		case NM_SETTING_COUNT:
		case NM_SETTING_TYPES:
			nm_setting_set_number(dst, d, nm_setting_number(src, d));
			break;
		case NM_SETTING_IDS: {
			char *ids = dup_coordinators(nm_setting_ids(src, d));

			free((char *)nm_setting_ids(dst, d)); // NOLINT: the list dst owns
			nm_setting_set_ids(dst, d, ids);
			break;
		}
		}
	}
}

nm_dataset *nm_dataset_new(void)
{
	nm_dataset *ds = nm_xcalloc(1, sizeof(*ds));
	nm_settings_default(&ds->settings);
	return ds;
}

static char *dup_opt(const char *s)
{
	return s ? nm_xstrdup(s) : NULL;
}

static uint32_t *dup_u32(const uint32_t *v, size_t n)
{
	uint32_t *out;

	if (!n)
		return NULL;
	out = nm_xreallocarray(NULL, n, sizeof(*out));
	memcpy(out, v, n * sizeof(*out));
	return out;
}

nm_dataset *nm_dataset_clone(const nm_dataset *src)
{
	nm_dataset *ds = nm_xcalloc(1, sizeof(*ds));

	ds->name = dup_opt(src->name);
	ds->themes_declared = src->themes_declared;
	nm_settings_copy(&ds->settings, &src->settings);
	ds->settings_given = src->settings_given;
	ds->nthemes = src->nthemes;
	ds->themes = nm_xcalloc(src->nthemes ? src->nthemes : 1, sizeof(*ds->themes));
	for (size_t i = 0; i < src->nthemes; i++) {
		ds->themes[i].id = nm_xstrdup(src->themes[i].id);
		ds->themes[i].label = dup_opt(src->themes[i].label);
	}
	ds->nactors = src->nactors;
	ds->actors = nm_xcalloc(src->nactors ? src->nactors : 1, sizeof(*ds->actors));
	for (size_t i = 0; i < src->nactors; i++) {
		const nm_actor *a = &src->actors[i];
		nm_actor *b = &ds->actors[i];

		*b = *a;
		b->id = nm_xstrdup(a->id);
		b->name = nm_xstrdup(a->name);
		b->themes = dup_u32(a->themes, a->nthemes);
		b->district = dup_opt(a->district);
		b->website = dup_opt(a->website);
		b->note = dup_opt(a->note);
		b->person = dup_opt(a->person);
		b->email = dup_opt(a->email);
		b->phone = dup_opt(a->phone);
	}
	ds->ncommittees = src->ncommittees;
	ds->committees = nm_xcalloc(src->ncommittees ? src->ncommittees : 1,
				    sizeof(*ds->committees));
	for (size_t i = 0; i < src->ncommittees; i++) {
		const nm_committee *c = &src->committees[i];
		nm_committee *d = &ds->committees[i];

		*d = *c;
		d->id = nm_xstrdup(c->id);
		d->name = nm_xstrdup(c->name);
		d->themes = dup_u32(c->themes, c->nthemes);
		d->district = dup_opt(c->district);
		d->note = dup_opt(c->note);
	}
	ds->nmemberships = src->nmemberships;
	ds->memberships = nm_xreallocarray(NULL, src->nmemberships ? src->nmemberships : 1,
					   sizeof(*ds->memberships));
	if (src->nmemberships)
		memcpy(ds->memberships, src->memberships,
		       src->nmemberships * sizeof(*ds->memberships));
	ds->nfiles = src->nfiles;
	ds->files = nm_xcalloc(src->nfiles ? src->nfiles : 1, sizeof(*ds->files));
	for (size_t i = 0; i < src->nfiles; i++) {
		ds->files[i].path = nm_xstrdup(src->files[i].path);
		memcpy(ds->files[i].sha256, src->files[i].sha256, sizeof(ds->files[i].sha256));
	}
	return ds;
}

void nm_dataset_free(nm_dataset *ds)
{
	if (!ds)
		return;
	for (size_t i = 0; i < ds->nactors; i++)
		free(ds->actors[i].themes);
	for (size_t i = 0; i < ds->ncommittees; i++)
		free(ds->committees[i].themes);
	if (ds->pool) {
		nm_arena_release(ds->pool);
		free(ds->pool);
	} else {
		for (size_t i = 0; i < ds->nthemes; i++) {
			free(ds->themes[i].id);
			free(ds->themes[i].label);
		}
		for (size_t i = 0; i < ds->nactors; i++) {
			nm_actor *a = &ds->actors[i];
			free(a->id);
			free(a->name);
			free(a->district);
			free(a->website);
			free(a->note);
			free(a->person);
			free(a->email);
			free(a->phone);
		}
		for (size_t i = 0; i < ds->ncommittees; i++) {
			nm_committee *c = &ds->committees[i];
			free(c->id);
			free(c->name);
			free(c->district);
			free(c->note);
		}
	}
	for (size_t i = 0; i < ds->nfiles; i++)
		free(ds->files[i].path);
	nm_settings_release(&ds->settings);
	free(ds->name);
	free(ds->themes);
	free(ds->actors);
	free(ds->committees);
	free(ds->memberships);
	free(ds->files);
	free(ds);
}

/* qsort comparators need the keys; an index array sorted by id serves all. */
typedef struct keyed {
	const char *id;
	uint32_t old;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
	return strcmp(((const keyed *)a)->id, ((const keyed *)b)->id);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Sort n records of size bytes by the id at offset 0; *map_out: old -> new. */
static uint32_t *sort_by_id(void *records, size_t n, size_t size)
{
	keyed *keys = nm_xreallocarray(NULL, n ? n : 1, sizeof(*keys));
	uint32_t *map = nm_xreallocarray(NULL, n ? n : 1, sizeof(*map));
	char *tmp = nm_xreallocarray(NULL, n ? n : 1, size);
	char *base = records;

	for (size_t i = 0; i < n; i++) {
		memcpy((void *)&keys[i].id, (const void *)(base + i * size), sizeof(keys[i].id));
		keys[i].old = (uint32_t)i;
	}
	qsort(keys, n, sizeof(*keys), cmp_keyed);
	for (size_t i = 0; i < n; i++) {
		map[keys[i].old] = (uint32_t)i;
		memcpy(tmp + i * size, base + (size_t)keys[i].old * size, size);
	}
	if (n)
		memcpy(base, tmp, n * size);
	free(tmp);
	free(keys);
	return map;
}

static void remap_themes(uint32_t *themes, size_t n, const uint32_t *map)
{
	for (size_t i = 0; i < n; i++)
		themes[i] = map[themes[i]];
	if (n > 1)
		qsort(themes, n, sizeof(*themes), cmp_u32);
}

/* Memberships by (committee, actor): a radix sort, as there may be millions. */
static void sort_memberships(nm_dataset *ds)
{
	size_t n = ds->nmemberships;
	uint64_t *keys;
	uint32_t *idx;
	nm_membership *sorted;

	if (n < 2)
		return;
	keys = nm_xreallocarray(NULL, n, sizeof(*keys));
	idx = nm_xreallocarray(NULL, n, sizeof(*idx));
	sorted = nm_xreallocarray(NULL, n, sizeof(*sorted));
	for (size_t i = 0; i < n; i++) {
		keys[i] = (uint64_t)ds->memberships[i].committee << 32 | ds->memberships[i].actor;
		idx[i] = (uint32_t)i;
	}
	nm_sort_u64(keys, idx, n);
	for (size_t i = 0; i < n; i++)
		sorted[i] = ds->memberships[idx[i]];
	free(ds->memberships);
	ds->memberships = sorted;
	free(keys);
	free(idx);
}

void nm_dataset_sort(nm_dataset *ds)
{
	uint32_t *tmap = sort_by_id(ds->themes, ds->nthemes, sizeof(nm_theme));
	uint32_t *amap = sort_by_id(ds->actors, ds->nactors, sizeof(nm_actor));
	uint32_t *cmap = sort_by_id(ds->committees, ds->ncommittees, sizeof(nm_committee));

	for (size_t i = 0; i < ds->nactors; i++)
		remap_themes(ds->actors[i].themes, ds->actors[i].nthemes, tmap);
	for (size_t i = 0; i < ds->ncommittees; i++) {
		nm_committee *c = &ds->committees[i];
		remap_themes(c->themes, c->nthemes, tmap);
		if (c->lead != NM_NONE)
			c->lead = amap[c->lead];
		if (c->parent != NM_NONE)
			c->parent = cmap[c->parent];
	}
	for (size_t i = 0; i < ds->nmemberships; i++) {
		ds->memberships[i].actor = amap[ds->memberships[i].actor];
		ds->memberships[i].committee = cmap[ds->memberships[i].committee];
	}
	sort_memberships(ds);
	free(tmap);
	free(amap);
	free(cmap);
}

static uint32_t find_sorted(const void *records, size_t n, size_t size, const char *id)
{
	size_t lo = 0, hi = n;
	const char *base = records;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *key;
		int c;

		memcpy((void *)&key, (const void *)(base + mid * size), sizeof(key));
		c = strcmp(key, id);
		if (c == 0)
			return (uint32_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NM_NONE;
}

uint32_t nm_dataset_find_actor(const nm_dataset *ds, const char *id)
{
	return find_sorted(ds->actors, ds->nactors, sizeof(nm_actor), id);
}

uint32_t nm_dataset_find_committee(const nm_dataset *ds, const char *id)
{
	return find_sorted(ds->committees, ds->ncommittees, sizeof(nm_committee), id);
}

uint32_t nm_dataset_find_theme(const nm_dataset *ds, const char *id)
{
	return find_sorted(ds->themes, ds->nthemes, sizeof(nm_theme), id);
}
