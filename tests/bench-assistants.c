/* bench-assistants.c: large accounts, measured
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For 1,000, 10,000 and 100,000 generated assistants:
 *   A  a plain json-glib parse of the body into a JsonNode tree (reference)
 *   B  our pipeline on the same bytes, up to the filled list of the account
 *   peak memory A and B each add beyond the body, each in its own process
 *   C  the window's model chain (sort by name, then the filter, both
 *      incremental) on B's list, until nothing is pending
 *   the first search keystroke and a status change, until settled
 *   the longest time the main loop was blocked during B, C and the keystroke
 * and for 100,000, the command line over loopback against the same program
 * with plain json-glib, and against Python's and jq's parsers.
 * Run a release build without sanitizers: meson test -C _build --benchmark
 */

#include "config.h"

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "aip-assistant-filter.h"
#include "aip-assistant-json.h"
#include "aip-assistant-list.h"
#include "aip-assistant-sorter.h"
#include "aip-changes.h"
#include "aip-format.h"
#include "aip-response.h"
#include "aip-test-server.h"

static const char *zones[] = {
  "America/New_York", "America/Los_Angeles", "America/Chicago", "Europe/Sofia",
  "Europe/London", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney",
  "America/Sao_Paulo", "Asia/Kolkata", "Africa/Cairo", "Pacific/Auckland",
};

static const char *words[] = {
  "Sales", "Follow-up", "Survey", "Renewal", "Outbound", "Lead", "Premium",
  "Onboarding", "Reminder", "Winback", "Продажби", "Анкета", "Partner", "Event",
};

static GBytes *
generate (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  GString *out = g_string_sized_new ((gsize) n * 950);

  g_string_append (out, "{\"data\":[");
  for (guint i = 0; i < n; i++)
    {
      const char *w1 = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      const char *w2 = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      gboolean webhook = i % 3 == 0;

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out,
        "{\"id\":%u,\"user_id\":1,\"name\":\"%s %s Assistant %u\",\"type\":\"outbound\","
        "\"mode\":\"%s\",\"status\":\"%s\",\"voice_id\":%d,\"language_id\":%d,"
        "\"timezone\":\"%s\","
        "\"initial_message\":\"Hi, this is Sarah from {{company_name}}. I hope I'm catching you at a good time. How are you doing today? I am calling about %s.\","
        "\"system_prompt\":\"You are a %s representative for {{company_name}}. Be professional, friendly, and focus on qualifying leads. Ask about budget, authority, need and timeline. Never promise discounts. Keep the call under {{max_duration}}. If the person is busy, offer to call back later and note the time they prefer. Line %u.\","
        "\"variables\":{\"company_name\":\"Company %u\",\"product_line\":\"%s Services\",\"max_duration\":\"5_minutes\"},"
        "\"webhook_url\":%s%s%s,\"is_webhook_active\":%s,"
        "\"created_at\":\"2025-07-%02dT14:32:15.000000Z\",\"updated_at\":\"2025-08-%02dT09:18:42.000000Z\"}",
        i + 1, w1, w2, i + 1,
        g_rand_boolean (rand) ? "pipeline" : "multimodal",
        g_rand_int_range (rand, 0, 4) == 0 ? "inactive" : "active",
        g_rand_int_range (rand, 1, 40), g_rand_int_range (rand, 1, 9),
        zones[g_rand_int_range (rand, 0, G_N_ELEMENTS (zones))],
        w2, w1, i, i % 997, w2,
        webhook ? "\"https://hooks.example.com/calls/" : "null",
        webhook ? w1 : "",
        webhook ? "\"" : "",
        webhook && g_rand_boolean (rand) ? "true" : "false",
        g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 1, 29));
    }
  g_string_append (out, "]}");

  return g_string_free_to_bytes (out);
}

static gint64
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  if (!(line = strstr (status, field)))
    return -1;

  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

/* Runs in a process of its own: the time one way of parsing takes, and
 * the peak memory it adds beyond the body it starts from. */
static int
child_main (const char *which,
            guint       n)
{
  g_autoptr(GBytes) body = generate (n);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(AipAssistantList) list = NULL;
  g_autoptr(GPtrArray) old = NULL;
  gint64 baseline, start, elapsed;
  FILE *clear_refs;

  /* Forget the peak of generating the body. */
  if (!(clear_refs = fopen ("/proc/self/clear_refs", "w")))
    return 1;
  fputs ("5", clear_refs);
  fclose (clear_refs);
  baseline = read_status_kb ("VmRSS:");
  start = g_get_monotonic_time ();

  if (g_str_equal (which, "A"))
    {
      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL))
        return 1;
    }
  else
    {
      list = aip_assistant_list_new ();
      if (!(response = aip_response_new_from_bytes (body, NULL)))
        return 1;
      old = aip_assistant_list_replace (list, aip_response_get_assistants (response));
      /* The list holds what the window shows; the response's own array is
       * released, as the account does. */
      g_clear_object (&response);
    }
  elapsed = g_get_monotonic_time () - start;

  printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", elapsed, read_status_kb ("VmHWM:") - baseline);
  return 0;
}

typedef struct
{
  double ms;
  double kb;
} Child;

static Child
run_child (const char *self_path,
           const char *which,
           guint       n)
{
  g_autofree char *size = g_strdup_printf ("%u", n);
  const char *argv[] = { self_path, "--child", which, size, NULL };
  g_autofree char *out = NULL;
  Child child = { -1, -1 };
  char *end;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return child;

  child.ms = g_ascii_strtoll (out, &end, 10) / 1000.0;
  child.kb = g_ascii_strtoll (end, NULL, 10);
  return child;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* json-glib and our parse side by side, each in a fresh process, taking
 * turns so that neither gets the quieter moments of a noisy machine: the
 * medians of five runs of each. */
static void
side_by_side (const char *self_path,
              guint       n,
              Child      *a,
              Child      *b)
{
  double a_ms[5], a_kb[5], b_ms[5], b_kb[5];

  for (guint i = 0; i < G_N_ELEMENTS (a_ms); i++)
    {
      Child ca = run_child (self_path, "A", n);
      Child cb = run_child (self_path, "B", n);

      a_ms[i] = ca.ms, a_kb[i] = ca.kb, b_ms[i] = cb.ms, b_kb[i] = cb.kb;
    }

  qsort (a_ms, 5, sizeof (double), compare_doubles);
  qsort (a_kb, 5, sizeof (double), compare_doubles);
  qsort (b_ms, 5, sizeof (double), compare_doubles);
  qsort (b_kb, 5, sizeof (double), compare_doubles);
  a->ms = a_ms[2], a->kb = a_kb[2], b->ms = b_ms[2], b->kb = b_kb[2];
}

/* A high-priority tick every millisecond: the widest gap between two ticks
 * is the longest the main loop could not draw a frame. */
typedef struct
{
  gint64 last;
  gint64 widest;
} Watchdog;

static gboolean
tick_cb (gpointer user_data)
{
  Watchdog *dog = user_data;
  gint64 now = g_get_monotonic_time ();

  if (dog->last != 0)
    dog->widest = MAX (dog->widest, now - dog->last);
  dog->last = now;

  return G_SOURCE_CONTINUE;
}

static void
watchdog_reset (Watchdog *dog)
{
  dog->last = g_get_monotonic_time ();
  dog->widest = 0;
}

static double
watchdog_ms (Watchdog *dog)
{
  /* Close the last interval too: work that ends the run counts. */
  tick_cb (dog);
  return dog->widest / 1000.0;
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AipResponse **out = user_data;

  *out = aip_response_new_finish (result, NULL);
  if (*out == NULL)
    g_error ("The generated body did not parse");
}

static void
changes_updated_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  aip_changes_update_finish (AIP_CHANGES (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static void
settle (GtkSortListModel   *sort,
        GtkFilterListModel *filter)
{
  while ((sort != NULL && gtk_sort_list_model_get_pending (sort) > 0) ||
         (filter != NULL && gtk_filter_list_model_get_pending (filter) > 0))
    g_main_context_iteration (NULL, TRUE);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The same chain over a GListStore, for the record of why the account
 * keeps an array-backed list. */
static double
keystroke_over_list_store (GListModel *items)
{
  g_autoptr(GListStore) store = g_list_store_new (AIP_TYPE_ASSISTANT);
  g_autoptr(AipAssistantSorter) sorter = aip_assistant_sorter_new (AIP_SORT_COLUMN_NAME);
  g_autoptr(AipAssistantFilter) filter = aip_assistant_filter_new ();
  g_autoptr(GtkSortListModel) sort = NULL;
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 start;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (all, g_list_model_get_item (items, i));
  g_list_store_splice (store, 0, 0, all->pdata, all->len);

  sort = gtk_sort_list_model_new (NULL, g_object_ref (GTK_SORTER (sorter)));
  gtk_sort_list_model_set_incremental (sort, TRUE);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (sort)), g_object_ref (GTK_FILTER (filter)));
  gtk_filter_list_model_set_incremental (filtered, TRUE);
  gtk_sort_list_model_set_model (sort, G_LIST_MODEL (store));
  settle (sort, filtered);

  start = g_get_monotonic_time ();
  aip_assistant_filter_set_search (filter, "s");
  settle (NULL, filtered);

  return ms_since (start);
}

static void
run_size (const char *self_path,
          guint       n)
{
  g_autoptr(GBytes) body = generate (n);
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(AipAssistantList) list = aip_assistant_list_new ();
  g_autoptr(AipAssistantSorter) sorter = aip_assistant_sorter_new (AIP_SORT_COLUMN_NAME);
  g_autoptr(AipAssistantFilter) filter = aip_assistant_filter_new ();
  g_autoptr(GtkSortListModel) sort = NULL;
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GPtrArray) old = NULL;
  Watchdog dog = { 0 };
  double c_ms, key_ms, status_ms, store_key_ms, changes_ms;
  Child a, b;
  g_autoptr(AipChanges) changes = aip_changes_new ();
  g_autoptr(GPtrArray) latest = g_ptr_array_new_with_free_func (g_object_unref);
  double b_block, c_block, key_block, changes_block;
  gboolean compared = FALSE;
  gint64 start;
  guint tick;

  tick = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, &dog, NULL);

  watchdog_reset (&dog);
  aip_response_new_async (body, NULL, parsed_cb, &response);
  while (response == NULL)
    g_main_context_iteration (NULL, TRUE);
  old = aip_assistant_list_replace (list, aip_response_get_assistants (response));
  b_block = watchdog_ms (&dog);
  g_clear_object (&response);

  watchdog_reset (&dog);
  start = g_get_monotonic_time ();
  /* Incremental before the models get their items, as the window does:
   * created with a model, they would sort and filter all of it at once. */
  sort = gtk_sort_list_model_new (NULL, g_object_ref (GTK_SORTER (sorter)));
  gtk_sort_list_model_set_incremental (sort, TRUE);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (sort)), g_object_ref (GTK_FILTER (filter)));
  gtk_filter_list_model_set_incremental (filtered, TRUE);
  gtk_sort_list_model_set_model (sort, G_LIST_MODEL (list));
  settle (sort, filtered);
  c_ms = ms_since (start);
  c_block = watchdog_ms (&dog);

  watchdog_reset (&dog);
  start = g_get_monotonic_time ();
  aip_assistant_filter_set_search (filter, "s");
  settle (NULL, filtered);
  key_ms = ms_since (start);
  key_block = watchdog_ms (&dog);
  aip_assistant_filter_set_search (filter, NULL);
  settle (NULL, filtered);

  start = g_get_monotonic_time ();
  aip_assistant_filter_set_status (filter, "active");
  settle (NULL, filtered);
  status_ms = ms_since (start);

  /* The account compares each refresh with the list last seen, in a
   * worker: until the result is taken, and the longest stall meanwhile */
  aip_changes_set_baseline (changes, G_LIST_MODEL (list));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_ptr_array_add (latest, g_list_model_get_item (G_LIST_MODEL (list), i));
  watchdog_reset (&dog);
  start = g_get_monotonic_time ();
  aip_changes_update_async (changes, latest, NULL, changes_updated_cb, &compared);
  while (!compared)
    g_main_context_iteration (NULL, TRUE);
  changes_ms = ms_since (start);
  changes_block = watchdog_ms (&dog);

  g_source_remove (tick);

  store_key_ms = keystroke_over_list_store (G_LIST_MODEL (list));

  side_by_side (self_path, n, &a, &b);

  printf ("%7u %8.1f %8.1f %5.2f %8.1f %8.1f %5.2f %8.1f %8.1f %8.1f %7.1f %7.1f %7.1f %8.1f %8.1f %7.1f\n",
          n, a.ms, b.ms, b.ms / a.ms,
          a.kb / 1024.0, b.kb / 1024.0, b.kb / a.kb,
          c_ms, key_ms, status_ms, b_block, c_block, key_block, store_key_ms, changes_ms, changes_block);
  fflush (stdout);
}

/* What the command line would be with plain json-glib: the same request,
 * json-glib's parse of the whole body, the same assistants and output;
 * or (parse_only) the request and json-glib's parse alone. */
static int
plain_cli_main (const char *url,
                gboolean    parse_only)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GListStore) store = g_list_store_new (AIP_TYPE_ASSISTANT);
  g_autoptr(GHashTable) strings = aip_assistant_new_string_table ();
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);
  g_autoptr(GBytes) body = NULL;
  JsonArray *items;

  body = soup_session_send_and_read (session, message, NULL, NULL);
  if (body == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL))
    return 1;
  if (parse_only)
    return 0;

  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "data");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(AipAssistant) assistant =
        aip_assistant_new_from_json (json_array_get_object_element (items, i), strings);

      if (assistant != NULL)
        g_list_store_append (store, assistant);
    }

  return aip_format_write (G_LIST_MODEL (store), AIP_FORMAT_JSON, 0, out, NULL, NULL) ? 0 : 1;
}

typedef struct
{
  const char *what;
  double      ms;
  double      mb;
} Command;

/* Wall time and peak memory of a process, output discarded */
static gboolean
run_command (const char * const *argv,
             const char * const *envp,
             double             *ms,
             double             *mb)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status;
  GPid pid;

  if (!g_spawn_async (NULL, (char **) argv, (char **) envp,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    return FALSE;
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return FALSE;

  *ms = (g_get_monotonic_time () - start) / 1000.0;
  *mb = usage.ru_maxrss / 1024.0;
  return TRUE;
}

/* Each command three times, taking turns, the median of each */
static void
run_cli (const char *self_path,
         guint       n)
{
  g_autoptr(GBytes) body = generate (n);
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autofree char *home = g_dir_make_tmp ("aip-bench-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (home, "body.json", NULL);
  g_autofree char *url = NULL;
  g_autofree char *base_url = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *executable = g_getenv ("AIP_EXECUTABLE");
  g_autofree char *jq = g_find_program_in_path ("jq");
  enum { OURS, PLAIN, OURS_QUIET, PLAIN_PARSE, PYTHON, JQ, N_COMMANDS };
  Command commands[N_COMMANDS] = {
    { "ours: --list --format=json" },
    { "the same with plain json-glib" },
    { "ours, printing nothing (--search)" },
    { "json-glib: request and parse only" },
    { "Python 3: urllib and json.load" },
    { "jq empty (reads a file)" },
  };
  double ms[N_COMMANDS][3], mb[N_COMMANDS][3];

  if (executable == NULL)
    {
      printf ("\ncommand line: AIP_EXECUTABLE is not set; run through meson\n");
      return;
    }

  aip_test_server_set_reply (server, NULL, 200, "application/json", body, NULL, AIP_TEST_REPLY_NORMAL);
  base_url = g_strdup (aip_test_server_get_base_url (server));
  url = g_strconcat (base_url, "/user/assistants/outbound", NULL);
  g_file_set_contents (file, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);

  envp = g_environ_setenv (envp, "AIPLOYEES_TOKEN", "bench", TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", home, TRUE);
  envp = g_environ_setenv (envp, "HOME", home, TRUE);

  for (guint run = 0; run < 3; run++)
    {
      g_autofree char *base_url_arg = g_strconcat ("--base-url=", base_url, NULL);
      const char *argv[N_COMMANDS][8] = {
        { executable, "--list", "--format=json", base_url_arg, NULL },
        { self_path, "--plain-cli", url, NULL },
        { executable, "--list", "--search=no such assistant", base_url_arg, NULL },
        { self_path, "--plain-parse", url, NULL },
        { "python3", "-c", "import json, sys, urllib.request; json.load(urllib.request.urlopen(sys.argv[1]))", url, NULL },
        { "jq", "empty", file, NULL },
      };

      for (guint c = 0; c < N_COMMANDS; c++)
        {
          ms[c][run] = mb[c][run] = -1;
          if (c == JQ && jq == NULL)
            continue;
          if (!run_command (argv[c], (const char * const *) envp, &ms[c][run], &mb[c][run]))
            g_printerr ("%s failed\n", commands[c].what);
        }
    }

  printf ("\ncommand line over loopback, %u assistants (wall time and peak memory of the\n"
          "process, the median of three runs taking turns)\n", n);
  for (guint c = 0; c < N_COMMANDS; c++)
    {
      qsort (ms[c], 3, sizeof (double), compare_doubles);
      qsort (mb[c], 3, sizeof (double), compare_doubles);
      commands[c].ms = ms[c][1];
      commands[c].mb = mb[c][1];
      if (commands[c].ms < 0)
        printf ("  %-36s %10s\n", commands[c].what, "not run");
      else
        printf ("  %-36s %8.0f ms %6.0f MB\n", commands[c].what, commands[c].ms, commands[c].mb);
    }
  printf ("  ours / plain json-glib: time %.2f (target <= 0.70), memory %.2f (target <= 0.50)\n",
          commands[OURS].ms / commands[PLAIN].ms, commands[OURS].mb / commands[PLAIN].mb);

  g_remove (file);
  g_rmdir (home);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1000, 10000, 100000 };

  setlocale (LC_ALL, "");

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 3 && g_str_equal (argv[1], "--plain-cli"))
    return plain_cli_main (argv[2], FALSE);
  if (argc == 3 && g_str_equal (argv[1], "--plain-parse"))
    return plain_cli_main (argv[2], TRUE);

  printf ("Outbound Assistants benchmark, %u processors\n", g_get_num_processors ());
  printf ("  A: json-glib tree (reference)  B: our pipeline to the filled list;\n"
          "     time and peak memory beyond the body, each in a fresh process,\n"
          "     A and B taking turns, the median of five\n");
  printf ("  C: sort by name + filter settled  key: first search keystroke  status: status change\n");
  printf ("  block: longest main-loop stall during B, C and the keystroke\n");
  printf ("  key GLS: the same keystroke with a GListStore under the sort model\n");
  printf ("  changes: comparing a refresh with the list last seen, in a worker;\n"
          "           blk chg: the longest main-loop stall meanwhile\n");
  printf ("  targets at 100000: B/A time <= 0.7, B/A memory <= 0.5, C <= 300 ms, key <= 100 ms,\n"
          "                     block <= 50 ms during B and C, <= 16 ms during a keystroke\n\n");
  printf ("%7s %8s %8s %5s %8s %8s %5s %8s %8s %8s %7s %7s %7s %8s %8s %7s\n",
          "items", "A ms", "B ms", "B/A", "A MB", "B MB", "B/A", "C ms", "key ms", "stat ms",
          "blk B", "blk C", "blk key", "key GLS", "changes", "blk chg");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    run_size (argv[0], sizes[i]);

  run_cli (argv[0], sizes[G_N_ELEMENTS (sizes) - 1]);

  return 0;
}
