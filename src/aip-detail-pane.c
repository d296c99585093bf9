/* aip-detail-pane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-detail-pane.h"
#include "aip-display.h"
#include "aip-health.h"

/* What the pane lays out of a value from the server (see aip_display_cut()):
 * a long prompt shows its first pages; all of it is a click away. */
#define BLOCK_CHARS 3000
#define BLOCK_RUN 200
#define NAME_CHARS 300
#define NAME_RUN 60
#define LINE_CHARS 500
#define LINE_RUN 120

struct _AipDetailPane
{
  AdwBin        parent_instance;

  AipAssistant *assistant;
  AipCallingHours *calling_hours;
  /* The window's clock, moved on each minute; NULL before the first tick. */
  GDateTime    *now;
  char         *attention_text;
  gboolean      use_24h;

  GtkStack     *stack;
  GtkScrolledWindow *scroller;
  GtkLabel     *name_label;
  GtkWidget    *name_show_button;
  GtkWidget    *initial_message_show_button;
  GtkWidget    *system_prompt_show_button;
  AdwActionRow *status_row;
  GtkLabel     *status_label;
  AdwActionRow *mode_row;
  AdwActionRow *id_row;
  AdwActionRow *voice_row;
  AdwActionRow *language_row;
  AdwActionRow *timezone_row;
  AdwActionRow *calling_row;
  GtkLabel     *calling_label;
  AdwPreferencesGroup *attention_group;
  GtkListBox   *attention_list;
  GtkLabel     *initial_message_label;
  GtkLabel     *system_prompt_label;
  GtkListBox   *variables_list;
  AdwPreferencesGroup *call_time_group;
  GtkListBox   *call_time_list;
  AdwActionRow *webhook_row;
  GtkButton    *webhook_copy_button;
  AdwActionRow *created_row;
  AdwActionRow *updated_row;
};

G_DEFINE_FINAL_TYPE (AipDetailPane, aip_detail_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ASSISTANT,
  PROP_NOW,
  PROP_CALLING_HOURS,
  PROP_USE_24H,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
number_text (gint64 number,
             char   buffer[32])
{
  g_snprintf (buffer, 32, "%" G_GINT64_FORMAT, number);

  return buffer;
}

static char *
format_date (GDateTime *time,
             gboolean   use_24h)
{
  if (time == NULL)
    return g_strdup (_("Unknown"));

  return aip_display_full (time, use_24h);
}

static void
set_text_block (GtkLabel   *label,
                GtkWidget  *show_button,
                const char *text)
{
  gboolean empty = text == NULL || text[0] == '\0';
  gboolean cut = FALSE;
  g_autofree char *shown = aip_display_cut (text, BLOCK_CHARS, BLOCK_RUN, &cut);

  gtk_label_set_text (label, empty ? _("Empty") : shown);
  gtk_widget_set_visible (show_button, cut);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

/* A row's title or subtitle from the server, cut for one row */
static char *
line_text (const char *text)
{
  return aip_display_cut (text, LINE_CHARS, LINE_RUN, NULL);
}

static void
update_timezone (AipDetailPane *self,
                 GDateTime     *now)
{
  const char *timezone = aip_assistant_get_timezone (self->assistant);
  g_autoptr(GTimeZone) zone = aip_timezone_lookup (timezone);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *subtitle = NULL;

  if (zone == NULL || !(local = g_date_time_to_timezone (now, zone)))
    {
      g_autofree char *shown = line_text (timezone);

      adw_action_row_set_subtitle (self->timezone_row,
                                   timezone != NULL && timezone[0] != '\0'
                                   ? shown : _("Not set"));
      /* Translators: shown under a timezone the system does not know */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->timezone_row), _("Timezone (unknown to this computer)"));
      return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->timezone_row), _("Timezone"));

  clock = aip_display_clock (local, self->use_24h);
  offset = aip_display_utc_offset ((int) (g_date_time_get_utc_offset (local) / G_USEC_PER_SEC));
  /* Translators: a timezone name, its UTC offset, and the time there now,
   * e.g. "America/New_York (UTC−04:00), now 10:15" */
  subtitle = g_strdup_printf (_("%s (%s), now %s"), timezone, offset, clock);
  adw_action_row_set_subtitle (self->timezone_row, subtitle);
}

static void
update_calling (AipDetailPane *self,
                GDateTime     *now)
{
  g_autoptr(GDateTime) next_change = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *details = NULL;
  gboolean active = aip_assistant_is_active (self->assistant);
  AipCallingStatus status;

  status = aip_calling_hours_get_status (self->calling_hours, aip_assistant_get_timezone (self->assistant),
                                         now, &next_change);

  /* Only an active assistant calls, whatever the hours say. */
  if (!active)
    status_text = g_strdup (C_("calling hours", "Not calling"));
  else if (status == AIP_CALLING_STATUS_CLOSED)
    status_text = g_strdup (C_("calling hours", "Closed"));
  else if (status == AIP_CALLING_STATUS_OPEN)
    status_text = g_strdup (C_("calling hours", "Open"));
  else
    status_text = aip_calling_hours_format_status (status, next_change, self->use_24h);
  gtk_label_set_text (self->calling_label, status_text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->calling_label), "calling-open");
  gtk_widget_remove_css_class (GTK_WIDGET (self->calling_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->calling_label),
                            status == AIP_CALLING_STATUS_OPEN && active ? "calling-open" : "dim-label");

  /* The same words as the list's tooltip */
  if (!active)
    details = g_strdup (_("Only active assistants call"));
  else
    details = aip_calling_hours_format_tooltip (status, next_change, self->use_24h);
  adw_action_row_set_subtitle (self->calling_row, details);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
update_attention (AipDetailPane *self,
                  GDateTime     *now)
{
  g_autoptr(GPtrArray) sentences = aip_health_describe (self->assistant, now);
  GString *text = g_string_new (NULL);

  clear_list (self->attention_list);

  for (guint i = 0; i < sentences->len; i++)
    {
      const char *sentence = g_ptr_array_index (sentences, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sentence);
      gtk_list_box_append (self->attention_list, row);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, sentence);
    }

  g_free (self->attention_text);
  /* Freeing the segment too leaves NULL: no text while nothing is wrong. */
  self->attention_text = g_string_free (text, sentences->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->attention_group), sentences->len > 0);
}

static void
update_time (AipDetailPane *self,
             GDateTime     *now)
{
  update_timezone (self, now);
  update_calling (self, now);
  update_attention (self, now);
}

static void
clear_variables (AipDetailPane *self)
{
  clear_list (self->variables_list);
}

static void
update_variables (AipDetailPane *self)
{
  guint n = aip_assistant_get_n_variables (self->assistant);

  clear_variables (self);

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No variables"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->variables_list, row);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      const char *value = aip_assistant_get_variable_value (self->assistant, i);
      g_autofree char *name = line_text (aip_assistant_get_variable_name (self->assistant, i));
      g_autofree char *shown = line_text (value);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   value != NULL && value[0] != '\0' ? shown : _("Empty"));
      gtk_widget_add_css_class (row, "property");
      gtk_list_box_append (self->variables_list, row);
    }
}

/* Placeholders of the messages that the variables do not give: filled in
 * for each contact, not a fault. */
static void
update_call_time (AipDetailPane *self)
{
  g_auto(GStrv) placeholders = aip_health_get_call_time_placeholders (self->assistant);

  clear_list (self->call_time_list);

  for (guint i = 0; placeholders != NULL && placeholders[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = line_text (placeholders[i]);
      g_autofree char *title = g_strdup_printf ("{{%s}}", name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_append (self->call_time_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->call_time_group), placeholders != NULL && placeholders[0] != NULL);
}

static void
update (AipDetailPane *self)
{
  AipAssistant *a = self->assistant;
  g_autoptr(GDateTime) now = NULL;
  char buffer[32];
  g_autofree char *voice = NULL;
  g_autofree char *language = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *name = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *webhook = NULL;
  const char *status;
  const char *webhook_url;
  gboolean name_cut = FALSE;

  if (a == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      clear_variables (self);
      clear_list (self->attention_list);
      clear_list (self->call_time_list);
      g_clear_pointer (&self->attention_text, g_free);
      return;
    }

  name = aip_display_cut (aip_assistant_get_name (a), NAME_CHARS, NAME_RUN, &name_cut);
  status = aip_assistant_get_status (a);
  webhook_url = aip_assistant_get_webhook_url (a);

  gtk_label_set_text (self->name_label, name != NULL && name[0] != '\0' ? name : _("Unnamed Assistant"));
  gtk_widget_set_visible (self->name_show_button, name_cut);

  status_text = line_text (aip_display_status (status));
  gtk_label_set_text (self->status_label, status_text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "status-active");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "status-inactive");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "status-other");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), aip_display_status_class (status));

  mode = line_text (aip_display_mode (aip_assistant_get_mode (a)));
  adw_action_row_set_subtitle (self->mode_row, mode);

  adw_action_row_set_subtitle (self->id_row, number_text (aip_assistant_get_id (a), buffer));

  if (aip_assistant_get_voice_id (a) != AIP_ASSISTANT_NO_ID)
    /* Translators: the platform's number for a voice, e.g. "Voice #8" */
    voice = g_strdup_printf (_("Voice #%s"), number_text (aip_assistant_get_voice_id (a), buffer));
  adw_action_row_set_subtitle (self->voice_row, voice != NULL ? voice : _("Not set"));
  if (aip_assistant_get_language_id (a) != AIP_ASSISTANT_NO_ID)
    /* Translators: the platform's number for a language, e.g. "Language #1" */
    language = g_strdup_printf (_("Language #%s"), number_text (aip_assistant_get_language_id (a), buffer));
  adw_action_row_set_subtitle (self->language_row, language != NULL ? language : _("Not set"));

  now = self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
  update_time (self, now);

  set_text_block (self->initial_message_label, self->initial_message_show_button,
                  aip_assistant_get_initial_message (a));
  set_text_block (self->system_prompt_label, self->system_prompt_show_button,
                  aip_assistant_get_system_prompt (a));

  update_variables (self);
  update_call_time (self);

  if (webhook_url != NULL && webhook_url[0] != '\0')
    {
      webhook = line_text (webhook_url);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->webhook_row), webhook);
      adw_action_row_set_subtitle (self->webhook_row,
                                   aip_assistant_get_webhook_active (a)
                                   ? _("Active: the platform sends call results here")
                                   : _("Inactive: nothing is sent"));
      gtk_widget_set_visible (GTK_WIDGET (self->webhook_copy_button), TRUE);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->webhook_row), _("No webhook"));
      adw_action_row_set_subtitle (self->webhook_row, _("Call results are not sent anywhere"));
      gtk_widget_set_visible (GTK_WIDGET (self->webhook_copy_button), FALSE);
    }

  created = format_date (aip_assistant_get_created_at (a), self->use_24h);
  adw_action_row_set_subtitle (self->created_row, created);
  updated = format_date (aip_assistant_get_updated_at (a), self->use_24h);
  adw_action_row_set_subtitle (self->updated_row, updated);

  gtk_stack_set_visible_child_name (self->stack, "details");
}

static void
aip_detail_pane_dispose (GObject *object)
{
  AipDetailPane *self = (AipDetailPane *)object;

  g_clear_object (&self->assistant);
  g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  /* The bin would otherwise unparent the stack a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIP_TYPE_DETAIL_PANE);

  G_OBJECT_CLASS (aip_detail_pane_parent_class)->dispose (object);
}

static void
aip_detail_pane_finalize (GObject *object)
{
  AipDetailPane *self = (AipDetailPane *)object;

  g_clear_pointer (&self->attention_text, g_free);

  G_OBJECT_CLASS (aip_detail_pane_parent_class)->finalize (object);
}

static void
aip_detail_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AipDetailPane *self = AIP_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_ASSISTANT:
      g_value_set_object (value, self->assistant);
      break;

    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;

    case PROP_CALLING_HOURS:
      g_value_set_boxed (value, self->calling_hours);
      break;

    case PROP_USE_24H:
      g_value_set_boolean (value, self->use_24h);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_detail_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AipDetailPane *self = AIP_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_ASSISTANT:
      aip_detail_pane_set_assistant (self, g_value_get_object (value));
      break;

    case PROP_NOW:
      if (g_value_get_boxed (value) != NULL)
        aip_detail_pane_update_time (self, g_value_get_boxed (value));
      break;

    case PROP_CALLING_HOURS:
      if (g_value_get_boxed (value) != NULL)
        aip_detail_pane_set_calling_hours (self, g_value_get_boxed (value));
      break;

    case PROP_USE_24H:
      aip_detail_pane_set_use_24h (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_detail_pane_class_init (AipDetailPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aip_detail_pane_dispose;
  object_class->finalize = aip_detail_pane_finalize;
  object_class->get_property = aip_detail_pane_get_property;
  object_class->set_property = aip_detail_pane_set_property;

  properties [PROP_ASSISTANT] =
    g_param_spec_object ("assistant", NULL, NULL, AIP_TYPE_ASSISTANT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CALLING_HOURS] =
    g_param_spec_boxed ("calling-hours", NULL, NULL, AIP_TYPE_CALLING_HOURS,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_USE_24H] =
    g_param_spec_boolean ("use-24h", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, AIP_RESOURCE_BASE "/aip-detail-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, stack);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, name_label);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, name_show_button);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, initial_message_show_button);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, system_prompt_show_button);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, status_row);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, mode_row);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, id_row);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, voice_row);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, language_row);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, calling_row);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, calling_label);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, attention_group);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, attention_list);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, initial_message_label);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, system_prompt_label);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, variables_list);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, call_time_group);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, call_time_list);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, webhook_row);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, webhook_copy_button);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, created_row);
  gtk_widget_class_bind_template_child (widget_class, AipDetailPane, updated_row);
}

static void
aip_detail_pane_init (AipDetailPane *self)
{
  self->use_24h = TRUE;
  self->calling_hours = aip_calling_hours_new_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * aip_detail_pane_get_assistant:
 * @self: a #AipDetailPane
 *
 * Returns: (transfer none) (nullable): the assistant shown
 */
AipAssistant *
aip_detail_pane_get_assistant (AipDetailPane *self)
{
  g_return_val_if_fail (AIP_IS_DETAIL_PANE (self), NULL);

  return self->assistant;
}

/**
 * aip_detail_pane_set_assistant:
 * @self: a #AipDetailPane
 * @assistant: (nullable): the assistant to show
 */
void
aip_detail_pane_set_assistant (AipDetailPane *self,
                               AipAssistant  *assistant)
{
  g_return_if_fail (AIP_IS_DETAIL_PANE (self));
  g_return_if_fail (assistant == NULL || AIP_IS_ASSISTANT (assistant));

  if (!g_set_object (&self->assistant, assistant))
    return;

  update (self);

  /* Another assistant starts at its top, not where the last one was read. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ASSISTANT]);
}

/**
 * aip_detail_pane_set_use_24h:
 * @self: a #AipDetailPane
 * @use_24h: whether times use a 24-hour clock
 */
void
aip_detail_pane_set_use_24h (AipDetailPane *self,
                             gboolean       use_24h)
{
  g_return_if_fail (AIP_IS_DETAIL_PANE (self));

  use_24h = !!use_24h;
  if (self->use_24h == use_24h)
    return;

  self->use_24h = use_24h;
  if (self->assistant != NULL)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USE_24H]);
}

/**
 * aip_detail_pane_set_calling_hours:
 * @self: a #AipDetailPane
 * @calling_hours: the calling window from Preferences
 */
void
aip_detail_pane_set_calling_hours (AipDetailPane   *self,
                                   AipCallingHours *calling_hours)
{
  g_return_if_fail (AIP_IS_DETAIL_PANE (self));
  g_return_if_fail (calling_hours != NULL);

  if (aip_calling_hours_equal (self->calling_hours, calling_hours))
    return;

  g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);
  self->calling_hours = aip_calling_hours_ref (calling_hours);

  if (self->assistant != NULL)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CALLING_HOURS]);
}

/**
 * aip_detail_pane_update_time:
 * @self: a #AipDetailPane
 * @now: the current time
 *
 * Brings the assistant's local time, calling hours and the age of its last
 * update up to date; called each minute.
 */
void
aip_detail_pane_update_time (AipDetailPane *self,
                             GDateTime     *now)
{
  g_return_if_fail (AIP_IS_DETAIL_PANE (self));
  g_return_if_fail (now != NULL);

  if (self->now != now)
    {
      g_clear_pointer (&self->now, g_date_time_unref);
      self->now = g_date_time_ref (now);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOW]);
    }

  if (self->assistant != NULL)
    update_time (self, now);
}

/**
 * aip_detail_pane_get_shown_text:
 * @self: a #AipDetailPane
 * @field: "name", "status", "mode", "id", "voice", "language", "timezone",
 *   "calling", "calling-status", "attention", "initial-message",
 *   "system-prompt", "webhook", "webhook-state", "created" or "updated"
 *
 * What the pane shows for @field, for tests and accessibility checks.
 *
 * Returns: (transfer none) (nullable): the text on screen
 */
const char *
aip_detail_pane_get_shown_text (AipDetailPane *self,
                                const char    *field)
{
  static const struct {
    const char *field;
    gsize       offset;
    gboolean    subtitle;
  } fields[] = {
    { "name", G_STRUCT_OFFSET (AipDetailPane, name_label), FALSE },
    { "status", G_STRUCT_OFFSET (AipDetailPane, status_label), FALSE },
    { "mode", G_STRUCT_OFFSET (AipDetailPane, mode_row), TRUE },
    { "id", G_STRUCT_OFFSET (AipDetailPane, id_row), TRUE },
    { "voice", G_STRUCT_OFFSET (AipDetailPane, voice_row), TRUE },
    { "language", G_STRUCT_OFFSET (AipDetailPane, language_row), TRUE },
    { "timezone", G_STRUCT_OFFSET (AipDetailPane, timezone_row), TRUE },
    { "calling", G_STRUCT_OFFSET (AipDetailPane, calling_row), TRUE },
    { "calling-status", G_STRUCT_OFFSET (AipDetailPane, calling_label), FALSE },
    { "initial-message", G_STRUCT_OFFSET (AipDetailPane, initial_message_label), FALSE },
    { "system-prompt", G_STRUCT_OFFSET (AipDetailPane, system_prompt_label), FALSE },
    { "webhook-state", G_STRUCT_OFFSET (AipDetailPane, webhook_row), TRUE },
    { "created", G_STRUCT_OFFSET (AipDetailPane, created_row), TRUE },
    { "updated", G_STRUCT_OFFSET (AipDetailPane, updated_row), TRUE },
  };

  g_return_val_if_fail (AIP_IS_DETAIL_PANE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (self->assistant == NULL)
    return NULL;

  if (g_str_equal (field, "webhook"))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->webhook_row));
  if (g_str_equal (field, "attention"))
    return self->attention_text;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget;

      if (!g_str_equal (fields[i].field, field))
        continue;

      widget = G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);
      if (fields[i].subtitle)
        return adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

      return gtk_label_get_text (GTK_LABEL (widget));
    }

  return NULL;
}
