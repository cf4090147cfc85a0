import { useId, useRef } from "react";
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useListStyles } from "./listStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // The native input stays in the page for the file chooser, out of sight: the button opens it.
  hidden: { display: "none" },
  name: { overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface DepartmentFilePickerProps {
  readonly files: readonly File[];
  readonly onFiles: (files: File[]) => void;
  readonly onRead: () => void;
  readonly onCancel: () => void;
}

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1000))} KB`;

/** Step one of consolidating: the departments' workbooks (.xlsx), several at once. */
export function DepartmentFilePicker({
  files,
  onFiles,
  onRead,
  onCancel,
}: DepartmentFilePickerProps) {
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
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-labelledby={label}
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          // The same file can be picked again after a fix.
          event.target.value = "";
        }}
      />
      <Body1 id={label}>
        The departments&apos; workbooks (.xlsx), made with FinOps Practice Workbooks at any version
      </Body1>
      <div className={styles.actions}>
        <Button onClick={() => input.current?.click()}>
          {files.length > 0 ? "Choose other files..." : "Choose files..."}
        </Button>
      </div>
      {files.length > 0 && (
        <ul className={lists.list} aria-label="Files to consolidate">
          {files.map((file) => (
            <li key={`${file.name}:${file.size}`} className={lists.item}>
              <span className={styles.name}>{file.name}</span>
              <Caption1>{kilobytes(file.size)}</Caption1>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={files.length === 0} onClick={onRead}>
          Read files
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
