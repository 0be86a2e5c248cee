/*
 * report_plan.c: the plan of contract section 7 in words, English and
 * German, kept once for every report writer (see report_plan.h).
 */
#include "report_plan.h"

static const nm_msg words[] = {
	{"Merge proposals: what merging would save", "Zusammenlegen: was es einsparen würde"},
	{"Invitations: whom to invite where", "Einladungen: wen wohin einladen"},
	{"Where the data is thin", "Wo die Daten dünn sind"},
	{"Coordinators", "Koordinierungsstellen"},
	{"To do", "Zu tun"},
	{"invite %s to %s: it works on %s, and no %s sits there",
	 "%s zu „%s“ einladen: arbeitet zu %s, und dort sitzt kein Akteur der Art „%s“"},
	{"invite %s to %s: it works on %s, and it sits in no group yet",
	 "%s zu „%s“ einladen: arbeitet zu %s und sitzt noch in keinem Gremium"},
	{"merging %s: %s instead of %s seats, %s instead of %s member-meetings a year",
	 "%s zusammenlegen: %s statt %s Sitze, %s statt %s Sitzungsteilnahmen im Jahr"},
	{"merging %s: %s instead of %s seats (no group says how often it meets)",
	 "%s zusammenlegen: %s statt %s Sitze (kein Gremium gibt an, wie oft es tagt)"},
	{"%s and %s", "%s und %s"},
	{"%s: coordinating office, not counted in overlaps and never overloaded",
	 "%s: Koordinierungsstelle, nicht in Überschneidungen gezählt und nie überlastet"},
	{"%s of %s groups have no themes: they can never be duplicates, only nested or "
	 "overlapping. Give them their themes.",
	 "%s von %s Gremien haben keine Themen: sie können nie doppelt sein, nur "
	 "verschachtelt oder überschneidend. Ihre Themen eintragen."},
	{"%s of %s groups do not say how often they meet (meets): their meetings count 0 in "
	 "the load.",
	 "%s von %s Gremien geben nicht an, wie oft sie tagen (meets): ihre Sitzungen zählen "
	 "bei der Belastung 0."},
	{"%s of %s groups have no last_met date: they can never show as stale.",
	 "%s von %s Gremien haben kein Datum last_met: sie gelten nie als lange ohne "
	 "Treffen."},
};

#define TR(lang, en) NM_TR(words, (lang), (en))

const char *nm_plan_tr(nm_lang lang, const char *en)
{
	return TR(lang, en);
}

static const char *theme_name(const nm_theme *t)
{
	return t->label ? t->label : t->id;
}

void nm_plan_invitation(nm_buf *b, const nm_analysis *an, const nm_invitation *v, nm_lang lang)
{
	const nm_dataset *ds = an->ds;
	const nm_actor *a = &ds->actors[v->actor];
	const char *c = ds->committees[v->committee].name;
	const char *t = theme_name(&ds->themes[v->theme]);

	if (v->reason == NM_INVITE_MISSING_VOICE)
		nm_buf_printf(b, TR(lang, "invite %s to %s: it works on %s, and no %s sits there"),
			      a->name, c, t, nm_i18n_type(lang, a->type));
	else
		nm_buf_printf(b,
			      TR(lang, "invite %s to %s: it works on %s, and it sits in no "
				       "group yet"),
			      a->name, c, t);
}

/* "A", "A and B", "A, B and C". */
static void names_and(nm_buf *b, const nm_analysis *an, const nm_cluster *cl, nm_lang lang)
{
	nm_buf head = NM_BUF_INIT;

	for (size_t i = 0; i + 1 < cl->n; i++) {
		if (i)
			nm_buf_puts(&head, ", ");
		nm_buf_puts(&head, an->ds->committees[cl->committees[i]].name);
	}
	if (cl->n < 2)
		nm_buf_puts(b, cl->n ? an->ds->committees[cl->committees[0]].name : "");
	else
		nm_buf_printf(b, TR(lang, "%s and %s"), nm_buf_cstr(&head),
			      an->ds->committees[cl->committees[cl->n - 1]].name);
	nm_buf_release(&head);
}

void nm_plan_merge(nm_buf *b, const nm_analysis *an, const nm_merge_proposal *m, nm_lang lang)
{
	nm_buf names = NM_BUF_INIT;

	names_and(&names, an, &an->clusters[m->cluster], lang);
	if (m->meets == NM_FREQ_NONE)
		nm_buf_printf(b,
			      TR(lang, "merging %s: %s instead of %s seats (no group says how "
				       "often it meets)"),
			      nm_buf_cstr(&names), nm_i18n_count_str(lang, m->seats_after).s,
			      nm_i18n_count_str(lang, m->seats_before).s);
	else
		nm_buf_printf(b,
			      TR(lang, "merging %s: %s instead of %s seats, %s instead of %s "
				       "member-meetings a year"),
			      nm_buf_cstr(&names), nm_i18n_count_str(lang, m->seats_after).s,
			      nm_i18n_count_str(lang, m->seats_before).s,
			      nm_i18n_count_str(lang, m->member_meetings_after).s,
			      nm_i18n_count_str(lang, m->member_meetings_before).s);
	nm_buf_release(&names);
}

void nm_plan_coordinators(nm_buf *b, const nm_analysis *an, nm_lang lang)
{
	nm_buf names = NM_BUF_INIT;

	if (!an->ncoordinators)
		return;
	for (size_t i = 0; i < an->ncoordinators; i++) {
		const nm_actor *a = &an->ds->actors[an->coordinators[i]];
		if (i)
			nm_buf_puts(&names, ", ");
		nm_buf_printf(&names, "%s (%s)", a->name, a->id);
	}
	nm_buf_printf(b,
		      TR(lang, "%s: coordinating office, not counted in overlaps and never "
			       "overloaded"),
		      nm_buf_cstr(&names));
	nm_buf_release(&names);
}

static size_t thin_count(const nm_analysis *an, int i)
{
	return i == 0 ? an->without_themes : i == 1 ? an->without_meets : an->without_last_met;
}

bool nm_plan_hint(nm_buf *b, const nm_analysis *an, int i, nm_lang lang)
{
	size_t n = thin_count(an, i);
	nm_i18n_str ns = nm_i18n_count_str(lang, n);
	nm_i18n_str all = nm_i18n_count_str(lang, an->analysed_committees);

	if (i < 0 || i >= NM_PLAN_HINTS || n <= NM_PLAN_THIN)
		return false;
	if (i == 0)
		nm_buf_printf(b,
			      TR(lang, "%s of %s groups have no themes: they can never be "
				       "duplicates, only nested or overlapping. Give them their "
				       "themes."),
			      ns.s, all.s);
	else if (i == 1)
		nm_buf_printf(b,
			      TR(lang, "%s of %s groups do not say how often they meet (meets): "
				       "their meetings count 0 in the load."),
			      ns.s, all.s);
	else
		nm_buf_printf(b,
			      TR(lang, "%s of %s groups have no last_met date: they can never "
				       "show as stale."),
			      ns.s, all.s);
	return true;
}

size_t nm_plan_hint_count(const nm_analysis *an)
{
	size_t n = 0;

	for (int i = 0; i < NM_PLAN_HINTS; i++)
		n += thin_count(an, i) > NM_PLAN_THIN;
	return n;
}
