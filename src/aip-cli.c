/* aip-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <errno.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "aip-account.h"
#include "aip-assistant-filter.h"
#include "aip-base-url.h"
#include "aip-client-error.h"
#include "aip-cli.h"
#include "aip-client.h"
#include "aip-format.h"
#include "aip-token-store.h"

/* A script may run without anyone to answer the keyring's unlock prompt. */
#define DEFAULT_KEYRING_TIMEOUT 30
#define MAX_KEYRING_TIMEOUT 3600
/* Tokens are some tens of characters; a line longer than this is not one. */
#define MAX_TOKEN_LENGTH 8192

static const GOptionEntry option_entries[] = {
  { "list", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the outbound assistants and exit"), NULL },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Output format for --list: table, csv or json"), N_("FORMAT") },
  { "status", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only assistants with this status"), N_("STATUS") },
  { "timezone", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only assistants in this timezone"), N_("TIMEZONE") },
  { "mode", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only assistants with this mode"), N_("MODE") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only assistants whose name, messages or variables contain TEXT"), N_("TEXT") },
  { "calling-now", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Only assistants inside the calling hours in their own timezone now"), NULL },
  { "needs-attention", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Only assistants with a health warning"), NULL },
  { "base-url", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Server address for this run only"), N_("URL") },
  { "sign-in", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Read an API token from standard input, check it and store it in the keyring"), NULL },
  { "sign-out", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Remove the stored API token from the keyring"), NULL },
  /* The default in the text is DEFAULT_KEYRING_TIMEOUT. */
  { "keyring-timeout", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Wait at most SECONDS for the keyring to answer, and as long for its unlock prompt (default: 30)"),
    N_("SECONDS") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

/**
 * aip_cli_get_option_entries:
 *
 * Returns: the options of the command line, for
 *   g_application_add_main_option_entries()
 */
const GOptionEntry *
aip_cli_get_option_entries (void)
{
  return option_entries;
}

/**
 * aip_cli_check_arguments:
 * @arguments: the command line, including the program name
 * @error: a location for a #GError
 *
 * Parses @arguments without acting on them, so that a usage error can end
 * the program with its own exit code before GApplication parses them.
 *
 * Returns: %TRUE if @arguments are valid
 */
gboolean
aip_cli_check_arguments (char   **arguments,
                         GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) copy = NULL;
  g_autofree char **argv = NULL;
  GOptionEntry entries[G_N_ELEMENTS (option_entries)];
  gpointer values[G_N_ELEMENTS (option_entries)] = { NULL, };
  gboolean ok;
  int argc;

  g_return_val_if_fail (arguments != NULL, FALSE);

  /* GApplication prints help itself, with the same entries, and D-Bus
   * activation passes an option of its own. */
  for (guint i = 1; arguments[i] != NULL; i++)
    {
      if (g_str_has_prefix (arguments[i], "--help") ||
          g_str_equal (arguments[i], "--gapplication-service") ||
          g_str_equal (arguments[i], "-h") ||
          g_str_equal (arguments[i], "-?"))
        return TRUE;
    }

  copy = g_strdupv (arguments);
  argc = g_strv_length (copy);
  /* g_option_context_parse() reorders and drops elements: parse a shallow
   * copy so that every string is still freed through @copy. */
  argv = g_memdup2 (copy, sizeof (char *) * (argc + 1));

  /* GApplication collects values without arg_data; a plain context needs
   * somewhere to write them. */
  memcpy (entries, option_entries, sizeof entries);
  for (guint i = 0; entries[i].long_name != NULL; i++)
    entries[i].arg_data = &values[i];

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  ok = g_option_context_parse (context, &argc, &argv, error);

  for (guint i = 0; entries[i].long_name != NULL; i++)
    if (entries[i].arg == G_OPTION_ARG_STRING)
      g_free (values[i]);

  if (!ok)
    return FALSE;

  if (argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unexpected argument “%s”"), argv[1]);
      return FALSE;
    }

  return TRUE;
}

/**
 * aip_cli_exit_code_for_error:
 * @error: why a command failed
 *
 * Returns: the exit code documented in the README for @error
 */
AipExitCode
aip_cli_exit_code_for_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, AIP_EXIT_NETWORK);

  if (error->domain == AIP_TOKEN_STORE_ERROR)
    return AIP_EXIT_AUTH;

  if (error->domain != AIP_CLIENT_ERROR)
    return AIP_EXIT_NETWORK;

  switch ((AipClientError) error->code)
    {
    case AIP_CLIENT_ERROR_INVALID_BASE_URL:
      return AIP_EXIT_USAGE;

    case AIP_CLIENT_ERROR_UNAUTHORIZED:
    case AIP_CLIENT_ERROR_FORBIDDEN:
      return AIP_EXIT_AUTH;

    case AIP_CLIENT_ERROR_INVALID_RESPONSE:
    case AIP_CLIENT_ERROR_TOO_LARGE:
      return AIP_EXIT_RESPONSE;

    case AIP_CLIENT_ERROR_NOT_FOUND:
    case AIP_CLIENT_ERROR_RATE_LIMITED:
    case AIP_CLIENT_ERROR_SERVER:
    case AIP_CLIENT_ERROR_REDIRECT:
    case AIP_CLIENT_ERROR_TIMEOUT:
    case AIP_CLIENT_ERROR_NETWORK:
    case AIP_CLIENT_ERROR_TLS:
    default:
      return AIP_EXIT_NETWORK;
    }
}

static int
fail (AipExitCode   code,
      const GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return code;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

/* The command line has nothing else to do while it waits, but the code it
 * shares with the window is asynchronous: run the loop until it answers. */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

/* Run from a build tree the schema may not be installed: then the
 * defaults apply rather than an abort in g_settings_new(). */
static GSettings *
settings_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static char *
configured_base_url (const char *option)
{
  g_autoptr(GSettings) settings = NULL;

  if (option != NULL)
    return g_strdup (option);

  if (!(settings = settings_if_installed ()))
    return g_strdup (AIP_DEFAULT_BASE_URL);

  return g_settings_get_string (settings, "base-url");
}

static AipCallingHours *
configured_calling_hours (void)
{
  g_autoptr(GSettings) settings = settings_if_installed ();

  if (settings == NULL)
    return aip_calling_hours_new_default ();

  return aip_calling_hours_new_from_settings (settings);
}

/* Reads the first line of standard input, at most MAX_TOKEN_LENGTH bytes of
 * it: whatever arrives, it refuses as soon as it sees a line too long for a
 * token or a character no token has, never reading the rest. Surrounding
 * white space, a CR of a Windows line end included, is no part of it. */
static char *
read_token_from_stdin (GError **error)
{
  g_autofree char *line = g_malloc (MAX_TOKEN_LENGTH + 1);
  struct termios saved, quiet;
  gboolean restore = FALSE;
  gboolean bad_char = FALSE;
  gboolean ended = FALSE;
  gsize length = 0;
  gsize start, end;
  char *token;

  if (isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0)
    {
      g_printerr ("%s", _("API token: "));
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      restore = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }

  while (!ended && !bad_char && length <= MAX_TOKEN_LENGTH)
    {
      gssize n_read = read (STDIN_FILENO, line + length, MAX_TOKEN_LENGTH + 1 - length);

      if (n_read < 0 && errno == EINTR)
        continue;
      if (n_read <= 0)
        break;

      for (gsize i = length; i < length + n_read; i++)
        {
          guchar c = line[i];

          if (c == '\n')
            {
              n_read = i - length;
              ended = TRUE;
              break;
            }

          /* Spaces and tabs may surround it, but no control character,
           * NUL included, is in a token. */
          if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f)
            bad_char = TRUE;
        }

      length += n_read;
    }

  if (restore)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  if (!bad_char && length > MAX_TOKEN_LENGTH)
    {
      g_autofree char *size = g_format_size_full (MAX_TOKEN_LENGTH, G_FORMAT_SIZE_IEC_UNITS);

      explicit_bzero (line, MAX_TOKEN_LENGTH + 1);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The text on standard input is longer than %s, too long for a token; "
                     "nothing was stored"),
                   size);
      return NULL;
    }

  for (start = 0; start < length && g_ascii_isspace (line[start]); start++)
    ;
  for (end = length; end > start && g_ascii_isspace (line[end - 1]); end--)
    ;
  for (gsize i = start; i < end && !bad_char; i++)
    bad_char = !aip_client_is_token_char (line[i]);

  if (bad_char)
    {
      explicit_bzero (line, MAX_TOKEN_LENGTH + 1);
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("The token on standard input contains characters that a token cannot "
                             "have, such as control characters or spaces; nothing was stored. "
                             "Copy it again from the platform’s web dashboard"));
      return NULL;
    }

  token = g_strndup (line + start, end - start);
  explicit_bzero (line, MAX_TOKEN_LENGTH + 1);

  return token;
}

static int
sign_in_with (AipAccount *account,
              const char *token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (token[0] == '\0')
    {
      g_printerr ("%s: %s\n", g_get_prgname (), _("No token was given on standard input"));
      return AIP_EXIT_AUTH;
    }

  aip_account_sign_in_async (account, token, TRUE, NULL, store_result_cb, &result);
  if (!aip_account_sign_in_finish (account, wait_for (&result), &error))
    return fail (aip_cli_exit_code_for_error (error), error);

  n = g_list_model_get_n_items (aip_account_get_assistants (account));
  g_print (ngettext ("Signed in to %s: %u outbound assistant.\n",
                     "Signed in to %s: %u outbound assistants.\n", n),
           aip_account_get_host (account), n);

  return AIP_EXIT_OK;
}

static int
run_sign_in (AipAccount *account)
{
  g_autoptr(GError) error = NULL;
  char *token = read_token_from_stdin (&error);
  int code;

  if (token == NULL)
    return fail (AIP_EXIT_USAGE, error);

  code = sign_in_with (account, token);
  aip_token_store_free_token (token);

  return code;
}

static int
run_sign_out (AipAccount *account)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  aip_account_sign_out_async (account, NULL, store_result_cb, &result);
  if (!aip_account_sign_out_finish (account, wait_for (&result), &error))
    return fail (aip_cli_exit_code_for_error (error), error);

  g_print (_("Signed out of %s.\n"), aip_account_get_host (account));

  return AIP_EXIT_OK;
}

static gboolean
use_token (AipAccount  *account,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *token = g_getenv ("AIPLOYEES_TOKEN");

  if (token != NULL && token[0] != '\0')
    {
      aip_account_set_token (account, token);
      return TRUE;
    }

  aip_account_load_token_async (account, NULL, store_result_cb, &result);
  if (aip_account_load_token_finish (account, wait_for (&result), &local_error))
    return TRUE;

  if (local_error != NULL)
    g_set_error (error, AIP_TOKEN_STORE_ERROR, local_error->code,
                 _("%s. Set the token in the environment variable AIPLOYEES_TOKEN instead."),
                 local_error->message);
  else
    g_set_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_UNAUTHORIZED,
                 _("No API token is stored for %s. Sign in with “%s --sign-in” or set AIPLOYEES_TOKEN."),
                 aip_account_get_host (account), g_get_prgname ());

  return FALSE;
}

static int
terminal_width (void)
{
  struct winsize size;

  if (!isatty (STDOUT_FILENO) || ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) != 0)
    return 0;

  return size.ws_col;
}

static int
run_list (AipAccount   *account,
          GVariantDict *options)
{
  g_autoptr(AipAssistantFilter) filter = aip_assistant_filter_new ();
  g_autoptr(GListStore) matches = g_list_store_new (AIP_TYPE_ASSISTANT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = NULL;
  const char *format_name = "table";
  const char *value;
  AipFormat format;
  GListModel *assistants;
  guint n_skipped;

  g_variant_dict_lookup (options, "format", "&s", &format_name);
  if (!aip_format_parse (format_name, &format) || format == AIP_FORMAT_CSV_SPREADSHEET)
    {
      g_printerr ("%s: ", g_get_prgname ());
      g_printerr (_("Unknown format “%s”; use table, csv or json"), format_name);
      g_printerr ("\n");
      return AIP_EXIT_USAGE;
    }

  if (g_variant_dict_lookup (options, "status", "&s", &value))
    aip_assistant_filter_set_status (filter, value);
  if (g_variant_dict_lookup (options, "timezone", "&s", &value))
    aip_assistant_filter_set_timezone (filter, value);
  if (g_variant_dict_lookup (options, "mode", "&s", &value))
    aip_assistant_filter_set_mode (filter, value);
  if (g_variant_dict_lookup (options, "search", "&s", &value))
    aip_assistant_filter_set_search (filter, value);
  if (g_variant_dict_contains (options, "calling-now"))
    {
      g_autoptr(AipCallingHours) hours = configured_calling_hours ();

      aip_assistant_filter_set_calling_hours (filter, hours);
      aip_assistant_filter_set_calling_now (filter, TRUE);
    }
  if (g_variant_dict_contains (options, "needs-attention"))
    aip_assistant_filter_set_needs_attention (filter, TRUE);

  if (!use_token (account, &error))
    return fail (aip_cli_exit_code_for_error (error), error);

  aip_account_refresh (account);
  while (aip_account_get_refreshing (account))
    g_main_context_iteration (NULL, TRUE);

  if (aip_account_get_state (account) != AIP_ACCOUNT_STATE_READY)
    return fail (aip_cli_exit_code_for_error (aip_account_get_error (account)),
                 aip_account_get_error (account));

  assistants = aip_account_get_assistants (account);
  for (guint i = 0; i < g_list_model_get_n_items (assistants); i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (assistants, i);

      if (gtk_filter_match (GTK_FILTER (filter), assistant))
        g_list_store_append (matches, assistant);
    }

  /* Written as it is made: the output of a large account is as large as
   * the list it comes from. */
  out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  if (!aip_format_write (G_LIST_MODEL (matches), format, terminal_width (), out, NULL, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return AIP_EXIT_FAILURE;
    }

  /* A plain line, not a warning: skipping is the server's doing, and GLib
   * warnings are for programming errors. */
  n_skipped = aip_account_get_n_skipped (account);
  if (n_skipped > 0)
    g_printerr (ngettext ("%u item in the response was not a usable assistant and was skipped.\n",
                          "%u items in the response were not usable assistants and were skipped.\n",
                          n_skipped),
                n_skipped);

  return AIP_EXIT_OK;
}

/**
 * aip_cli_run:
 * @options: the parsed command-line options
 *
 * Runs the command the options ask for, without a window and before the
 * application takes its D-Bus name.
 *
 * Returns: an exit code, or -1 when the options ask for the window
 */
int
aip_cli_run (GVariantDict *options)
{
  g_autoptr(AipTokenStore) token_store = NULL;
  g_autoptr(AipAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  const char *base_url_option = NULL;
  const char *keyring_timeout_option = NULL;
  guint64 keyring_timeout = DEFAULT_KEYRING_TIMEOUT;
  gboolean list, sign_in, sign_out;

  g_return_val_if_fail (options != NULL, AIP_EXIT_USAGE);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return AIP_EXIT_OK;
    }

  list = g_variant_dict_contains (options, "list");
  sign_in = g_variant_dict_contains (options, "sign-in");
  sign_out = g_variant_dict_contains (options, "sign-out");

  if (!list && !sign_in && !sign_out)
    {
      /* The window never takes the server from the command line. */
      if (g_variant_dict_contains (options, "base-url") ||
          g_variant_dict_contains (options, "format") ||
          g_variant_dict_contains (options, "status") ||
          g_variant_dict_contains (options, "timezone") ||
          g_variant_dict_contains (options, "mode") ||
          g_variant_dict_contains (options, "search") ||
          g_variant_dict_contains (options, "calling-now") ||
          g_variant_dict_contains (options, "needs-attention") ||
          g_variant_dict_contains (options, "keyring-timeout"))
        {
          g_printerr ("%s: %s\n", g_get_prgname (),
                      _("These options only apply with --list, --sign-in or --sign-out"));
          return AIP_EXIT_USAGE;
        }
      return -1;
    }

  if (list + sign_in + sign_out > 1)
    {
      g_printerr ("%s: %s\n", g_get_prgname (),
                  _("Use only one of --list, --sign-in and --sign-out"));
      return AIP_EXIT_USAGE;
    }

  /* A string: GApplication drops an integer option given as 0. */
  if (g_variant_dict_lookup (options, "keyring-timeout", "&s", &keyring_timeout_option) &&
      !g_ascii_string_to_unsigned (keyring_timeout_option, 10, 1, MAX_KEYRING_TIMEOUT,
                                   &keyring_timeout, NULL))
    {
      g_printerr ("%s: ", g_get_prgname ());
      g_printerr (_("--keyring-timeout takes a number of seconds from 1 to %d"), MAX_KEYRING_TIMEOUT);
      g_printerr ("\n");
      return AIP_EXIT_USAGE;
    }

  g_variant_dict_lookup (options, "base-url", "&s", &base_url_option);
  base_url = configured_base_url (base_url_option);

  token_store = aip_token_store_new ();
  aip_token_store_set_timeout (token_store, keyring_timeout);
  aip_token_store_set_prompt_timeout (token_store, keyring_timeout);
  account = aip_account_new (token_store);
  aip_account_set_use_offline_copy (account, FALSE);
  if (!aip_account_set_base_url (account, base_url, &error))
    return fail (AIP_EXIT_USAGE, error);

  if (sign_in)
    return run_sign_in (account);
  else if (sign_out)
    return run_sign_out (account);
  else
    return run_list (account, options);
}
