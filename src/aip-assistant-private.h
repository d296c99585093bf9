/* aip-assistant-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aip-assistant.h"

G_BEGIN_DECLS

/* For aip-assistant-json.c, which reads an assistant into these */
struct _AipAssistant
{
  GObject     parent_instance;

  gint64      id;
  gint64      user_id;
  gint64      voice_id;
  gint64      language_id;

  /* GRefStrings, shared between the assistants of one response */
  char       *kind;
  char       *mode;
  char       *status;
  char       *timezone;

  /* All point into block, one allocation per assistant */
  char       *name;
  char       *initial_message;
  char       *system_prompt;
  char       *webhook_url;
  char       *variables_json;
  char      **variables;
  char       *search_text;
  char       *name_key;
  gpointer    block;

  GDateTime  *created_at;
  GDateTime  *updated_at;

  guint       n_variables;
  gboolean    webhook_active;
};

G_END_DECLS
