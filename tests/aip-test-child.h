/* aip-test-child.h: one test again, in a copy of its program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Set in the copy */
#define AIP_TEST_CHILD_ENV "AIP_TEST_CHILD"

static inline gboolean
aip_test_is_child (void)
{
  return g_getenv (AIP_TEST_CHILD_ENV) != NULL;
}

/* Runs the current test again in a copy of @program whose environment
 * differs by @variables (pairs of name and value, a NULL value to unset,
 * ended by a NULL name), without touching this program's environment while
 * its threads run; fails the test if the copy fails. The copy sees
 * aip_test_is_child(). */
static inline void
aip_test_run_in_child (const char         *program,
                       const char * const *variables)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_setenv (launcher, AIP_TEST_CHILD_ENV, "1", TRUE);
  for (guint i = 0; variables[i] != NULL; i += 2)
    {
      if (variables[i + 1] != NULL)
        g_subprocess_launcher_setenv (launcher, variables[i], variables[i + 1], TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, variables[i]);
    }

  child = g_subprocess_launcher_spawn (launcher, &error, program, "-p", g_test_get_path (), NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_successful (child))
    {
      g_printerr ("%s", output);
      g_test_fail_printf ("The copy of this test with its own environment failed");
    }
}

G_END_DECLS
