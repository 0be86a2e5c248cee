/*
 * labels.c: the German labels of contract 6.3, one row per label, in the
 * contract's order.
 */
#include "netmap/labels.h"
#include "netmap/model.h"

const nm_label nm_labels[] = {
	{NM_FIELD_TYPE, NM_TYPE_ASSOCIATION, "Verband"},
	{NM_FIELD_TYPE, NM_TYPE_ASSOCIATION, "Wohlfahrtsverband"},
	{NM_FIELD_TYPE, NM_TYPE_CHAMBER, "Kammer"},
	{NM_FIELD_TYPE, NM_TYPE_AGENCY, "Behörde"},
	{NM_FIELD_TYPE, NM_TYPE_AGENCY, "Agentur"},
	{NM_FIELD_TYPE, NM_TYPE_AGENCY, "Behörde/Agentur"},
	{NM_FIELD_TYPE, NM_TYPE_AGENCY, "Jobcenter"},
	{NM_FIELD_TYPE, NM_TYPE_MIGRANT_ORGANISATION, "Migrantenorganisation"},
	{NM_FIELD_TYPE, NM_TYPE_YOUTH_WORK, "Träger der Jugendarbeit"},
	{NM_FIELD_TYPE, NM_TYPE_YOUTH_WORK, "Träger der Kinder- und Jugendarbeit"},
	{NM_FIELD_TYPE, NM_TYPE_YOUTH_WORK, "Jugendarbeit"},
	{NM_FIELD_TYPE, NM_TYPE_VOLUNTEER_INITIATIVE, "ehrenamtliche Initiative"},
	{NM_FIELD_TYPE, NM_TYPE_VOLUNTEER_INITIATIVE, "Ehrenamt"},
	{NM_FIELD_TYPE, NM_TYPE_CLUB, "Verein"},
	{NM_FIELD_TYPE, NM_TYPE_SOCIAL_PARTNER, "Sozialpartner"},
	{NM_FIELD_TYPE, NM_TYPE_RELIGIOUS_COMMUNITY, "Religionsgemeinschaft"},
	{NM_FIELD_TYPE, NM_TYPE_EDUCATION_PROVIDER, "Bildungsträger"},
	{NM_FIELD_TYPE, NM_TYPE_EDUCATION_PROVIDER, "Bildungs- und Sprachkursträger"},
	{NM_FIELD_TYPE, NM_TYPE_EDUCATION_PROVIDER, "Sprachkursträger"},
	{NM_FIELD_TYPE, NM_TYPE_SCHOOL, "Schule"},
	{NM_FIELD_TYPE, NM_TYPE_SCHOOL, "Hochschule"},
	{NM_FIELD_TYPE, NM_TYPE_SCHOOL, "Schule/Hochschule"},
	{NM_FIELD_TYPE, NM_TYPE_ADMINISTRATION, "Verwaltung"},
	{NM_FIELD_TYPE, NM_TYPE_OTHER, "Sonstige"},
	{NM_FIELD_KIND, NM_KIND_WORKING_GROUP, "Arbeitskreis"},
	{NM_FIELD_KIND, NM_KIND_WORKING_GROUP, "Arbeitsgruppe"},
	{NM_FIELD_KIND, NM_KIND_NETWORK, "Netzwerk"},
	{NM_FIELD_KIND, NM_KIND_ROUND_TABLE, "Runder Tisch"},
	{NM_FIELD_KIND, NM_KIND_STEERING_GROUP, "Steuerungsgruppe"},
	{NM_FIELD_KIND, NM_KIND_STEERING_GROUP, "Lenkungsgruppe"},
	{NM_FIELD_KIND, NM_KIND_ADVISORY_BOARD, "Beirat"},
	{NM_FIELD_KIND, NM_KIND_COMMITTEE, "Ausschuss"},
	{NM_FIELD_STATUS, NM_STATUS_ACTIVE, "aktiv"},
	{NM_FIELD_STATUS, NM_STATUS_DORMANT, "ruhend"},
	{NM_FIELD_STATUS, NM_STATUS_DORMANT, "ruht"},
	{NM_FIELD_STATUS, NM_STATUS_DISSOLVED, "aufgelöst"},
	{NM_FIELD_MEETS, NM_FREQ_WEEKLY, "wöchentlich"},
	{NM_FIELD_MEETS, NM_FREQ_BIWEEKLY, "vierzehntäglich"},
	{NM_FIELD_MEETS, NM_FREQ_BIWEEKLY, "14-tägig"},
	{NM_FIELD_MEETS, NM_FREQ_MONTHLY, "monatlich"},
	{NM_FIELD_MEETS, NM_FREQ_QUARTERLY, "vierteljährlich"},
	{NM_FIELD_MEETS, NM_FREQ_QUARTERLY, "quartalsweise"},
	{NM_FIELD_MEETS, NM_FREQ_TWICE_YEARLY, "halbjährlich"},
	{NM_FIELD_MEETS, NM_FREQ_YEARLY, "jährlich"},
	{NM_FIELD_MEETS, NM_FREQ_IRREGULAR, "unregelmäßig"},
	{NM_FIELD_ROLE, NM_ROLE_LEAD, "Federführung"},
	{NM_FIELD_ROLE, NM_ROLE_CHAIR, "Vorsitz"},
	{NM_FIELD_ROLE, NM_ROLE_MEMBER, "Mitglied"},
	{NM_FIELD_ROLE, NM_ROLE_GUEST, "Gast"},
};

const size_t nm_nlabels = sizeof(nm_labels) / sizeof(nm_labels[0]);

void nm_labels_join(nm_buf *b, nm_enum_field field, unsigned value)
{
	const char *sep = "";

	for (size_t i = 0; i < nm_nlabels; i++) {
		if (nm_labels[i].field != field || nm_labels[i].value != value)
			continue;
		nm_buf_puts(b, sep);
		nm_buf_puts(b, nm_labels[i].de);
		sep = ", ";
	}
}
