import { FocusGrouping } from "../domain/focus/focusTypes";

// --group-by, as import-focus and focus-query both read it: one parser, so the two commands accept
// the same words and a result made by one is imported by the other with the same option.

/** The message for a --group-by that is none of the groupings. */
export function groupByProblem(text: string): string {
  return `--group-by must be month, sub-account, service-category or tag:KEY (got ${JSON.stringify(text)}).`;
}

/**
 * month, sub-account, service-category or tag:KEY; undefined for anything else. Compared word by word
 * (no object lookup), so "toString" or "__proto__" is no grouping.
 */
export function parseGroupBy(text: string): FocusGrouping | undefined {
  const tag = /^tag:(.+)$/s.exec(text);
  if (tag) return { by: "tag", key: tag[1] };
  switch (text) {
    case "month":
      return { by: "month" };
    case "sub-account":
      return { by: "subAccount" };
    case "service-category":
      return { by: "serviceCategory" };
    default:
      return undefined;
  }
}
