// What differs between the SQL engines the monthly query runs in: string literals, the UTC month of
// a timestamp, a text NULL, and reading one key of Tags as each engine stores it. Everything else
// (CASE, COALESCE, SUM, COUNT, GROUP BY ordinals) is the same in all four.

export type SqlDialectName = "duckdb" | "bigquery" | "snowflake" | "databricks";

export interface SqlDialect {
  /** How Tags may be stored; the first is the default. */
  readonly tagFormats: readonly string[];
  /**
   * The statement run before the query so that a timestamp without a time zone reads as UTC (FOCUS)
   * and the month is formatted in UTC; null where the engine's month needs no session setting.
   */
  readonly sessionUtc: string | null;
  readonly string: (value: string) => string;
  /** "YYYY-MM" of the timestamp column's UTC month, with or without a zone, in a UTC session. */
  readonly utcMonth: (column: string) => string;
  readonly nullText: string;
  /** Never NULL: true when Tags is an object with the key (whatever its value). */
  readonly tagPresent: (tags: string, key: string, format: string) => string;
  /** The key's value as text, "" for a JSON null; evaluated only where tagPresent holds. */
  readonly tagValue: (tags: string, key: string, format: string) => string;
}

/** Standard SQL: a quote doubled, a backslash plain (DuckDB). */
const standardString = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** Engines that read backslash escapes in literals (BigQuery, Snowflake, Databricks). */
const backslashString = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/** A JSON Pointer (RFC 6901) to one key: no character of the key is special after ~0 and ~1. */
const jsonPointer = (key: string) => `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;

export const SQL_DIALECTS: Record<SqlDialectName, SqlDialect> = {
  duckdb: {
    // json: VARCHAR or JSON text, as read_csv gives it; map: MAP(VARCHAR, VARCHAR), as read_parquet
    // gives a Parquet MAP. ChargePeriodStart: TIMESTAMP WITH TIME ZONE, or TIMESTAMP read in the
    // session's zone (hence UTC): both formatted in UTC.
    tagFormats: ["json", "map"],
    sessionUtc: "SET TimeZone = 'UTC';",
    string: standardString,
    utcMonth: (c) => `strftime(${c} AT TIME ZONE 'UTC', '%Y-%m')`,
    nullText: "CAST(NULL AS VARCHAR)",
    tagPresent: (tags, key, format) =>
      format === "map"
        ? `COALESCE(map_contains(${tags}, ${standardString(key)}), FALSE)`
        : // CASE is evaluated lazily: json_type never sees text that is not JSON.
          `COALESCE(CASE WHEN json_valid(${tags}) THEN json_type(${tags}) = 'OBJECT' AND json_exists(${tags}, ${standardString(jsonPointer(key))}) END, FALSE)`,
    tagValue: (tags, key, format) =>
      format === "map"
        ? `COALESCE(map_extract_value(${tags}, ${standardString(key)}), '')`
        : `COALESCE(json_extract_string(${tags}, ${standardString(jsonPointer(key))}), '')`,
  },
  bigquery: {
    // json: a JSON column; string: JSON text in a STRING column; array: ARRAY<STRUCT<key, value>>
    // (more fields allowed), as Cloud Billing's exports store labels and tags. ChargePeriodStart: TIMESTAMP, an
    // instant formatted in the zone named (a DATETIME is refused by FORMAT_TIMESTAMP: docs/FOCUS.md).
    tagFormats: ["json", "string", "array"],
    sessionUtc: null,
    string: backslashString,
    utcMonth: (c) => `FORMAT_TIMESTAMP('%Y-%m', ${c}, 'UTC')`,
    nullText: "CAST(NULL AS STRING)",
    // The JSON subscript operator takes any key as a plain field name (no JSONPath to escape).
    tagPresent: (tags, key, format) =>
      format === "array"
        ? `EXISTS(SELECT 1 FROM UNNEST(${tags}) AS tag WHERE tag.key = ${backslashString(key)})`
        : `${bigQueryTags(tags, format)}[${backslashString(key)}] IS NOT NULL`,
    // An array may name a key twice: the last entry wins, as the import keeps a JSON key's last value.
    tagValue: (tags, key, format) =>
      format === "array"
        ? `COALESCE((SELECT tag.value FROM UNNEST(${tags}) AS tag WITH OFFSET AS position WHERE tag.key = ${backslashString(key)} ORDER BY position DESC LIMIT 1), '')`
        : `COALESCE(JSON_VALUE(${bigQueryTags(tags, format)}[${backslashString(key)}]), '')`,
  },
  snowflake: {
    // variant: a VARIANT or OBJECT column; string: JSON text in a VARCHAR column.
    // ChargePeriodStart: TIMESTAMP_TZ, TIMESTAMP_LTZ or TIMESTAMP_NTZ (read by the two-argument
    // CONVERT_TIMEZONE in the session's zone, hence UTC).
    tagFormats: ["variant", "string"],
    sessionUtc: "ALTER SESSION SET TIMEZONE = 'UTC';",
    string: backslashString,
    utcMonth: (c) => `TO_CHAR(CONVERT_TIMEZONE('UTC', ${c}), 'YYYY-MM')`,
    nullText: "CAST(NULL AS VARCHAR)",
    tagPresent: (tags, key, format) => {
      const object = snowflakeTags(tags, format);
      // CASE, not AND: GET is only asked of an object (AND may evaluate both sides).
      return `CASE WHEN IS_OBJECT(${object}) THEN GET(${object}, ${backslashString(key)}) IS NOT NULL ELSE FALSE END`;
    },
    tagValue: (tags, key, format) => {
      const value = `GET(${snowflakeTags(tags, format)}, ${backslashString(key)})`;
      return `CASE WHEN IS_NULL_VALUE(${value}) THEN '' ELSE ${value}::VARCHAR END`;
    },
  },
  databricks: {
    // map: MAP<STRING, STRING>; string: JSON text in a STRING column. ChargePeriodStart: TIMESTAMP
    // (an instant, formatted in the session's zone) or TIMESTAMP_NTZ (formatted as written): in a
    // UTC session both give the UTC month.
    tagFormats: ["map", "string"],
    sessionUtc: "SET TIME ZONE 'UTC';",
    string: backslashString,
    utcMonth: (c) => `date_format(${c}, 'yyyy-MM')`,
    nullText: "CAST(NULL AS STRING)",
    tagPresent: (tags, key, format) =>
      `COALESCE(map_contains_key(${databricksTags(tags, format)}, ${backslashString(key)}), FALSE)`,
    tagValue: (tags, key, format) =>
      `COALESCE(try_element_at(${databricksTags(tags, format)}, ${backslashString(key)}), '')`,
  },
};

function bigQueryTags(tags: string, format: string): string {
  return format === "string" ? `SAFE.PARSE_JSON(${tags})` : tags;
}

function snowflakeTags(tags: string, format: string): string {
  return format === "string" ? `TRY_PARSE_JSON(${tags})` : tags;
}

function databricksTags(tags: string, format: string): string {
  return format === "string" ? `from_json(${tags}, 'MAP<STRING, STRING>')` : tags;
}
