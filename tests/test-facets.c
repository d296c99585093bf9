/* test-facets.c: the filter's choices and their counts, in slices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "aip-calling-hours.h"
#include "aip-facets-private.h"
#include "aip-filter-choice.h"
#include "aip-health.h"
#include "aip-test-assistants.h"

#define N_FACETS 3

static const AipFilterFacet facets[N_FACETS] = {
  AIP_FILTER_FACET_STATUS, AIP_FILTER_FACET_TIMEZONE, AIP_FILTER_FACET_MODE,
};

static const char *statuses[] = { "active", "inactive", "paused" };
/* West to east in July, a zone no computer knows, and none at all. */
static const char *zones[] = {
  "America/Los_Angeles", "America/New_York", "Europe/Sofia", "Asia/Tokyo", "Mars/Olympus_Mons", "",
};
static const char *modes[] = { "pipeline", "multimodal", "realtime" };

/* Monday 2025-07-14 14:00 UTC: 10:00 in New York and 17:00 in Sofia are
 * inside the default hours, 07:00 in Los Angeles and 23:00 in Tokyo not. */
static GDateTime *
monday_afternoon (void)
{
  return g_date_time_new_utc (2025, 7, 14, 14, 0, 0);
}

/* Assistants with every status in every timezone and every mode, some with
 * a webhook half set up or not updated for months. */
static GListStore *
generate (guint n)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = aip_test_assistant_object (1000 + i);
      g_autofree char *name = g_strdup_printf ("%s %04u", i % 7 == 0 ? "Renewal Reminder" : "Assistant", i);
      g_autofree char *updated = g_strdup_printf ("2025-%02u-01T10:00:00Z", 1 + i % 7);

      json_object_set_string_member (object, "name", name);
      json_object_set_string_member (object, "status", statuses[i % G_N_ELEMENTS (statuses)]);
      json_object_set_string_member (object, "timezone", zones[(i / 3) % G_N_ELEMENTS (zones)]);
      json_object_set_string_member (object, "mode", modes[(i / 5) % G_N_ELEMENTS (modes)]);
      json_object_set_boolean_member (object, "is_webhook_active", i % 4 != 0);
      json_object_set_string_member (object, "updated_at", updated);
      g_ptr_array_add (objects, object);
    }

  return aip_test_assistants_from_objects ((JsonObject **) objects->pdata, objects->len);
}

static const char *
facet_value (AipAssistant *assistant,
             guint         f)
{
  const char *value = facets[f] == AIP_FILTER_FACET_STATUS ? aip_assistant_get_status (assistant)
                    : facets[f] == AIP_FILTER_FACET_TIMEZONE ? aip_assistant_get_timezone (assistant)
                    : aip_assistant_get_mode (assistant);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

/* The counts by their definition, one assistant and one facet at a time. */
typedef struct
{
  GHashTable *counts[N_FACETS];
  guint       all[N_FACETS];
  guint       calling_now;
  guint       needs_attention;
} Reference;

static void
reference_clear (Reference *reference)
{
  for (guint f = 0; f < N_FACETS; f++)
    g_clear_pointer (&reference->counts[f], g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reference, reference_clear)

static void
reference_count (Reference          *reference,
                 GListModel         *model,
                 AipAssistantFilter *filter)
{
  GDateTime *now = aip_assistant_filter_get_now (filter);
  guint n = g_list_model_get_n_items (model);

  memset (reference, 0, sizeof *reference);
  for (guint f = 0; f < N_FACETS; f++)
    reference->counts[f] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (model, i);

      for (guint f = 0; f < N_FACETS; f++)
        {
          const char *value = facet_value (assistant, f);
          guint count;

          if (!aip_assistant_filter_match_except (filter, assistant, facets[f]))
            continue;

          reference->all[f]++;
          if (value == NULL)
            continue;
          count = GPOINTER_TO_UINT (g_hash_table_lookup (reference->counts[f], value));
          g_hash_table_insert (reference->counts[f], g_strdup (value), GUINT_TO_POINTER (count + 1));
        }

      if (aip_assistant_filter_match_except (filter, assistant, AIP_FILTER_FACET_CALLING_NOW) &&
          aip_calling_hours_may_call (aip_assistant_filter_get_calling_hours (filter), assistant, now))
        reference->calling_now++;
      if (aip_assistant_filter_match_except (filter, assistant, AIP_FILTER_FACET_NEEDS_ATTENTION) &&
          aip_health_check (assistant, now) != AIP_HEALTH_OK)
        reference->needs_attention++;
    }
}

/* The counts of @facets as a string, choice by choice, to compare whole. */
static char *
describe (AipFacets *facets_)
{
  GString *text = g_string_new (NULL);

  for (guint f = 0; f < N_FACETS; f++)
    {
      GListModel *choices = aip_facets_get_choices (facets_, facets[f]);

      for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
        {
          g_autoptr(AipFilterChoice) choice = g_list_model_get_item (choices, i);
          const char *value = aip_filter_choice_get_value (choice);

          g_string_append_printf (text, "%s=%u ", value != NULL ? value : "(all)",
                                  aip_filter_choice_get_count (choice));
        }
      g_string_append (text, "| ");
    }
  g_string_append_printf (text, "calling=%u attention=%u",
                          aip_facets_get_calling_now_count (facets_),
                          aip_facets_get_needs_attention_count (facets_));

  return g_string_free (text, FALSE);
}

static void
assert_counts (AipFacets *facets_)
{
  g_auto(Reference) reference = { { NULL } };
  AipAssistantFilter *filter = aip_facets_get_filter (facets_);
  GListModel *model = aip_facets_get_model (facets_);

  g_assert_false (aip_facets_get_counting (facets_));
  reference_count (&reference, model, filter);

  for (guint f = 0; f < N_FACETS; f++)
    {
      GListModel *choices = aip_facets_get_choices (facets_, facets[f]);
      guint n_values = 0;

      for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
        {
          g_autoptr(AipFilterChoice) choice = g_list_model_get_item (choices, i);
          const char *value = aip_filter_choice_get_value (choice);

          if (value == NULL)
            {
              g_assert_cmpuint (i, ==, 0);
              g_assert_cmpuint (aip_filter_choice_get_count (choice), ==, reference.all[f]);
              continue;
            }

          n_values += g_hash_table_contains (reference.counts[f], value);
          g_assert_cmpuint (aip_filter_choice_get_count (choice), ==,
                            GPOINTER_TO_UINT (g_hash_table_lookup (reference.counts[f], value)));
        }

      /* Every value an assistant that passes has is a choice. */
      g_assert_cmpuint (n_values, ==, g_hash_table_size (reference.counts[f]));
    }

  g_assert_cmpuint (aip_facets_get_calling_now_count (facets_), ==, reference.calling_now);
  g_assert_cmpuint (aip_facets_get_needs_attention_count (facets_), ==, reference.needs_attention);
}

static void
settle (AipFacets *facets_)
{
  while (aip_facets_get_counting (facets_))
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  const char *status;
  const char *timezone;
  const char *mode;
  const char *search;
  gboolean    calling_now;
  gboolean    needs_attention;
} Choices;

static const Choices filter_states[] = {
  { NULL, NULL, NULL, NULL, FALSE, FALSE },
  { "active", NULL, NULL, NULL, FALSE, FALSE },
  { "active", "Europe/Sofia", NULL, NULL, FALSE, FALSE },
  { NULL, "Europe/Sofia", "pipeline", NULL, FALSE, FALSE },
  { NULL, NULL, "pipeline", "renewal", FALSE, FALSE },
  { NULL, NULL, NULL, NULL, TRUE, FALSE },
  { NULL, NULL, NULL, NULL, FALSE, TRUE },
  { "inactive", NULL, NULL, NULL, TRUE, TRUE },
  { "active", "America/New_York", "multimodal", "renewal", TRUE, TRUE },
  { NULL, "Mars/Olympus_Mons", NULL, NULL, FALSE, FALSE },
  { NULL, NULL, NULL, "no such words anywhere", FALSE, TRUE },
};

static void
set_choices (AipAssistantFilter *filter,
             const Choices      *choices)
{
  aip_assistant_filter_set_status (filter, choices->status);
  aip_assistant_filter_set_timezone (filter, choices->timezone);
  aip_assistant_filter_set_mode (filter, choices->mode);
  aip_assistant_filter_set_search (filter, choices->search);
  aip_assistant_filter_set_calling_now (filter, choices->calling_now);
  aip_assistant_filter_set_needs_attention (filter, choices->needs_attention);
}

static AipAssistantFilter *
new_filter (void)
{
  AipAssistantFilter *filter = aip_assistant_filter_new ();
  g_autoptr(GDateTime) now = monday_afternoon ();

  aip_assistant_filter_set_now (filter, now);

  return filter;
}

/* The choices' order: "all" first; the two statuses the platform knows
 * always and first; timezones west to east, unknown ones last; modes
 * alphabetically. */
static void
test_choices (void)
{
  g_autoptr(GListStore) store = generate (60);
  g_autoptr(AipAssistantFilter) filter = new_filter ();
  g_autoptr(AipFacets) facets_ = aip_facets_new (G_LIST_MODEL (store), filter);
  g_autofree char *text = NULL;
  GListModel *timezones;

  g_assert_true (aip_facets_get_counting (facets_));
  settle (facets_);

  text = describe (facets_);
  g_assert_cmpstr (text, ==,
                   "(all)=60 active=20 inactive=20 paused=20 | "
                   "(all)=60 America/Los_Angeles=12 America/New_York=12 Europe/Sofia=9 "
                   "Asia/Tokyo=9 Mars/Olympus_Mons=9 | "
                   "(all)=60 multimodal=20 pipeline=20 realtime=20 | "
                   "calling=7 attention=24");
  assert_counts (facets_);

  timezones = aip_facets_get_choices (facets_, AIP_FILTER_FACET_TIMEZONE);
  {
    g_autoptr(AipFilterChoice) new_york = g_list_model_get_item (timezones, 2);
    g_autoptr(AipFilterChoice) mars = g_list_model_get_item (timezones, 5);

    g_assert_true (aip_filter_choice_get_has_utc_offset (new_york));
    g_assert_cmpint (aip_filter_choice_get_utc_offset (new_york), ==, -4 * 3600);
    g_assert_false (aip_filter_choice_get_has_utc_offset (mars));
  }

  /* An empty account still offers the two statuses, counted 0. */
  g_list_store_remove_all (store);
  settle (facets_);
  g_clear_pointer (&text, g_free);
  text = describe (facets_);
  g_assert_cmpstr (text, ==, "(all)=0 active=0 inactive=0 | (all)=0 | (all)=0 | calling=0 attention=0");
}

/* Counting in slices gives what counting by the definition gives, for
 * every kind of choice. */
static void
test_counts (void)
{
  g_autoptr(GListStore) store = generate (2000);
  g_autoptr(AipAssistantFilter) filter = new_filter ();
  g_autoptr(AipFacets) facets_ = aip_facets_new (G_LIST_MODEL (store), filter);

  for (guint i = 0; i < G_N_ELEMENTS (filter_states); i++)
    {
      g_test_message ("filter state %u", i);
      set_choices (filter, &filter_states[i]);
      settle (facets_);
      assert_counts (facets_);
    }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n_notifies)
{
  (*n_notifies)++;
}

/* A count spans many idle callbacks; a change in the middle starts it
 * again, and until it is done the last settled counts stay: never a
 * partial one. */
static void
test_slices (void)
{
  g_autoptr(GListStore) store = generate (1500);
  g_autoptr(AipAssistantFilter) filter = new_filter ();
  g_autoptr(AipFacets) facets_ = aip_facets_new (G_LIST_MODEL (store), filter);
  g_autofree char *settled = NULL;
  g_autofree char *sliced = NULL;
  g_autofree char *at_once = NULL;
  guint n_counting = 0;
  guint n_calling = 0;

  settle (facets_);
  settled = describe (facets_);

  g_signal_connect (facets_, "notify::counting", G_CALLBACK (count_notify_cb), &n_counting);
  g_signal_connect (facets_, "notify::calling-now-count", G_CALLBACK (count_notify_cb), &n_calling);

  aip_facets_set_slice_size (7);
  aip_assistant_filter_set_status (filter, "active");
  g_assert_true (aip_facets_get_counting (facets_));
  g_assert_cmpuint (n_counting, ==, 1);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (aip_facets_get_counting (facets_));
  {
    g_autofree char *meanwhile = describe (facets_);

    g_assert_cmpstr (meanwhile, ==, settled);
  }

  /* A filter change and a refresh, each in the middle of a count. */
  aip_assistant_filter_set_timezone (filter, "America/New_York");
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_list_store_remove (store, 0);
  g_list_store_remove (store, 1);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (aip_facets_get_counting (facets_));
  /* Still one count under way, however many times it started again. */
  g_assert_cmpuint (n_counting, ==, 1);
  g_assert_cmpuint (n_calling, ==, 0);

  settle (facets_);
  g_assert_cmpuint (n_counting, ==, 2);
  sliced = describe (facets_);
  g_assert_cmpstr (sliced, !=, settled);
  assert_counts (facets_);

  aip_facets_set_slice_size (0);
  aip_facets_count_now (facets_);
  at_once = describe (facets_);
  g_assert_cmpstr (at_once, ==, sliced);
  /* Nothing changed, nothing notified. */
  g_assert_cmpuint (n_counting, ==, 2);
}

/* A remembered choice the data no longer has goes back to all, once there
 * is data; an empty list says nothing yet. */
static void
test_fallback (void)
{
  g_autoptr(GListStore) empty = g_list_store_new (AIP_TYPE_ASSISTANT);
  g_autoptr(GListStore) store = generate (50);
  g_autoptr(AipAssistantFilter) filter = new_filter ();
  g_autoptr(AipFacets) facets_ = aip_facets_new (G_LIST_MODEL (empty), filter);

  aip_assistant_filter_set_timezone (filter, "Australia/Sydney");
  aip_assistant_filter_set_mode (filter, "pipeline");
  settle (facets_);
  g_assert_cmpstr (aip_assistant_filter_get_timezone (filter), ==, "Australia/Sydney");

  aip_facets_set_model (facets_, G_LIST_MODEL (store));
  settle (facets_);
  g_assert_null (aip_assistant_filter_get_timezone (filter));
  g_assert_cmpstr (aip_assistant_filter_get_mode (filter), ==, "pipeline");
  /* Counted again for the filter as it now is. */
  assert_counts (facets_);

  /* At once too, in one call. */
  aip_assistant_filter_set_status (filter, "deleted");
  aip_facets_count_now (facets_);
  g_assert_false (aip_facets_get_counting (facets_));
  g_assert_null (aip_assistant_filter_get_status (filter));
  assert_counts (facets_);
}

/* Which assistants may call moves with the clock and the calling hours. */
static void
test_clock (void)
{
  g_autoptr(GListStore) store = generate (300);
  g_autoptr(AipAssistantFilter) filter = new_filter ();
  g_autoptr(AipFacets) facets_ = aip_facets_new (G_LIST_MODEL (store), filter);
  g_autoptr(GDateTime) now = monday_afternoon ();
  /* 23:00 UTC: Los Angeles is open, New York and Sofia have closed, so a
   * count that did not follow the clock would show. */
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 9);
  g_autoptr(AipCallingHours) all_day = aip_calling_hours_new (0, 24 * 60, AIP_WEEKDAYS_ALL, NULL);
  guint at_two;

  settle (facets_);
  at_two = aip_facets_get_calling_now_count (facets_);
  /* Only active ones in New York and Sofia: every third, of a sixth each. */
  g_assert_cmpuint (at_two, ==, 34);

  aip_assistant_filter_set_now (filter, later);
  g_assert_true (aip_facets_get_counting (facets_));
  settle (facets_);
  assert_counts (facets_);
  /* Only the active ones in Los Angeles, a third of a sixth */
  g_assert_cmpuint (aip_facets_get_calling_now_count (facets_), ==, 17);

  aip_assistant_filter_set_calling_hours (filter, all_day);
  g_assert_true (aip_facets_get_counting (facets_));
  settle (facets_);
  assert_counts (facets_);
  /* Every active assistant in a known timezone. */
  g_assert_cmpuint (aip_facets_get_calling_now_count (facets_), ==, 68);
}

/* Without a model or a filter there is nothing to count, and the choices
 * are "all" and the two statuses. */
static void
test_unset (void)
{
  g_autoptr(GListStore) store = generate (10);
  g_autoptr(AipAssistantFilter) filter = new_filter ();
  g_autoptr(AipFacets) facets_ = aip_facets_new (NULL, NULL);
  g_autofree char *text = NULL;

  settle (facets_);
  text = describe (facets_);
  g_assert_cmpstr (text, ==, "(all)=0 active=0 inactive=0 | (all)=0 | (all)=0 | calling=0 attention=0");

  g_object_set (facets_, "model", store, "filter", filter, NULL);
  settle (facets_);
  assert_counts (facets_);

  aip_facets_set_filter (facets_, NULL);
  settle (facets_);
  g_clear_pointer (&text, g_free);
  text = describe (facets_);
  g_assert_cmpstr (text, ==, "(all)=0 active=0 inactive=0 | (all)=0 | (all)=0 | calling=0 attention=0");

  /* Disposed while a count is queued: nothing runs afterwards. */
  aip_facets_set_filter (facets_, filter);
  g_assert_true (aip_facets_get_counting (facets_));
  g_clear_object (&facets_);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/facets/choices", test_choices);
  g_test_add_func ("/facets/counts", test_counts);
  g_test_add_func ("/facets/slices", test_slices);
  g_test_add_func ("/facets/fallback", test_fallback);
  g_test_add_func ("/facets/now", test_clock);
  g_test_add_func ("/facets/unset", test_unset);

  return g_test_run ();
}
