/* test-cli.c: the built executable against the loopback server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "aip-calling-hours.h"
#include "aip-response.h"
#include "aip-test-server.h"

#define SENTINEL "sentinel-7f3a9c2e-token"

typedef struct
{
  AipTestServer *server;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) garbage = bytes_of ("<html>not json</html>");
  g_autoptr(GBytes) skipped = bytes_of ("[{\"id\": 1, \"name\": \"Kept\"}, {\"name\": \"no id\"}, 7]");
  g_autoptr(GBytes) message = bytes_of ("{\"message\": \"Unauthenticated.\"}");

  fixture->server = aip_test_server_new ();
  aip_test_server_set_reply_file (fixture->server, "good-token", "outbound-assistants.json");
  aip_test_server_set_reply_file (fixture->server, SENTINEL, "outbound-assistants-wrapped.json");
  aip_test_server_set_reply (fixture->server, "forbidden", 403, "application/json", message, NULL, AIP_TEST_REPLY_NORMAL);
  aip_test_server_set_reply (fixture->server, "failing", 500, "text/html", garbage, NULL, AIP_TEST_REPLY_NORMAL);
  aip_test_server_set_reply (fixture->server, "busy", 429, "application/json", message, "Retry-After: 30", AIP_TEST_REPLY_NORMAL);
  aip_test_server_set_reply (fixture->server, "garbage", 200, "application/json", garbage, NULL, AIP_TEST_REPLY_NORMAL);
  aip_test_server_set_reply (fixture->server, "skipped", 200, "application/json", skipped, NULL, AIP_TEST_REPLY_NORMAL);
  aip_test_server_set_reply (fixture->server, NULL, 401, "application/json", message, NULL, AIP_TEST_REPLY_NORMAL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->server, aip_test_server_free);
}

/* argv ends with NULL; token NULL leaves AIPLOYEES_TOKEN unset. */
static void
run_cli (Run         *run,
         const char  *token,
         const char  *input,
         const char  *first,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("AIP_EXECUTABLE"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  if (token != NULL)
    g_subprocess_launcher_setenv (launcher, "AIPLOYEES_TOKEN", token, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "AIPLOYEES_TOKEN");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  /* Whatever happened, with every debug message on, the token never shows. */
  g_assert_null (strstr (run->out, SENTINEL));
  g_assert_null (strstr (run->err, SENTINEL));
  g_assert_null (strstr (run->out, "good-token"));
  g_assert_null (strstr (run->err, "good-token"));
}

static char *
base_url_option (Fixture *fixture)
{
  return g_strdup_printf ("--base-url=%s", aip_test_server_get_base_url (fixture->server));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';

  return n;
}

static void
test_cli_version (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, NULL, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
}

static void
test_cli_formats (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *base = base_url_option (fixture);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "good-token", NULL, "--list", base, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Sales Outbound Assistant"));
    g_assert_nonnull (strstr (run.out, "Follow-up Assistant"));
    g_assert_nonnull (strstr (run.out, "America/Los_Angeles"));
    /* A header and two rows. */
    g_assert_cmpuint (count_lines (run.out), ==, 3);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "good-token", NULL, "--list", "--format=csv", base, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "id,user_id,name,"));
    g_assert_cmpuint (count_lines (run.out), ==, 3);
    g_assert_nonnull (strstr (run.out, "\r\n"));
  }

  {
    g_auto(Run) run = { 0 };

    /* Our own JSON reads back through our own parser. */
    run_cli (&run, SENTINEL, NULL, "--list", "--format", "json", base, NULL);
    g_assert_cmpint (run.status, ==, 0);
    bytes = g_bytes_new (run.out, strlen (run.out));
    response = aip_response_new_from_bytes (bytes, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (aip_response_get_assistants (response)->len, ==, 2);
    g_assert_cmpint (aip_assistant_get_id (g_ptr_array_index (aip_response_get_assistants (response), 1)), ==, 124);
  }
}

static void
test_cli_filters (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *base = base_url_option (fixture);
  struct {
    const char *option;
    guint       lines;
  } cases[] = {
    { "--status=active", 2 },
    { "--status=inactive", 2 },
    { "--status=paused", 1 },
    { "--timezone=America/New_York", 2 },
    { "--mode=multimodal", 2 },
    { "--search=FOLLOW-UP", 2 },
    { "--search=premium services", 2 },
    { "--search=nothing like this", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, "good-token", NULL, "--list", "--format=csv", cases[i].option, base, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpuint (count_lines (run.out), ==, cases[i].lines);
    }
}

static void
test_cli_day_filters (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *base = base_url_option (fixture);
  g_autoptr(AipCallingHours) hours = aip_calling_hours_new_default ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint open = 0;

  /* The fixture's two zones, judged by the same code at the same minute. */
  open += aip_calling_hours_is_open (hours, "America/New_York", now);
  open += aip_calling_hours_is_open (hours, "America/Los_Angeles", now);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "good-token", NULL, "--list", "--format=csv", "--calling-now", base, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (count_lines (run.out), ==, 1 + open);
  }

  {
    g_auto(Run) run = { 0 };

    /* The active one was last updated in 2025: more than 90 days ago. */
    run_cli (&run, "good-token", NULL, "--list", "--format=csv", "--needs-attention", base, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (count_lines (run.out), ==, 2);
    g_assert_nonnull (strstr (run.out, "\r\n123,"));
  }
}

static void
test_cli_exit_codes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *base = base_url_option (fixture);
  g_autofree char *wrong_path = g_strdup_printf ("--base-url=%s/nothing-here", aip_test_server_get_base_url (fixture->server));
  struct {
    const char *token;
    const char *arg1;
    const char *arg2;
    int         status;
  } cases[] = {
    { "good-token", "--list", "--format=xml", 2 },
    { "good-token", "--list", "--base-url=http://example.com/api", 2 },
    { "good-token", "--list", "--base-url=not a url", 2 },
    { "good-token", "--list", "--no-such-option", 2 },
    { "good-token", "--status=active", NULL, 2 },
    { "good-token", "--needs-attention", NULL, 2 },
    { "revoked", "--list", base, 3 },
    { "forbidden", "--list", base, 3 },
    { "failing", "--list", base, 4 },
    { "busy", "--list", base, 4 },
    { "good-token", "--list", wrong_path, 4 },
    { "good-token", "--list", "--base-url=http://127.0.0.1:1/api", 4 },
    { "garbage", "--list", base, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, cases[i].token, NULL, cases[i].arg1, cases[i].arg2, NULL);
      g_test_message ("%s %s → %d: %s", cases[i].arg1, cases[i].arg2, run.status, run.err);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_cmpstr (run.out, ==, "");
      /* One line for a person, not a GLib warning. */
      g_assert_nonnull (strstr (run.err, "aiployees-assistants: "));
      g_assert_null (strstr (run.err, "WARNING"));
      g_assert_null (strstr (run.err, "CRITICAL"));
    }
}

static void
test_cli_skipped (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *base = base_url_option (fixture);
  g_auto(Run) run = { 0 };

  run_cli (&run, "skipped", NULL, "--list", "--format=csv", base, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 2);
  g_assert_nonnull (strstr (run.err, "2 items in the response were not usable assistants and were skipped.\n"));
}

static void
test_cli_keyring (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *base = base_url_option (fixture);

  if (g_getenv ("AIP_TEST_HOME") == NULL)
    {
      g_test_skip ("Needs the throwaway keyring of build-aux/with-keyring");
      return;
    }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, NULL, "--list", base, NULL);
    g_assert_cmpint (run.status, ==, 3);
    g_assert_nonnull (strstr (run.err, "--sign-in"));
  }

  {
    g_auto(Run) run = { 0 };

    /* A rejected token is not stored. */
    run_cli (&run, NULL, "revoked\n", "--sign-in", base, NULL);
    g_assert_cmpint (run.status, ==, 3);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, SENTINEL "\n", "--sign-in", base, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "2 outbound assistants"));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, NULL, "--list", "--format=csv", base, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (count_lines (run.out), ==, 3);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, NULL, "--sign-out", base, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, NULL, "--list", base, NULL);
    g_assert_cmpint (run.status, ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/version", Fixture, NULL, fixture_set_up, test_cli_version, fixture_tear_down);
  g_test_add ("/cli/formats", Fixture, NULL, fixture_set_up, test_cli_formats, fixture_tear_down);
  g_test_add ("/cli/filters", Fixture, NULL, fixture_set_up, test_cli_filters, fixture_tear_down);
  g_test_add ("/cli/day-filters", Fixture, NULL, fixture_set_up, test_cli_day_filters, fixture_tear_down);
  g_test_add ("/cli/exit-codes", Fixture, NULL, fixture_set_up, test_cli_exit_codes, fixture_tear_down);
  g_test_add ("/cli/skipped", Fixture, NULL, fixture_set_up, test_cli_skipped, fixture_tear_down);
  g_test_add ("/cli/keyring", Fixture, NULL, fixture_set_up, test_cli_keyring, fixture_tear_down);

  return g_test_run ();
}
