/* test-cli.c: the built executable against the loopback server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <signal.h>

#include "aip-calling-hours.h"
#include "aip-response.h"
#include "aip-test-log.h"
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
  g_autoptr(GBytes) unusable = bytes_of ("[1, 2, 3, \"x\", null, {}]");

  fixture->server = aip_test_server_new ();
  aip_test_server_set_reply_file (fixture->server, "good-token", "outbound-assistants.json");
  aip_test_server_set_reply_file (fixture->server, SENTINEL, "outbound-assistants-wrapped.json");
  aip_test_server_set_reply (fixture->server, "forbidden", 403, "application/json", message, NULL, AIP_TEST_REPLY_NORMAL);
  aip_test_server_set_reply (fixture->server, "failing", 500, "text/html", garbage, NULL, AIP_TEST_REPLY_NORMAL);
  aip_test_server_set_reply (fixture->server, "busy", 429, "application/json", message, "Retry-After: 30", AIP_TEST_REPLY_NORMAL);
  aip_test_server_set_reply (fixture->server, "garbage", 200, "application/json", garbage, NULL, AIP_TEST_REPLY_NORMAL);
  aip_test_server_set_reply (fixture->server, "skipped", 200, "application/json", skipped, NULL, AIP_TEST_REPLY_NORMAL);
  aip_test_server_set_reply (fixture->server, "unusable", 200, "application/json", unusable, NULL, AIP_TEST_REPLY_NORMAL);
  aip_test_server_set_reply (fixture->server, NULL, 401, "application/json", message, NULL, AIP_TEST_REPLY_NORMAL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->server, aip_test_server_free);
}

static GSubprocessLauncher *
launcher_new (const char *token)
{
  GSubprocessLauncher *launcher;

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

  return launcher;
}

/* args ends with NULL; token NULL leaves AIPLOYEES_TOKEN unset; input is
 * all of standard input. */
static void
run_cliv (Run                *run,
          const char         *token,
          GBytes             *input,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (token);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("AIP_EXECUTABLE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  run->out = g_strndup (g_bytes_get_size (out) > 0 ? g_bytes_get_data (out, NULL) : "",
                        g_bytes_get_size (out));
  run->err = g_strndup (g_bytes_get_size (err) > 0 ? g_bytes_get_data (err, NULL) : "",
                        g_bytes_get_size (err));

  /* Whatever happened, with every debug message on, the token never shows. */
  g_assert_null (strstr (run->out, SENTINEL));
  g_assert_null (strstr (run->err, SENTINEL));
  g_assert_null (strstr (run->out, "good-token"));
  g_assert_null (strstr (run->err, "good-token"));
}

static void
run_cli (Run         *run,
         const char  *token,
         const char  *input,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (input, input != NULL ? strlen (input) : 0);
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cliv (run, token, bytes, (const char * const *) args->pdata);
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

/* The options a script needs, with the keyring's bound and its default */
static void
test_cli_help (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, NULL, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--sign-in"));
  g_assert_nonnull (strstr (run.out, "--keyring-timeout=SECONDS"));
  g_assert_nonnull (strstr (run.out, "(default: 30)"));
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
    { "good-token", "--keyring-timeout=5", NULL, 2 },
    { "good-token", "--list", "--keyring-timeout=0", 2 },
    { "good-token", "--list", "--keyring-timeout=soon", 2 },
    { "good-token", "--list", "--keyring-timeout=3601", 2 },
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

  /* Nothing usable at all is an invalid response */
  {
    g_auto(Run) none = { 0 };

    run_cli (&none, "unusable", NULL, "--list", "--format=csv", base, NULL);
    g_assert_cmpint (none.status, ==, 5);
    g_assert_cmpstr (none.out, ==, "");
    g_assert_nonnull (strstr (none.err, "no item is a usable assistant"));
  }
}

static void
run_sign_in (Run        *run,
             const char *base,
             const char *input,
             gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (input, length);
  const char *args[] = { "--sign-in", base, NULL };

  run_cliv (run, NULL, bytes, args);
}

/* A token is refused at once, on the first look at it, with exit 2: too
 * long, or with a character that no token has. It never reaches the
 * server or the keyring. */
static void
test_cli_sign_in_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *base = base_url_option (fixture);
  g_autofree char *longest = g_strnfill (8192, 'a');
  g_autofree char *too_long = g_strnfill (8193, 'a');
  g_autofree char *too_long_line = g_strconcat (too_long, "\n", NULL);
  static const char *characters = "characters that a token cannot have";
  /* g_format_size() puts a no-break space before the unit. */
  static const char *length = "longer than 8.0\302\240KiB";
  const struct {
    const char *input;
    gsize       length;
    const char *in_message;
  } cases[] = {
    { "AB\0CD\n", 6, characters },
    { "AB\0", 3, characters },
    { "AB\033[31mCD\n", 11, characters },
    { "abc\177\n", 5, characters },
    { "tok en\n", 7, characters },
    { "tok\ten\n", 7, characters },
    { "t\303\266k\303\251n\n", 8, characters },
    { too_long_line, 8194, length },
    { too_long, 8193, length },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_sign_in (&run, base, cases[i].input, cases[i].length);
      g_test_message ("case %u → %d: %s", i, run.status, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i].in_message));
      g_assert_nonnull (strstr (run.err, "nothing was stored"));
    }

  g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, 0);

  /* At the limit, or between spaces and a Windows line end, it is a
   * token: the server is asked, and refuses it. */
  {
    g_autofree char *at_limit = g_strconcat (longest, "\n", NULL);
    const char *inputs[] = { at_limit, " \trevoked \r\n" };

    for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
      {
        g_auto(Run) run = { 0 };
        g_autofree char *authorization = NULL;

        run_sign_in (&run, base, inputs[i], strlen (inputs[i]));
        g_assert_cmpint (run.status, ==, 3);
        g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, i + 1);
        authorization = aip_test_server_dup_last_authorization (fixture->server);
        g_assert_true (g_str_has_prefix (authorization, i == 0 ? "Bearer aaaa" : "Bearer revoked"));
        g_assert_true (g_str_has_suffix (authorization, i == 0 ? "aaaa" : "revoked"));
      }
  }

  if (g_getenv ("AIP_TEST_HOME") != NULL)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, NULL, NULL, "--list", base, NULL);
      g_assert_cmpint (run.status, ==, 3);
      g_assert_nonnull (strstr (run.err, "No API token is stored"));
    }
}

typedef struct
{
  GOutputStream *input;
  guint64        written;
} Flood;

#define FLOOD_SIZE (G_GUINT64_CONSTANT (500) * 1024 * 1024)

static gpointer
flood_thread (gpointer user_data)
{
  Flood *flood = user_data;
  g_autofree char *chunk = g_strnfill (64 * 1024, 'a');

  while (flood->written < FLOOD_SIZE)
    {
      gssize n = g_output_stream_write (flood->input, chunk, 64 * 1024, NULL, NULL);

      if (n <= 0)
        break;
      flood->written += n;
    }

  return NULL;
}

/* 500 MB on standard input without a line end: refused at once, in well
 * under a second beyond what starting the program takes, having read no
 * more than a token's length. */
static void
test_cli_sign_in_flood (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *base = base_url_option (fixture);
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  Flood flood = { 0 };
  GThread *thread;
  gint64 started, elapsed, start_up;

  /* What starting the program takes here, sanitizers and load included,
   * is not the refusal's doing. */
  {
    g_auto(Run) run = { 0 };

    started = g_get_monotonic_time ();
    run_cli (&run, NULL, NULL, "--version", NULL);
    start_up = g_get_monotonic_time () - started;
  }

  started = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("AIP_EXECUTABLE"),
                                         "--sign-in", base, NULL);
  g_assert_no_error (error);
  flood.input = g_subprocess_get_stdin_pipe (process);
  thread = g_thread_new ("flood", flood_thread, &flood);

  g_subprocess_wait (process, NULL, &error);
  elapsed = g_get_monotonic_time () - started;
  g_assert_no_error (error);
  g_thread_join (thread);

  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_test_message ("Refused after %" G_GINT64_FORMAT " ms (--version: %" G_GINT64_FORMAT " ms), "
                  "%" G_GUINT64_FORMAT " bytes written: %s",
                  elapsed / 1000, start_up / 1000, flood.written, err);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  g_assert_nonnull (strstr (err, "longer than 8.0\302\240KiB"));
  /* The pipe holds 64 KiB; the program took 8 KiB and one byte of it. */
  g_assert_cmpuint (flood.written, <, 1024 * 1024);
  g_assert_cmpint (elapsed - start_up, <, G_USEC_PER_SEC);
  g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, 0);
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
  /* A child that stops reading ends a write with EPIPE, not this program. */
  signal (SIGPIPE, SIG_IGN);

  g_test_init (&argc, &argv, NULL);
  aip_test_log_debug_to_stderr ();

  g_test_add ("/cli/version", Fixture, NULL, fixture_set_up, test_cli_version, fixture_tear_down);
  g_test_add ("/cli/help", Fixture, NULL, fixture_set_up, test_cli_help, fixture_tear_down);
  g_test_add ("/cli/formats", Fixture, NULL, fixture_set_up, test_cli_formats, fixture_tear_down);
  g_test_add ("/cli/filters", Fixture, NULL, fixture_set_up, test_cli_filters, fixture_tear_down);
  g_test_add ("/cli/day-filters", Fixture, NULL, fixture_set_up, test_cli_day_filters, fixture_tear_down);
  g_test_add ("/cli/exit-codes", Fixture, NULL, fixture_set_up, test_cli_exit_codes, fixture_tear_down);
  g_test_add ("/cli/skipped", Fixture, NULL, fixture_set_up, test_cli_skipped, fixture_tear_down);
  g_test_add ("/cli/keyring", Fixture, NULL, fixture_set_up, test_cli_keyring, fixture_tear_down);
  g_test_add ("/cli/sign-in/refused", Fixture, NULL, fixture_set_up, test_cli_sign_in_refused, fixture_tear_down);
  g_test_add ("/cli/sign-in/flood", Fixture, NULL, fixture_set_up, test_cli_sign_in_flood, fixture_tear_down);

  return g_test_run ();
}
