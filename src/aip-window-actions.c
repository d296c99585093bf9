/* aip-window-actions.c: what a person can do in the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-export.h"
#include "aip-text-window.h"
#include "aip-window-private.h"

static const struct {
  AipFormat   format;
  const char *id;
  const char *label;
  const char *description;
} export_formats[] = {
  { AIP_FORMAT_CSV_SPREADSHEET, "csv-spreadsheet", N_("CSV for Spreadsheets"),
    N_("For LibreOffice Calc or Excel: text that looks like a formula is kept as text") },
  { AIP_FORMAT_CSV, "csv", N_("CSV"),
    N_("Every value exactly as it is, for scripts and other programs") },
  { AIP_FORMAT_JSON, "json", N_("JSON"),
    N_("Every field and variable with its type, as the platform sends them") },
};

void
_aip_window_update_actions (AipWindow *self)
{
  AipAccountState state = aip_account_get_state (self->account);
  AipChanges *changes = aip_account_get_changes (self->account);
  gboolean sample = aip_account_get_sample (self->account);
  gboolean has_token = aip_account_has_token (self->account);
  gboolean content = g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "content");
  AipAssistant *selected = aip_assistant_table_get_selected (self->table);
  gboolean has_data = g_list_model_get_n_items (aip_account_get_assistants (self->account)) > 0;
  gboolean folded = _aip_window_is_folded (self);
  gboolean can_go_back;

  can_go_back = (self->sign_in_requested && has_data) ||
                (content && folded && _aip_window_details_on_top (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh",
                                 has_token && !sample && !self->sign_in_requested);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.focus-list", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-filters", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters",
                                 aip_assistant_filter_is_active (aip_assistant_table_get_filter (self->table)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out",
                                 has_token || sample || state != AIP_ACCOUNT_STATE_SIGNED_OUT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in-again",
                                 state != AIP_ACCOUNT_STATE_SIGNED_OUT || sample);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-details", content && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-id", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-webhook",
                                 selected != NULL && aip_assistant_get_webhook_url (selected) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", can_go_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 content && g_list_model_get_n_items (aip_assistant_table_get_shown (self->table)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-changes",
                                 content && aip_changes_get_has_changes (changes));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-changes-seen",
                                 aip_changes_get_has_changes (changes));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back);
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_button), content || state == AIP_ACCOUNT_STATE_ERROR);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), content);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), content);
}

/* A question over the window. From libadwaita 1.5 an AdwAlertDialog, part
 * of the window, centred on it or a sheet along its bottom when narrow;
 * before, an AdwMessageDialog, a window of its own. */
#if ADW_CHECK_VERSION (1, 5, 0)
# define ALERT(dialog) ADW_ALERT_DIALOG (dialog)
# define alert_add_response adw_alert_dialog_add_response
# define alert_set_response_appearance adw_alert_dialog_set_response_appearance
# define alert_set_default_response adw_alert_dialog_set_default_response
# define alert_set_close_response adw_alert_dialog_set_close_response
# define alert_set_extra_child adw_alert_dialog_set_extra_child
#else
# define ALERT(dialog) ADW_MESSAGE_DIALOG (dialog)
# define alert_add_response adw_message_dialog_add_response
# define alert_set_response_appearance adw_message_dialog_set_response_appearance
# define alert_set_default_response adw_message_dialog_set_default_response
# define alert_set_close_response adw_message_dialog_set_close_response
# define alert_set_extra_child adw_message_dialog_set_extra_child
#endif

static GtkWidget *
alert_new (AipWindow  *self,
           const char *heading,
           const char *body)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  return adw_message_dialog_new (GTK_WINDOW (self), heading, body);
#endif
}

static void
alert_present (AipWindow *self,
               GtkWidget *dialog)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
#else
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  aip_account_refresh (self->account);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* From the search: to the first result, keyboard and selection. */
static void
focus_list_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  aip_assistant_table_show_assistant (self->table, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->table));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  aip_assistant_filter_clear (aip_assistant_table_get_filter (self->table));
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  if (aip_assistant_table_get_selected (self->table) == NULL)
    return;

  _aip_window_show_details (self, TRUE);
  _aip_window_update_actions (self);
}

/* Selects an assistant by id and shows its details, from the list of
 * changes for one. Filters that hide it are cleared: the person asked to
 * see this one. */
static void
show_assistant_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (!aip_assistant_table_show_assistant (self->table, id))
    {
      gboolean present = FALSE;
      GListModel *all = aip_account_get_assistants (self->account);

      for (guint i = 0; i < g_list_model_get_n_items (all) && !present; i++)
        {
          g_autoptr(AipAssistant) assistant = g_list_model_get_item (all, i);

          present = aip_assistant_get_id (assistant) == id;
        }

      if (!present)
        {
          _aip_window_show_toast (self, _("This assistant is no longer in the list"), NULL, NULL, NULL);
          return;
        }

      /* With no filter left the list is the whole account, at once for a
       * list the size the table filters at once; a larger one shows the
       * assistant once it settles. */
      aip_assistant_filter_clear (aip_assistant_table_get_filter (self->table));
      _aip_window_show_toast (self, _("Filters cleared to show the assistant"), NULL, NULL, NULL);
      if (!aip_assistant_table_show_assistant (self->table, id))
        return;
    }

  gtk_widget_activate_action (widget, "win.show-details", NULL);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  if (self->sign_in_requested)
    {
      self->sign_in_requested = FALSE;
      _aip_window_update_view (self);
      return;
    }

  _aip_window_show_details (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->table));
  _aip_window_update_actions (self);
}

static void
copy_text (AipWindow  *self,
           const char *text,
           const char *toast_title)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  _aip_window_show_toast (self, toast_title, NULL, NULL, NULL);
}

static void
copy_id_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  AipAssistant *assistant = aip_assistant_table_get_selected (self->table);
  g_autofree char *id = NULL;

  if (assistant == NULL)
    return;

  id = g_strdup_printf ("%" G_GINT64_FORMAT, aip_assistant_get_id (assistant));
  copy_text (self, id, _("ID copied"));
}

static void
copy_webhook_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  AipAssistant *assistant = aip_assistant_table_get_selected (self->table);

  if (assistant == NULL || aip_assistant_get_webhook_url (assistant) == NULL)
    return;

  copy_text (self, aip_assistant_get_webhook_url (assistant), _("Webhook address copied"));
}

/* The long texts of the selected assistant the details show cut */
static const char *
field_text (AipAssistant *assistant,
            const char   *field,
            const char  **title)
{
  if (g_str_equal (field, "name"))
    return *title = _("Name"), aip_assistant_get_name (assistant);
  if (g_str_equal (field, "initial-message"))
    return *title = _("Initial Message"), aip_assistant_get_initial_message (assistant);
  if (g_str_equal (field, "system-prompt"))
    return *title = _("System Prompt"), aip_assistant_get_system_prompt (assistant);

  return NULL;
}

static void
copy_field_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  AipAssistant *assistant = aip_assistant_table_get_selected (self->table);
  const char *title = NULL;
  const char *text;
  g_autofree char *message = NULL;

  if (assistant == NULL || !(text = field_text (assistant, g_variant_get_string (parameter, NULL), &title)))
    return;

  /* Translators: what was copied, e.g. "System Prompt copied" */
  message = g_strdup_printf (_("%s copied"), title);
  copy_text (self, text, message);
}

static void
show_field_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  AipAssistant *assistant = aip_assistant_table_get_selected (self->table);
  const char *title = NULL;
  const char *text;

  if (assistant == NULL || !(text = field_text (assistant, g_variant_get_string (parameter, NULL), &title)))
    return;

  gtk_window_present (GTK_WINDOW (aip_text_window_new (GTK_WINDOW (self), title, text)));
}

static void
sign_in_again_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  const GError *error = aip_account_get_error (self->account);

  self->sign_in_requested = TRUE;
  /* After a refusal the page says why it asks again. */
  aip_sign_in_page_reset (self->sign_in_page,
                          aip_account_error_kind (error) == AIP_ERROR_KIND_SIGN_IN ? error->message : NULL);
  _aip_window_update_view (self);
}

static void
sign_out_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AipWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!aip_account_sign_out_finish (AIP_ACCOUNT (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (aip_account_error_kind (error) == AIP_ERROR_KIND_CANCELLED)
        return;

      /* Translators: the reason follows */
      message = g_strdup_printf (_("Could not sign out. %s"), error->message);
      _aip_window_show_toast (self, message, NULL, NULL, NULL);
      return;
    }

  aip_sign_in_page_reset (self->sign_in_page, NULL);
  _aip_window_update_view (self);
}

static void
sign_out_response_cb (AipWindow  *self,
                      const char *response,
                      GtkWidget  *dialog)
{
  if (g_strcmp0 (response, "sign-out") != 0)
    return;

  aip_account_sign_out_async (self->account, self->cancellable, sign_out_cb, g_object_ref (self));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  const char *host = aip_account_get_host (self->account);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* The sample has no token to remove: leaving it is all there is. */
  if (aip_account_get_sample (self->account) && !aip_account_has_token (self->account))
    {
      gtk_widget_activate_action (widget, "win.sign-in-again", NULL);
      return;
    }

  body = g_strdup_printf (_("The token for %s will be removed from the keyring, and the "
                             "assistants shown here will be forgotten on this computer."),
                          host != NULL ? host : "");
  dialog = alert_new (self, _("Sign Out?"), body);
  alert_add_response (ALERT (dialog), "cancel", _("_Cancel"));
  alert_add_response (ALERT (dialog), "sign-out", _("_Sign Out"));
  alert_set_response_appearance (ALERT (dialog), "sign-out", ADW_RESPONSE_DESTRUCTIVE);
  alert_set_default_response (ALERT (dialog), "cancel");
  alert_set_close_response (ALERT (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_out_response_cb), self, G_CONNECT_SWAPPED);
  alert_present (self, dialog);
}

static void
show_changes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  if (aip_changes_get_has_changes (aip_account_get_changes (self->account)))
    gtk_menu_button_popup (self->changes_button);
}

static void
mark_changes_seen_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  gtk_menu_button_popdown (self->changes_button);
  aip_changes_mark_seen (aip_account_get_changes (self->account));
}

typedef struct
{
  AipWindow *window;
  char      *uri;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->window);
  g_clear_pointer (&export->uri, g_free);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_written = 0;

  if (!aip_export_write_finish (result, &n_written, &error))
    {
      if (aip_account_error_kind (error) == AIP_ERROR_KIND_CANCELLED)
        return;

      /* Translators: the reason follows, e.g. "Permission denied" */
      message = g_strdup_printf (_("The assistants could not be exported. %s"), error->message);
      _aip_window_show_toast (export->window, message, NULL, NULL, NULL);
      return;
    }

  message = g_strdup_printf (ngettext ("Exported %u assistant", "Exported %u assistants", n_written),
                             n_written);
  _aip_window_show_toast (export->window, message, _("_Open"), "win.open-export",
                          g_variant_new_string (export->uri));
}

static void
export_to (AipWindow *self,
           GFile     *file,
           AipFormat  format)
{
  Export *export = g_new0 (Export, 1);

  export->window = g_object_ref (self);
  export->uri = g_file_get_uri (file);
  self->export_format = format;
  aip_export_write_async (aip_assistant_table_get_shown (self->table), format, file, self->cancellable,
                          export_written_cb, export);
}

static gboolean
format_from_id (const char *id,
                AipFormat  *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_strcmp0 (id, export_formats[i].id) == 0)
      {
        *format = export_formats[i].format;
        return TRUE;
      }

  return FALSE;
}

/* Writes the list as shown to a file the caller chose; what the Export
 * dialog does once the person picked a file. */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  const char *uri;
  const char *format_id;
  g_autoptr(GFile) file = NULL;
  AipFormat format;

  g_variant_get (parameter, "(&s&s)", &uri, &format_id);
  if (!format_from_id (format_id, &format))
    return;

  file = g_file_new_for_uri (uri);
  export_to (self, file, format);
}

static char *
suggested_name (AipFormat format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  const char *extension = format == AIP_FORMAT_JSON ? "json" : "csv";
  /* Translators: the suggested name of an exported file, without the
   * extension; %s is today's date, e.g. "assistants-2026-12-06" */
  g_autofree char *stem = g_strdup_printf (_("assistants-%s"), date);

  return g_strdup_printf ("%s.%s", stem, extension);
}

static void
file_chosen_cb (AipWindow       *self,
                int              response,
                GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    export_to (self, file, self->export_format);
}

static void
choose_file (AipWindow *self)
{
  g_autofree char *name = suggested_name (self->export_format);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  GtkFileChooserNative *chooser;

  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (self->export_chooser);
  g_clear_object (&self->export_chooser);

  chooser = gtk_file_chooser_native_new (_("Export Assistants"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (documents != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb), self, G_CONNECT_SWAPPED);

  self->export_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->export_chooser);
}

static void
format_chosen_cb (AipWindow  *self,
                  const char *response,
                  GtkWidget  *dialog)
{
  GtkCheckButton **checks = g_object_get_data (G_OBJECT (dialog), "aip-checks");

  if (g_strcmp0 (response, "choose") != 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (gtk_check_button_get_active (checks[i]))
      self->export_format = export_formats[i].format;

  choose_file (self);
}

/* The format first, each said in a line, then the file: its name follows
 * the format, which a format chosen inside the file dialog cannot do. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  GtkCheckButton **checks = g_new0 (GtkCheckButton *, G_N_ELEMENTS (export_formats));
  guint n_shown = g_list_model_get_n_items (aip_assistant_table_get_shown (self->table));
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (ngettext ("The %u assistant shown, in the order shown.",
                                    "The %u assistants shown, in the order shown.", n_shown),
                          n_shown);
  dialog = alert_new (self, _("Export Assistants"), body);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), checks[0]);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), export_formats[i].format == self->export_format);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      checks[i] = GTK_CHECK_BUTTON (check);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(export_formats[i].label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(export_formats[i].description));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  alert_set_extra_child (ALERT (dialog), list);
#if ADW_CHECK_VERSION (1, 6, 0)
  /* Three lines of explanation read better than six */
  adw_alert_dialog_set_prefer_wide_layout (ADW_ALERT_DIALOG (dialog), TRUE);
#endif
  g_object_set_data_full (G_OBJECT (dialog), "aip-checks", checks, g_free);

  alert_add_response (ALERT (dialog), "cancel", _("_Cancel"));
  alert_add_response (ALERT (dialog), "choose", _("_Choose File…"));
  alert_set_response_appearance (ALERT (dialog), "choose", ADW_RESPONSE_SUGGESTED);
  alert_set_default_response (ALERT (dialog), "choose");
  alert_set_close_response (ALERT (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (format_chosen_cb), self, G_CONNECT_SWAPPED);
  alert_present (self, dialog);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not open the export: %s", error->message);
}
#endif

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, GTK_WINDOW (self), self->cancellable, launched_cb, NULL);
#else
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
#endif
}

void
_aip_window_class_actions_init (AipWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.focus-list", NULL, focus_list_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.show-details", NULL, show_details_action);
  gtk_widget_class_install_action (widget_class, "win.show-assistant", "x", show_assistant_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.copy-id", NULL, copy_id_action);
  gtk_widget_class_install_action (widget_class, "win.copy-webhook", NULL, copy_webhook_action);
  gtk_widget_class_install_action (widget_class, "win.copy-field", "s", copy_field_action);
  gtk_widget_class_install_action (widget_class, "win.show-field", "s", show_field_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in-again", NULL, sign_in_again_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.show-changes", NULL, show_changes_action);
  gtk_widget_class_install_action (widget_class, "win.mark-changes-seen", NULL, mark_changes_seen_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-to", "(ss)", export_to_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-filters", "show-filters");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.go-back", NULL);
}
