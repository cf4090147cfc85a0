import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { GENERATION_STEP_COUNT, generateWorkbooks } from "../../excel/generateWorkbooks";
import { activateSheet } from "../../excel/navigation";
import { saveOptions } from "../../excel/savedOptions";
import type { TemplateOptions } from "../../workbook/options";
import { GenerationProgress } from "../components/GenerationProgress";
import { ResultPanel } from "../components/ResultPanel";
import { useExcelHost } from "../ExcelHostContext";
import { createRunStore, Execute, RunStore } from "../model/generationRun";
import { progressSteps, resultView } from "../model/generationView";
import { selectionTitle } from "../model/templateCards";
import { NoticeTitle } from "../components/NoticeTitle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface GenerateViewProps {
  readonly templateIds: readonly string[];
  readonly options: TemplateOptions;
  /** The pane's run, which outlives this view (tab switches); the view keeps its own when not given. */
  readonly runs?: RunStore;
  readonly onBackToOptions: () => void;
  readonly onHome: () => void;
  readonly onMore: () => void;
}

/** Runs the generation once: progress with named steps, then the result or the error in plain words. */
export default function GenerateView(props: GenerateViewProps) {
  const { templateIds, options, onBackToOptions, onHome, onMore } = props;
  const styles = useStyles();
  const host = useExcelHost();
  const [ownRuns] = useState(createRunStore);
  const runs = props.runs ?? ownRuns;
  const execute = useCallback<Execute>(
    (ids, chosen, progress) =>
      host
        ? generateWorkbooks(ids, chosen, host, progress).then((result) => {
            void saveOptions(chosen, host);
            return result;
          })
        : Promise.reject(new Error("The FinOps pane must run inside Excel to create templates.")),
    [host]
  );
  useEffect(
    () => runs.ensure(templateIds, options, execute),
    [runs, templateIds, options, execute]
  );
  const run = useSyncExternalStore(runs.subscribe, runs.current);
  const leave = (then: () => void) => () => {
    runs.dismiss();
    then();
  };

  const status = run?.status ?? { state: "running", steps: [], cancelling: false };
  const title = selectionTitle(run?.templateIds ?? templateIds);
  if (status.state === "running") {
    const writing = status.steps.some((s) => s.startsWith("Writing"));
    // One run at a time writes to the workbook: a request made while another runs is not started.
    const waiting = run !== null && (run.templateIds !== templateIds || run.options !== options);
    return (
      <section className={styles.root}>
        {waiting && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <NoticeTitle>{selectionTitle(templateIds)} was not started</NoticeTitle>
              Excel is still creating the sheets below. When they are done, choose Create again.
            </MessageBarBody>
          </MessageBar>
        )}
        <GenerationProgress
          title={title}
          steps={progressSteps(status.steps, false)}
          value={status.steps.length / GENERATION_STEP_COUNT}
          canCancel={!writing}
          cancelling={status.cancelling}
          onCancel={() => runs.cancel()}
        />
      </section>
    );
  }
  if (status.state === "done") {
    return (
      <ResultPanel
        view={resultView(status.result, (run?.options ?? options).sampleData)}
        undo={status.result.undo}
        onGoTo={(sheet) => (host ? activateSheet(sheet, host) : Promise.resolve())}
        onHome={leave(onHome)}
        onMore={leave(onMore)}
      />
    );
  }
  const cancelled = status.state === "cancelled";
  return (
    <section className={styles.root} aria-label="Result">
      <MessageBar intent={cancelled ? "info" : "error"} layout="multiline">
        <MessageBarBody>
          <NoticeTitle>{cancelled ? "Cancelled" : `${title} could not be created`}</NoticeTitle>
          {status.message}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => runs.retry(execute)}>
          Try again
        </Button>
        <Button onClick={leave(onBackToOptions)}>Back to options</Button>
      </div>
    </section>
  );
}
