/*
 * report_words.c: the German of the overview's words (section titles,
 * reasons, advice), kept once: the report document (report_doc.c) words
 * every section with them for the text, Markdown and HTML writers, and
 * the text and Markdown headlines use them too. A caller looks in its own
 * table first, for words only it uses.
 */
#include "report_words.h"

static const nm_msg words[] = {
	{"netmap overview: ", "netmap-Übersicht: "},
	{"(unnamed dataset)", "(Datensatz ohne Namen)"},
	{", snapshot %lld", ", Snapshot %lld"},
	{"actor", "Akteur"},
	{"actors", "Akteure"},
	{"committee", "Gremium"},
	{"committees", "Gremien"},
	{" (%s active or dormant), ", " (%s aktiv oder ruhend), "},
	{"membership", "Mitgliedschaft"},
	{"memberships", "Mitgliedschaften"},
	{"theme", "Thema"},
	{"themes", "Themen"},
	{"duplicate groups (pairs)", "Doppelte Gremien (Paare)"},
	{"nested groups", "Verschachtelte Gremien"},
	{"overlapping groups (pairs)", "Überschneidungen (Paare)"},
	{"overloaded actors", "Überlastete Akteure"},
	{"groups to review", "Zu prüfende Gremien"},
	{"gaps", "Lücken"},
	{"uncovered themes", "Themen ohne Gremium"},
	{"isolated actors", "Akteure ohne Gremium"},
	{"single-type groups", "Gremien mit nur einer Akteursart"},
	{"possible duplicate records", "Mögliche doppelte Einträge"},
	{"neither has themes", "beide ohne Themen"},
	{"same themes", "gleiche Themen"},
	{"%u of %u themes shared", "%u von %u Themen gemeinsam"},
	{"%s and %s", "%s und %s"},
	{"Merge them, or give each a distinct mandate and membership.",
	 "Zusammenlegen oder jedem einen eigenen Auftrag und eigene Mitglieder geben."},
	{"Coordinate agendas and dates, or agree who covers what.",
	 "Tagesordnungen und Termine abstimmen oder vereinbaren, wer was übernimmt."},
	{"Duplicate groups: candidates for merging",
	 "Doppelte Gremien: Kandidaten zum Zusammenlegen"},
	{"Merge clusters", "Cluster zum Zusammenlegen"},
	{"Nested groups", "Verschachtelte Gremien"},
	{"Overlapping groups", "Gremien mit Überschneidungen"},
	{"%s groups that duplicate each other: ", "%s Gremien, die einander doppeln: "},
	{"One group per cluster is usually enough: merge them into one.",
	 "Meist genügt ein Gremium je Cluster: zu einem zusammenlegen."},
	{"Overloaded actors", "Überlastete Akteure"},
	{"More than %u committees each: share seats with partners, or merge the groups "
	 "they sit in twice.",
	 "Jeweils mehr als %u Gremien: Sitze mit Partnern teilen oder die Gremien "
	 "zusammenlegen, in denen sie doppelt sitzen."},
	{"Groups to review", "Zu prüfende Gremien"},
	{"dormant. Revive it with a mandate, or dissolve it.",
	 "ruht. Mit einem neuen Auftrag wiederbeleben oder auflösen."},
	{"stale, last met %s (%s days ago). Ask whether it is still needed.",
	 "lange ohne Treffen, zuletzt am %s (vor %s Tagen). Klären, ob es noch "
	 "gebraucht wird."},
	{"ad-hoc group past its planned end %s (%s days ago). Dissolve it or set a new end.",
	 "Ad-hoc-Gremium über sein geplantes Ende am %s hinaus (seit %s Tagen). "
	 "Auflösen oder ein neues Ende festlegen."},
	{"ad-hoc group past its planned end %s (1 day ago). Dissolve it or set a new end.",
	 "Ad-hoc-Gremium über sein geplantes Ende am %s hinaus (seit 1 Tag). "
	 "Auflösen oder ein neues Ende festlegen."},
	{"ad-hoc group running since %s (%s days) with no end. Set an end date or make it "
	 "permanent.",
	 "Ad-hoc-Gremium, läuft seit %s (%s Tage) ohne Enddatum. Ein Ende festlegen oder "
	 "es dauerhaft einrichten."},
	{"Gaps", "Lücken"},
	{"Themes no group works on", "Themen, an denen kein Gremium arbeitet"},
	{"Find a group that could take the theme on, or say why none is needed.",
	 "Ein Gremium suchen, das das Thema übernehmen kann, oder begründen, warum keines "
	 "nötig ist."},
	{"Actors in no group", "Akteure ohne Gremium"},
	{"Invite them where their themes are discussed.",
	 "Dorthin einladen, wo ihre Themen besprochen werden."},
	{"Groups of one actor type only", "Gremien mit nur einer Akteursart"},
	{"Open them to other sectors, or link them to a mixed network.",
	 "Für andere Bereiche öffnen oder mit einem gemischten Netzwerk verbinden."},
	{"Missing voices", "Fehlende Stimmen"},
	{"Invite them on equal footing to the groups on these themes.",
	 "Gleichberechtigt in die Gremien zu diesen Themen einladen."},
	{"Coverage: actors of each type working on each theme",
	 "Abdeckung: Akteure jeder Art, die an einem Thema arbeiten"},
	{"Possible duplicate records", "Mögliche doppelte Einträge"},
	{"the same name once spelling and legal form are set aside",
	 "gleicher Name, wenn man Schreibweise und Rechtsform beiseitelässt"},
	{"the same contact e-mail address", "gleiche Kontakt-E-Mail-Adresse"},
	{"the same website", "gleiche Website"},
	{"similar names (%u%% alike)", "ähnliche Namen (%u %% Übereinstimmung)"},
	{"If they are one organisation, keep one id and move the memberships to it.",
	 "Wenn es eine Organisation ist: eine ID behalten und die Mitgliedschaften dorthin "
	 "übertragen."},
};

const char *nm_report_tr(const nm_msg *own, size_t n, nm_lang lang, const char *en)
{
	const char *t = nm_tr(own, n, lang, en);

	return t != en ? t : NM_TR(words, lang, en);
}
