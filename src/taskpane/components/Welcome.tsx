import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface WelcomeProps {
  /** False when the pane runs outside Excel. */
  readonly inExcel: boolean;
  readonly onCreateSet: () => void;
  readonly onBrowse: () => void;
  /** Import cost data (FOCUS): its Cost data sheet is useful without any template. */
  readonly onImport: () => void;
  /** Consolidate department workbooks: the enterprise roll-up needs no template here. */
  readonly onConsolidate: () => void;
  /** What an earlier import left here, in a sentence, when the workbook holds its Cost data sheet. */
  readonly costData?: string;
}

/** The first screen of a workbook without FinOps sheets. */
export function Welcome({
  inExcel,
  onCreateSet,
  onBrowse,
  onImport,
  onConsolidate,
  costData,
}: WelcomeProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="welcome-heading">
      <Subtitle1 as="h2" id="welcome-heading">
        Start your FinOps practice in this workbook
      </Subtitle1>
      <Body1>
        Create the team budget, staffing plan, KPI tracker with savings ledger, maturity scorecard,
        decision model, adoption plan and an executive summary that links them, in this workbook.
        Nothing already here is changed.
      </Body1>
      {costData && <Body1>{costData}</Body1>}
      {!inExcel && (
        <MessageBar intent="info">
          <MessageBarBody>
            Open this pane from the FinOps group on Excel&apos;s Home tab to create the templates.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onCreateSet}>
          Create the full practice set
        </Button>
        <Button onClick={onBrowse}>Choose templates</Button>
        {inExcel && <Button onClick={onImport}>Import cost data</Button>}
        {inExcel && <Button onClick={onConsolidate}>Consolidate department workbooks</Button>}
      </div>
    </section>
  );
}
