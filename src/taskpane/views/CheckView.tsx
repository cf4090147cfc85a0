import { useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { checkWorkbookHealth, previewRefresh, refreshWorkbook } from "../../excel/maintainWorkbook";
import { activateSheet } from "../../excel/navigation";
import { ChangeList } from "../components/ChangeList";
import { useListStyles } from "../components/listStyles";
import { useExcelHost } from "../ExcelHostContext";
import { useLoad } from "../hooks/useLoad";
import { checkView, FindingGroup } from "../model/checkView";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  location: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  // Findings quote formulas and sheet names, which have no spaces to break at.
  text: { overflowWrap: "anywhere" },
});

/** The repair flow: nothing, the preview being read, the preview shown, being applied, applied. */
type Repair =
  | { readonly step: "idle" }
  | { readonly step: "previewing" }
  | { readonly step: "preview"; readonly changes: readonly string[] }
  | { readonly step: "applying" }
  | { readonly step: "applied"; readonly changes: readonly string[] }
  | { readonly step: "failed"; readonly message: string };

export interface CheckViewProps {
  readonly onBack: () => void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * "Check workbook": what is wrong, where (with Go to), how to fix it; then Repair, which shows what
 * refresh will change before it changes anything, and what it changed after.
 */
export default function CheckView({ onBack }: CheckViewProps) {
  const styles = useStyles();
  const host = useExcelHost();
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

  if (loaded.state === "loading") return <Spinner label="Checking the workbook..." />;
  if (loaded.state === "failed") {
    return (
      <section className={styles.root} aria-label="Check workbook">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The workbook could not be checked</MessageBarTitle>
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
    refreshWorkbook(host).then(
      ({ changes }) => {
        setRepair({ step: "applied", changes });
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
      <RepairPanel repair={repair} onApply={apply} onCancel={() => setRepair({ step: "idle" })} />
      <MessageBar intent={view.intent} layout="multiline" role="status">
        <MessageBarBody>{view.headline}</MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        {view.repairLabel &&
          (repair.step === "idle" || repair.step === "applied" || repair.step === "failed") && (
            <Button appearance="primary" onClick={preview}>
              {view.repairLabel}
            </Button>
          )}
        <Button onClick={recheck}>Check again</Button>
        <Button onClick={onBack}>Back to the summary</Button>
      </div>
      {goToError && (
        <MessageBar intent="error">
          <MessageBarBody>{goToError}</MessageBarBody>
        </MessageBar>
      )}
      {view.groups.map((group) => (
        <Findings key={group.severity} group={group} onGoTo={goTo} />
      ))}
    </section>
  );
}

interface RepairPanelProps {
  readonly repair: Repair;
  readonly onApply: () => void;
  readonly onCancel: () => void;
}

/** The preview before anything changes, the summary after, or what went wrong. */
function RepairPanel({ repair, onApply, onCancel }: RepairPanelProps) {
  const styles = useStyles();
  switch (repair.step) {
    case "idle":
      return null;
    case "previewing":
      return <Spinner label="Working out what refresh would change..." />;
    case "applying":
      return <Spinner label="Repairing..." />;
    case "failed":
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The repair did not go through</MessageBarTitle>
            {repair.message}
          </MessageBarBody>
        </MessageBar>
      );
    case "preview":
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Refresh will change this</MessageBarTitle>
            {repair.changes.length === 0 ? (
              "Nothing: the workbook already matches its templates."
            ) : (
              <ChangeList lines={repair.changes} label="Changes refresh will make" />
            )}
            <Caption1 as="p">
              Values you typed, rows and columns you added and your own sheets are kept.
            </Caption1>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={onApply} disabled={repair.changes.length === 0}>
                Apply
              </Button>
              <Button onClick={onCancel}>Cancel</Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      );
    case "applied":
      return (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Repaired</MessageBarTitle>
            {repair.changes.length === 0 ? (
              "Nothing needed changing."
            ) : (
              <ChangeList lines={repair.changes} label="Changes made" />
            )}
          </MessageBarBody>
        </MessageBar>
      );
  }
}

interface FindingsProps {
  readonly group: FindingGroup;
  readonly onGoTo: (sheet: string, address: string) => void;
}

function Findings({ group, onGoTo }: FindingsProps) {
  const styles = useStyles();
  const lists = useListStyles();
  const headingId = `findings-${group.severity}`;
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {group.title} ({group.findings.length + group.more})
      </Subtitle2>
      <ul className={lists.list} aria-labelledby={headingId}>
        {group.findings.map((finding) => (
          <li key={finding.key} className={lists.item}>
            <div className={styles.location}>
              {finding.canGoTo ? (
                <Link
                  as="button"
                  onClick={() => onGoTo(finding.sheet, finding.address)}
                  aria-label={`Go to ${finding.location}`}
                >
                  {finding.location}
                </Link>
              ) : (
                <Body1>{finding.location}</Body1>
              )}
              {finding.repairable && (
                <Badge appearance="tint" color="informative">
                  Refresh repairs this
                </Badge>
              )}
            </div>
            <Body1 className={styles.text}>{finding.what}</Body1>
            <Caption1 className={styles.text}>{finding.fix}</Caption1>
          </li>
        ))}
      </ul>
      {group.more > 0 && (
        <Caption1>And {group.more} more, listed when you check again after fixing these.</Caption1>
      )}
    </section>
  );
}
