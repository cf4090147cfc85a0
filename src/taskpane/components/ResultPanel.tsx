import { useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { ResultView } from "../model/generationView";
import { useListStyles } from "./listStyles";
import { messageOf } from "../model/messageOf";
import type { UndoOffer } from "../../excel/undoStep";
import { UndoNote } from "./UndoNote";
import { NoticeTitle } from "./NoticeTitle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  sheets: { listStyleType: "none", margin: 0, padding: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ResultPanelProps {
  readonly view: ResultView;
  readonly undo?: UndoOffer;
  /** Resolves when the sheet is shown; rejects with a plain message. */
  readonly onGoTo: (sheet: string) => Promise<void>;
  readonly onHome: () => void;
  readonly onMore: () => void;
}

/** What a run created, with Go to links, the names it had to change and what to fill in first. */
export function ResultPanel({ view, undo, onGoTo, onHome, onMore }: ResultPanelProps) {
  const styles = useStyles();
  const lists = useListStyles();
  const [goToError, setGoToError] = useState<string | null>(null);
  // Once the pane's undo removed the sheets, their Go to links would lead nowhere (the offer
  // remembers it across tab switches); onUndone redraws.
  const [, redraw] = useState(0);
  const undone = undo?.by === "pane" && undo.state() === "undone";
  const goTo = (sheet: string) => {
    setGoToError(null);
    onGoTo(sheet).catch((error: unknown) => setGoToError(messageOf(error)));
  };
  return (
    <section className={styles.root} aria-labelledby="result-heading">
      <MessageBar intent="success">
        <MessageBarBody>
          <NoticeTitle id="result-heading">Done.</NoticeTitle>
          {view.headline}
        </MessageBarBody>
      </MessageBar>
      {goToError && (
        <MessageBar intent="error">
          <MessageBarBody>{goToError}</MessageBarBody>
        </MessageBar>
      )}
      <UndoNote offer={undo} what="creating these sheets" onUndone={() => redraw((n) => n + 1)} />
      {!undone && (
        <ul className={lists.list} aria-label="Sheets created">
          {view.groups.map((group) => (
            <li key={group.templateId} className={lists.item}>
              <Subtitle2 as="h2">{group.title}</Subtitle2>
              <ul className={styles.sheets}>
                {group.sheets.map((sheet) => (
                  <li key={sheet}>
                    <Link as="button" onClick={() => goTo(sheet)} aria-label={`Go to ${sheet}`}>
                      Go to {sheet}
                    </Link>
                  </li>
                ))}
              </ul>
              <Caption1>Fill in first: {group.firstStep}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {!undone && view.renamed.length > 0 && (
        <section aria-labelledby="renamed-heading">
          <Subtitle2 as="h2" id="renamed-heading">
            Names changed to keep what was already here
          </Subtitle2>
          <ul>
            {view.renamed.map((line) => (
              <li key={line}>
                <Body1>{line}</Body1>
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.notes.map((note) => (
        <Body1 key={note}>{note}</Body1>
      ))}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onHome}>
          See the workbook summary
        </Button>
        <Button onClick={onMore}>Create more</Button>
      </div>
    </section>
  );
}
