/* test-assistant-sorter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aip-test-assistants.h"

#include "aip-assistant-sorter.h"


static GListModel *
make_set (void)
{
  GListStore *store = g_list_store_new (AIP_TYPE_ASSISTANT);
  static const char *items[] = {
    "{\"id\": 10, \"name\": \"beta\", \"status\": \"inactive\", \"mode\": \"pipeline\","
    " \"timezone\": \"Asia/Tokyo\", \"webhook_url\": \"https://a\", \"is_webhook_active\": false,"
    " \"updated_at\": \"2025-08-02T09:18:42.000000Z\"}",
    "{\"id\": 11, \"name\": \"Alpha\", \"status\": \"active\", \"mode\": \"multimodal\","
    " \"timezone\": \"America/Los_Angeles\", \"webhook_url\": \"https://b\", \"is_webhook_active\": true,"
    " \"updated_at\": \"2025-07-25T16:45:22.000000Z\"}",
    "{\"id\": 12, \"name\": \"gamma\", \"status\": \"active\", \"mode\": \"pipeline\","
    " \"timezone\": \"Not/A_Zone\"}",
    "{\"id\": 9, \"name\": \"Alpha\", \"status\": \"active\", \"mode\": \"pipeline\","
    " \"timezone\": \"Europe/Sofia\", \"updated_at\": \"2024-01-01 10:00:00\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(AipAssistant) assistant = aip_test_assistant_from_json (items[i]);
      g_list_store_append (store, assistant);
    }

  return G_LIST_MODEL (store);
}

static void
assert_order (AipSortColumn   column,
              const gint64   *expected,
              guint           n_expected)
{
  g_autoptr(GtkSortListModel) sorted = NULL;

  sorted = gtk_sort_list_model_new (make_set (), GTK_SORTER (aip_assistant_sorter_new (column)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sorted)), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (sorted), i);
      g_assert_cmpint (aip_assistant_get_id (assistant), ==, expected[i]);
    }
}

static void
test_sorter_columns (void)
{
  /* Ties fall back to the id; rows without a value go last. */
  assert_order (AIP_SORT_COLUMN_NAME, (gint64[]) { 9, 11, 10, 12 }, 4);
  assert_order (AIP_SORT_COLUMN_STATUS, (gint64[]) { 9, 11, 12, 10 }, 4);
  assert_order (AIP_SORT_COLUMN_MODE, (gint64[]) { 11, 9, 10, 12 }, 4);
  assert_order (AIP_SORT_COLUMN_TIMEZONE, (gint64[]) { 11, 10, 9, 12 }, 4);
  /* By the offset from UTC now: Los Angeles, Sofia, Tokyo, unknown last. */
  assert_order (AIP_SORT_COLUMN_LOCAL_TIME, (gint64[]) { 11, 9, 10, 12 }, 4);
  /* Active, inactive, none. */
  assert_order (AIP_SORT_COLUMN_WEBHOOK, (gint64[]) { 11, 10, 9, 12 }, 4);
  assert_order (AIP_SORT_COLUMN_UPDATED, (gint64[]) { 9, 11, 10, 12 }, 4);
}

static void
assert_ids (GListModel   *model,
            const gint64 *expected,
            guint         n_expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (model, i);
      g_assert_cmpint (aip_assistant_get_id (assistant), ==, expected[i]);
    }
}

static void
test_sorter_calling_now (void)
{
  g_autoptr(AipAssistantSorter) sorter = aip_assistant_sorter_new (AIP_SORT_COLUMN_CALLING_NOW);
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GDateTime) morning = g_date_time_new_utc (2025, 12, 1, 8, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2025, 12, 1, 10, 0, 0);
  g_autoptr(AipCallingHours) all_week = NULL;
  g_autoptr(GError) error = NULL;

  /* Monday 08:00 UTC: Tokyo (17:00) and Sofia (10:00) are open, Los
   * Angeles (00:00) opens at 17:00 UTC, the unknown zone goes last. */
  aip_assistant_sorter_set_now (sorter, morning);
  sorted = gtk_sort_list_model_new (make_set (), GTK_SORTER (g_object_ref (sorter)));
  assert_ids (G_LIST_MODEL (sorted), (gint64[]) { 9, 10, 11, 12 }, 4);

  /* Two hours on Tokyo has closed until Tuesday 00:00 UTC, after Los
   * Angeles opens: the list is sorted again by itself. */
  aip_assistant_sorter_set_now (sorter, later);
  assert_ids (G_LIST_MODEL (sorted), (gint64[]) { 9, 11, 10, 12 }, 4);

  /* New calling hours sort again: open all week, every known zone is
   * open and the id decides. */
  all_week = aip_calling_hours_new (0, 24 * 60, AIP_WEEKDAYS_ALL, &error);
  g_assert_no_error (error);
  aip_assistant_sorter_set_calling_hours (sorter, all_week);
  assert_ids (G_LIST_MODEL (sorted), (gint64[]) { 9, 10, 11, 12 }, 4);
}

static void
test_timezone_offset (void)
{
  gboolean known = TRUE;

  g_assert_cmpint (aip_timezone_offset_now ("Asia/Tokyo", &known), ==, 9 * 3600);
  g_assert_true (known);
  aip_timezone_offset_now ("Not/A_Zone", &known);
  g_assert_false (known);
  aip_timezone_offset_now ("", &known);
  g_assert_false (known);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sorter/columns", test_sorter_columns);
  g_test_add_func ("/sorter/calling-now", test_sorter_calling_now);
  g_test_add_func ("/sorter/timezone-offset", test_timezone_offset);

  return g_test_run ();
}
