import { looksLikeAggregates, readFocusAggregates } from "../../domain/focus/focusAggregatesCsv";
import { FocusFileError } from "../../domain/focus/focusFileError";
import type { FocusGrouping, FocusImport } from "../../domain/focus/focusTypes";
import type { FocusChunk, FocusSource } from "./focusSource";

/** A query result has a row per month, group and currency: far below this, unlike FOCUS rows. */
const MAX_RESULT_BYTES = 256 * 1024 * 1024;

/**
 * A picked text file whose first line is the header of the warehouse query's result (focus-query), read
 * whole and imported as the sums it holds. Otherwise the file's chunks for the FOCUS reader, the ones
 * already taken to see the first line included, so the start of the file is not read twice.
 */
export async function readIfWarehouseResult(
  source: FocusSource,
  sourceCount: number,
  grouping: FocusGrouping,
  signal: AbortSignal | undefined
): Promise<{ readonly result: FocusImport } | { readonly chunks: AsyncIterable<FocusChunk> }> {
  const chunks = source.chunks()[Symbol.asyncIterator]();
  const head: FocusChunk[] = [];
  const decoder = new TextDecoder("utf-8");
  let start = "";
  // The first line is all that is needed; a header longer than 64 KB is not the query's.
  while (!/[\r\n]/.test(start) && start.length < 65_536) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    start += decoder.decode(next.value.data, { stream: true });
  }
  if (!looksLikeAggregates(start.split(/\r\n|\r|\n/)[0])) return { chunks: withHead(head, chunks) };
  if (sourceCount > 1) {
    await chunks.return?.();
    throw new FocusFileError(
      "unreadable",
      source.name,
      0,
      `${source.name} is the result of a warehouse query (totals per month), not FOCUS rows: import it on its own, without other files.`
    );
  }
  let text = start;
  let bytes = head.reduce((sum, chunk) => sum + chunk.data.length, 0);
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    signal?.throwIfAborted();
    bytes += next.value.data.length;
    if (bytes > MAX_RESULT_BYTES) {
      await chunks.return?.();
      throw new FocusFileError(
        "fieldTooLarge",
        source.name,
        0,
        `${source.name} has the header of a warehouse query's result but is larger than 256 MB: a result has one row per month, group and currency. Run the query again, or import the FOCUS files themselves.`
      );
    }
    text += decoder.decode(next.value.data, { stream: true });
  }
  text += decoder.decode();
  // A tag's key is not in the result: it comes from the pane's "Totals per tag" choice. Other groupings
  // are the result's own (its group column says which), whatever the pane's choice.
  return {
    result: readFocusAggregates(source.name, text, {
      grouping: grouping.by === "tag" ? grouping : undefined,
    }),
  };
}

/** The chunks already read, then the rest of the file. */
async function* withHead(
  head: readonly FocusChunk[],
  rest: AsyncIterator<FocusChunk>
): AsyncIterable<FocusChunk> {
  yield* head;
  try {
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    // Stops the file's stream when the reader gives up early (a bad file, cancel).
    await rest.return?.();
  }
}
