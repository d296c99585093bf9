/* test-filter-bar.c: the filter bar as a person sees it, wide and narrow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aip-test-ui.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "aip-calling-hours.h"
#include "aip-choice-list.h"
#include "aip-facet-text.h"
#include "aip-filter-bar.h"
#include "aip-filter-choice.h"
#include "aip-health.h"
#include "aip-test-assistants.h"

#define N_ASSISTANTS 200

static const char *statuses[] = { "active", "inactive", "paused" };
static const char *zones[] = {
  "America/Los_Angeles", "America/New_York", "America/Argentina/Buenos_Aires",
  "America/Indiana/Indianapolis", "Europe/London", "Europe/Sofia", "Asia/Kolkata",
  "Asia/Tokyo", "Australia/Sydney", "Mars/Olympus_Mons",
};
static const char *modes[] = { "pipeline", "multimodal" };

/* Screenshots at the moments the test looks at, when asked for. */
static const char *screenshot_dir;
static const char *screenshot_tag;

typedef struct
{
  GtkWindow          *window;
  AipFilterBar       *bar;
  GListStore         *store;
  AipAssistantFilter *filter;
  GtkFilterListModel *filtered;
} Fixture;

static GListStore *
generate (guint n)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = aip_test_assistant_object (1000 + i);

      json_object_set_string_member (object, "status", statuses[i % G_N_ELEMENTS (statuses)]);
      json_object_set_string_member (object, "timezone", zones[(i / 3) % G_N_ELEMENTS (zones)]);
      json_object_set_string_member (object, "mode", modes[(i / 7) % G_N_ELEMENTS (modes)]);
      json_object_set_boolean_member (object, "is_webhook_active", i % 5 != 0);
      g_ptr_array_add (objects, object);
    }

  return aip_test_assistants_from_objects ((JsonObject **) objects->pdata, objects->len);
}

/* Runs the main loop until the counts are settled and what changed is
 * drawn. */
static void
settle (Fixture *fixture)
{
  AipFacets *facets = aip_filter_bar_get_facets (fixture->bar);
  gint64 until;

  while (aip_facets_get_counting (facets) ||
         gtk_filter_list_model_get_pending (fixture->filtered) > 0)
    g_main_context_iteration (NULL, TRUE);

  /* A few frames, for popovers to be placed and drawn. */
  until = g_get_monotonic_time () + 150 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
}

static void
screenshot (const char *name)
{
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (screenshot_dir == NULL)
    return;

  path = g_strdup_printf ("%s/filter-bar-%s-%s.png", screenshot_dir, screenshot_tag, name);
  command = g_strdup_printf ("import -window root %s", path);
  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_test_message ("screenshot %s", path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  int width = GPOINTER_TO_INT (user_data);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 7, 14, 14, 0, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *rest = adw_status_page_new ();

  fixture->store = generate (N_ASSISTANTS);
  fixture->filter = aip_assistant_filter_new ();
  aip_assistant_filter_set_now (fixture->filter, now);
  fixture->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (fixture->store)),
                                                 g_object_ref (GTK_FILTER (fixture->filter)));
  gtk_filter_list_model_set_incremental (fixture->filtered, TRUE);

  fixture->bar = g_object_new (AIP_TYPE_FILTER_BAR,
                               "filter", fixture->filter,
                               "model", fixture->store,
                               "filtered-model", fixture->filtered,
                               NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->bar));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_set_vexpand (rest, TRUE);
  gtk_box_append (GTK_BOX (box), rest);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, 600);
  gtk_window_set_resizable (fixture->window, FALSE);
  gtk_window_set_child (fixture->window, box);
  g_object_ref (fixture->bar);
  gtk_window_present (fixture->window);

  while (gtk_widget_get_width (GTK_WIDGET (fixture->window)) != width)
    g_main_context_iteration (NULL, TRUE);
  settle (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  for (guint i = 0; i < 20 && g_main_context_iteration (NULL, FALSE); i++)
    ;

  g_assert_finalize_object (fixture->bar);
  g_clear_object (&fixture->filtered);
  g_assert_finalize_object (fixture->filter);
  g_assert_finalize_object (fixture->store);
}

/* Widgets */

static GtkMenuButton *
facet_button (Fixture        *fixture,
              AipFilterFacet  facet)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->bar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkPopover *popover;
      GtkWidget *list;

      if (!GTK_IS_MENU_BUTTON (child) ||
          (popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (child))) == NULL)
        continue;

      list = gtk_popover_get_child (popover);
      if (AIP_IS_CHOICE_LIST (list) && aip_choice_list_get_facet (AIP_CHOICE_LIST (list)) == facet)
        return GTK_MENU_BUTTON (child);
    }

  g_assert_not_reached ();
}

/* The one menu button that holds every filter */
static GtkMenuButton *
filters_button (Fixture *fixture)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->bar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child) &&
        GTK_IS_STACK (gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (child)))))
      return GTK_MENU_BUTTON (child);

  g_assert_not_reached ();
}

static GtkWidget *
bar_child (Fixture *fixture,
           GType    type,
           guint    nth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->bar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && nth-- == 0)
      return child;

  g_assert_not_reached ();
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type,
                 guint     *nth)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (*nth)-- == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, nth);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
descendant (GtkWidget *root,
            GType      type,
            guint      nth)
{
  GtkWidget *found = find_descendant (root, type, &nth);

  g_assert_nonnull (found);

  return found;
}

static const char *
button_text (GtkMenuButton *button)
{
  return gtk_label_get_text (GTK_LABEL (descendant (GTK_WIDGET (button), GTK_TYPE_LABEL, 0)));
}

static GtkLabel *
summary_label (Fixture *fixture)
{
  return GTK_LABEL (bar_child (fixture, GTK_TYPE_LABEL, 0));
}

static GtkWidget *
clear_button (Fixture *fixture)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->bar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) &&
        g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "filter-bar.clear") == 0)
      return child;

  g_assert_not_reached ();
}

/* What a person reads */

/* Every label in sight is whole: not ellipsized, its text inside the room
 * it was given, and that room inside the window or popover it is in. */
static guint
assert_readable (GtkWidget *root)
{
  guint n_labels = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;

  if (GTK_IS_LABEL (root) && gtk_label_get_text (GTK_LABEL (root))[0] != '\0')
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (root));
      GtkNative *native = gtk_widget_get_native (root);
      graphene_rect_t bounds;
      PangoRectangle text;

      g_test_message ("label \"%s\"", gtk_label_get_text (GTK_LABEL (root)));
      g_assert_false (pango_layout_is_ellipsized (layout));
      pango_layout_get_pixel_extents (layout, NULL, &text);
      g_assert_cmpint (text.width, <=, gtk_widget_get_width (root));
      g_assert_cmpint (text.height, <=, gtk_widget_get_height (root));
      g_assert_true (gtk_widget_compute_bounds (root, GTK_WIDGET (native), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (native)) + 0.5);
      n_labels++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n_labels += assert_readable (child);

  return n_labels;
}

/* A facet's button names the facet and its choice to a screen reader. */
static void
assert_accessible_label (GtkWidget      *widget,
                         AipFilterFacet  facet,
                         const char     *value)
{
  g_autofree char *name = aip_facet_text_name (facet, value);
  g_autofree char *expected = g_strdup_printf (_("%s: %s"), aip_facet_text_title (facet), name);
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               expected);

  g_assert_null (error);
}

static void
popup (Fixture       *fixture,
       GtkMenuButton *button)
{
  gtk_menu_button_popup (button);
  settle (fixture);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (button))));
}

static void
popdown (Fixture       *fixture,
         GtkMenuButton *button)
{
  gtk_menu_button_popdown (button);
  settle (fixture);
}

/* What a key press does where the widget's own key handler sees it */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

static GtkListBox *
choice_rows (GtkWidget *list)
{
  return GTK_LIST_BOX (descendant (list, GTK_TYPE_LIST_BOX, 0));
}

static guint
n_rows (GtkListBox *list_box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list_box, n) != NULL)
    n++;

  return n;
}

/* The row of a choice list that reads @name */
static GtkListBoxRow *
row_named (GtkListBox *list_box,
           const char *name)
{
  for (guint i = 0; gtk_list_box_get_row_at_index (list_box, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list_box, i);
      GtkWidget *label = descendant (GTK_WIDGET (row), GTK_TYPE_LABEL, 0);

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), name) == 0)
        return row;
    }

  return NULL;
}

/* The count a row shows: its last label. */
static guint
row_count (GtkListBoxRow *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (row);

  return (guint) g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box))), NULL, 10);
}

/* How many assistants pass every choice but @facet's, with @value there */
static guint
expected_count (Fixture        *fixture,
                AipFilterFacet  facet,
                const char     *value)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->store)); i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (fixture->store), i);
      const char *actual = facet == AIP_FILTER_FACET_STATUS ? aip_assistant_get_status (assistant)
                         : facet == AIP_FILTER_FACET_TIMEZONE ? aip_assistant_get_timezone (assistant)
                         : aip_assistant_get_mode (assistant);

      n += aip_assistant_filter_match_except (fixture->filter, assistant, facet) &&
           (value == NULL || g_strcmp0 (actual, value) == 0);
    }

  return n;
}

static void
assert_rows_counted (Fixture        *fixture,
                     GtkListBox     *list_box,
                     AipFilterFacet  facet)
{
  GListModel *choices = aip_facets_get_choices (aip_filter_bar_get_facets (fixture->bar), facet);

  g_assert_cmpuint (n_rows (list_box), ==, g_list_model_get_n_items (choices));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(AipFilterChoice) choice = g_list_model_get_item (choices, i);
      const char *value = aip_filter_choice_get_value (choice);
      g_autofree char *name = aip_facet_text_name (facet, value);
      GtkListBoxRow *row = row_named (list_box, name);

      g_assert_nonnull (row);
      g_assert_cmpuint (row_count (row), ==, expected_count (fixture, facet, value));
    }
}

static void
assert_summary (Fixture *fixture)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (fixture->store));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (fixture->filtered));
  g_autofree char *expected = g_strdup_printf (ngettext ("%u of %u assistant", "%u of %u assistants", n_all),
                                               n_shown, n_all);

  g_assert_cmpstr (gtk_label_get_text (summary_label (fixture)), ==, expected);
}

/* The toggles show how many each would keep, and say it in the tooltip. */
static void
assert_toggles (Fixture *fixture)
{
  GDateTime *now = aip_assistant_filter_get_now (fixture->filter);
  AipCallingHours *hours = aip_assistant_filter_get_calling_hours (fixture->filter);
  guint n_calling = 0, n_attention = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->store)); i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (fixture->store), i);

      n_calling += aip_assistant_filter_match_except (fixture->filter, assistant, AIP_FILTER_FACET_CALLING_NOW) &&
                   aip_calling_hours_may_call (hours, assistant, now);
      n_attention += aip_assistant_filter_match_except (fixture->filter, assistant, AIP_FILTER_FACET_NEEDS_ATTENTION) &&
                     aip_health_check (assistant, now) != AIP_HEALTH_OK;
    }

  for (guint t = 0; t < 2; t++)
    {
      GtkWidget *toggle = bar_child (fixture, GTK_TYPE_TOGGLE_BUTTON, t);
      GtkWidget *count = descendant (toggle, GTK_TYPE_LABEL, 0);
      guint expected = t == 0 ? n_calling : n_attention;
      g_autofree char *text = g_strdup_printf ("%u", expected);

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, text);
      g_assert_nonnull (gtk_widget_get_tooltip_text (toggle));
      /* Never "the 0 assistants": the tooltip names no count of none. */
      if (expected == 0)
        g_assert_null (strstr (gtk_widget_get_tooltip_text (toggle), "0"));
      else
        g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (toggle), text));
    }
}

/* Wide: a menu for each facet, its name whole, the timezones searchable */
static void
test_wide (Fixture       *fixture,
           gconstpointer  user_data)
{
  GtkMenuButton *status = facet_button (fixture, AIP_FILTER_FACET_STATUS);
  GtkMenuButton *timezone = facet_button (fixture, AIP_FILTER_FACET_TIMEZONE);
  GtkMenuButton *mode = facet_button (fixture, AIP_FILTER_FACET_MODE);
  g_autofree char *inactive = aip_facet_text_name (AIP_FILTER_FACET_STATUS, "inactive");
  GtkWidget *list;
  GtkSearchEntry *search;
  GtkListBox *rows;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timezone)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (mode)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (filters_button (fixture))));
  g_assert_cmpstr (button_text (timezone), ==, aip_facet_text_title (AIP_FILTER_FACET_TIMEZONE));
  g_assert_false (gtk_widget_get_visible (clear_button (fixture)));
  g_assert_cmpuint (assert_readable (GTK_WIDGET (fixture->bar)), >=, 6);
  assert_summary (fixture);
  assert_toggles (fixture);
  screenshot ("wide");

  /* Every status with its count, the chosen one for screen readers too. */
  popup (fixture, status);
  list = gtk_popover_get_child (gtk_menu_button_get_popover (status));
  rows = choice_rows (list);
  g_assert_cmpuint (assert_readable (list), >=, 2 * 4);
  assert_rows_counted (fixture, rows, AIP_FILTER_FACET_STATUS);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (fixture->window),
                                         GTK_WIDGET (rows)));
  screenshot ("wide-status");

  /* Taking a choice sets the filter and closes the menu; the button names
   * the choice and stands out. */
  g_signal_emit_by_name (row_named (rows, inactive), "activate");
  settle (fixture);
  g_assert_cmpstr (aip_assistant_filter_get_status (fixture->filter), ==, "inactive");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (status))));
  g_assert_cmpstr (button_text (status), ==, inactive);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "aip-filter-active"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (mode), "aip-filter-active"));
  assert_accessible_label (GTK_WIDGET (status), AIP_FILTER_FACET_STATUS, "inactive");
  g_assert_true (gtk_widget_get_visible (clear_button (fixture)));
  assert_summary (fixture);
  assert_toggles (fixture);

  /* Timezones: the search comes first and narrows the list. */
  popup (fixture, timezone);
  list = gtk_popover_get_child (gtk_menu_button_get_popover (timezone));
  rows = choice_rows (list);
  search = GTK_SEARCH_ENTRY (descendant (list, GTK_TYPE_SEARCH_ENTRY, 0));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (fixture->window),
                                         GTK_WIDGET (search)));
  g_assert_cmpuint (n_rows (rows), ==, G_N_ELEMENTS (zones) + 1);
  g_assert_cmpuint (assert_readable (list), >=, 3 * G_N_ELEMENTS (zones));
  assert_rows_counted (fixture, rows, AIP_FILTER_FACET_TIMEZONE);
  /* Each whole, with its city and offset now, west to east. */
  g_assert_nonnull (row_named (rows, "America/Argentina/Buenos_Aires"));
  g_assert_cmpint (gtk_list_box_row_get_index (row_named (rows, "America/Los_Angeles")), <,
                   gtk_list_box_row_get_index (row_named (rows, "America/New_York")));
  g_assert_cmpint (gtk_list_box_row_get_index (row_named (rows, "Asia/Kolkata")), <,
                   gtk_list_box_row_get_index (row_named (rows, "Asia/Tokyo")));
  g_assert_cmpint (gtk_list_box_row_get_index (row_named (rows, "Mars/Olympus_Mons")), ==,
                   (int) G_N_ELEMENTS (zones));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (descendant (GTK_WIDGET (row_named (rows, "America/New_York")),
                                                              GTK_TYPE_LABEL, 1))),
                   ==, "New York, UTC\u221204:00");
  screenshot ("wide-timezone");

  gtk_editable_set_text (GTK_EDITABLE (search), "america");
  settle (fixture);
  g_assert_cmpuint (n_rows (rows), ==, 4);
  gtk_editable_set_text (GTK_EDITABLE (search), "YORK new");
  settle (fixture);
  g_assert_cmpuint (n_rows (rows), ==, 1);
  g_assert_nonnull (row_named (rows, "America/New_York"));
  screenshot ("wide-timezone-search");
  gtk_editable_set_text (GTK_EDITABLE (search), "utc+05:30");
  settle (fixture);
  g_assert_cmpuint (n_rows (rows), ==, 1);
  g_assert_nonnull (row_named (rows, "Asia/Kolkata"));
  /* The hyphen people type finds the minus sign. */
  gtk_editable_set_text (GTK_EDITABLE (search), "utc-04");
  settle (fixture);
  g_assert_cmpuint (n_rows (rows), ==, 2);
  g_assert_nonnull (row_named (rows, "America/Indiana/Indianapolis"));
  gtk_editable_set_text (GTK_EDITABLE (search), "atlantis");
  settle (fixture);
  g_assert_cmpuint (n_rows (rows), ==, 0);
  g_assert_cmpuint (assert_readable (list), >=, 1);

  /* Down goes from the search to the first match; Escape clears the
   * search, then closes the menu. */
  gtk_editable_set_text (GTK_EDITABLE (search), "europe");
  settle (fixture);
  g_assert_true (press_key (GTK_WIDGET (search), GDK_KEY_Down));
  g_assert_true (gtk_window_get_focus (fixture->window) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (rows, 0)));
  g_assert_nonnull (row_named (rows, "Europe/London"));
  g_assert_false (press_key (GTK_WIDGET (search), GDK_KEY_Up));
  g_signal_emit_by_name (search, "stop-search");
  settle (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  g_assert_true (gtk_widget_get_mapped (list));
  g_signal_emit_by_name (search, "stop-search");
  settle (fixture);
  g_assert_false (gtk_widget_get_mapped (list));
  popup (fixture, timezone);

  /* Enter takes the first match. */
  gtk_editable_set_text (GTK_EDITABLE (search), "new york");
  settle (fixture);
  g_signal_emit_by_name (search, "activate");
  settle (fixture);
  g_assert_cmpstr (aip_assistant_filter_get_timezone (fixture->filter), ==, "America/New_York");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (timezone))));
  g_assert_cmpstr (button_text (timezone), ==, "New York");
  assert_accessible_label (GTK_WIDGET (timezone), AIP_FILTER_FACET_TIMEZONE, "America/New_York");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (timezone), "aip-filter-active"));
  g_assert_cmpuint (assert_readable (GTK_WIDGET (fixture->bar)), >=, 6);
  assert_summary (fixture);
  assert_toggles (fixture);

  /* Opened again, the menu shows every timezone, the chosen one checked. */
  popup (fixture, timezone);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  g_assert_cmpuint (n_rows (rows), ==, G_N_ELEMENTS (zones) + 1);
  assert_rows_counted (fixture, rows, AIP_FILTER_FACET_TIMEZONE);
  popdown (fixture, timezone);

  /* The toggles set the filter and count what the others let through. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (bar_child (fixture, GTK_TYPE_TOGGLE_BUTTON, 1)), TRUE);
  settle (fixture);
  g_assert_true (aip_assistant_filter_get_needs_attention (fixture->filter));
  assert_summary (fixture);
  assert_toggles (fixture);
  screenshot ("wide-active");

  /* Clear lets every assistant through, and goes. */
  g_signal_emit_by_name (clear_button (fixture), "clicked");
  settle (fixture);
  g_assert_false (aip_assistant_filter_is_active (fixture->filter));
  g_assert_false (gtk_widget_get_visible (clear_button (fixture)));
  g_assert_cmpstr (button_text (status), ==, aip_facet_text_title (AIP_FILTER_FACET_STATUS));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (status), "aip-filter-active"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (bar_child (fixture, GTK_TYPE_TOGGLE_BUTTON, 1))));
  assert_summary (fixture);
}

/* Narrow: the facets fold behind one Filters menu, which holds every
 * choice; nothing is cut. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkMenuButton *filters = filters_button (fixture);
  GtkPopover *popover = gtk_menu_button_get_popover (filters);
  GtkStack *stack = GTK_STACK (gtk_popover_get_child (popover));
  GtkWidget *main_page = gtk_stack_get_child_by_name (stack, "main");
  GtkCheckButton *calling_check;
  GtkWidget *page;
  GtkListBox *rows;
  GtkLabel *count;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->bar)), <=, 360);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (filters)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (facet_button (fixture, AIP_FILTER_FACET_STATUS))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (facet_button (fixture, AIP_FILTER_FACET_TIMEZONE))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (facet_button (fixture, AIP_FILTER_FACET_MODE))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (summary_label (fixture))));
  g_assert_cmpuint (assert_readable (GTK_WIDGET (fixture->bar)), >=, 2);
  assert_summary (fixture);
  count = GTK_LABEL (descendant (GTK_WIDGET (filters), GTK_TYPE_LABEL, 1));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (count)));
  screenshot ("narrow");

  /* The menu names each facet and its choice, and holds the toggles. */
  popup (fixture, filters);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "main");
  g_assert_cmpuint (assert_readable (main_page), >=, 3 * 2 + 2 * 2);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (fixture->window), main_page));
  screenshot ("narrow-filters");

  /* Each facet's page holds every choice with its count. */
  for (AipFilterFacet facet = AIP_FILTER_FACET_STATUS; facet <= AIP_FILTER_FACET_MODE; facet++)
    {
      const char *names[] = { NULL, "status", "timezone", "mode" };

      gtk_widget_activate_action (GTK_WIDGET (fixture->bar), "filter-bar.show-facet", "s", names[facet]);
      settle (fixture);
      page = gtk_stack_get_visible_child (stack);
      g_assert_true (page == gtk_stack_get_child_by_name (stack, names[facet]));
      rows = choice_rows (page);
      assert_rows_counted (fixture, rows, facet);
      g_assert_cmpuint (assert_readable (page), >=, n_rows (rows));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (stack)), <=, 360);
      if (facet == AIP_FILTER_FACET_TIMEZONE)
        screenshot ("narrow-timezone");
      gtk_widget_activate_action (GTK_WIDGET (fixture->bar), "filter-bar.show-facet", "s", "");
      settle (fixture);
    }

  /* Taking a choice there sets the filter and goes back to the list of
   * filters, which names it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->bar), "filter-bar.show-facet", "s", "timezone");
  settle (fixture);
  rows = choice_rows (gtk_stack_get_visible_child (stack));
  g_signal_emit_by_name (row_named (rows, "America/Argentina/Buenos_Aires"), "activate");
  settle (fixture);
  g_assert_cmpstr (aip_assistant_filter_get_timezone (fixture->filter), ==, "America/Argentina/Buenos_Aires");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "main");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (descendant (main_page, GTK_TYPE_LABEL, 3))), ==, "Buenos Aires");
  g_assert_cmpuint (assert_readable (main_page), >=, 3 * 2 + 2 * 2);
  /* The menu is no wider than the window. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (stack)), <=, 360);

  calling_check = GTK_CHECK_BUTTON (descendant (main_page, GTK_TYPE_CHECK_BUTTON, 0));
  gtk_check_button_set_active (calling_check, TRUE);
  settle (fixture);
  g_assert_true (aip_assistant_filter_get_calling_now (fixture->filter));
  screenshot ("narrow-filters-active");
  popdown (fixture, filters);

  /* Folded, the button says how many filters are on, and stands out. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (count)));
  g_assert_cmpstr (gtk_label_get_text (count), ==, "2");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (filters), "aip-filter-active"));
  g_assert_true (gtk_widget_get_visible (clear_button (fixture)));
  g_assert_cmpuint (assert_readable (GTK_WIDGET (fixture->bar)), >=, 3);
  assert_summary (fixture);
  screenshot ("narrow-active");

  g_signal_emit_by_name (clear_button (fixture), "clicked");
  settle (fixture);
  g_assert_false (aip_assistant_filter_is_active (fixture->filter));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (count)));
}

/* A width between: the facets fold, the toggles stay in the bar. */
static void
test_medium (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (filters_button (fixture))));
  g_assert_true (gtk_widget_get_mapped (bar_child (fixture, GTK_TYPE_TOGGLE_BUTTON, 0)));
  g_assert_true (gtk_widget_get_mapped (bar_child (fixture, GTK_TYPE_TOGGLE_BUTTON, 1)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (facet_button (fixture, AIP_FILTER_FACET_STATUS))));
  g_assert_cmpuint (assert_readable (GTK_WIDGET (fixture->bar)), >=, 4);
  assert_toggles (fixture);
  screenshot ("medium");
}

/* While the list is still being filtered, "N of M" keeps the last count
 * it settled on: never a partial one. */
static void
test_summary_waits (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GListStore) more = generate (4000);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *before = NULL;
  guint n_steps = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (more)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (more), i));
  g_list_store_splice (fixture->store, 0, 0, items->pdata, items->len);
  settle (fixture);
  assert_summary (fixture);
  before = g_strdup (gtk_label_get_text (summary_label (fixture)));

  aip_assistant_filter_set_status (fixture->filter, "inactive");
  g_assert_cmpuint (gtk_filter_list_model_get_pending (fixture->filtered), >, 0);
  while (gtk_filter_list_model_get_pending (fixture->filtered) > 0)
    {
      g_assert_cmpstr (gtk_label_get_text (summary_label (fixture)), ==, before);
      g_main_context_iteration (NULL, TRUE);
      n_steps++;
    }
  /* The filtering took steps, and the count came at the end. */
  g_assert_cmpuint (n_steps, >, 1);
  g_assert_cmpstr (gtk_label_get_text (summary_label (fixture)), !=, before);
  assert_summary (fixture);
}

/* A city two timezones share is no name for either. */
static void
test_short_names (void)
{
  g_autoptr(GListStore) choices = g_list_store_new (AIP_TYPE_FILTER_CHOICE);
  g_autoptr(AipFilterChoice) new_york = aip_filter_choice_new_timezone ("America/New_York", TRUE, -4 * 3600);
  g_autoptr(AipFilterChoice) sofia = aip_filter_choice_new_timezone ("Europe/Sofia", TRUE, 3 * 3600);
  g_autoptr(AipFilterChoice) other = aip_filter_choice_new_timezone ("Mars/New_York", FALSE, 0);
  g_autofree char *alone = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *unknown = NULL;

  g_list_store_append (choices, new_york);
  g_list_store_append (choices, sofia);
  alone = aip_facet_text_short (AIP_FILTER_FACET_TIMEZONE, "America/New_York", G_LIST_MODEL (choices));
  g_assert_cmpstr (alone, ==, "New York");

  g_list_store_append (choices, other);
  shared = aip_facet_text_short (AIP_FILTER_FACET_TIMEZONE, "America/New_York", G_LIST_MODEL (choices));
  g_assert_cmpstr (shared, ==, "America/New_York");
  unknown = aip_facet_text_detail (AIP_FILTER_FACET_TIMEZONE, other);
  g_assert_cmpstr (unknown, ==, _("Unknown timezone"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  aip_test_ignore_frame_timings ();
  /* Screenshots are taken in the language of the environment; the test
   * alone runs in English. */
  screenshot_dir = g_getenv ("AIP_TEST_SCREENSHOTS");
  screenshot_tag = g_getenv ("AIP_TEST_SCREENSHOT_TAG");
  if (screenshot_tag == NULL)
    screenshot_tag = "en";
  if (screenshot_dir == NULL)
    g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AIP_TEST_LOCALEDIR") != NULL ? g_getenv ("AIP_TEST_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The accessible names are checked: GTK's test backend keeps them
   * without an accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (gtk_get_minor_version () >= 16)
    g_setenv ("GDK_DISABLE", "gl", FALSE);
  else
    g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* What a page slides in from is no part of what the test looks at. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* The application's style and icons, as AdwApplication loads them. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    AIP_RESOURCE_BASE "/icons");
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, AIP_RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/filter-bar/wide", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_wide, fixture_tear_down);
  g_test_add ("/filter-bar/medium", Fixture, GINT_TO_POINTER (560), fixture_set_up, test_medium, fixture_tear_down);
  g_test_add ("/filter-bar/narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/filter-bar/summary-waits", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_summary_waits,
              fixture_tear_down);
  g_test_add_func ("/filter-bar/short-names", test_short_names);

  return g_test_run ();
}
