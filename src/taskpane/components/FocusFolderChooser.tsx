import { useId, useRef } from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { FolderView } from "../model/focusFolderView";
import { useListStyles } from "./listStyles";
import { NoticeTitle } from "./NoticeTitle";

const useStyles = makeStyles({
  hidden: { display: "none" },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Export paths are long and unbroken: they wrap anywhere rather than widen a 320 px pane.
  text: { overflowWrap: "anywhere" },
});

export interface FocusFolderChooserProps {
  readonly folder?: FolderView;
  /** The folder's manifests are being read and its files compared. */
  readonly planning: boolean;
  readonly onFolder: (files: File[]) => void;
}

/**
 * A whole export folder chosen through the browser's folder chooser (`webkitdirectory`), and what
 * will be read from it: per billing period the delivery read, and the files skipped and why.
 */
export function FocusFolderChooser({ folder, planning, onFolder }: FocusFolderChooserProps) {
  const styles = useStyles();
  const lists = useListStyles();
  const input = useRef<HTMLInputElement>(null);
  const label = useId();
  return (
    <div className={styles.root}>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        // Not in React's typings; every browser the add-in runs in supports it.
        {...{ webkitdirectory: "" }}
        aria-labelledby={label}
        onChange={(event) => {
          onFolder([...(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
      <Body1 id={label}>
        Or a cloud export&apos;s folder (AWS Data Exports, Azure cost exports): only the newest
        delivery of each month is read.
      </Body1>
      <div>
        <Button disabled={planning} onClick={() => input.current?.click()}>
          {folder ? "Choose another folder..." : "Choose a folder..."}
        </Button>
      </div>
      {planning && <Spinner size="tiny" label="Reading the folder's manifests..." />}
      {!planning && folder?.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.text}>
            <NoticeTitle>{`${folder.title} cannot be imported`}</NoticeTitle>
            {folder.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {!planning && folder && !folder.error && (
        <section aria-label={folder.title} className={styles.root}>
          <Subtitle2 as="h3">{folder.title}</Subtitle2>
          <Body1 className={styles.text}>{folder.summary}</Body1>
          {folder.periods.length > 0 && (
            <ul className={lists.list} aria-label="Billing periods read">
              {folder.periods.map((line) => (
                <li key={line} className={`${lists.item} ${styles.text}`}>
                  {line}
                </li>
              ))}
            </ul>
          )}
          {folder.skipped.length > 0 && (
            <ul className={lists.list} aria-label="Files not read">
              {folder.skipped.map((line) => (
                <li key={line} className={lists.item}>
                  <Caption1 className={styles.text}>{line}</Caption1>
                </li>
              ))}
            </ul>
          )}
          {folder.more && <Caption1>{folder.more}</Caption1>}
        </section>
      )}
    </div>
  );
}
