import { useEffect, useMemo, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { RollupResult, writeRollup } from "../../excel/consolidateRollup";
import type { WithUndo } from "../../excel/undoStep";
import type { ReadingProgress, ReadResult } from "../../workbook/consolidate/readingMessages";
import { departmentKey } from "../../workbook/consolidate/gather";
import { ConsolidatePreviewPanel } from "../components/ConsolidatePreviewPanel";
import { DepartmentFilePicker } from "../components/DepartmentFilePicker";
import { NoticeTitle } from "../components/NoticeTitle";
import { RollupWrite } from "../components/RollupWrite";
import { RollupWritten } from "../components/RollupWritten";
import {
  DepartmentReadJob,
  DepartmentReadPort,
  ReadCancelled,
} from "../consolidate/departmentReadPort";
import {
  consolidatePreview,
  isoDay,
  progressText,
  rollupDefaults,
  RollupSettings,
  writtenReport,
} from "../model/consolidateView";
import { messageOf } from "../model/messageOf";
import { useExcelHost } from "../ExcelHostContext";
import { usePaneHold } from "../PaneHoldContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Step =
  | { readonly step: "choose" }
  | { readonly step: "reading"; readonly progress: ReadingProgress | null }
  | { readonly step: "failed"; readonly message: string }
  | { readonly step: "read"; readonly results: readonly ReadResult[]; readonly failure?: string }
  | { readonly step: "writing" }
  | {
      readonly step: "written";
      readonly written: WithUndo<RollupResult>;
      readonly departments: number;
      readonly report: readonly string[];
    };

export interface ConsolidateViewProps {
  readonly onBack: () => void;
  /** How files are read; the Web Worker when not given (tests pass an in-process stand-in). */
  readonly port?: DepartmentReadPort;
  /** The consolidation's default date (tests fix it); today when not given. */
  readonly today?: Date;
}

/** The worker port is its own chunk: fetched when the first read starts, not with the pane. */
const defaultPort = () => import("../consolidate/workerPort").then((m) => m.workerPort);

/**
 * Consolidate department workbooks: pick the files, read them off the pane's thread, preview each
 * department (and every file that cannot be used, and departments delivered twice), then write the
 * enterprise roll-up into this workbook.
 */
export default function ConsolidateView({ onBack, port, today }: ConsolidateViewProps) {
  const styles = useStyles();
  const host = useExcelHost();
  const hold = usePaneHold();
  const [files, setFiles] = useState<File[]>([]);
  const [step, setStep] = useState<Step>({ step: "choose" });
  const [chosen, setChosen] = useState<ReadonlyMap<string, string>>(new Map());
  const [skipBad, setSkipBad] = useState(false);
  const [edited, setEdited] = useState<Partial<RollupSettings>>({});
  const job = useRef<DepartmentReadJob | null>(null);
  // Counts read requests: a Cancel, or leaving the view, while the worker chunk loads makes the
  // request stale, so it starts nothing.
  const request = useRef(0);
  useEffect(
    () => () => {
      request.current += 1;
      job.current?.cancel();
    },
    []
  );

  const results = step.step === "read" ? step.results : null;
  const preview = useMemo(
    () => results && consolidatePreview(results, chosen, skipBad),
    [results, chosen, skipBad]
  );
  const date = edited.date ?? isoDay(today ?? new Date());
  const defaults = useMemo(
    () => (preview ? rollupDefaults(preview.submissions, date) : null),
    [preview, date]
  );
  const settings: RollupSettings = {
    organisation: edited.organisation ?? defaults?.organisation ?? "",
    currency: edited.currency ?? defaults?.currency ?? "",
    date,
  };

  const read = async () => {
    setStep({ step: "reading", progress: null });
    setChosen(new Map());
    setSkipBad(false);
    setEdited({});
    const mine = ++request.current;
    let reader: DepartmentReadPort;
    try {
      reader = port ?? (await defaultPort());
    } catch (error) {
      if (mine === request.current) setStep({ step: "failed", message: messageOf(error) });
      return;
    }
    if (mine !== request.current) return;
    const started = reader.start(files, (progress) =>
      setStep((s) => (s.step === "reading" ? { step: "reading", progress } : s))
    );
    job.current = started;
    started.result.then(
      (read) => job.current === started && setStep({ step: "read", results: read }),
      (error: unknown) => {
        if (job.current !== started || error instanceof ReadCancelled) return;
        setStep({ step: "failed", message: messageOf(error) });
      }
    );
  };
  const write = () => {
    if (!host || !preview || step.step !== "read") return;
    const { results: read } = step;
    setStep({ step: "writing" });
    const release = hold();
    writeRollup(
      {
        submissions: preview.submissions,
        organisation: settings.organisation.trim(),
        currency: settings.currency.trim().toUpperCase(),
        date: settings.date.trim(),
      },
      host
    )
      .finally(release)
      .then(
        (written) =>
          setStep({
            step: "written",
            written,
            departments: preview.submissions.length,
            report: writtenReport(preview.gathered, written.ratesNote),
          }),
        (error: unknown) => setStep({ step: "read", results: read, failure: messageOf(error) })
      );
  };
  const cancel = () => {
    request.current += 1;
    job.current?.cancel();
    job.current = null;
    setStep({ step: "choose" });
  };

  const body = () => {
    switch (step.step) {
      case "choose":
        return (
          <DepartmentFilePicker
            files={files}
            onFiles={setFiles}
            onRead={() => void read()}
            onCancel={onBack}
          />
        );
      case "reading":
        return (
          <>
            <Field label={step.progress ? progressText(step.progress) : "Starting to read..."}>
              <ProgressBar
                value={step.progress ? step.progress.index / step.progress.count : undefined}
                max={1}
              />
            </Field>
            <Caption1>Nothing is written to the workbook until you confirm.</Caption1>
            <div>
              <Button onClick={cancel}>Cancel</Button>
            </div>
          </>
        );
      case "failed":
        return (
          <>
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <NoticeTitle>The files could not be read</NoticeTitle>
                {step.message}
                <p>Nothing was written to the workbook.</p>
              </MessageBarBody>
            </MessageBar>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => setStep({ step: "choose" })}>
                Choose files again
              </Button>
              <Button onClick={onBack}>Cancel</Button>
            </div>
          </>
        );
      case "read":
        return (
          preview && (
            <>
              <ConsolidatePreviewPanel
                preview={preview}
                skipBad={skipBad}
                onSkipBad={setSkipBad}
                onChoose={(department, file) =>
                  setChosen((old) => new Map(old).set(departmentKey(department), file))
                }
              />
              <RollupWrite
                preview={preview}
                settings={settings}
                onSettings={setEdited}
                failure={step.failure}
                onWrite={write}
                onBack={() => setStep({ step: "choose" })}
              />
            </>
          )
        );
      case "writing":
        return <Spinner label="Writing the roll-up..." />;
      case "written":
        return (
          <RollupWritten
            written={step.written}
            departments={step.departments}
            report={step.report}
            onDone={onBack}
          />
        );
    }
  };

  return (
    <section className={styles.root} aria-labelledby="consolidate-heading">
      <Subtitle2 as="h2" id="consolidate-heading">
        Consolidate department workbooks
      </Subtitle2>
      {step.step === "choose" && (
        <Body1>
          Reads each department&apos;s workbook and writes the enterprise roll-up into this
          workbook: maturity by department with its spread, KPIs, adoption, budgets and savings,
          every figure with the file and cell it came from. Values only: no links to the files. The
          files are read on this computer; nothing is sent anywhere.
        </Body1>
      )}
      {body()}
    </section>
  );
}
