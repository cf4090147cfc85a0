import { useState } from "react";
import {
  Button,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { RollupResult } from "../../excel/consolidateRollup";
import { activateSheet } from "../../excel/navigation";
import type { WithUndo } from "../../excel/undoStep";
import { useExcelHost } from "../ExcelHostContext";
import { messageOf } from "../model/messageOf";
import { ChangeList } from "./ChangeList";
import { NoticeTitle } from "./NoticeTitle";
import { UndoNote } from "./UndoNote";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface RollupWrittenProps {
  readonly written: WithUndo<RollupResult>;
  readonly departments: number;
  /** consolidationReport's lines: each file read, each file not used and why. */
  readonly report: readonly string[];
  readonly onDone: () => void;
}

/** The roll-up written: its sheets, Go to its front sheet, what was read, and the undo offer. */
export function RollupWritten({ written, departments, report, onDone }: RollupWrittenProps) {
  const styles = useStyles();
  const host = useExcelHost();
  const [goToError, setGoToError] = useState<string | null>(null);
  const front = written.sheets[0];
  const replaced =
    written.replaced.length > 0
      ? `, replacing the earlier roll-up (its ${written.historyKept} history rows are kept)`
      : "";
  return (
    <div className={styles.root}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <NoticeTitle>Roll-up written</NoticeTitle>
          {`${departments} ${departments === 1 ? "department" : "departments"} on ${written.sheets.length} sheets${replaced}.`}
          <ChangeList lines={written.sheets} label="Sheets written" />
        </MessageBarBody>
      </MessageBar>
      {goToError && (
        <MessageBar intent="error">
          <MessageBarBody>{goToError}</MessageBarBody>
        </MessageBar>
      )}
      {front && host && (
        <div>
          <Link
            as="button"
            onClick={() => {
              setGoToError(null);
              activateSheet(front, host).catch((error: unknown) => setGoToError(messageOf(error)));
            }}
          >
            Go to {front}
          </Link>
        </div>
      )}
      <Subtitle2 as="h3">What was read</Subtitle2>
      <ChangeList lines={report} label="What was read" />
      {written.undo ? (
        <UndoNote offer={written.undo} what="the roll-up" />
      ) : (
        written.replaced.length > 0 && (
          // Excel cannot group deleting a sheet, and the earlier roll-up's sheets are gone.
          <Caption1 as="p">
            A roll-up that replaced an earlier one cannot be undone: it deleted the earlier
            roll-up&apos;s sheets. Its history rows are in the new roll-up&apos;s history.
          </Caption1>
        )
      )}
      <div>
        <Button appearance="primary" onClick={onDone}>
          Back to the summary
        </Button>
      </div>
    </div>
  );
}
