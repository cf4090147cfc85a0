import {
  Button,
  Caption1,
  Field,
  makeStyles,
  ProgressBar,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import type { StepView } from "../model/generationView";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  active: { fontWeight: tokens.fontWeightSemibold },
});

export interface GenerationProgressProps {
  readonly title: string;
  readonly steps: readonly StepView[];
  /** 0..1 */
  readonly value: number;
  /** Shown until writing starts, the only point where stopping leaves nothing behind. */
  readonly canCancel: boolean;
  readonly cancelling: boolean;
  readonly onCancel: () => void;
}

/** The named steps of a run, with Cancel while it is still safe. */
export function GenerationProgress({
  title,
  steps,
  value,
  canCancel,
  cancelling,
  onCancel,
}: GenerationProgressProps) {
  const styles = useStyles();
  const current = steps.find((s) => s.state === "active")?.label ?? "Starting";
  return (
    <section className={styles.root} aria-labelledby="progress-heading" aria-busy="true">
      <Subtitle1 as="h2" id="progress-heading">
        Creating {title}
      </Subtitle1>
      <Field validationMessage={`${current}...`} validationState="none">
        <ProgressBar value={value} aria-label="Progress" />
      </Field>
      <ol className={styles.steps} aria-label="Steps">
        {steps.map((step) => (
          <li key={step.label} className={step.state === "active" ? styles.active : undefined}>
            {step.label}
            {step.state === "done" ? " (done)" : "..."}
          </li>
        ))}
      </ol>
      {canCancel ? (
        <div>
          <Button onClick={onCancel} disabled={cancelling}>
            {cancelling ? "Cancelling..." : "Cancel"}
          </Button>
        </div>
      ) : (
        <Caption1>Writing has started; it finishes in a moment.</Caption1>
      )}
    </section>
  );
}
