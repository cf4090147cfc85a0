import { Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { PeriodChoice } from "../model/costImport";
import { useListStyles } from "./listStyles";

const useStyles = makeStyles({
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL, overflowWrap: "anywhere" },
});

export interface KpiPeriodPickerProps {
  readonly periods: readonly PeriodChoice[];
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (month: string, on: boolean) => void;
}

/**
 * The KPI tracker's months an import can fill: they are input cells, so each shows the value it holds
 * now and the one it would get, a month says how many values it would replace, and only the months
 * the user ticks are written.
 */
export function KpiPeriodPicker({ periods, selected, onToggle }: KpiPeriodPickerProps) {
  const styles = useStyles();
  const lists = useListStyles();
  return (
    <ul className={lists.list} aria-label="KPI months to fill">
      {periods.map((period) => (
        <li key={period.month} className={lists.item}>
          <Checkbox
            checked={selected.has(period.month)}
            onChange={(_, data) => onToggle(period.month, data.checked === true)}
            label={`${period.label} (${period.changes.length} KPI${period.changes.length === 1 ? "" : "s"}${period.replaces > 0 ? `; replaces ${period.replaces} value${period.replaces === 1 ? "" : "s"} already there` : ""})`}
          />
          <ul className={styles.changes} aria-label={`${period.label}: old and new values`}>
            {period.changes.map((change) => (
              <li key={change.key}>
                <Caption1>
                  {change.kpi}: {change.oldValue} → {change.newValue} ({change.cell})
                </Caption1>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
