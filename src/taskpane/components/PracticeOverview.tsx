import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  Subtitle1,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { MaintenanceAction } from "../model/maintenanceActions";
import type { SummaryView } from "../model/summaryView";
import { useListStyles } from "./listStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  figures: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  title: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
});

export interface PracticeOverviewProps {
  readonly view: SummaryView;
  readonly onAdd: () => void;
  readonly onCheck: () => void;
  readonly onMaintain: (action: MaintenanceAction) => void;
  /** Import cost data (FOCUS): offered whatever templates are here (the Cost data sheet stands alone). */
  readonly onImport: () => void;
}

/** The practice at a glance: maturity, KPI status counts and the workbooks this file holds. */
export function PracticeOverview({
  view,
  onAdd,
  onCheck,
  onMaintain,
  onImport,
}: PracticeOverviewProps) {
  const styles = useStyles();
  const lists = useListStyles();
  return (
    <section className={styles.root} aria-labelledby="overview-heading">
      <Subtitle1 as="h2" id="overview-heading">
        This workbook&apos;s FinOps practice
      </Subtitle1>
      {view.maturity !== null && (
        <div className={styles.figures}>
          <Text weight="semibold">Maturity level:</Text>
          <Text aria-label={`Maturity level: ${view.maturity}`}>{view.maturity}</Text>
        </div>
      )}
      {view.kpis && (
        <div className={styles.figures} role="group" aria-label="KPI status">
          <Text weight="semibold">KPIs:</Text>
          <Badge color="success" appearance="filled">{`${view.kpis.green} Green`}</Badge>
          <Badge color="warning" appearance="filled">{`${view.kpis.amber} Amber`}</Badge>
          <Badge color="danger" appearance="filled">{`${view.kpis.red} Red`}</Badge>
        </div>
      )}
      {view.kpisUnknown && (
        <Body1>KPI status counts are not available: open the KPI tracker to check them.</Body1>
      )}
      <Subtitle2 as="h3">Workbooks here</Subtitle2>
      <ul className={lists.list} aria-label="FinOps workbooks in this file">
        {view.rows.map((row) => (
          <li key={`${row.templateId}:${row.sheets}`} className={lists.item}>
            <span className={styles.title}>
              <Text weight="semibold">{row.title}</Text>
              <Badge appearance="outline">{row.version}</Badge>
              {row.update && (
                <Badge appearance="tint" color="informative">
                  {row.update}
                </Badge>
              )}
            </span>
            <Caption1>Sheets: {row.sheets}</Caption1>
          </li>
        ))}
      </ul>
      <div className={styles.buttons} role="group" aria-label="Maintain these workbooks">
        <Button appearance="primary" onClick={onCheck}>
          Check workbook
        </Button>
        {view.actions.map(({ action, label }) => (
          <Button key={action} onClick={() => onMaintain(action)}>
            {label}
          </Button>
        ))}
        <Button onClick={onImport}>Import cost data (FOCUS)</Button>
        <Button onClick={onAdd}>Add templates</Button>
      </div>
    </section>
  );
}
