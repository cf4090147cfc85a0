import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { UndoOffer } from "../../excel/undoStep";
import { ChangeList } from "./ChangeList";
import { UndoNote } from "./UndoNote";
import { TYPED_OVER } from "../../workbook/maintain/refreshPlan";
import { NoticeTitle } from "./NoticeTitle";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The repair flow: nothing, the preview being read, the preview shown, being applied, applied. */
export type Repair =
  | { readonly step: "idle" }
  | { readonly step: "previewing" }
  | { readonly step: "preview"; readonly changes: readonly string[] }
  | { readonly step: "applying" }
  | { readonly step: "applied"; readonly changes: readonly string[]; readonly undo?: UndoOffer }
  | { readonly step: "failed"; readonly message: string };

export interface RepairPanelProps {
  readonly repair: Repair;
  readonly onApply: () => void;
  readonly onCancel: () => void;
  /** The pane's own undo put the repair back: the check is stale. */
  readonly onUndone?: () => void;
}

/** Whether a refresh puts a formula back over something typed (its preview line says so). */
const replacesTyped = (changes: readonly string[]) =>
  changes.some((line) => line.includes(TYPED_OVER));

/** The preview before anything changes, the summary after, or what went wrong. */
export function RepairPanel({ repair, onApply, onCancel, onUndone }: RepairPanelProps) {
  const styles = useStyles();
  switch (repair.step) {
    case "idle":
      return null;
    case "previewing":
      return <Spinner label="Working out what Repair would change..." />;
    case "applying":
      return <Spinner label="Repairing..." />;
    case "failed":
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <NoticeTitle>The repair did not go through</NoticeTitle>
            {repair.message}
          </MessageBarBody>
        </MessageBar>
      );
    case "preview":
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <NoticeTitle>Repair will change this</NoticeTitle>
            {repair.changes.length === 0 ? (
              "Nothing: the workbook already matches its templates."
            ) : (
              <ChangeList lines={repair.changes} label="Changes Repair will make" />
            )}
            <Caption1 as="p">
              {replacesTyped(repair.changes)
                ? "Input cells, rows and columns you added and your own sheets are kept. A value typed over a template's formula is replaced: each is named above with what it holds now."
                : "Values you typed, rows and columns you added and your own sheets are kept."}
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
            <NoticeTitle>Repaired</NoticeTitle>
            {repair.changes.length === 0 ? (
              "Nothing needed changing."
            ) : (
              <ChangeList lines={repair.changes} label="Changes made" />
            )}
            <UndoNote offer={repair.undo} what="the repair" onUndone={onUndone} />
          </MessageBarBody>
        </MessageBar>
      );
  }
}
