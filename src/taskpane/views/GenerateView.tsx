import { useEffect, useRef, useState } from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { GENERATION_STEP_COUNT, generateWorkbooks, GenerationResult } from "../../excel/generateWorkbooks";
import { activateSheet } from "../../excel/navigation";
import { saveOptions } from "../../excel/savedOptions";
import type { TemplateOptions } from "../../workbook/options";
import { GenerationProgress } from "../components/GenerationProgress";
import { ResultPanel } from "../components/ResultPanel";
import { useExcelHost } from "../ExcelHostContext";
import { progressSteps, resultView } from "../model/generationView";
import { selectionTitle } from "../model/templateCards";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Run =
  | { readonly state: "running"; readonly steps: readonly string[] }
  | { readonly state: "done"; readonly result: GenerationResult }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "cancelled"; readonly message: string };

export interface GenerateViewProps {
  readonly templateIds: readonly string[];
  readonly options: TemplateOptions;
  readonly onBackToOptions: () => void;
  readonly onHome: () => void;
  readonly onMore: () => void;
}

/** Runs the generation once: progress with named steps, then the result or the error in plain words. */
export default function GenerateView({ templateIds, options, onBackToOptions, onHome, onMore }: GenerateViewProps) {
  const styles = useStyles();
  const host = useExcelHost();
  const [run, setRun] = useState<Run>({ state: "running", steps: [] });
  const [attempt, setAttempt] = useState(0);
  const [cancelling, setCancelling] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    setCancelling(false);
    setRun({ state: "running", steps: [] });
    if (!host) {
      setRun({ state: "failed", message: "The FinOps pane must run inside Excel to create workbooks." });
      return;
    }
    const onStep = (step: string) =>
      setRun((r) => (r.state === "running" ? { state: "running", steps: [...r.steps, step] } : r));
    generateWorkbooks(templateIds, options, host, { onStep, signal: abort.signal }).then(
      (result) => {
        setRun({ state: "done", result });
        void saveOptions(options, host);
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        const cancelled = error instanceof Error && error.name === "GenerationCancelled";
        setRun({ state: cancelled ? "cancelled" : "failed", message });
      }
    );
  }, [host, templateIds, options, attempt]);

  const title = selectionTitle(templateIds);
  if (run.state === "running") {
    const writing = run.steps.some((s) => s.startsWith("Writing"));
    return (
      <GenerationProgress
        title={title}
        steps={progressSteps(run.steps, false)}
        value={run.steps.length / GENERATION_STEP_COUNT}
        canCancel={!writing}
        cancelling={cancelling}
        onCancel={() => {
          setCancelling(true);
          controller.current?.abort();
        }}
      />
    );
  }
  if (run.state === "done") {
    return (
      <ResultPanel
        view={resultView(run.result, options.sampleData)}
        onGoTo={(sheet) => (host ? activateSheet(sheet, host) : Promise.resolve())}
        onHome={onHome}
        onMore={onMore}
      />
    );
  }
  return (
    <section className={styles.root} aria-label="Result">
      <MessageBar intent={run.state === "cancelled" ? "info" : "error"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{run.state === "cancelled" ? "Cancelled" : `${title} could not be created`}</MessageBarTitle>
          {run.message}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </Button>
        <Button onClick={onBackToOptions}>Back to options</Button>
      </div>
    </section>
  );
}
