/**
 * Bench only (scripts/benchFocusBrowser.ts, through the e2e harness): a Web Worker that parses a Blob with
 * a CSV parser alone, rows discarded, as the base the pane's import (focusWorker.ts) is compared with.
 * "papaparse": array mode, chunks, rows discarded (the base, as in the Node bench); "tokenizer":
 * our tokenizer (focusCsv.ts) alone over the same Blob stream the import reads, copying the fields a
 * by-month import reads. "ping" answers at once (the worker's start, timed apart).
 */
import Papa from "papaparse";
import { FocusCsvTokenizer } from "../../src/domain/focus/focusCsv";
import { FOCUS_COLUMNS_READ } from "../../src/domain/focus/focusColumns";

export type BaseParser = "papaparse" | "tokenizer" | "ping";
export interface BaseRequest {
  readonly parser: BaseParser;
  readonly blob?: Blob;
}
export type BaseReply =
  | { readonly type: "done"; readonly rows: number; readonly ms: number }
  | { readonly type: "failed"; readonly message: string };

function papaparseAlone(blob: Blob): Promise<number> {
  let rows = 0;
  let lastEmpty = false;
  return new Promise((resolve, reject) => {
    Papa.parse(blob as File, {
      delimiter: ",",
      newline: "\n",
      chunkSize: 1 << 22,
      chunk: (results) => {
        const data = results.data as string[][];
        rows += data.length;
        const last = data[data.length - 1];
        lastEmpty = last !== undefined && last.length === 1 && last[0] === "";
      },
      // Data rows: the header and the empty record after the last newline are not rows.
      complete: () => resolve(rows - 1 - (lastEmpty ? 1 : 0)),
      error: (error) => reject(error),
    });
  });
}

async function tokenizerAlone(blob: Blob): Promise<number> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let tokenizer: FocusCsvTokenizer | null = null;
  let partial = "";
  let fields: string[] = [];
  let wanted: Uint8Array | null = null;
  let rows = -1;
  const feed = (text: string, last: boolean) => {
    const input = partial + text;
    tokenizer ??= new FocusCsvTokenizer("\n");
    tokenizer.text(input, last);
    let at = 0;
    for (;;) {
      const next = tokenizer.record(at, fields, wanted);
      if (next < 0) break;
      // An empty record (the end of the file after its last newline) is not a row.
      if (next - at > 1) rows++;
      if (wanted === null) {
        const header = fields.slice(0, tokenizer.count);
        wanted = new Uint8Array(header.length);
        for (const column of FOCUS_COLUMNS_READ) {
          const index = header.indexOf(column);
          if (index >= 0) wanted[index] = 1;
        }
        fields = new Array<string>(header.length).fill("");
      }
      at = next;
      if (at === input.length) break;
    }
    partial = input.substring(at);
  };
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    feed(decoder.decode(value, { stream: true }), false);
  }
  feed(decoder.decode(), true);
  return rows;
}

self.onmessage = (event: MessageEvent<BaseRequest>) => {
  const { parser, blob } = event.data;
  const start = performance.now();
  const run =
    parser === "ping" || !blob
      ? Promise.resolve(0)
      : parser === "papaparse"
        ? papaparseAlone(blob)
        : tokenizerAlone(blob);
  run.then(
    (rows) =>
      self.postMessage({ type: "done", rows, ms: performance.now() - start } satisfies BaseReply),
    (error: unknown) =>
      self.postMessage({
        type: "failed",
        message: error instanceof Error ? error.message : String(error),
      } satisfies BaseReply)
  );
};
