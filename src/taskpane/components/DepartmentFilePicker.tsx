import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { FileChooser } from "./FileChooser";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
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
  return (
    <div className={styles.root}>
      <FileChooser
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        description="The departments' workbooks (.xlsx), made with FinOps Practice Workbooks at any version"
        listLabel="Files to consolidate"
        files={files}
        onFiles={onFiles}
        size={kilobytes}
      />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={files.length === 0} onClick={onRead}>
          Read files
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
