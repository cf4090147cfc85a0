import { Body1, Button, Caption1, Field, ProgressBar } from "@fluentui/react-components";
import type { FocusProgress } from "../../domain/focus/focusProgress";
import { progressView } from "../model/costImport";

export interface ImportProgressProps {
  /** Null until the worker's first report. */
  readonly progress: FocusProgress | null;
  readonly onCancel: () => void;
}

/** Reading under way (the bar is named by its field label: the file being read): file, rows, MB and time left, with Cancel (the pane stays usable meanwhile). */
export function ImportProgress({ progress, onCancel }: ImportProgressProps) {
  const view = progress && progressView(progress);
  return (
    <>
      <Field label={view?.file ?? "Starting to read..."}>
        <ProgressBar
          value={view?.fraction}
          max={1}
          aria-valuetext={view ? `${Math.round(view.fraction * 100)}%` : undefined}
        />
      </Field>
      <Body1 role="status" aria-live="polite">
        {view?.figures ?? ""}
      </Body1>
      <Caption1>Nothing is written to the workbook until you confirm.</Caption1>
      <div>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </>
  );
}
