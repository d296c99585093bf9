/* test-preferences.c: the Preferences window against the settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aip-preferences-window.h"
#include "aip-test-ui.h"

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) days = NULL;
  /* A floating value given to g_variant_equal() is never sunk, and leaks */
  g_autoptr(GVariant) expected_days = NULL;
  AipPreferencesWindow *preferences;
  GtkWidget *base_url, *refresh, *from, *until, *sunday, *monday, *error;
  g_autofree char *stored = NULL;

  aip_test_reset_settings ();
  g_settings_reset (settings, "base-url");
  preferences = aip_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (preferences));

  base_url = aip_test_find (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW, "Server Address");
  refresh = aip_test_find (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "Refresh Automatically");
  from = aip_test_find (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "From");
  until = aip_test_find (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "Until");
  monday = aip_test_find (GTK_WIDGET (preferences), GTK_TYPE_TOGGLE_BUTTON, "Monday");
  sunday = aip_test_find (GTK_WIDGET (preferences), GTK_TYPE_TOGGLE_BUTTON, "Sunday");
  g_assert_nonnull (base_url);
  g_assert_nonnull (refresh);
  g_assert_nonnull (from);
  g_assert_nonnull (until);
  g_assert_nonnull (monday);
  g_assert_nonnull (sunday);

  /* What the settings hold shows */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (base_url)), ==, "https://call.aiployees.com/api");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (refresh)), ==, 2);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (monday)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sunday)));

  /* A plain-text server is refused with a reason, and nothing is saved */
  gtk_editable_set_text (GTK_EDITABLE (base_url), "http://example.com/api");
  g_signal_emit_by_name (base_url, "apply");
  error = aip_test_find (GTK_WIDGET (preferences), GTK_TYPE_LABEL, "This address cannot be used");
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_get_visible (error));
  stored = g_settings_get_string (settings, "base-url");
  g_assert_cmpstr (stored, ==, "https://call.aiployees.com/api");
  g_clear_pointer (&stored, g_free);

  /* Typing again hides the reason; a good address is saved normalized */
  gtk_editable_set_text (GTK_EDITABLE (base_url), " HTTPS://Platform.Example.COM/api/ ");
  g_assert_false (gtk_widget_get_visible (error));
  g_signal_emit_by_name (base_url, "apply");
  stored = g_settings_get_string (settings, "base-url");
  g_assert_cmpstr (stored, ==, "https://platform.example.com/api");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (base_url)), ==, stored);
  g_clear_pointer (&stored, g_free);

  /* Automatic refresh: the choice is minutes; other values show as the
   * nearest choice */
  adw_combo_row_set_selected (ADW_COMBO_ROW (refresh), 3);
  g_assert_cmpint (g_settings_get_int (settings, "auto-refresh"), ==, 15);
  adw_combo_row_set_selected (ADW_COMBO_ROW (refresh), 0);
  g_assert_cmpint (g_settings_get_int (settings, "auto-refresh"), ==, 0);
  g_settings_set_int (settings, "auto-refresh", 50);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (refresh)), ==, 4);

  /* Calling hours in quarters of an hour; a window that closes before it
   * opens is refused and the rows go back */
  adw_combo_row_set_selected (ADW_COMBO_ROW (from), 8 * 4);
  adw_combo_row_set_selected (ADW_COMBO_ROW (until), 20 * 4 - 1);
  g_assert_cmpint (g_settings_get_int (settings, "calling-start"), ==, 8 * 60);
  g_assert_cmpint (g_settings_get_int (settings, "calling-end"), ==, 20 * 60);

  error = aip_test_find (GTK_WIDGET (preferences), GTK_TYPE_LABEL, "The calling hours must end after they start");
  g_assert_nonnull (error);
  g_assert_false (gtk_widget_get_visible (error));
  adw_combo_row_set_selected (ADW_COMBO_ROW (until), 6 * 4 - 1);
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpint (g_settings_get_int (settings, "calling-end"), ==, 20 * 60);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (until)), ==, 20 * 4 - 1);
  /* New hours that make sense take the reason away */
  adw_combo_row_set_selected (ADW_COMBO_ROW (until), 18 * 4 - 1);
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_cmpint (g_settings_get_int (settings, "calling-end"), ==, 18 * 60);

  /* Days: toggles write the list; the settings move the toggles */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (sunday), TRUE);
  days = g_settings_get_value (settings, "calling-days");
  expected_days = g_variant_ref_sink (g_variant_new_parsed ("[1, 2, 3, 4, 5, 7]"));
  g_assert_true (g_variant_equal (days, expected_days));
  g_settings_set_value (settings, "calling-days", g_variant_new_parsed ("[7]"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (monday)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sunday)));

  aip_test_reset_settings ();
  g_settings_reset (settings, "base-url");
  g_object_ref (preferences);
  gtk_window_destroy (GTK_WINDOW (preferences));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (preferences);
}

int
main (int   argc,
      char *argv[])
{
  aip_test_ui_init (&argc, &argv);

  g_test_add_func ("/preferences/settings", test_preferences);

  return aip_test_ui_run ();
}
