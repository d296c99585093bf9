/* test-changes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "aip-changes.h"
#include "aip-test-assistants.h"

/* A list of assistants with the given ids, each as aip_test_assistant_object()
 * makes it, except that "name" follows the id. */
static GListStore *
make_list (const gint64 *ids,
           guint         n_ids)
{
  g_autoptr(GPtrArray) objects = NULL;

  objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; i < n_ids; i++)
    {
      JsonObject *object = aip_test_assistant_object (ids[i]);
      g_autofree char *name = g_strdup_printf ("Assistant %" G_GINT64_FORMAT, ids[i]);

      json_object_set_string_member (object, "name", name);
      g_ptr_array_add (objects, object);
    }

  return aip_test_assistants_from_objects ((JsonObject **) objects->pdata, objects->len);
}

/* The list with the assistant of the given id replaced by one with member
 * set to json. */
static GListStore *
with_member (GListStore *list,
             gint64      id,
             const char *member,
             const char *json)
{
  g_autoptr(JsonObject) object = aip_test_assistant_object (id);
  g_autofree char *name = g_strdup_printf ("Assistant %" G_GINT64_FORMAT, id);
  g_autoptr(AipAssistant) changed = NULL;
  GListStore *copy = g_list_store_new (AIP_TYPE_ASSISTANT);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  json_object_set_string_member (object, "name", name);
  aip_test_set_member (object, member, json);
  changed = aip_test_assistant_from_object (object);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_list_store_append (copy, aip_assistant_get_id (assistant) == id ? changed : assistant);
    }

  return copy;
}

static void
assert_counts (AipChanges *changes,
               guint       n_new,
               guint       n_changed,
               guint       n_removed)
{
  g_assert_cmpuint (aip_changes_get_n_new (changes), ==, n_new);
  g_assert_cmpuint (aip_changes_get_n_changed (changes), ==, n_changed);
  g_assert_cmpuint (aip_changes_get_n_removed (changes), ==, n_removed);
  g_assert_cmpint (aip_changes_get_has_changes (changes), ==, n_new + n_changed + n_removed > 0);
}

static void
test_fields (void)
{
  static const struct {
    const char *member;
    const char *json;
    AipFields   expected;
    const char *label;
  } cases[] = {
    { "user_id", "2", AIP_FIELD_USER_ID, "Owner" },
    { "name", "\"Другое име\"", AIP_FIELD_NAME, "Name" },
    { "type", "\"inbound\"", AIP_FIELD_TYPE, "Type" },
    { "mode", "\"multimodal\"", AIP_FIELD_MODE, "Mode" },
    { "status", "\"inactive\"", AIP_FIELD_STATUS, "Status" },
    { "status", "\"paused\"", AIP_FIELD_STATUS, "Status" },
    { "voice_id", "12", AIP_FIELD_VOICE_ID, "Voice" },
    { "voice_id", "null", AIP_FIELD_VOICE_ID, "Voice" },
    { "language_id", "2", AIP_FIELD_LANGUAGE_ID, "Language" },
    { "timezone", "\"Europe/Sofia\"", AIP_FIELD_TIMEZONE, "Timezone" },
    { "initial_message", "\"Hello!\"", AIP_FIELD_INITIAL_MESSAGE, "Initial message" },
    { "system_prompt", "\"Be brief.\"", AIP_FIELD_SYSTEM_PROMPT, "System prompt" },
    { "system_prompt", "null", AIP_FIELD_SYSTEM_PROMPT, "System prompt" },
    { "variables", "{\"company_name\": \"Your Company\", \"product_line\": \"Basic\"}",
      AIP_FIELD_VARIABLES, "Variables" },
    { "variables", "{\"company_name\": \"Your Company\"}", AIP_FIELD_VARIABLES, "Variables" },
    { "variables", "{\"company_name\": \"Your Company\", \"product_line\": \"Other\"}",
      AIP_FIELD_VARIABLES, "Variables" },
    { "variables", "{\"company_name\": \"Your Company\", \"product_line2\": \"Premium Services\"}",
      AIP_FIELD_VARIABLES, "Variables" },
    { "variables", "{}", AIP_FIELD_VARIABLES, "Variables" },
    { "webhook_url", "null", AIP_FIELD_WEBHOOK_URL, "Webhook URL" },
    { "webhook_url", "\"https://example.com/other\"", AIP_FIELD_WEBHOOK_URL, "Webhook URL" },
    { "is_webhook_active", "false", AIP_FIELD_WEBHOOK_ACTIVE, "Webhook" },
    { "created_at", "\"2025-07-15T14:32:16.000000Z\"", AIP_FIELD_CREATED_AT, "Created" },
    { "updated_at", "\"2025-08-03T09:18:42.000000Z\"", AIP_FIELD_UPDATED_AT, "Updated" },
    { "updated_at", "null", AIP_FIELD_UPDATED_AT, "Updated" },
    /* The same instant written another way is no change. */
    { "updated_at", "\"2025-08-02 09:18:42\"", 0, "" },
    { "updated_at", "\"2025-08-02T12:18:42+03:00\"", 0, "" },
    /* Nor are the same variables in another order. */
    { "variables", "{\"product_line\": \"Premium Services\", \"company_name\": \"Your Company\"}",
      0, "" },
    /* Nor is a member the application does not know. */
    { "color", "\"blue\"", 0, "" },
  };
  static const gint64 ids[] = { 123, 124 };
  g_autoptr(GListStore) baseline = make_list (ids, G_N_ELEMENTS (ids));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AipChanges) changes = aip_changes_new ();
      g_autoptr(GListStore) latest = NULL;
      g_autoptr(AipAssistant) before = g_list_model_get_item (G_LIST_MODEL (baseline), 0);
      g_autoptr(AipAssistant) after = NULL;
      g_autoptr(GPtrArray) entries = NULL;
      AipFields fields;
      gboolean news;

      g_test_message ("case %u: %s = %s", i, cases[i].member, cases[i].json);
      latest = with_member (baseline, 123, cases[i].member, cases[i].json);
      after = g_list_model_get_item (G_LIST_MODEL (latest), 0);
      g_assert_cmpint (aip_assistant_compare_fields (before, after), ==, cases[i].expected);
      g_assert_cmpint (aip_assistant_compare_fields (after, before), ==, cases[i].expected);

      aip_changes_set_baseline (changes, G_LIST_MODEL (baseline));
      news = aip_changes_update (changes, G_LIST_MODEL (latest));
      g_assert_cmpint (news, ==, cases[i].expected != 0);

      if (cases[i].expected == 0)
        {
          assert_counts (changes, 0, 0, 0);
          g_assert_cmpint (aip_changes_lookup (changes, 123, NULL), ==, AIP_CHANGE_NONE);
          continue;
        }

      assert_counts (changes, 0, 1, 0);
      g_assert_cmpint (aip_changes_lookup (changes, 123, &fields), ==, AIP_CHANGE_CHANGED);
      g_assert_cmpint (fields, ==, cases[i].expected);
      g_assert_true (aip_changes_is_new_or_changed (changes, 123));
      g_assert_false (aip_changes_is_new_or_changed (changes, 124));

      entries = aip_changes_get_entries (changes);
      g_assert_cmpuint (entries->len, ==, 1);
      {
        AipChange *change = g_ptr_array_index (entries, 0);
        g_autofree char *described = aip_change_describe_fields (change);

        g_assert_cmpint (change->id, ==, 123);
        g_assert_cmpint (change->kind, ==, AIP_CHANGE_CHANGED);
        g_assert_cmpstr (described, ==, cases[i].label);
      }
    }
}

static void
test_new_removed (void)
{
  static const gint64 old_ids[] = { 1, 2, 3, 4 };
  static const gint64 new_ids[] = { 5, 2, 4, 6, 7 };
  g_autoptr(GListStore) old_list = make_list (old_ids, G_N_ELEMENTS (old_ids));
  g_autoptr(GListStore) new_list = make_list (new_ids, G_N_ELEMENTS (new_ids));
  g_autoptr(GListStore) latest = with_member (new_list, 4, "status", "\"inactive\"");
  g_autoptr(AipChanges) changes = aip_changes_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *summary = NULL;
  static const struct {
    gint64        id;
    AipChangeKind kind;
    const char   *name;
  } expected[] = {
    { 5, AIP_CHANGE_NEW, "Assistant 5" },
    { 4, AIP_CHANGE_CHANGED, "Assistant 4" },
    { 6, AIP_CHANGE_NEW, "Assistant 6" },
    { 7, AIP_CHANGE_NEW, "Assistant 7" },
    { 1, AIP_CHANGE_REMOVED, "Assistant 1" },
    { 3, AIP_CHANGE_REMOVED, "Assistant 3" },
  };

  aip_changes_set_baseline (changes, G_LIST_MODEL (old_list));
  g_assert_true (aip_changes_update (changes, G_LIST_MODEL (latest)));
  assert_counts (changes, 3, 1, 2);

  entries = aip_changes_get_entries (changes);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < entries->len; i++)
    {
      AipChange *change = g_ptr_array_index (entries, i);
      g_autoptr(AipChange) copy = aip_change_copy (change);

      g_assert_cmpint (change->id, ==, expected[i].id);
      g_assert_cmpint (change->kind, ==, expected[i].kind);
      g_assert_cmpstr (change->name, ==, expected[i].name);
      g_assert_cmpint (aip_changes_lookup (changes, expected[i].id, NULL), ==, expected[i].kind);
      g_assert_cmpint (aip_changes_is_new_or_changed (changes, expected[i].id), ==,
                       expected[i].kind != AIP_CHANGE_REMOVED);
      g_assert_cmpstr (copy->name, ==, change->name);
      g_assert_cmpint (copy->fields, ==, change->fields);
    }
  g_assert_cmpint (aip_changes_lookup (changes, 2, NULL), ==, AIP_CHANGE_NONE);

  summary = aip_changes_format_summary (changes);
  g_assert_cmpstr (summary, ==, "3 new, 1 changed, 2 removed");
}

static void
test_summary (void)
{
  static const gint64 base_ids[] = { 1, 2 };
  static const gint64 one_new[] = { 1, 2, 3 };
  static const gint64 one_removed[] = { 1 };
  static const struct {
    const gint64 *ids;
    guint         n_ids;
    const char   *summary;
  } cases[] = {
    { base_ids, G_N_ELEMENTS (base_ids), NULL },
    { one_new, G_N_ELEMENTS (one_new), "1 new" },
    { one_removed, G_N_ELEMENTS (one_removed), "1 removed" },
  };
  g_autoptr(GListStore) baseline = make_list (base_ids, G_N_ELEMENTS (base_ids));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AipChanges) changes = aip_changes_new ();
      g_autoptr(GListStore) latest = make_list (cases[i].ids, cases[i].n_ids);
      g_autofree char *summary = NULL;

      aip_changes_set_baseline (changes, G_LIST_MODEL (baseline));
      aip_changes_update (changes, G_LIST_MODEL (latest));
      summary = aip_changes_format_summary (changes);
      g_assert_cmpstr (summary, ==, cases[i].summary);
    }

  /* Changed fields join with the same separator. */
  {
    g_autoptr(AipChanges) changes = aip_changes_new ();
    g_autoptr(GListStore) step = with_member (baseline, 1, "status", "\"inactive\"");
    g_autoptr(GListStore) latest = with_member (step, 2, "mode", "\"multimodal\"");
    g_autofree char *summary = NULL;

    aip_changes_set_baseline (changes, G_LIST_MODEL (baseline));
    aip_changes_update (changes, G_LIST_MODEL (latest));
    summary = aip_changes_format_summary (changes);
    g_assert_cmpstr (summary, ==, "2 changed");
  }
}

static void
test_describe_fields (void)
{
  AipChange change = {
    .id = 1,
    .name = (char *) "x",
    .kind = AIP_CHANGE_CHANGED,
    .fields = AIP_FIELD_UPDATED_AT | AIP_FIELD_STATUS | AIP_FIELD_NAME | AIP_FIELD_VARIABLES,
  };
  g_autofree char *described = aip_change_describe_fields (&change);

  g_assert_cmpstr (described, ==, "Name, Status, Variables, Updated");
  g_assert_cmpstr (aip_field_get_label (AIP_FIELD_SYSTEM_PROMPT), ==, "System prompt");
}

/* Changes stay until marked as seen, however many refreshes come. */
static void
test_accumulate (void)
{
  static const gint64 ids[] = { 1, 2, 3 };
  g_autoptr(GListStore) baseline = make_list (ids, G_N_ELEMENTS (ids));
  g_autoptr(GListStore) first = with_member (baseline, 1, "name", "\"Renamed\"");
  g_autoptr(GListStore) second = NULL;
  g_autoptr(GListStore) third = NULL;
  g_autoptr(AipChanges) changes = aip_changes_new ();
  AipFields fields;

  aip_changes_set_baseline (changes, G_LIST_MODEL (baseline));

  /* First refresh: 1 renamed. */
  g_assert_true (aip_changes_update (changes, G_LIST_MODEL (first)));
  assert_counts (changes, 0, 1, 0);

  /* Second refresh: 3 gone as well; 1 is still changed, from the
   * baseline's point of view. */
  second = g_list_store_new (AIP_TYPE_ASSISTANT);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (first), i);

      g_list_store_append (second, assistant);
    }
  g_assert_true (aip_changes_update (changes, G_LIST_MODEL (second)));
  assert_counts (changes, 0, 1, 1);
  g_assert_cmpint (aip_changes_lookup (changes, 1, &fields), ==, AIP_CHANGE_CHANGED);
  g_assert_cmpint (fields, ==, AIP_FIELD_NAME);
  g_assert_cmpint (aip_changes_lookup (changes, 3, NULL), ==, AIP_CHANGE_REMOVED);

  /* The same list again brings nothing to tell. */
  g_assert_false (aip_changes_update (changes, G_LIST_MODEL (second)));
  assert_counts (changes, 0, 1, 1);

  /* 1 changed again in the same field: that is news, though the counts
   * stay. */
  third = with_member (second, 1, "name", "\"Renamed twice\"");
  g_assert_true (aip_changes_update (changes, G_LIST_MODEL (third)));
  assert_counts (changes, 0, 1, 1);

  /* Back as it was in the baseline: no longer a change. */
  g_assert_false (aip_changes_update (changes, G_LIST_MODEL (baseline)));
  assert_counts (changes, 0, 0, 0);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s ", pspec->name);
}

static void
changed_cb (AipChanges *changes,
            guint      *n_changed)
{
  (*n_changed)++;
}

static void
test_mark_seen (void)
{
  static const gint64 ids[] = { 1, 2 };
  static const gint64 more_ids[] = { 1, 2, 3 };
  g_autoptr(GListStore) baseline = make_list (ids, G_N_ELEMENTS (ids));
  g_autoptr(GListStore) latest = with_member (baseline, 2, "status", "\"inactive\"");
  g_autoptr(GListStore) more = make_list (more_ids, G_N_ELEMENTS (more_ids));
  g_autoptr(AipChanges) changes = aip_changes_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) entries = NULL;
  guint n_changed = 0;

  g_signal_connect (changes, "notify", G_CALLBACK (notify_cb), log);
  g_signal_connect (changes, "changed", G_CALLBACK (changed_cb), &n_changed);

  /* Without a baseline, the first list becomes it: at the very first
   * sign-in nothing is new. */
  g_assert_false (aip_changes_get_has_baseline (changes));
  g_assert_false (aip_changes_update (changes, G_LIST_MODEL (baseline)));
  g_assert_true (aip_changes_get_has_baseline (changes));
  assert_counts (changes, 0, 0, 0);
  g_assert_cmpstr (log->str, ==, "has-baseline ");
  g_assert_cmpuint (n_changed, ==, 0);
  g_string_truncate (log, 0);

  g_assert_true (aip_changes_update (changes, G_LIST_MODEL (latest)));
  assert_counts (changes, 0, 1, 0);
  g_assert_nonnull (strstr (log->str, "n-changed "));
  g_assert_nonnull (strstr (log->str, "has-changes "));
  g_assert_null (strstr (log->str, "n-new "));
  g_assert_cmpuint (n_changed, ==, 1);

  /* Entries already handed out stay as they were. */
  entries = aip_changes_get_entries (changes);

  aip_changes_mark_seen (changes);
  assert_counts (changes, 0, 0, 0);
  g_assert_false (aip_changes_is_new_or_changed (changes, 2));
  g_assert_null (aip_changes_format_summary (changes));
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (entries->len, ==, 1);

  /* The seen list is the new baseline. */
  g_assert_false (aip_changes_update (changes, G_LIST_MODEL (latest)));
  assert_counts (changes, 0, 0, 0);

  /* And the next change is counted from it: 3 is new, and 2's status
   * went back from inactive. */
  g_assert_true (aip_changes_update (changes, G_LIST_MODEL (more)));
  assert_counts (changes, 1, 1, 0);

  /* Signing out forgets everything. */
  aip_changes_clear (changes);
  assert_counts (changes, 0, 0, 0);
  g_assert_false (aip_changes_get_has_baseline (changes));
}

static void
test_baseline_after_latest (void)
{
  static const gint64 old_ids[] = { 1 };
  static const gint64 new_ids[] = { 1, 2 };
  g_autoptr(GListStore) old_list = make_list (old_ids, G_N_ELEMENTS (old_ids));
  g_autoptr(GListStore) new_list = make_list (new_ids, G_N_ELEMENTS (new_ids));
  g_autoptr(AipChanges) changes = aip_changes_new ();

  /* The offline copy can arrive after the first refresh. */
  aip_changes_update (changes, G_LIST_MODEL (new_list));
  aip_changes_set_baseline (changes, G_LIST_MODEL (old_list));
  assert_counts (changes, 1, 0, 0);
  g_assert_cmpint (aip_changes_lookup (changes, 2, NULL), ==, AIP_CHANGE_NEW);

  /* Marking as seen before any refresh keeps the baseline. */
  {
    g_autoptr(AipChanges) fresh = aip_changes_new ();

    aip_changes_set_baseline (fresh, G_LIST_MODEL (old_list));
    aip_changes_mark_seen (fresh);
    g_assert_true (aip_changes_get_has_baseline (fresh));
    g_assert_true (aip_changes_update (fresh, G_LIST_MODEL (new_list)));
    assert_counts (fresh, 1, 0, 0);
  }
}

static void
test_repeated_ids (void)
{
  static const gint64 old_ids[] = { 1, 1, 2 };
  static const gint64 new_ids[] = { 2, 2, 3, 3 };
  g_autoptr(GListStore) old_list = make_list (old_ids, G_N_ELEMENTS (old_ids));
  g_autoptr(GListStore) new_list = make_list (new_ids, G_N_ELEMENTS (new_ids));
  g_autoptr(AipChanges) changes = aip_changes_new ();
  g_autoptr(GPtrArray) entries = NULL;

  aip_changes_set_baseline (changes, G_LIST_MODEL (old_list));
  aip_changes_update (changes, G_LIST_MODEL (new_list));
  assert_counts (changes, 1, 0, 1);
  entries = aip_changes_get_entries (changes);
  g_assert_cmpuint (entries->len, ==, 2);
}

typedef struct
{
  gboolean  done;
  gboolean  news;
  GError   *error;
} Updated;

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Updated *updated = user_data;

  updated->news = aip_changes_update_finish (AIP_CHANGES (object), result, &updated->error);
  updated->done = TRUE;
}

/* Compares in a worker, as the account does after a refresh */
static gboolean
update_in_worker (AipChanges   *changes,
                  GListModel   *latest,
                  GCancellable *cancellable,
                  GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  Updated updated = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (latest); i++)
    g_ptr_array_add (items, g_list_model_get_item (latest, i));

  aip_changes_update_async (changes, items, cancellable, updated_cb, &updated);
  /* The snapshot is the worker's: the caller's array may change at once */
  g_ptr_array_set_size (items, 0);
  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);

  while (!updated.done)
    g_main_context_iteration (NULL, TRUE);

  if (updated.error != NULL)
    g_propagate_error (error, updated.error);

  return updated.news;
}

static void
test_update_async (void)
{
  static const gint64 ids[] = { 1, 2, 3 };
  static const gint64 other_ids[] = { 2, 3, 4 };
  g_autoptr(GListStore) baseline = make_list (ids, G_N_ELEMENTS (ids));
  g_autoptr(GListStore) renamed = with_member (baseline, 1, "name", "\"Renamed\"");
  g_autoptr(GListStore) other = make_list (other_ids, G_N_ELEMENTS (other_ids));
  g_autoptr(AipChanges) changes = aip_changes_new ();
  g_autoptr(AipChanges) reference = aip_changes_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;

  /* The first list becomes the baseline: nothing is new */
  g_assert_false (update_in_worker (changes, G_LIST_MODEL (baseline), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (aip_changes_get_has_baseline (changes));
  assert_counts (changes, 0, 0, 0);

  /* The same as comparing on the spot */
  aip_changes_set_baseline (reference, G_LIST_MODEL (baseline));
  g_assert_true (aip_changes_update (reference, G_LIST_MODEL (other)));
  g_assert_true (update_in_worker (changes, G_LIST_MODEL (other), NULL, &error));
  g_assert_no_error (error);
  assert_counts (changes, 1, 0, 1);
  summary = aip_changes_format_summary (changes);
  expected = aip_changes_format_summary (reference);
  g_assert_cmpstr (summary, ==, expected);
  g_assert_cmpint (aip_changes_lookup (changes, 4, NULL), ==, AIP_CHANGE_NEW);
  g_assert_cmpint (aip_changes_lookup (changes, 1, NULL), ==, AIP_CHANGE_REMOVED);

  /* The same list again: nothing to tell */
  g_assert_false (update_in_worker (changes, G_LIST_MODEL (other), NULL, &error));
  g_assert_no_error (error);
  assert_counts (changes, 1, 0, 1);

  /* Cancelled: nothing changes */
  g_assert_false (update_in_worker (changes, G_LIST_MODEL (renamed), cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_counts (changes, 1, 0, 1);
}

/* Marked as seen while a comparison runs: the result is against what the
 * person saw last, not against the baseline the worker started with. */
static void
test_update_async_meanwhile (void)
{
  static const gint64 ids[] = { 1, 2, 3 };
  g_autoptr(GListStore) baseline = make_list (ids, G_N_ELEMENTS (ids));
  g_autoptr(GListStore) renamed = with_member (baseline, 1, "name", "\"Renamed\"");
  g_autoptr(GListStore) status = with_member (renamed, 2, "status", "\"inactive\"");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AipChanges) changes = aip_changes_new ();
  Updated updated = { 0 };
  AipFields fields;

  aip_changes_set_baseline (changes, G_LIST_MODEL (baseline));
  g_assert_true (aip_changes_update (changes, G_LIST_MODEL (renamed)));
  assert_counts (changes, 0, 1, 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (status)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (status), i));
  aip_changes_update_async (changes, items, NULL, updated_cb, &updated);
  aip_changes_mark_seen (changes);
  assert_counts (changes, 0, 0, 0);

  while (!updated.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (updated.error);
  g_assert_true (updated.news);

  /* Only 2 changed since the renamed list was seen */
  assert_counts (changes, 0, 1, 0);
  g_assert_cmpint (aip_changes_lookup (changes, 2, &fields), ==, AIP_CHANGE_CHANGED);
  g_assert_cmpint (fields, ==, AIP_FIELD_STATUS);
  g_assert_cmpint (aip_changes_lookup (changes, 1, NULL), ==, AIP_CHANGE_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/changes/fields", test_fields);
  g_test_add_func ("/changes/new-removed", test_new_removed);
  g_test_add_func ("/changes/summary", test_summary);
  g_test_add_func ("/changes/describe-fields", test_describe_fields);
  g_test_add_func ("/changes/accumulate", test_accumulate);
  g_test_add_func ("/changes/mark-seen", test_mark_seen);
  g_test_add_func ("/changes/baseline-after-latest", test_baseline_after_latest);
  g_test_add_func ("/changes/repeated-ids", test_repeated_ids);
  g_test_add_func ("/changes/update-async", test_update_async);
  g_test_add_func ("/changes/update-async-meanwhile", test_update_async_meanwhile);

  return g_test_run ();
}
