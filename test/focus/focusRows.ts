import { FocusGrouping, FocusImport } from "../../src/domain/focus/focusTypes";
import { createFocusAggregator } from "../../src/domain/focus/focusAggregator";
import { createFocusFileReader } from "../../src/domain/focus/focusFileReader";

/** Reads CSV text through the pure reader, cut into the given chunk lengths (in bytes). */
export function importText(
  text: string | Uint8Array,
  grouping: FocusGrouping = { by: "month" },
  cuts: number[] = [],
  maxRowChars?: number
): FocusImport {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const aggregator = createFocusAggregator({ grouping, issueLimit: 1000 });
  const reader = createFocusFileReader(aggregator, "cost.csv", { maxRowChars });
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut > at && cut < bytes.length) {
      reader.push(bytes.subarray(at, cut));
      at = cut;
    }
  }
  reader.push(bytes.subarray(at));
  reader.end();
  return aggregator.finish();
}
