import { useEffect, useState } from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { checkWorkbookHealth, previewRefresh, refreshWorkbook } from "../../excel/maintainWorkbook";
import { activateSheet } from "../../excel/navigation";
import { FindingList } from "../components/FindingList";
import { Repair, RepairPanel } from "../components/RepairPanel";
import { useExcelHost } from "../ExcelHostContext";
import { usePaneHold } from "../PaneHoldContext";
import { useLoad } from "../hooks/useLoad";
import { checkView, problemCounts } from "../model/checkView";
import { lastCheck } from "../model/lastCheck";
import { messageOf } from "../model/messageOf";
import { NoticeTitle } from "../components/NoticeTitle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface CheckViewProps {
  readonly onBack: () => void;
}

/**
 * "Check workbook": what is wrong, where (with Go to), how to fix it; then Repair, which shows what
 * Repair will change before it changes anything, and what it changed after.
 */
export default function CheckView({ onBack }: CheckViewProps) {
  const styles = useStyles();
  const host = useExcelHost();
  const hold = usePaneHold();
  const [attempt, setAttempt] = useState(0);
  const [repair, setRepair] = useState<Repair>({ step: "idle" });
  const [goToError, setGoToError] = useState<string | null>(null);
  const loaded = useLoad(
    () =>
      host
        ? checkWorkbookHealth(host)
        : Promise.reject(new Error("The FinOps pane must run inside Excel to check a workbook.")),
    attempt
  );

  useEffect(() => {
    if (loaded.state === "done") lastCheck.set({ at: new Date(), ...problemCounts(loaded.value) });
  }, [loaded]);

  if (loaded.state === "loading") return <Spinner label="Checking the workbook..." />;
  if (loaded.state === "failed") {
    return (
      <section className={styles.root} aria-label="Check workbook">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <NoticeTitle>The workbook could not be checked</NoticeTitle>
            {loaded.message}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </Button>
          <Button onClick={onBack}>Back to the summary</Button>
        </div>
      </section>
    );
  }
  const view = checkView(loaded.value);
  const busy = repair.step === "previewing" || repair.step === "applying";
  const recheck = () => {
    setRepair({ step: "idle" });
    setAttempt((n) => n + 1);
  };
  const preview = () => {
    if (!host) return;
    setRepair({ step: "previewing" });
    previewRefresh(host).then(
      (changes) => setRepair({ step: "preview", changes }),
      (error: unknown) => setRepair({ step: "failed", message: messageOf(error) })
    );
  };
  const apply = () => {
    if (!host) return;
    setRepair({ step: "applying" });
    const release = hold();
    refreshWorkbook(host)
      .finally(release)
      .then(
        ({ changes, undo }) => {
          setRepair({ step: "applied", changes, undo });
          setAttempt((n) => n + 1); // check again, so the list shows what is left
        },
        (error: unknown) => setRepair({ step: "failed", message: messageOf(error) })
      );
  };
  const goTo = (sheet: string, address: string) => {
    if (!host) return;
    setGoToError(null);
    activateSheet(sheet, host, address || undefined).catch((error: unknown) =>
      setGoToError(messageOf(error))
    );
  };

  return (
    <section className={styles.root} aria-labelledby="check-heading">
      <Subtitle2 as="h2" id="check-heading">
        Workbook check
      </Subtitle2>
      <RepairPanel
        repair={repair}
        onApply={apply}
        onCancel={() => setRepair({ step: "idle" })}
        onUndone={() => setAttempt((n) => n + 1)}
      />
      <MessageBar intent={view.intent} layout="multiline" role="status">
        <MessageBarBody>{view.headline}</MessageBarBody>
      </MessageBar>
      {/* While the repair is worked out or written, nothing else may read or leave the workbook half done. */}
      {!busy && (
        <div className={styles.actions}>
          {view.repairLabel && repair.step !== "preview" && (
            <Button appearance="primary" onClick={preview}>
              {view.repairLabel}
            </Button>
          )}
          <Button onClick={recheck}>Check again</Button>
          <Button onClick={onBack}>Back to the summary</Button>
        </div>
      )}
      {goToError && (
        <MessageBar intent="error">
          <MessageBarBody>{goToError}</MessageBarBody>
        </MessageBar>
      )}
      {view.groups.map((group) => (
        <FindingList key={group.severity} group={group} onGoTo={goTo} />
      ))}
    </section>
  );
}
