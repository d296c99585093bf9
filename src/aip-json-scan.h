/* aip-json-scan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The deepest nesting accepted: the root array is level 1, an assistant
 * level 2, its variables level 3. */
#define AIP_JSON_MAX_DEPTH 64

typedef struct
{
  gsize start;
  gsize end;
} AipJsonSpan;

typedef enum
{
  /* Strict JSON (RFC 8259) */
  AIP_JSON_SCAN_OK,
  AIP_JSON_SCAN_TOO_DEEP,
  /* Strict JSON up to the end of the data, which came too early */
  AIP_JSON_SCAN_TRUNCATED,
  /* Anything else, which the application refuses */
  AIP_JSON_SCAN_NOT_STRICT,
} AipJsonScanStatus;

typedef enum
{
  AIP_JSON_ROOT_NONE,
  AIP_JSON_ROOT_SCALAR,
  AIP_JSON_ROOT_ARRAY,
  /* An object whose last "data" member is not an array, or that has none */
  AIP_JSON_ROOT_OBJECT,
  /* An object whose last "data" member is an array */
  AIP_JSON_ROOT_DATA_ARRAY,
} AipJsonRoot;

typedef struct
{
  AipJsonScanStatus  status;
  AipJsonRoot        root;
  /* Where the scan stopped when the status is not OK */
  gsize              offset;
  /* The elements of the root array or of the root object's "data" array */
  GArray            *items;
} AipJsonScan;

/* Called as the scan adds an item to scan->items (restart FALSE), or
 * drops them all because a later "data" member replaces the one they came
 * from (restart TRUE). It may take items out of scan->items: the scan only
 * appends. */
typedef void (* AipJsonItemsFunc) (AipJsonScan *scan,
                                   gboolean     restart,
                                   gpointer     user_data);

void  aip_json_scan           (const char  *data,
                               gsize        length,
                               AipJsonScan *scan);
void  aip_json_scan_full      (const char       *data,
                               gsize             length,
                               AipJsonScan      *scan,
                               AipJsonItemsFunc  items_changed,
                               gpointer          user_data);
void  aip_json_scan_clear     (AipJsonScan *scan);

G_END_DECLS
