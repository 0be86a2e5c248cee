/* analysis.c: placeholder; the analysis lands in its own change. */
#include "netmap/analysis.h"

#include <stdlib.h>

const char *const nm_class_names[NM_CLASS_COUNT] = {"duplicate", "nested", "overlap"};
const char *const nm_review_reason_names[NM_REVIEW_COUNT] = {
	"dormant", "long_running_ad_hoc", "overdue_ad_hoc", "stale",
};

int nm_analysis_run(nm_analysis **out, const nm_dataset *ds,
		    const nm_settings *settings, nm_date today, nm_error *err)
{
	nm_analysis *an = nm_xcalloc(1, sizeof(*an));
	an->ds = ds;
	an->settings = *settings;
	an->today = today;
	an->coverage = nm_xcalloc(ds->nthemes * NM_TYPE_COUNT + 1, sizeof(uint32_t));
	*out = an;
	return NM_OK;
}

void nm_analysis_free(nm_analysis *an)
{
	if (an) {
		free(an->coverage);
		free(an);
	}
}

size_t nm_analysis_count_class(const nm_analysis *an, nm_class cls)
{
	return 0;
}

size_t nm_analysis_count_overloaded(const nm_analysis *an)
{
	return 0;
}
