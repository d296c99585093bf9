/* test-assistant-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aip-test-assistants.h"

#include "aip-assistant-filter.h"


static GPtrArray *
make_set (void)
{
  GPtrArray *set = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (set, aip_test_assistant_from_json ("{\"id\": 1, \"name\": \"Sales Outbound Assistant\", \"status\": \"active\","
                              " \"mode\": \"pipeline\", \"timezone\": \"America/New_York\","
                              " \"system_prompt\": \"Qualify leads\", \"variables\": {\"company_name\": \"Acme\"}}"));
  g_ptr_array_add (set, aip_test_assistant_from_json ("{\"id\": 2, \"name\": \"Асистент за продажби\", \"status\": \"inactive\","
                              " \"mode\": \"multimodal\", \"timezone\": \"Europe/Sofia\","
                              " \"initial_message\": \"Здравейте!\"}"));
  g_ptr_array_add (set, aip_test_assistant_from_json ("{\"id\": 3, \"name\": \"Survey\", \"status\": \"paused\","
                              " \"mode\": \"pipeline\", \"timezone\": \"Europe/Sofia\","
                              " \"variables\": {\"purpose\": \"follow_up\"}}"));
  g_ptr_array_add (set, aip_test_assistant_from_json ("{\"id\": 4}"));

  return set;
}

static guint
count (AipAssistantFilter *filter,
       GPtrArray          *set,
       AipFilterFacet      ignored)
{
  guint n = 0;

  for (guint i = 0; i < set->len; i++)
    n += aip_assistant_filter_match_except (filter, g_ptr_array_index (set, i), ignored);

  return n;
}

static void
test_filter_choices (void)
{
  g_autoptr(AipAssistantFilter) filter = aip_assistant_filter_new ();
  g_autoptr(GPtrArray) set = make_set ();

  g_assert_false (aip_assistant_filter_is_active (filter));
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 4);

  aip_assistant_filter_set_status (filter, "active");
  g_assert_true (aip_assistant_filter_is_active (filter));
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);

  /* Unknown values are exact choices like any other. */
  aip_assistant_filter_set_status (filter, "paused");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);

  aip_assistant_filter_set_status (filter, "");
  g_assert_null (aip_assistant_filter_get_status (filter));
  g_assert_false (aip_assistant_filter_is_active (filter));

  aip_assistant_filter_set_timezone (filter, "Europe/Sofia");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 2);
  aip_assistant_filter_set_mode (filter, "pipeline");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);

  /* The count beside each mode ignores the mode choice itself. */
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_MODE), ==, 2);
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_TIMEZONE), ==, 2);

  aip_assistant_filter_clear (filter);
  g_assert_false (aip_assistant_filter_is_active (filter));
  g_assert_null (aip_assistant_filter_get_timezone (filter));
  g_assert_null (aip_assistant_filter_get_mode (filter));
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 4);
}

static void
test_filter_search (void)
{
  g_autoptr(AipAssistantFilter) filter = aip_assistant_filter_new ();
  g_autoptr(GPtrArray) set = make_set ();

  aip_assistant_filter_set_search (filter, "АСИСТЕНТ");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);
  g_assert_true (aip_assistant_filter_match_except (filter, g_ptr_array_index (set, 1), AIP_FILTER_FACET_NONE));

  aip_assistant_filter_set_search (filter, "sales outbound");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);

  /* Prompts, messages, variable names and values are searched too. */
  aip_assistant_filter_set_search (filter, "qualify");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);
  aip_assistant_filter_set_search (filter, "здравейте");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);
  aip_assistant_filter_set_search (filter, "COMPANY_NAME");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);
  aip_assistant_filter_set_search (filter, "follow_up");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);

  aip_assistant_filter_set_search (filter, "no such text");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 0);

  /* Every word, in any order, each anywhere: not the phrase. */
  aip_assistant_filter_set_search (filter, "outb  sal");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);
  aip_assistant_filter_set_search (filter, "acme leads");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);
  aip_assistant_filter_set_search (filter, "sales survey");
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 0);

  /* Only spaces search for nothing. */
  aip_assistant_filter_set_search (filter, " \t ");
  g_assert_false (aip_assistant_filter_is_active (filter));
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 4);

  aip_assistant_filter_set_search (filter, "");
  g_assert_null (aip_assistant_filter_get_search (filter));
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 4);
}

static void
changed_cb (GtkFilter       *filter,
            GtkFilterChange  change,
            GArray          *changes)
{
  g_array_append_val (changes, change);
}

static void
test_filter_strictness (void)
{
  g_autoptr(AipAssistantFilter) filter = aip_assistant_filter_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (GtkFilterChange));
  static const GtkFilterChange expected[] = {
    GTK_FILTER_CHANGE_MORE_STRICT,  /* status: all → active */
    GTK_FILTER_CHANGE_DIFFERENT,    /* status: active → inactive */
    GTK_FILTER_CHANGE_LESS_STRICT,  /* status: inactive → all */
    GTK_FILTER_CHANGE_MORE_STRICT,  /* search: "" → "s" */
    GTK_FILTER_CHANGE_MORE_STRICT,  /* search: "s" → "sa" */
    GTK_FILTER_CHANGE_LESS_STRICT,  /* search: "sa" → "a" */
    GTK_FILTER_CHANGE_DIFFERENT,    /* search: "a" → "x" */
    GTK_FILTER_CHANGE_LESS_STRICT,  /* clear */
  };

  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), changes);

  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
  aip_assistant_filter_set_status (filter, "active");
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_SOME);
  aip_assistant_filter_set_status (filter, "active");
  aip_assistant_filter_set_status (filter, "inactive");
  aip_assistant_filter_set_status (filter, NULL);
  aip_assistant_filter_set_search (filter, "s");
  aip_assistant_filter_set_search (filter, "Sa");
  aip_assistant_filter_set_search (filter, "a");
  aip_assistant_filter_set_search (filter, "x");
  aip_assistant_filter_clear (filter);
  aip_assistant_filter_clear (filter);

  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < changes->len; i++)
    g_assert_cmpint (g_array_index (changes, GtkFilterChange, i), ==, expected[i]);
}

static void
test_filter_calling_now (void)
{
  g_autoptr(AipAssistantFilter) filter = aip_assistant_filter_new ();
  g_autoptr(GPtrArray) set = make_set ();
  /* Wednesday 2026-11-25 15:00 UTC: 10:00 in New York, 17:00 in Sofia. */
  g_autoptr(GDateTime) wednesday = g_date_time_new_utc (2026, 11, 25, 15, 0, 0);
  /* 18:00 UTC: 13:00 in New York, 20:00 in Sofia. */
  g_autoptr(GDateTime) evening = g_date_time_new_utc (2026, 11, 25, 18, 0, 0);
  g_autoptr(GDateTime) saturday = g_date_time_new_utc (2026, 11, 28, 15, 0, 0);
  g_autoptr(AipCallingHours) long_day = aip_calling_hours_new (8 * 60, 21 * 60, AIP_WEEKDAYS_ALL, NULL);

  aip_assistant_filter_set_now (filter, wednesday);
  aip_assistant_filter_set_calling_now (filter, TRUE);
  g_assert_true (aip_assistant_filter_is_active (filter));
  /* New York only: the Sofia assistants are open too, but inactive and
   * paused, and the one without a timezone is never open. */
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);
  g_assert_true (aip_assistant_filter_match_except (filter, g_ptr_array_index (set, 0), AIP_FILTER_FACET_NONE));

  aip_assistant_filter_set_now (filter, evening);
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);

  aip_assistant_filter_set_now (filter, saturday);
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 0);
  aip_assistant_filter_set_calling_hours (filter, long_day);
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 1);

  aip_assistant_filter_clear (filter);
  g_assert_false (aip_assistant_filter_get_calling_now (filter));
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 4);
}

static void
test_filter_needs_attention (void)
{
  g_autoptr(AipAssistantFilter) filter = aip_assistant_filter_new ();
  g_autoptr(GPtrArray) set = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);

  g_ptr_array_add (set, aip_test_assistant_from_json ("{\"id\": 1, \"status\": \"active\", \"initial_message\": \"Hi\","
                              " \"system_prompt\": \"Sell\", \"updated_at\": \"2026-11-01T00:00:00Z\"}"));
  g_ptr_array_add (set, aip_test_assistant_from_json ("{\"id\": 2, \"status\": \"active\", \"initial_message\": \" \","
                              " \"system_prompt\": \"Sell\", \"updated_at\": \"2026-11-01T00:00:00Z\"}"));
  g_ptr_array_add (set, aip_test_assistant_from_json ("{\"id\": 3, \"status\": \"inactive\", \"initial_message\": \"Hi\","
                              " \"system_prompt\": \"Sell\", \"webhook_url\": \"https://x\","
                              " \"is_webhook_active\": false, \"updated_at\": \"2026-11-01T00:00:00Z\"}"));

  aip_assistant_filter_set_now (filter, now);
  aip_assistant_filter_set_needs_attention (filter, TRUE);
  g_assert_true (aip_assistant_filter_get_needs_attention (filter));
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 2);
  g_assert_false (aip_assistant_filter_match_except (filter, g_ptr_array_index (set, 0), AIP_FILTER_FACET_NONE));

  aip_assistant_filter_set_needs_attention (filter, FALSE);
  g_assert_false (aip_assistant_filter_is_active (filter));
  g_assert_cmpuint (count (filter, set, AIP_FILTER_FACET_NONE), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/choices", test_filter_choices);
  g_test_add_func ("/filter/search", test_filter_search);
  g_test_add_func ("/filter/strictness", test_filter_strictness);
  g_test_add_func ("/filter/calling-now", test_filter_calling_now);
  g_test_add_func ("/filter/needs-attention", test_filter_needs_attention);

  return g_test_run ();
}
