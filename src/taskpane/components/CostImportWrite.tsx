import { useState } from "react";
import {
  Body1,
  Caption1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { FocusImport } from "../../domain/focus/focusTypes";
import { applyCostImport, CostImportResult, previewCostImport } from "../../excel/importCostData";
import { useExcelHost } from "../ExcelHostContext";
import { usePaneHold } from "../PaneHoldContext";
import { useLoad } from "../hooks/useLoad";
import { periodChoices, tickedAtFirst } from "../model/costImport";
import type { WithUndo } from "../../excel/undoStep";
import { ChangeList } from "./ChangeList";
import { UndoNote } from "./UndoNote";
import { CostDataPreview } from "./CostDataPreview";
import { KpiPeriodPicker } from "./KpiPeriodPicker";
import { messageOf } from "../model/messageOf";
import { NoticeTitle } from "./NoticeTitle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Step =
  | { readonly step: "preview" }
  | { readonly step: "writing" }
  | { readonly step: "done"; readonly written: WithUndo<CostImportResult> }
  | { readonly step: "failed"; readonly message: string };

export interface CostImportWriteProps {
  readonly result: FocusImport;
  readonly onBack: () => void;
  readonly onDone: () => void;
}

/**
 * "Into the workbook": the Cost data sheet that will be written and, when there is a KPI tracker, its
 * months with old and new values; the user ticks the months, then the adapter writes (all or nothing).
 */
export function CostImportWrite({ result, onBack, onDone }: CostImportWriteProps) {
  const styles = useStyles();
  const host = useExcelHost();
  const hold = usePaneHold();
  const [attempt, setAttempt] = useState(0);
  const [step, setStep] = useState<Step>({ step: "preview" });
  // The user's own ticks and unticks; a month not in it keeps its first state (tickedAtFirst).
  const [choices, setChoices] = useState<ReadonlyMap<string, boolean>>(new Map());
  const preview = useLoad(
    () =>
      host
        ? previewCostImport(result, host)
        : Promise.reject(new Error("The FinOps pane must run inside Excel to change a workbook.")),
    `${attempt}`
  );

  if (step.step === "writing") return <Spinner label="Writing into the workbook..." />;
  if (step.step === "done") {
    const { written } = step;
    return (
      <div className={styles.root}>
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <NoticeTitle>Imported</NoticeTitle>
            The totals are on the &quot;{written.costDataSheet}&quot; sheet.
            {written.changes.length > 0 && (
              <ChangeList lines={written.changes} label="KPI values written" />
            )}
            {written.notes.length > 0 && <ChangeList lines={written.notes} label="Not filled" />}
            {written.undo ? (
              <UndoNote offer={written.undo} what="this import" />
            ) : (
              // The sheet an earlier import wrote is gone, and Excel cannot group deleting a sheet.
              <Caption1 as="p">
                An import that replaced an earlier one cannot be undone: it deleted that sheet. To
                go back, import the earlier files again; the KPI values it wrote are listed above.
              </Caption1>
            )}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onDone}>
            Back to the summary
          </Button>
        </div>
      </div>
    );
  }
  if (preview.state === "loading") return <Spinner label="Working out what will change..." />;
  if (preview.state === "failed" || step.step === "failed") {
    return (
      <div className={styles.root}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <NoticeTitle>
              {step.step === "failed"
                ? "The import did not go through"
                : "The workbook could not be read"}
            </NoticeTitle>
            {step.step === "failed" ? step.message : preview.state === "failed" && preview.message}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() => {
              setStep({ step: "preview" });
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </Button>
          <Button onClick={onBack}>Back</Button>
        </div>
      </div>
    );
  }

  const { value } = preview;
  const periods = periodChoices(value);
  const chosen = periods
    .filter((p) => choices.get(p.month) ?? tickedAtFirst(p))
    .map((p) => p.month);
  const write = () => {
    if (!host) return;
    setStep({ step: "writing" });
    const release = hold();
    applyCostImport(result, { periods: chosen }, host)
      .finally(release)
      .then(
        (written) => setStep({ step: "done", written }),
        (error: unknown) => setStep({ step: "failed", message: messageOf(error) })
      );
  };
  return (
    <div className={styles.root}>
      <Subtitle2 as="h3">Into the workbook</Subtitle2>
      <Body1>
        The totals go on the sheet &quot;{value.costDataSheet}&quot;
        {value.replaces ? `, which replaces the earlier import's "${value.replaces}"` : ""}: values
        only, no formulas.
      </Body1>
      <CostDataPreview result={result} />
      {periods.length > 0 && (
        <>
          <Subtitle2 as="h3">KPI tracker actuals</Subtitle2>
          <Body1>
            Months whose KPI cells are all empty are ticked. A month with values already in it
            (typed or imported before) is not: each cell is listed with its value now and the new
            one, and ticking the month replaces them. Unticked months keep their values.
          </Body1>
          <KpiPeriodPicker
            periods={periods}
            selected={new Set(chosen)}
            onToggle={(month, on) => setChoices((old) => new Map(old).set(month, on))}
          />
        </>
      )}
      {value.notes.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <ChangeList lines={value.notes} label="Not filled" />
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={write}>
          {periods.length > 0 && chosen.length > 0
            ? `Write the sheet and ${chosen.length} month${chosen.length === 1 ? "" : "s"}`
            : "Write the sheet"}
        </Button>
        <Button onClick={onBack}>Back</Button>
      </div>
    </div>
  );
}
