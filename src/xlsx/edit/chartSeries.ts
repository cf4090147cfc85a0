import { CellValue } from "../../domain/cellValue";
import { cellsOf } from "../ranges";
import { categoryXml, escapeXml, numberCache } from "../charts/chartXml";
import { sheetRef } from "../charts/fileChart";
import { unescapeXml } from "../charts/xlsxPackage";

/**
 * A chart part's series edited in place: pointed at other cells (Office.js series.setValues and
 * setXAxisValues), and their caches (what viewers that never recalculate draw) filled from the
 * cells' values. Everything else of the chart, a user's formatting included, stays as it is.
 */
export interface SeriesOver {
  readonly categories: string;
  readonly series: readonly { readonly values: string }[];
}

const refIn = (element: string) => /<c:f>([\s\S]*?)<\/c:f>/.exec(element)?.[1];

/** Each series' categories and values pointed at the sheet's cells `over` gives, in series order. */
export function withSeriesOver(chartXml: string, sheet: string, over: SeriesOver): string {
  let index = 0;
  return chartXml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (series) => {
    const wanted = over.series[index];
    index += 1;
    if (!wanted) return series;
    const point = (element: string, address: string) =>
      element.replace(
        /<c:f>[\s\S]*?<\/c:f>/,
        () => `<c:f>${escapeXml(sheetRef(sheet, address))}</c:f>`
      );
    return series
      .replace(/<c:cat>[\s\S]*?<\/c:cat>/, (cat) => point(cat, over.categories))
      .replace(/<c:val>[\s\S]*?<\/c:val>/, (val) => point(val, wanted.values));
  });
}

/** A sheet-qualified reference's sheet and local address ("'Team budget'!$B$2:$B$9"). */
function parts(ref: string): { sheet: string; address: string } | null {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(ref);
  if (!match) return null;
  return {
    sheet: (match[1] ?? match[2]).replace(/''/g, "'"),
    address: match[3].replace(/\$/g, ""),
  };
}

/** Every series' category and value caches rebuilt from the cells they refer to now. */
export function withCachesFrom(
  chartXml: string,
  valueAt: (sheet: string, address: string) => CellValue
): string {
  const points = (ref: string, numbers: boolean) => {
    const at = parts(ref);
    if (!at) return null;
    return cellsOf(at.address).map((cell) => {
      const value = valueAt(at.sheet, cell);
      if (typeof value === "number") return value;
      if (numbers || value === null || typeof value === "object") return null;
      return String(value);
    });
  };
  return chartXml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (series) =>
    series
      .replace(/<c:cat>[\s\S]*?<\/c:cat>/, (cat) => {
        const ref = refIn(cat);
        const found = ref && points(unescapeXml(ref), false);
        const code = /<c:formatCode>([\s\S]*?)<\/c:formatCode>/.exec(cat)?.[1];
        const formatCode = code === undefined ? "General" : unescapeXml(code);
        return found
          ? categoryXml({ ref: unescapeXml(ref as string), points: found, formatCode })
          : cat;
      })
      .replace(/<c:val>[\s\S]*?<\/c:val>/, (val) => {
        const ref = refIn(val);
        const found = ref && points(unescapeXml(ref), true);
        if (!found) return val;
        const code = /<c:formatCode>([\s\S]*?)<\/c:formatCode>/.exec(val)?.[1];
        const cache = numberCache({
          ref: "",
          points: found,
          formatCode: code === undefined ? "General" : unescapeXml(code),
        });
        return `<c:val><c:numRef><c:f>${ref}</c:f>${cache}</c:numRef></c:val>`;
      })
  );
}
