import { useEffect, useRef, useState } from "react";
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { FocusProgress } from "../../domain/focus/focusProgress";
import type { FocusImport } from "../../domain/focus/focusTypes";
import { CostImportWrite } from "../components/CostImportWrite";
import { FocusFilePicker } from "../components/FocusFilePicker";
import { FocusReadSummary } from "../components/FocusReadSummary";
import { ImportProgress } from "../components/ImportProgress";
import { FocusImportJob, FocusImportPort, ImportCancelled } from "../focus/focusImportPort";
import { selectFolder } from "../focus/folderSelection";
import { folderView, FolderView } from "../model/focusFolderView";
import {
  failureView,
  FailureView,
  groupingOf,
  GroupingChoice,
  ISSUE_LIMIT,
} from "../model/costImport";
import { NoticeTitle } from "../components/NoticeTitle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Step =
  | { readonly step: "choose" }
  | { readonly step: "reading"; readonly progress: FocusProgress | null }
  | { readonly step: "failed"; readonly failure: FailureView }
  | { readonly step: "read"; readonly result: FocusImport }
  | { readonly step: "write"; readonly result: FocusImport };

export interface CostImportViewProps {
  readonly onBack: () => void;
  /** How files are read; the Web Worker when not given (tests pass an in-process stand-in). */
  readonly port?: FocusImportPort;
}

/** The worker port is its own chunk: it is fetched when the first import starts, not with the pane. */
const defaultPort = () => import("../focus/workerPort").then((m) => m.workerPort);

/** Import cost data (FOCUS): choose files and grouping, read them off the pane's thread, review, write. */
export default function CostImportView({ onBack, port }: CostImportViewProps) {
  const styles = useStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [folder, setFolder] = useState<FolderView | undefined>(undefined);
  const [planningFolder, setPlanningFolder] = useState(false);
  // Counts folder choices: a folder still being planned when another (or files) is chosen is dropped.
  const folderRequest = useRef(0);
  const [by, setBy] = useState<GroupingChoice>("month");
  const [tagKey, setTagKey] = useState("");
  const [tagKeyError, setTagKeyError] = useState<string | undefined>(undefined);
  const [step, setStep] = useState<Step>({ step: "choose" });
  const job = useRef<FocusImportJob | null>(null);
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

  const read = async () => {
    const chosen = groupingOf(by, tagKey);
    if ("error" in chosen) return setTagKeyError(chosen.error);
    setTagKeyError(undefined);
    setStep({ step: "reading", progress: null });
    const mine = ++request.current;
    let reader: FocusImportPort;
    try {
      reader = port ?? (await defaultPort());
    } catch (error) {
      if (mine === request.current) setStep({ step: "failed", failure: failureView(error) });
      return;
    }
    if (mine !== request.current) return;
    const started = reader.start(
      files,
      { grouping: chosen.grouping, issueLimit: ISSUE_LIMIT },
      (progress) => setStep((s) => (s.step === "reading" ? { step: "reading", progress } : s))
    );
    job.current = started;
    started.result.then(
      (result) => job.current === started && setStep({ step: "read", result }),
      (error: unknown) => {
        if (job.current !== started || error instanceof ImportCancelled) return;
        setStep({ step: "failed", failure: failureView(error) });
      }
    );
  };
  const chooseFiles = (picked: File[]) => {
    folderRequest.current += 1;
    setPlanningFolder(false);
    setFolder(undefined);
    setFiles(picked);
  };
  const chooseFolder = (picked: File[]) => {
    const mine = ++folderRequest.current;
    setPlanningFolder(true);
    setFiles([]);
    void selectFolder(picked).then((selection) => {
      if (mine !== folderRequest.current) return;
      setFolder(folderView(selection));
      setFiles(selection.ok ? [...selection.files] : []);
      setPlanningFolder(false);
    });
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
          <FocusFilePicker
            files={files}
            by={by}
            tagKey={tagKey}
            tagKeyError={tagKeyError}
            onFiles={chooseFiles}
            folder={folder}
            planningFolder={planningFolder}
            onFolder={chooseFolder}
            onGrouping={setBy}
            onTagKey={setTagKey}
            onRead={() => void read()}
            onCancel={onBack}
          />
        );
      case "reading":
        return <ImportProgress progress={step.progress} onCancel={cancel} />;
      case "failed":
        return (
          <>
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <NoticeTitle>{step.failure.title}</NoticeTitle>
                {step.failure.message}
                {step.failure.fix && <p>{step.failure.fix}</p>}
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
        return <FocusReadSummary result={step.result} />;
      case "write":
        return (
          <CostImportWrite
            result={step.result}
            onBack={() => setStep({ step: "read", result: step.result })}
            onDone={onBack}
          />
        );
    }
  };

  return (
    <section className={styles.root} aria-labelledby="import-heading">
      <Subtitle2 as="h2" id="import-heading">
        Import cost data
      </Subtitle2>
      {step.step === "choose" && (
        <Body1>
          Reads your clouds&apos; cost exports in FOCUS, the FinOps Foundation&apos;s common format
          for billing data (AWS, Azure, Google Cloud and Oracle Cloud can export it), and writes
          monthly totals, savings and KPI actuals into this workbook. The files are read on this
          computer; nothing is sent anywhere.
        </Body1>
      )}
      {body()}
      {step.step === "read" && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() => setStep({ step: "write", result: step.result })}
          >
            Next: into the workbook
          </Button>
          <Button onClick={() => setStep({ step: "choose" })}>Change files or grouping</Button>
          <Button onClick={onBack}>Cancel</Button>
        </div>
      )}
    </section>
  );
}
