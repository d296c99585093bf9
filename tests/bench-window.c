/* bench-window.c: filtering as a person feels it, in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For 1,000, 10,000 and 100,000 assistants in a window of 1100×700 on the
 * display it is given (build-aux runs it under Xvfb), from a loopback
 * server:
 *   type   "renewal" typed into the search, a key every 250 ms: for each
 *          key, the time from the key to the list showing its result
 *          (the search entry's own pause included), the largest
 *   status the status filter set to "inactive": to the result
 *   steps  how many times the list changed on its way to a result that
 *          was not the result (1,000 and 10,000 must show none)
 *   stall  the longest the main loop did not run while all this happened
 * and, for a name and a prompt of 5,000 to 1,000,000 characters without a
 * space, the longest stall from loading to the details shown.
 * Run a release build without sanitizers: meson test -C _build --benchmark
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "aip-test-ui.h"

static const char *zones[] = {
  "America/New_York", "America/Los_Angeles", "America/Chicago", "Europe/Sofia",
  "Europe/London", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney",
};

static const char *words[] = {
  "Sales", "Follow-up", "Survey", "Renewal", "Outbound", "Lead", "Premium",
  "Onboarding", "Reminder", "Winback", "Продажби", "Анкета", "Partner", "Event",
};

static GBytes *
generate (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  GString *out = g_string_sized_new ((gsize) n * 700);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      const char *w1 = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      const char *w2 = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      g_string_append_printf (out,
        "%s{\"id\":%u,\"user_id\":1,\"name\":\"%s %s Assistant %u\",\"type\":\"outbound\","
        "\"mode\":\"%s\",\"status\":\"%s\",\"voice_id\":%d,\"language_id\":1,\"timezone\":\"%s\","
        "\"initial_message\":\"Hi, this is Sarah from {{company_name}}, calling about %s.\","
        "\"system_prompt\":\"You are a %s representative for {{company_name}}. Be friendly and brief.\","
        "\"variables\":{\"company_name\":\"Company %u\"},\"webhook_url\":null,\"is_webhook_active\":false,"
        "\"created_at\":\"2025-07-%02dT14:32:15.000000Z\",\"updated_at\":\"2025-08-%02dT09:18:42.000000Z\"}",
        i > 0 ? "," : "", i + 1, w1, w2, i + 1,
        g_rand_boolean (rand) ? "pipeline" : "multimodal",
        g_rand_int_range (rand, 0, 4) == 0 ? "inactive" : "active",
        g_rand_int_range (rand, 1, 40),
        zones[g_rand_int_range (rand, 0, G_N_ELEMENTS (zones))],
        w2, w1, i % 997, g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 1, 29));
    }
  g_string_append_c (out, ']');

  return g_string_free_to_bytes (out);
}

/* The longest gap between two turns of the main loop, measured by a
 * source that wants to run every millisecond */
typedef struct
{
  gint64 last;
  gint64 longest;
} Stall;

static gboolean
stall_cb (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last != 0)
    stall->longest = MAX (stall->longest, now - stall->last);
  stall->last = now;

  return G_SOURCE_CONTINUE;
}

/* Every change of the list shown: when, and how many it held */
typedef struct
{
  gint64 time;
  guint  n_items;
} Step;

static void
step_cb (GListModel *model,
         guint       position,
         guint       removed,
         guint       added,
         GArray     *steps)
{
  Step step = { g_get_monotonic_time (), g_list_model_get_n_items (model) };

  g_array_append_val (steps, step);
}

static void
run_for (gint64 usec)
{
  gint64 end = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (200), TRUE);
}

/* What the list holds once nothing is pending, for the current choices */
static guint
settled (AipWindow *window)
{
  aip_test_wait_settled (window);
  run_for (50000);
  aip_test_wait_settled (window);

  return aip_test_n_rows (window);
}

/* From @since to the step that reached @n_items and stayed, and how many
 * steps on the way showed another count */
static double
reached (GArray  *steps,
         gint64   since,
         guint    n_items,
         guint   *n_partial)
{
  gint64 at = -1;

  for (guint i = 0; i < steps->len; i++)
    {
      Step *step = &g_array_index (steps, Step, i);

      if (step->time < since)
        continue;
      if (step->n_items == n_items)
        {
          if (at < 0)
            at = step->time;
        }
      else
        {
          at = -1;
          (*n_partial)++;
        }
    }

  /* Unchanged: the list already showed it */
  return at < 0 ? 0 : (at - since) / 1000.0;
}

static void
measure (guint n)
{
  static const char word[] = "renewal";
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = generate (n);
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (Step));
  g_autoptr(GString) typed = g_string_new (NULL);
  AipWindow *window = aip_test_new_window (account);
  GtkEditable *entry = GTK_EDITABLE (aip_test_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL));
  GListModel *shown = aip_assistant_table_get_shown (aip_test_table (window));
  guint expected[G_N_ELEMENTS (word)];
  double type_ms = 0, status_ms;
  guint type_partial = 0, status_partial = 0;
  Stall stall = { 0, 0 };
  guint stall_source;
  gint64 key;

  aip_test_load (account, body);
  settled (window);

  /* What each prefix of the word finds, measured apart */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  for (guint i = 1; i < G_N_ELEMENTS (word); i++)
    {
      g_autofree char *prefix = g_strndup (word, i);

      aip_assistant_filter_set_search (aip_test_filter (window), prefix);
      expected[i] = settled (window);
    }
  aip_assistant_filter_set_search (aip_test_filter (window), NULL);
  settled (window);

  g_signal_connect (shown, "items-changed", G_CALLBACK (step_cb), steps);
  stall_source = g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_cb, &stall, NULL);

  /* Typed slowly: every key gets its own result */
  for (guint i = 1; i < G_N_ELEMENTS (word); i++)
    {
      int position = i - 1;

      g_array_set_size (steps, 0);
      key = g_get_monotonic_time ();
      gtk_editable_insert_text (entry, word + i - 1, 1, &position);
      run_for (250000);
      settled (window);
      type_ms = MAX (type_ms, reached (steps, key, expected[i], &type_partial));
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected[i]);
    }
  gtk_editable_delete_text (entry, 0, -1);
  settled (window);

  /* A status */
  g_array_set_size (steps, 0);
  key = g_get_monotonic_time ();
  aip_assistant_filter_set_status (aip_test_filter (window), "inactive");
  status_ms = reached (steps, key, settled (window), &status_partial);

  g_source_remove (stall_source);
  g_signal_handlers_disconnect_by_data (shown, steps);

  g_print ("%8u %8.0f %8u %8.0f %8u %8.1f\n",
           n, type_ms, type_partial, status_ms, status_partial, stall.longest / 1000.0);

  aip_test_destroy_window (window);
}

/* One assistant whose name and prompt are text without a space: the list
 * and the details show it at once, the main loop never held longer than
 * a frame or two. */
static void
measure_long (gsize length)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  GString *json = g_string_new ("[");
  g_autoptr(GBytes) body = NULL;
  Stall stall = { 0, 0 };
  AipWindow *window;
  guint source;

  g_string_append (json, "{\"id\": 1, \"status\": \"active\", \"timezone\": \"Europe/Sofia\", \"name\": \"");
  for (gsize i = 0; i < length; i++)
    g_string_append_c (json, 'a' + i % 26);
  g_string_append (json, "\", \"system_prompt\": \"");
  for (gsize i = 0; i < length; i++)
    g_string_append_c (json, 'A' + i % 26);
  g_string_append (json, "\"}, {\"id\": 2, \"name\": \"Short\"}]");
  body = g_string_free_to_bytes (json);

  window = aip_test_new_window (account);
  source = g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_cb, &stall, NULL);
  aip_test_load (account, body);
  aip_test_select (window, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-details", NULL);
  run_for (500000);
  g_source_remove (source);

  g_print ("%8" G_GSIZE_FORMAT " characters without a space: longest stall %.1f ms\n",
           length, stall.longest / 1000.0);

  aip_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1000, 10000, 100000 };

  setlocale (LC_ALL, "");
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
  aip_test_ui_init (&argc, &argv);

  g_print ("The window under a virtual display, 1100×700; times in ms\n");
  g_print ("%8s %8s %8s %8s %8s %8s\n",
           "items", "key", "partial", "status", "partial", "stall");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    measure (sizes[i]);

  g_print ("\n");
  for (gsize length = 5000; length <= 1000000; length *= 10)
    measure_long (length == 500000 ? 1000000 : length);

  return aip_test_ui_run ();
}
