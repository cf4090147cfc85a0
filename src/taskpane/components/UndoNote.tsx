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
import { NoticeTitle } from "./NoticeTitle";

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

/** What the note is doing now; whether the offer is used or superseded is the offer's own. */
type State = "offered" | "undoing" | { readonly failed: string };

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
    return (
      <Caption1 as="p">
        To undo this in one step, click in the sheet and press Ctrl+Z (⌘Z on a Mac).
      </Caption1>
    );
  if (state === "undoing") return <Spinner size="tiny" label="Undoing..." />;
  // The offer outlives this note (a tab switch, a check reloading): it knows whether it was used.
  if (offer.state() === "undone")
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>Undone: the workbook is as it was before.</MessageBarBody>
      </MessageBar>
    );
  if (offer.state() === "superseded")
    return (
      <Caption1 as="p">
        A later change was made since, so Undo last change is offered for that one only.
      </Caption1>
    );
  const undo = () => {
    setState("undoing");
    const release = hold();
    offer
      .undo()
      .finally(release)
      .then(
        () => {
          setState("offered");
          onUndone?.();
        },
        (error: unknown) => setState({ failed: messageOf(error) })
      );
  };
  return (
    <div className={styles.root}>
      {typeof state === "object" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <NoticeTitle>The undo did not go through</NoticeTitle>
            {state.failed}
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1 as="p">
        Excel cannot undo {what} in one step here. Undo last change puts back everything it changed;
        anything typed since into those cells or sheets is lost.
      </Caption1>
      <div>
        <Button onClick={undo}>Undo last change</Button>
      </div>
    </div>
  );
}
