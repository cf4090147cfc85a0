import { useState } from "react";
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
import { usePaneHold } from "../PaneHoldContext";
import { messageOf } from "../model/messageOf";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface UndoNoteProps {
  readonly offer?: UndoOffer;
  /** What was done, as the sentence names it: "the repair", "this import". */
  readonly what: string;
  /** Called once the pane's own undo has put the workbook back. */
  readonly onUndone?: () => void;
}

type State = "offered" | "undoing" | "undone" | { readonly failed: string };

/**
 * How to take a command back: Ctrl+Z when Excel grouped its writes into one undo step, else the
 * pane's own "Undo last change". Nothing when the command changed nothing.
 */
export function UndoNote({ offer, what, onUndone }: UndoNoteProps) {
  const styles = useStyles();
  const hold = usePaneHold();
  const [state, setState] = useState<State>("offered");
  if (!offer) return null;
  if (offer.by === "excel")
    return <Caption1 as="p">Ctrl+Z undoes this in one step (⌘Z on a Mac).</Caption1>;
  if (state === "undoing") return <Spinner size="tiny" label="Undoing..." />;
  if (state === "undone")
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>Undone: the workbook is as it was before.</MessageBarBody>
      </MessageBar>
    );
  const undo = () => {
    setState("undoing");
    const release = hold();
    offer
      .undo()
      .finally(release)
      .then(
        () => {
          setState("undone");
          onUndone?.();
        },
        (error: unknown) => setState({ failed: messageOf(error) })
      );
  };
  return (
    <div className={styles.root}>
      {typeof state === "object" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>The undo did not go through: {state.failed}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1 as="p">
        This version of Excel cannot undo {what} in one step. Undo last change puts back everything
        it changed; anything typed since into those cells or sheets is lost.
      </Caption1>
      <div>
        <Button onClick={undo}>Undo last change</Button>
      </div>
    </div>
  );
}
