import { focusQueryFileName, QUERY_DIALECTS, renderFocusQuery } from "./focusQuery";

/**
 * The month queries shipped in docs/sql, one per engine, by path: written by `npm run docs`
 * (scripts/docs.ts) and compared with the renderer by test/focus/warehouseDialects.test.ts.
 */
export function monthlyQueryFiles(): Record<string, string> {
  return Object.fromEntries(
    QUERY_DIALECTS.map((dialect) => [
      `docs/sql/${focusQueryFileName(dialect)}`,
      renderFocusQuery({ dialect, grouping: { by: "month" } }),
    ])
  );
}
