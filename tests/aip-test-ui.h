/* aip-test-ui.h: the window tests' common ground: accounts fed by a
 * loopback server, real windows under the virtual display, and reading what
 * they show from the widgets themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "aip-assistant-table.h"
#include "aip-test-server.h"
#include "aip-window.h"

G_BEGIN_DECLS

#define AIP_TEST_N_GENERATED 1000

extern const char *aip_test_generated_zones[4];

void               aip_test_ignore_frame_timings (void);
void               aip_test_ui_init             (int          *argc,
                                                 char       ***argv);
int                aip_test_ui_run              (void);

void               aip_test_reset_settings      (void);
AipAccount        *aip_test_new_account         (void);
AipAccount        *aip_test_new_account_for     (AipTestServer *server,
                                                 const char    *token);
void               aip_test_load                (AipAccount    *account,
                                                 GBytes        *body);
void               aip_test_load_sample         (AipAccount    *account);
GBytes            *aip_test_fixture_bytes       (void);
GBytes            *aip_test_generated_bytes     (void);
const char        *aip_test_generated_status    (guint          i);
const char        *aip_test_generated_mode      (guint          i);
gboolean           aip_test_generated_has_needle (guint         i);
GDateTime         *aip_test_monday_afternoon    (void);

AipWindow         *aip_test_new_window          (AipAccount    *account);
void               aip_test_destroy_window      (AipWindow     *window);
void               aip_test_wait_for            (gboolean      *done);

GtkWidget         *aip_test_find                (GtkWidget     *root,
                                                 GType          type,
                                                 const char    *text);
GtkWidget         *aip_test_find_toplevel       (GType          type);
GtkWidget         *aip_test_find_named          (GtkWidget     *root,
                                                 const char    *name);
AipAssistantTable *aip_test_table               (AipWindow     *window);
AipAssistantFilter *aip_test_filter             (AipWindow     *window);
const char        *aip_test_state               (AipWindow     *window);
void               aip_test_wait_for_state      (AipWindow     *window,
                                                 const char    *state);
char              *aip_test_banner_text         (AipWindow     *window);
GtkWidget         *aip_test_toast               (AipWindow     *window);
char              *aip_test_toast_text          (AipWindow     *window);
const char        *aip_test_subtitle            (AipWindow     *window);

void               aip_test_wait_settled        (AipWindow     *window);
guint              aip_test_n_rows              (AipWindow     *window);
AipAssistant      *aip_test_row                 (AipWindow     *window,
                                                 guint          position);
guint              aip_test_find_row            (AipWindow     *window,
                                                 gint64         id);
void               aip_test_show_all_columns    (AipWindow     *window);
void               aip_test_sort_by             (AipWindow     *window,
                                                 const char    *title,
                                                 GtkSortType    order);
void               aip_test_select              (AipWindow     *window,
                                                 guint          position);
GtkWidget         *aip_test_wait_for_cell       (AipWindow     *window,
                                                 const char    *column,
                                                 gint64         id);
const char        *aip_test_cell_text           (GtkWidget     *cell);
const char        *aip_test_cell_hint           (GtkWidget     *cell);
GtkWidget         *aip_test_cell_warning        (GtkWidget     *cell);
GtkWidget         *aip_test_cell_dot            (GtkWidget     *cell);

G_END_DECLS
