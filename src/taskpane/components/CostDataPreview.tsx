import { Caption1, Text } from "@fluentui/react-components";
import type { FocusImport } from "../../domain/focus/focusTypes";
import { costDataRows } from "../model/costImport";
import { useListStyles } from "./listStyles";

const SHOWN = 12;

/** The first rows of totals the Cost data sheet will hold, as cards (a wide table would scroll sideways). */
export function CostDataPreview({ result }: { readonly result: FocusImport }) {
  const lists = useListStyles();
  const rows = costDataRows(result, SHOWN);
  const more = result.aggregates.length - rows.length;
  return (
    <>
      <ul className={lists.list} aria-label="Cost data rows">
        {rows.map((row) => (
          <li key={row.key} className={lists.item}>
            <Text weight="semibold">
              {[row.month, row.group, row.currency].filter(Boolean).join(" · ")}
            </Text>
            <Caption1>
              Effective cost {row.effectiveCost}, total savings {row.totalSavings}, effective
              savings rate {row.savingsRate}
            </Caption1>
          </li>
        ))}
      </ul>
      {more > 0 && <Caption1>and {more.toLocaleString("en-US")} more rows on the sheet.</Caption1>}
    </>
  );
}
