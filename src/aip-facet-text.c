/* aip-facet-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aip-display.h"
#include "aip-facet-text.h"
#include "aip-fold.h"

/**
 * aip_facet_text_title:
 * @facet: a facet with choices
 *
 * Returns: (transfer none): what the facet is, e.g. "Status"
 */
const char *
aip_facet_text_title (AipFilterFacet facet)
{
  switch (facet)
    {
    case AIP_FILTER_FACET_STATUS:
      return _("Status");

    case AIP_FILTER_FACET_TIMEZONE:
      return _("Timezone");

    case AIP_FILTER_FACET_MODE:
      return _("Mode");

    case AIP_FILTER_FACET_NONE:
    case AIP_FILTER_FACET_CALLING_NOW:
    case AIP_FILTER_FACET_NEEDS_ATTENTION:
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * aip_facet_text_name:
 * @facet: a facet with choices
 * @value: (nullable): a choice's value, %NULL for all
 *
 * Returns: (transfer full): the whole name of a choice, e.g. "All
 *   Timezones", "Inactive" or "America/New_York"
 */
char *
aip_facet_text_name (AipFilterFacet  facet,
                     const char     *value)
{
  switch (facet)
    {
    case AIP_FILTER_FACET_STATUS:
      return g_strdup (value != NULL ? aip_display_status (value) : _("All Statuses"));

    case AIP_FILTER_FACET_TIMEZONE:
      return g_strdup (value != NULL ? value : _("All Timezones"));

    case AIP_FILTER_FACET_MODE:
      return g_strdup (value != NULL ? aip_display_mode (value) : _("All Modes"));

    case AIP_FILTER_FACET_NONE:
    case AIP_FILTER_FACET_CALLING_NOW:
    case AIP_FILTER_FACET_NEEDS_ATTENTION:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* "America/Argentina/Buenos_Aires" is "Buenos Aires": the last part of an
 * IANA name, which is the place people know it by. */
static char *
city (const char *timezone)
{
  const char *slash = strrchr (timezone, '/');
  char *name = g_strdup (slash != NULL && slash[1] != '\0' ? slash + 1 : timezone);

  g_strdelimit (name, "_", ' ');

  return name;
}

/**
 * aip_facet_text_detail:
 * @facet: a facet with choices
 * @choice: one of its choices
 *
 * Returns: (transfer full) (nullable): what a choice's name leaves out:
 *   for a timezone its city and its offset now, e.g. "New York,
 *   UTC−05:00"; %NULL for other facets and for all
 */
char *
aip_facet_text_detail (AipFilterFacet   facet,
                       AipFilterChoice *choice)
{
  const char *value = aip_filter_choice_get_value (choice);
  g_autofree char *place = NULL;
  g_autofree char *offset = NULL;

  if (facet != AIP_FILTER_FACET_TIMEZONE || value == NULL)
    return NULL;

  if (!aip_filter_choice_get_has_utc_offset (choice))
    return g_strdup (_("Unknown timezone"));

  place = city (value);
  offset = aip_display_utc_offset (aip_filter_choice_get_utc_offset (choice));
  /* Translators: a timezone's city and its offset from UTC, e.g.
   * "New York, UTC−05:00" */
  return g_strdup_printf (_("%s, %s"), place, offset);
}

/**
 * aip_facet_text_short:
 * @facet: a facet with choices
 * @value: (nullable): the value chosen, %NULL for all
 * @choices: (nullable): the facet's #AipFilterChoice items
 *
 * The label of a facet's button: what it is while it lets everything
 * through, what is chosen otherwise. A timezone goes by its city unless
 * another of @choices has the same one.
 *
 * Returns: (transfer full): e.g. "Timezone", "Inactive" or "New York"
 */
char *
aip_facet_text_short (AipFilterFacet  facet,
                      const char     *value,
                      GListModel     *choices)
{
  g_autofree char *place = NULL;
  guint n_choices;
  guint n_same = 0;

  if (value == NULL)
    return g_strdup (aip_facet_text_title (facet));

  if (facet != AIP_FILTER_FACET_TIMEZONE)
    return aip_facet_text_name (facet, value);

  place = city (value);
  n_choices = choices != NULL ? g_list_model_get_n_items (choices) : 0;
  for (guint i = 0; i < n_choices; i++)
    {
      g_autoptr(AipFilterChoice) choice = g_list_model_get_item (choices, i);
      const char *other = aip_filter_choice_get_value (choice);
      g_autofree char *other_place = other != NULL ? city (other) : NULL;

      n_same += g_strcmp0 (place, other_place) == 0;
    }

  /* A name the list does not have yet is shown whole, as is a shared city. */
  if (n_same != 1)
    return g_strdup (value);

  return g_steal_pointer (&place);
}

/**
 * aip_facet_text_search_key:
 * @facet: a facet with choices
 * @choice: one of its choices
 *
 * Returns: (transfer full): what a search among the choices looks in,
 *   folded: the name, the city and the offset, with the offset's minus
 *   sign also as the hyphen people type
 */
char *
aip_facet_text_search_key (AipFilterFacet   facet,
                           AipFilterChoice *choice)
{
  g_autofree char *name = aip_facet_text_name (facet, aip_filter_choice_get_value (choice));
  g_autofree char *detail = aip_facet_text_detail (facet, choice);
  g_autofree char *text = g_strjoin (" ", name, detail != NULL ? detail : "", NULL);
  g_autofree char *folded = aip_fold_text (text, -1);
  g_auto(GStrv) parts = g_strsplit (folded, "\u2212", -1);
  g_autofree char *hyphens = g_strjoinv ("-", parts);

  return g_strjoin (" ", folded, hyphens, NULL);
}

/**
 * aip_facet_text_count:
 * @count: how many assistants a choice would show
 *
 * Returns: (transfer full): @count for reading aloud, e.g. "12 assistants"
 */
char *
aip_facet_text_count (guint count)
{
  return g_strdup_printf (ngettext ("%u assistant", "%u assistants", count), count);
}
