import type { Batch, ExcelHost, ExcelRun } from "../../src/excel/host";
import type { ExcelFake } from "../fakes/excel";
import { hostFor } from "../excel/hostFor";

/**
 * The fake, with the first sync of its (skipRuns + 1)th Excel.run held until release() (Excel answering
 * slowly); earlier runs, such as the pane reading the workbook summary, go through.
 */
export function slowHost(fake: ExcelFake, skipRuns = 0): { host: ExcelHost; release: () => void } {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const base = hostFor(fake);
  let runs = 0;
  const run = <T>(...args: [Batch<T>] | [Excel.RunOptions, Batch<T>]) => {
    const batch = args[args.length - 1] as Batch<T>;
    return base.excel.run((context) => {
      if (runs++ < skipRuns) return batch(context);
      const sync = context.sync.bind(context);
      let first = true;
      context.sync = (async <T>(value?: T) => {
        if (first) {
          first = false;
          await gate;
        }
        return sync(value);
      }) as typeof context.sync;
      return batch(context);
    });
  };
  const host: ExcelHost = { ...base, excel: { run: run as ExcelRun["run"] } };
  return { host, release };
}
