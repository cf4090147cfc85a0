import { useState } from "react";
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { convertFormulas, previewConversion } from "../../excel/convertFormulas";
import type { ExcelHost } from "../../excel/host";
import { previewAssessment, recordAssessment } from "../../excel/recordAssessment";
import { previewRollForward, rollForward } from "../../excel/rollForward";
import { previewUpgrade, upgradeWorkbook } from "../../excel/upgradeWorkbook";
import type { UndoOffer } from "../../excel/undoStep";
import { ChangeList } from "../components/ChangeList";
import { UndoNote } from "../components/UndoNote";
import { useExcelHost } from "../ExcelHostContext";
import { usePaneHold } from "../PaneHoldContext";
import { useLoad } from "../hooks/useLoad";
import { ACTIONS, MaintenanceAction } from "../model/maintenanceActions";
import { messageOf } from "../model/messageOf";
import { NoticeTitle } from "../components/NoticeTitle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** What an action will change or changed, what it leaves alone and why, and how to undo it. */
interface Outcome {
  readonly changes: readonly string[];
  readonly notes: readonly string[];
  readonly undo?: UndoOffer;
}

/** Conversion reports the formulas it leaves alone, and why, apart from its changes. */
function conversion(mode: "portable" | "addin") {
  return {
    preview: (host: ExcelHost) =>
      previewConversion(mode, host).then(({ changes, left }) => ({ changes, notes: left })),
    apply: (host: ExcelHost) =>
      convertFormulas(mode, host).then(({ changes, left, undo }) => ({
        changes,
        notes: left,
        undo,
      })),
  };
}

/** Each action's adapter calls: what it would change (changes nothing), and doing it. */
const ADAPTERS: Record<
  MaintenanceAction,
  {
    preview: (host: ExcelHost) => Promise<Outcome>;
    apply: (host: ExcelHost) => Promise<Outcome>;
  }
> = {
  upgrade: {
    preview: (host) => previewUpgrade(host).then(({ changes }) => ({ changes, notes: [] })),
    apply: (host) =>
      upgradeWorkbook(host).then(({ changes, undo }) => ({ changes, notes: [], undo })),
  },
  nextMonth: {
    preview: (host) => previewRollForward("period", host, 1),
    apply: (host) => rollForward("period", host, 1),
  },
  nextQuarter: {
    preview: (host) => previewRollForward("period", host, 3),
    apply: (host) => rollForward("period", host, 3),
  },
  nextYear: {
    preview: (host) => previewRollForward("fiscalYear", host),
    apply: (host) => rollForward("fiscalYear", host),
  },
  recordAssessment: {
    preview: (host) => previewAssessment(host),
    apply: (host) => recordAssessment(host),
  },
  portable: conversion("portable"),
  addin: conversion("addin"),
};

type Step =
  | { readonly step: "preview" }
  | { readonly step: "applying" }
  | { readonly step: "done"; readonly applied: Outcome }
  | { readonly step: "failed"; readonly message: string };

export interface MaintainViewProps {
  readonly action: MaintenanceAction;
  readonly onBack: () => void;
}

/** One maintenance action: what it will change first, then Apply, then what it changed. */
export default function MaintainView({ action, onBack }: MaintainViewProps) {
  const styles = useStyles();
  const host = useExcelHost();
  const hold = usePaneHold();
  const text = ACTIONS[action];
  const adapter = ADAPTERS[action];
  const [attempt, setAttempt] = useState(0);
  const [step, setStep] = useState<Step>({ step: "preview" });
  const preview = useLoad(
    () =>
      host
        ? adapter.preview(host)
        : Promise.reject(new Error("The FinOps pane must run inside Excel to change a workbook.")),
    `${action}:${attempt}`
  );
  const apply = () => {
    if (!host) return;
    setStep({ step: "applying" });
    const release = hold();
    adapter
      .apply(host)
      .finally(release)
      .then(
        (applied) => setStep({ step: "done", applied }),
        (error: unknown) => setStep({ step: "failed", message: messageOf(error) })
      );
  };

  const body = () => {
    if (step.step === "applying") return <Spinner label={`${text.label}...`} />;
    if (step.step === "done")
      return (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <NoticeTitle>Done</NoticeTitle>
            {step.applied.changes.length === 0 ? (
              "Nothing needed changing."
            ) : (
              <ChangeList lines={step.applied.changes} label="Changes made" />
            )}
            {step.applied.notes.length > 0 && (
              <ChangeList lines={step.applied.notes} label="Left as they were" />
            )}
            <UndoNote offer={step.applied.undo} what={text.undoes} />
          </MessageBarBody>
        </MessageBar>
      );
    if (step.step === "failed")
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <NoticeTitle>{text.label} did not go through</NoticeTitle>
            {step.message}
          </MessageBarBody>
        </MessageBar>
      );
    if (preview.state === "loading") return <Spinner label="Working out what will change..." />;
    if (preview.state === "failed")
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <NoticeTitle>The workbook could not be read</NoticeTitle>
            {preview.message}
          </MessageBarBody>
        </MessageBar>
      );
    const { changes, notes } = preview.value;
    return (
      <>
        {changes.length === 0 ? (
          <Body1>Nothing to change: the workbook is already this way.</Body1>
        ) : (
          <>
            <Body1>This will change:</Body1>
            <ChangeList lines={changes} label="What will change" />
            <Body1>{text.keeps}</Body1>
          </>
        )}
        {notes.length > 0 && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <ChangeList lines={notes} label="Not done" />
            </MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  };

  const canApply =
    step.step === "preview" && preview.state === "done" && preview.value.changes.length > 0;
  return (
    <section className={styles.root} aria-labelledby="maintain-heading">
      <Subtitle2 as="h2" id="maintain-heading">
        {text.label}
      </Subtitle2>
      <Body1>{text.description}</Body1>
      {body()}
      <div className={styles.actions}>
        {canApply && (
          <Button appearance="primary" onClick={apply}>
            Apply
          </Button>
        )}
        {(step.step === "failed" || (step.step === "preview" && preview.state === "failed")) && (
          <Button
            appearance="primary"
            onClick={() => {
              setStep({ step: "preview" });
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </Button>
        )}
        {step.step !== "applying" && (
          <Button onClick={onBack}>
            {step.step === "done" ? "Back to the summary" : "Cancel"}
          </Button>
        )}
      </div>
    </section>
  );
}
