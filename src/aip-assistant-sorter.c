/* aip-assistant-sorter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include "aip-assistant-sorter.h"
#include "aip-calling-hours.h"
#include "aip-enums.h"

struct _AipAssistantSorter
{
  GtkSorter      parent_instance;

  AipSortColumn  column;
  /* timezone name → GINT_TO_POINTER (offset in seconds + 1); 0 means
   * unknown. Comparing 100,000 rows would otherwise look each zone up
   * a million times. */
  GHashTable    *offsets;
  /* For the calling-now column: timezone name → gint64 sort key at now.
   * The key depends on the zone alone, so a list of any length needs one
   * calling-hours computation per zone. */
  AipCallingHours *calling_hours;
  GDateTime     *now;
  GHashTable    *calling_keys;
};

G_DEFINE_FINAL_TYPE (AipAssistantSorter, aip_assistant_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_COLUMN,
  PROP_CALLING_HOURS,
  PROP_NOW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static int
compare_strings (const char *a,
                 const char *b)
{
  /* Rows without a value go last whatever the order of the others. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return strcmp (a, b);
}

static int
webhook_rank (AipAssistant *assistant)
{
  if (aip_assistant_get_webhook_url (assistant) == NULL)
    return 2;

  return aip_assistant_get_webhook_active (assistant) ? 0 : 1;
}

static int
cached_offset (AipAssistantSorter *self,
               const char         *timezone,
               gboolean           *known)
{
  gpointer value;

  if (timezone == NULL)
    {
      *known = FALSE;
      return 0;
    }

  if (!g_hash_table_lookup_extended (self->offsets, timezone, NULL, &value))
    {
      gboolean zone_known;
      int offset = aip_timezone_offset_now (timezone, &zone_known);

      value = GINT_TO_POINTER (zone_known ? offset + 1 : 0);
      g_hash_table_insert (self->offsets, g_strdup (timezone), value);
    }

  *known = value != NULL;

  return GPOINTER_TO_INT (value) - 1;
}

static int
compare_offsets (AipAssistantSorter *self,
                 AipAssistant       *a,
                 AipAssistant       *b)
{
  gboolean a_known, b_known;
  int a_offset = cached_offset (self, aip_assistant_get_timezone (a), &a_known);
  int b_offset = cached_offset (self, aip_assistant_get_timezone (b), &b_known);

  if (!a_known || !b_known)
    return (!a_known) - (!b_known);

  return (a_offset > b_offset) - (a_offset < b_offset);
}

/* Open first, then closed by the next opening, soonest first, then closed
 * for good (no calling days), then zones this computer does not know. */
static gint64
calling_key_uncached (AipAssistantSorter *self,
                      const char         *timezone)
{
  g_autoptr(GDateTime) next_change = NULL;

  switch (aip_calling_hours_get_status (self->calling_hours, timezone, self->now, &next_change))
    {
    case AIP_CALLING_STATUS_OPEN:
      return G_MININT64;

    case AIP_CALLING_STATUS_CLOSED:
      return next_change != NULL ? g_date_time_to_unix (next_change) : G_MAXINT64 - 1;

    case AIP_CALLING_STATUS_UNKNOWN_TIMEZONE:
    default:
      return G_MAXINT64;
    }
}

static gint64
calling_key (AipAssistantSorter *self,
             const char         *timezone)
{
  gint64 *key;

  if (timezone == NULL)
    timezone = "";

  key = g_hash_table_lookup (self->calling_keys, timezone);
  if (key == NULL)
    {
      key = g_new (gint64, 1);
      *key = calling_key_uncached (self, timezone);
      g_hash_table_insert (self->calling_keys, g_strdup (timezone), key);
    }

  return *key;
}

static int
compare_calling (AipAssistantSorter *self,
                 AipAssistant       *a,
                 AipAssistant       *b)
{
  gint64 key_a = calling_key (self, aip_assistant_get_timezone (a));
  gint64 key_b = calling_key (self, aip_assistant_get_timezone (b));

  return (key_a > key_b) - (key_a < key_b);
}

static int
compare_dates (GDateTime *a,
               GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return g_date_time_compare (a, b);
}

static int
compare_column (AipAssistantSorter *self,
                AipAssistant       *a,
                AipAssistant       *b)
{
  switch (self->column)
    {
    case AIP_SORT_COLUMN_NAME:
      return strcmp (aip_assistant_get_name_key (a), aip_assistant_get_name_key (b));

    case AIP_SORT_COLUMN_STATUS:
      return compare_strings (aip_assistant_get_status (a), aip_assistant_get_status (b));

    case AIP_SORT_COLUMN_MODE:
      return compare_strings (aip_assistant_get_mode (a), aip_assistant_get_mode (b));

    case AIP_SORT_COLUMN_TIMEZONE:
      return compare_strings (aip_assistant_get_timezone (a), aip_assistant_get_timezone (b));

    case AIP_SORT_COLUMN_LOCAL_TIME:
      return compare_offsets (self, a, b);

    case AIP_SORT_COLUMN_WEBHOOK:
      return webhook_rank (a) - webhook_rank (b);

    case AIP_SORT_COLUMN_UPDATED:
      return compare_dates (aip_assistant_get_updated_at (a), aip_assistant_get_updated_at (b));

    case AIP_SORT_COLUMN_CALLING_NOW:
      return compare_calling (self, a, b);

    case AIP_SORT_COLUMN_ID:
    default:
      return 0;
    }
}

static GtkOrdering
aip_assistant_sorter_compare (GtkSorter *sorter,
                              gpointer   item1,
                              gpointer   item2)
{
  AipAssistantSorter *self = AIP_ASSISTANT_SORTER (sorter);
  AipAssistant *a = item1;
  AipAssistant *b = item2;
  int result = compare_column (self, a, b);
  gint64 id_a, id_b;

  if (result != 0)
    return gtk_ordering_from_cmpfunc (result);

  /* Ties fall back to the id, so that equal rows never swap places between
   * refreshes. */
  id_a = aip_assistant_get_id (a);
  id_b = aip_assistant_get_id (b);

  return id_a < id_b ? GTK_ORDERING_SMALLER : id_a > id_b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkSorterOrder
aip_assistant_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

static void
aip_assistant_sorter_finalize (GObject *object)
{
  AipAssistantSorter *self = (AipAssistantSorter *)object;

  g_clear_pointer (&self->offsets, g_hash_table_unref);
  g_clear_pointer (&self->calling_keys, g_hash_table_unref);
  g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (aip_assistant_sorter_parent_class)->finalize (object);
}

static void
aip_assistant_sorter_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AipAssistantSorter *self = AIP_ASSISTANT_SORTER (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      g_value_set_enum (value, self->column);
      break;

    case PROP_CALLING_HOURS:
      g_value_set_boxed (value, self->calling_hours);
      break;

    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_sorter_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AipAssistantSorter *self = AIP_ASSISTANT_SORTER (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      self->column = g_value_get_enum (value);
      break;

    case PROP_CALLING_HOURS:
      if (g_value_get_boxed (value) != NULL)
        aip_assistant_sorter_set_calling_hours (self, g_value_get_boxed (value));
      break;

    case PROP_NOW:
      if (g_value_get_boxed (value) != NULL)
        aip_assistant_sorter_set_now (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_sorter_class_init (AipAssistantSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = aip_assistant_sorter_finalize;
  object_class->get_property = aip_assistant_sorter_get_property;
  object_class->set_property = aip_assistant_sorter_set_property;

  sorter_class->compare = aip_assistant_sorter_compare;
  sorter_class->get_order = aip_assistant_sorter_get_order;

  properties [PROP_COLUMN] =
    g_param_spec_enum ("column", NULL, NULL,
                       AIP_TYPE_SORT_COLUMN, AIP_SORT_COLUMN_NAME,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The calling-now column's: the window's calling hours and clock. */
  properties [PROP_CALLING_HOURS] =
    g_param_spec_boxed ("calling-hours", NULL, NULL, AIP_TYPE_CALLING_HOURS,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_assistant_sorter_init (AipAssistantSorter *self)
{
  self->offsets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->calling_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->calling_hours = aip_calling_hours_new_default ();
  self->now = g_date_time_new_now_utc ();
}

/**
 * aip_assistant_sorter_new:
 * @column: what to sort by
 *
 * Returns: (transfer full): a sorter for one column of the list
 */
AipAssistantSorter *
aip_assistant_sorter_new (AipSortColumn column)
{
  return g_object_new (AIP_TYPE_ASSISTANT_SORTER, "column", column, NULL);
}

AipSortColumn
aip_assistant_sorter_get_column (AipAssistantSorter *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_SORTER (self), AIP_SORT_COLUMN_NAME);

  return self->column;
}

/**
 * aip_assistant_sorter_set_calling_hours:
 * @self: a #AipAssistantSorter
 * @calling_hours: the calling window from Preferences
 *
 * What the calling-now column sorts by; other columns ignore it.
 */
void
aip_assistant_sorter_set_calling_hours (AipAssistantSorter *self,
                                        AipCallingHours    *calling_hours)
{
  g_return_if_fail (AIP_IS_ASSISTANT_SORTER (self));
  g_return_if_fail (calling_hours != NULL);

  if (aip_calling_hours_equal (self->calling_hours, calling_hours))
    return;

  g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);
  self->calling_hours = aip_calling_hours_ref (calling_hours);
  g_hash_table_remove_all (self->calling_keys);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CALLING_HOURS]);

  if (self->column == AIP_SORT_COLUMN_CALLING_NOW)
    gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
}

/**
 * aip_assistant_sorter_set_now:
 * @self: a #AipAssistantSorter
 * @now: the moment the calling-now column is sorted at
 *
 * The window moves this on each minute. The list is sorted again only when
 * a zone opened or closed meanwhile, not every minute.
 */
void
aip_assistant_sorter_set_now (AipAssistantSorter *self,
                              GDateTime          *now)
{
  GHashTableIter iter;
  gpointer zone;
  gpointer key;
  gboolean changed = FALSE;

  g_return_if_fail (AIP_IS_ASSISTANT_SORTER (self));
  g_return_if_fail (now != NULL);

  if (g_date_time_equal (self->now, now))
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOW]);

  g_hash_table_iter_init (&iter, self->calling_keys);
  while (g_hash_table_iter_next (&iter, &zone, &key))
    {
      gint64 new_key = calling_key_uncached (self, zone);

      if (new_key != *(gint64 *) key)
        {
          *(gint64 *) key = new_key;
          changed = TRUE;
        }
    }

  if (changed && self->column == AIP_SORT_COLUMN_CALLING_NOW)
    gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
}

/**
 * aip_timezone_offset_now:
 * @timezone: an IANA timezone name
 * @known: (out): whether the system knows @timezone
 *
 * Returns: the offset from UTC of @timezone at this moment, in seconds
 */
int
aip_timezone_offset_now (const char *timezone,
                         gboolean   *known)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (known != NULL, 0);

  *known = FALSE;

  /* Never g_time_zone_new_identifier() on a name from the server: some
   * names make GLib complain or read files outside the zone directory. */
  zone = aip_timezone_lookup (timezone);
  if (zone == NULL)
    return 0;

  now = g_date_time_new_now (zone);
  *known = TRUE;

  return (int) (g_date_time_get_utc_offset (now) / G_USEC_PER_SEC);
}
