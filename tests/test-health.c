/* test-health.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "aip-health.h"
#include "aip-test-assistants.h"

static GDateTime *
test_now (void)
{
  return g_date_time_new_utc (2025, 8, 10, 12, 0, 0);
}

/* The flags and sentences of the assistant 123 with one member changed
 * (member NULL for none). */
static AipHealthFlags
check_with (const char  *member,
            const char  *json,
            GPtrArray  **sentences)
{
  g_autoptr(JsonObject) object = aip_test_assistant_object (123);
  g_autoptr(AipAssistant) assistant = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GPtrArray) described = NULL;
  AipHealthFlags flags;

  if (member != NULL)
    aip_test_set_member (object, member, json);
  assistant = aip_test_assistant_from_object (object);

  flags = aip_health_check (assistant, now);
  described = aip_health_describe (assistant, now);
  /* A sentence for each problem, none without one. */
  g_assert_cmpuint (described->len == 0, ==, flags == AIP_HEALTH_OK);
  if (sentences != NULL)
    *sentences = g_steal_pointer (&described);

  return flags;
}

static void
assert_sentences (GPtrArray          *sentences,
                  const char * const *expected)
{
  guint n_expected = g_strv_length ((char **) expected);

  for (guint i = 0; i < sentences->len && i < n_expected; i++)
    g_assert_cmpstr (g_ptr_array_index (sentences, i), ==, expected[i]);
  g_assert_cmpuint (sentences->len, ==, n_expected);
}

static void
test_healthy (void)
{
  g_autoptr(GPtrArray) sentences = NULL;

  g_assert_cmpint (check_with (NULL, NULL, &sentences), ==, AIP_HEALTH_OK);
  g_assert_cmpuint (sentences->len, ==, 0);
}

static void
test_webhook (void)
{
  static const struct {
    const char *url;
    gboolean    active;
    AipHealthFlags expected;
    const char *sentence;
  } cases[] = {
    { "\"https://example.com/hook\"", TRUE, AIP_HEALTH_OK, NULL },
    { "\"https://example.com/hook\"", FALSE, AIP_HEALTH_WEBHOOK_INACTIVE,
      "The webhook URL is set but the webhook is inactive" },
    { "null", FALSE, AIP_HEALTH_OK, NULL },
    { "\"\"", FALSE, AIP_HEALTH_OK, NULL },
    { "null", TRUE, AIP_HEALTH_WEBHOOK_WITHOUT_URL, "The webhook is active but has no URL" },
    { "\"\"", TRUE, AIP_HEALTH_WEBHOOK_WITHOUT_URL, "The webhook is active but has no URL" },
    { "\"  \"", TRUE, AIP_HEALTH_WEBHOOK_WITHOUT_URL, "The webhook is active but has no URL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = aip_test_assistant_object (123);
      g_autoptr(AipAssistant) assistant = NULL;
      g_autoptr(GDateTime) now = test_now ();
      g_autoptr(GPtrArray) sentences = NULL;

      g_test_message ("case %u", i);
      aip_test_set_member (object, "webhook_url", cases[i].url);
      json_object_set_boolean_member (object, "is_webhook_active", cases[i].active);
      assistant = aip_test_assistant_from_object (object);

      g_assert_cmpint (aip_health_check (assistant, now), ==, cases[i].expected);
      sentences = aip_health_describe (assistant, now);
      if (cases[i].sentence == NULL)
        {
          g_assert_cmpuint (sentences->len, ==, 0);
        }
      else
        {
          g_assert_cmpuint (sentences->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (sentences, 0), ==, cases[i].sentence);
        }
    }
}

static void
test_find_placeholders (void)
{
  static const struct {
    const char *text;
    const char *names;
  } cases[] = {
    { NULL, "" },
    { "", "" },
    { "no placeholders here", "" },
    { "{{name}}", "name" },
    { "Hello {{ company_name }} and {{product_line}}!", "company_name product_line" },
    { "{{\tfirst  }} {{first}} {{second}} {{first}}", "first second" },
    { "{{ two words }}", "two words" },
    { "{{Имя}} и {{ фирма }}", "Имя фирма" },
    { "{{}} {{   }} {single} { {x} }", "" },
    { "{{broken\nacross}} {{ok}}", "ok" },
    { "{{{triple}}}", "triple" },
    { "{{unclosed and {{closed}}", "closed" },
    { "{{a}b}} {{c{d}} {{e}}", "e" },
    { "trailing {{", "" },
    { "{{x}", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) names = aip_health_find_placeholders (cases[i].text);
      g_autofree char *joined = g_strjoinv (" ", names);

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpstr (joined, ==, cases[i].names);
    }
}

/* Per-contact fields such as {{first_name}} are filled when the platform
 * calls: however many, they are not a warning. */
static void
test_placeholders_are_no_warning (void)
{
  static const struct {
    const char *member;
    const char *json;
  } cases[] = {
    { "initial_message", "\"{{company_name}} {{ product_line }}\"" },
    { "initial_message", "\"Hi {{ first_name }}, {{company_name}} here\"" },
    { "system_prompt", "\"Be {{tone}}. Mention {{ tone }} again.\"" },
    { "system_prompt", "\"{{Company_Name}}\"" },
    { "system_prompt", "\"{{a}} {{b}} {{c}} {{d}} {{e}} {{a}}\"" },
    { "variables", "{}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) sentences = NULL;

      g_test_message ("case %u: %s %s", i, cases[i].member, cases[i].json);
      g_assert_cmpint (check_with (cases[i].member, cases[i].json, &sentences), ==, AIP_HEALTH_OK);
      g_assert_cmpuint (sentences->len, ==, 0);
    }
}

static void
test_call_time_placeholders (void)
{
  static const struct {
    const char *initial_message;
    const char *system_prompt;
    const char *variables;
    const char *names;
  } cases[] = {
    /* The fixture's placeholders are all among its variables. */
    { NULL, NULL, NULL, "" },
    { "\"Hi {{ first_name }}, {{company_name}} here\"", NULL, NULL, "first_name" },
    /* Sorted and each once, from both texts; names are matched exactly. */
    { "\"{{company_name}} {{zip}} {{ city }} {{first_name}}\"",
      "\"{{city}} {{Company_Name}} {{ zip }}\"", NULL,
      "Company_Name city first_name zip" },
    { "\"{{company_name}}\"", "\"{{product_line}}\"", "{}", "company_name product_line" },
    { "null", "\"\"", "{}", "" },
    { "\"{{Имя}} и {{ фирма }} {{Имя}}\"", NULL, NULL, "Имя фирма" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = aip_test_assistant_object (123);
      g_autoptr(AipAssistant) assistant = NULL;
      g_auto(GStrv) names = NULL;
      g_autofree char *joined = NULL;

      g_test_message ("case %u", i);
      if (cases[i].initial_message != NULL)
        aip_test_set_member (object, "initial_message", cases[i].initial_message);
      if (cases[i].system_prompt != NULL)
        aip_test_set_member (object, "system_prompt", cases[i].system_prompt);
      if (cases[i].variables != NULL)
        aip_test_set_member (object, "variables", cases[i].variables);
      assistant = aip_test_assistant_from_object (object);

      names = aip_health_get_call_time_placeholders (assistant);
      joined = g_strjoinv (" ", names);
      g_assert_cmpstr (joined, ==, cases[i].names);
    }
}

static void
test_empty_texts (void)
{
  static const struct {
    const char *json;
    gboolean    empty;
  } cases[] = {
    { "\"Hello\"", FALSE },
    { "\"  x  \"", FALSE },
    { "\"\"", TRUE },
    { "\" \\n\\t \"", TRUE },
    /* A no-break space and an em space are spaces too. */
    { "\"\\u00a0\\u2003\"", TRUE },
    { "null", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) sentences = NULL;
      AipHealthFlags flags;

      g_test_message ("case %u: %s", i, cases[i].json);

      flags = check_with ("initial_message", cases[i].json, &sentences);
      g_assert_cmpint (flags, ==,
                       cases[i].empty ? AIP_HEALTH_EMPTY_INITIAL_MESSAGE : AIP_HEALTH_OK);
      if (cases[i].empty)
        g_assert_cmpstr (g_ptr_array_index (sentences, 0), ==, "The initial message is empty");
      g_clear_pointer (&sentences, g_ptr_array_unref);

      flags = check_with ("system_prompt", cases[i].json, &sentences);
      g_assert_cmpint (flags, ==, cases[i].empty ? AIP_HEALTH_EMPTY_SYSTEM_PROMPT : AIP_HEALTH_OK);
      if (cases[i].empty)
        g_assert_cmpstr (g_ptr_array_index (sentences, 0), ==, "The system prompt is empty");
    }
}

static void
test_not_updated (void)
{
  static const struct {
    const char *status;
    const char *updated_at;
    gboolean    flagged;
    const char *sentence;
  } cases[] = {
    /* now is 2025-08-10 12:00 UTC; 90 days before is 2025-05-12 12:00. */
    { "active", "\"2025-08-02T09:18:42.000000Z\"", FALSE, NULL },
    { "active", "\"2025-05-12T12:00:00.000000Z\"", FALSE, NULL },
    { "active", "\"2025-05-12T11:59:59.000000Z\"", TRUE, "Active but not updated for 90 days" },
    { "active", "\"2025-01-01T00:00:00.000000Z\"", TRUE, "Active but not updated for 221 days" },
    { "inactive", "\"2025-01-01T00:00:00.000000Z\"", FALSE, NULL },
    { "paused", "\"2025-01-01T00:00:00.000000Z\"", FALSE, NULL },
    /* No date, nothing to judge by. */
    { "active", "null", FALSE, NULL },
    /* A date in the future is recent. */
    { "active", "\"2030-01-01T00:00:00.000000Z\"", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = aip_test_assistant_object (123);
      g_autoptr(AipAssistant) assistant = NULL;
      g_autoptr(GDateTime) now = test_now ();
      g_autoptr(GPtrArray) sentences = NULL;

      g_test_message ("case %u", i);
      json_object_set_string_member (object, "status", cases[i].status);
      aip_test_set_member (object, "updated_at", cases[i].updated_at);
      assistant = aip_test_assistant_from_object (object);

      g_assert_cmpint (aip_health_check (assistant, now), ==,
                       cases[i].flagged ? AIP_HEALTH_NOT_UPDATED : AIP_HEALTH_OK);
      sentences = aip_health_describe (assistant, now);
      g_assert_cmpuint (sentences->len, ==, cases[i].flagged ? 1 : 0);
      if (cases[i].flagged)
        g_assert_cmpstr (g_ptr_array_index (sentences, 0), ==, cases[i].sentence);
    }
}

static void
test_everything_wrong (void)
{
  g_autoptr(JsonObject) object = aip_test_assistant_object (123);
  g_autoptr(AipAssistant) assistant = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GPtrArray) sentences = NULL;
  static const char * const expected[] = {
    "The webhook URL is set but the webhook is inactive",
    "The initial message is empty",
    "Active but not updated for 91 days",
    NULL
  };

  json_object_set_boolean_member (object, "is_webhook_active", FALSE);
  json_object_set_string_member (object, "initial_message", " ");
  json_object_set_string_member (object, "system_prompt", "{{missing}}");
  json_object_set_string_member (object, "updated_at", "2025-05-11T10:00:00.000000Z");
  assistant = aip_test_assistant_from_object (object);

  g_assert_cmpint (aip_health_check (assistant, now), ==,
                   AIP_HEALTH_WEBHOOK_INACTIVE | AIP_HEALTH_EMPTY_INITIAL_MESSAGE |
                   AIP_HEALTH_NOT_UPDATED);
  sentences = aip_health_describe (assistant, now);
  assert_sentences (sentences, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/health/healthy", test_healthy);
  g_test_add_func ("/health/webhook", test_webhook);
  g_test_add_func ("/health/find-placeholders", test_find_placeholders);
  g_test_add_func ("/health/placeholders-are-no-warning", test_placeholders_are_no_warning);
  g_test_add_func ("/health/call-time-placeholders", test_call_time_placeholders);
  g_test_add_func ("/health/empty-texts", test_empty_texts);
  g_test_add_func ("/health/not-updated", test_not_updated);
  g_test_add_func ("/health/everything-wrong", test_everything_wrong);

  return g_test_run ();
}
