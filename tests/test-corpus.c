/* test-corpus.c: the command line's answer to each body of a corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each response body in tests/data/corpus/ (how they are named and
 * made: tests/data/corpus/generate.py), the loopback server answers it
 * (200, application/json), the built executable runs
 *
 *   aiployees-assistants --list --format=json --base-url=http://127.0.0.1:PORT/api
 *
 * with AIPLOYEES_TOKEN set, in English, under a throwaway HOME, and its
 * exit status, standard error and standard output must be those that
 * tests/data/corpus.expected holds, byte for byte. The file is the same
 * whichever json-glib (1.6 to 1.10) and GLib the application is built
 * with: a case that differs on one of them is a bug to fix in src/, not
 * an answer to write down.
 *
 * The expected file holds, for each case, in the byte order of the names:
 *
 *   == NAME EXIT            EXIT is the exit status, or "signal N"
 *   ! LINE                  each line of standard error, as it is
 *   | LINE                  each line of standard output, as it is
 *   \ no newline at end     after a last line that has none
 *   .                       the end of the case
 *
 * Lines before the first case that start with "#" are comments.
 *
 * To write the file again after a deliberate change, run the whole test
 * with AIP_CORPUS_WRITE set to where it goes; it then compares nothing:
 *
 *   AIP_CORPUS_WRITE=$PWD/tests/data/corpus.expected \
 *     build-aux/with-keyring meson test -C _build test-corpus
 *
 * and read the difference before committing it.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "aip-test-files.h"
#include "aip-test-json.h"
#include "aip-test-log.h"
#include "aip-test-server.h"

#define TOKEN "corpus-token"
#define NO_NEWLINE "\\ no newline at end\n"

static const char expected_comment[] =
  "# What aiployees-assistants --list --format=json answers to each body in\n"
  "# tests/data/corpus/: written by tests/test-corpus.c (AIP_CORPUS_WRITE),\n"
  "# the same on every json-glib and GLib the application builds with.\n"
  "# \"== NAME EXIT\", then standard error (\"! \") and standard output (\"| \")\n"
  "# line by line, \"\\ no newline at end\" after a last line without one, and\n"
  "# \".\" at the end of each case.\n";

/* Shared by the test cases, which run one after the other */
static AipTestServer *server;
static char *home;
static char *corpus_dir;
/* The names of the cases, without ".json", sorted */
static GPtrArray *names;
/* name → its block in the expected file, when comparing */
static GHashTable *expected;
/* name → its block as run, when writing */
static GHashTable *written;

/* The prefixes of the cases, each a test case of its own */
static const char * const prefixes[] = { "a_", "i_", "n_", "y_" };

static gboolean
has_known_prefix (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]))
      return TRUE;

  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The case files: NAME.json with a known prefix. The generator and the
 * README beside them are not cases. */
static GPtrArray *
list_cases (const char *dir_path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (list, g_strndup (name, strlen (name) - strlen (".json")));

  g_ptr_array_sort (list, compare_names);

  return list;
}

/* Appends a stream's lines after @prefix, as the expected file has them */
static void
append_lines (GString    *block,
              const char *prefix,
              GBytes     *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = data + size;
  const char *p = data;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *stop = newline != NULL ? newline : end;

      g_string_append (block, prefix);
      g_string_append_len (block, p, stop - p);
      g_string_append_c (block, '\n');
      if (newline == NULL)
        {
          g_string_append (block, NO_NEWLINE);
          break;
        }
      p = newline + 1;
    }
}

/* Serves the case's body, runs the command line against it and returns
 * its block, as the expected file has it */
static char *
run_case (const char *name)
{
  g_autofree char *file = g_build_filename ("corpus", name, NULL);
  g_autofree char *fixture = g_strconcat (file, ".json", NULL);
  g_autofree char *base = g_strdup_printf ("--base-url=%s", aip_test_server_get_base_url (server));
  g_autofree char *cache = g_build_filename (home, ".cache", NULL);
  g_autofree char *config = g_build_filename (home, ".config", NULL);
  g_autofree char *data = g_build_filename (home, ".local", "share", NULL);
  g_autofree char *state = g_build_filename (home, ".local", "state", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  GString *block = g_string_new (NULL);

  body = aip_test_fixture (fixture);
  aip_test_server_set_reply (server, TOKEN, 200, "application/json", body, NULL,
                             AIP_TEST_REPLY_NORMAL);

  /* Standard input is /dev/null */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "AIPLOYEES_TOKEN", TOKEN, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", state, TRUE);
  /* Debug messages are not what is pinned */
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");

  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("AIP_EXECUTABLE"),
                                         "--list", "--format=json", base, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  if (g_subprocess_get_if_exited (process))
    g_string_append_printf (block, "== %s %d\n", name, g_subprocess_get_exit_status (process));
  else
    g_string_append_printf (block, "== %s signal %d\n", name, g_subprocess_get_term_sig (process));
  append_lines (block, "! ", err);
  append_lines (block, "| ", out);
  g_string_append (block, ".\n");

  return g_string_free (block, FALSE);
}

/* Splits the expected file into its blocks, by name */
static GHashTable *
read_expected (const char *path)
{
  g_autoptr(GHashTable) blocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) block = NULL;
  g_autofree char *name = NULL;
  const char *p;
  const char *end;
  gsize length;
  guint line = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  end = contents + length;
  for (p = contents; p < end; line++)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *next = newline != NULL ? newline + 1 : end;

      if (newline == NULL)
        g_error ("%s:%u: the file does not end with a newline", path, line + 1);

      if (block == NULL)
        {
          const char *space;

          if (g_str_has_prefix (p, "== "))
            {
              space = memchr (p + 3, ' ', newline - (p + 3));
              if (space == NULL)
                g_error ("%s:%u: a header without an exit status", path, line + 1);
              name = g_strndup (p + 3, space - (p + 3));
              block = g_string_new (NULL);
            }
          else if (*p != '#' && *p != '\n')
            g_error ("%s:%u: a line outside a case", path, line + 1);
        }

      if (block != NULL)
        {
          g_string_append_len (block, p, next - p);
          if (next - p == 2 && p[0] == '.')
            {
              if (g_hash_table_contains (blocks, name))
                g_error ("%s:%u: case %s twice", path, line + 1, name);
              g_hash_table_insert (blocks, g_steal_pointer (&name),
                                   g_string_free (g_steal_pointer (&block), FALSE));
            }
        }

      p = next;
    }

  if (block != NULL)
    g_error ("%s: case %s has no end", path, name);

  return g_steal_pointer (&blocks);
}

static void
test_corpus_prefix (gconstpointer data)
{
  const char *prefix = data;
  gint64 started = g_get_monotonic_time ();
  guint n_cases = 0;
  guint n_differ = 0;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      g_autofree char *block = NULL;
      const char *want;

      if (!g_str_has_prefix (name, prefix))
        continue;

      n_cases++;
      block = run_case (name);

      if (written != NULL)
        {
          g_hash_table_insert (written, g_strdup (name), g_steal_pointer (&block));
          continue;
        }

      want = g_hash_table_lookup (expected, name);
      if (want == NULL)
        {
          g_printerr ("%s: not in the expected file; it gave\n%s", name, block);
          n_differ++;
        }
      else if (!g_str_equal (want, block))
        {
          g_printerr ("%s differs. Expected:\n%sGot:\n%s", name, want, block);
          n_differ++;
        }
    }

  g_test_message ("%u cases %s*.json in %.1f s", n_cases, prefix,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  g_assert_cmpuint (n_cases, >, 0);
  if (n_differ > 0)
    g_test_fail_printf ("%u of the %u cases %s* do not give the expected answer (see above)",
                        n_differ, n_cases, prefix);
}

/* Every case file has its answer in the expected file and every answer
 * its file; every file is named with one of the prefixes. */
static void
test_corpus_complete (void)
{
  g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  guint n_stale = 0;

  if (written != NULL)
    {
      g_test_skip ("Writing the expected file");
      return;
    }

  for (guint i = 0; i < names->len; i++)
    {
      if (!has_known_prefix (names->pdata[i]))
        g_test_fail_printf ("%s.json does not start with a_, i_, n_ or y_", (char *) names->pdata[i]);
      g_hash_table_add (files, names->pdata[i]);
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (files, key))
        {
          g_printerr ("%s is in the expected file but has no body\n", (char *) key);
          n_stale++;
        }
    }
  g_assert_cmpuint (n_stale, ==, 0);
}

static void
write_expected (const char *path)
{
  g_autoptr(GString) text = g_string_new (expected_comment);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < names->len; i++)
    {
      const char *block = g_hash_table_lookup (written, names->pdata[i]);

      if (block != NULL)
        {
          g_string_append_c (text, '\n');
          g_string_append (text, block);
        }
    }

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  g_printerr ("Wrote %u cases to %s\n", g_hash_table_size (written), path);
}

int
main (int   argc,
      char *argv[])
{
  const char *write_path;
  int status;

  /* A child that stops reading ends a write with EPIPE, not this program. */
  signal (SIGPIPE, SIG_IGN);

  g_test_init (&argc, &argv, NULL);
  aip_test_log_debug_to_stderr ();

  corpus_dir = g_test_build_filename (G_TEST_DIST, "data", "corpus", NULL);
  names = list_cases (corpus_dir);

  write_path = g_getenv ("AIP_CORPUS_WRITE");
  if (write_path != NULL && write_path[0] != '\0')
    written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  else
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "corpus.expected", NULL);

      expected = read_expected (path);
    }

  server = aip_test_server_new ();
  home = g_dir_make_tmp ("aip-corpus-XXXXXX", NULL);
  g_assert_nonnull (home);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/corpus/%.1s", prefixes[i]);

      g_test_add_data_func (test_path, prefixes[i], test_corpus_prefix);
    }
  g_test_add_func ("/corpus/complete", test_corpus_complete);

  status = g_test_run ();

  if (written != NULL)
    write_expected (write_path);

  aip_test_remove_tree (home);
  g_clear_pointer (&home, g_free);
  g_clear_pointer (&server, aip_test_server_free);
  g_clear_pointer (&expected, g_hash_table_unref);
  g_clear_pointer (&written, g_hash_table_unref);
  g_clear_pointer (&names, g_ptr_array_unref);
  g_clear_pointer (&corpus_dir, g_free);

  return status;
}
