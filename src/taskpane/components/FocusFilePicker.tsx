import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from "@fluentui/react-components";
import { GROUPING_CHOICES, GroupingChoice, ISSUE_LIMIT } from "../model/costImport";
import type { FolderView } from "../model/focusFolderView";
import { FileChooser } from "./FileChooser";
import { FocusFolderChooser } from "./FocusFolderChooser";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface FocusFilePickerProps {
  readonly files: readonly File[];
  readonly by: GroupingChoice;
  readonly tagKey: string;
  /** Shown under the tag key field (it is required when grouping by tag). */
  readonly tagKeyError?: string;
  readonly onFiles: (files: File[]) => void;
  /** A chosen folder's plan; `files` are then the files it reads. */
  readonly folder?: FolderView;
  readonly planningFolder: boolean;
  readonly onFolder: (files: File[]) => void;
  readonly onGrouping: (by: GroupingChoice) => void;
  readonly onTagKey: (key: string) => void;
  readonly onRead: () => void;
  readonly onCancel: () => void;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Step one of the import: which FOCUS files (CSV, gzip or Parquet) and how to group their totals. */
export function FocusFilePicker(props: FocusFilePickerProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <FileChooser
        accept=".csv,.gz,.csv.gz,.parquet,text/csv,application/gzip,application/vnd.apache.parquet"
        description="Cost export files in FOCUS format (.csv, .csv.gz or .parquet), or a warehouse query's result (.csv, from finops-workbooks focus-query)"
        listLabel="Files to import"
        files={props.folder ? [] : props.files}
        onFiles={props.onFiles}
        size={megabytes}
      />
      <FocusFolderChooser
        folder={props.folder}
        planning={props.planningFolder}
        onFolder={props.onFolder}
      />
      <Field label="Totals per">
        <RadioGroup
          value={props.by}
          onChange={(_, data) => props.onGrouping(data.value as GroupingChoice)}
        >
          {GROUPING_CHOICES.map((choice) => (
            <Radio key={choice.by} value={choice.by} label={choice.label} />
          ))}
        </RadioGroup>
      </Field>
      {props.by === "tag" && (
        <Field
          label="Tag name"
          required
          validationMessage={props.tagKeyError}
          hint="The tag your cloud resources carry, as in the export (e.g. CostCenter). Rows without it are totalled as untagged; allocation coverage is the share of cost that has it."
        >
          <Input value={props.tagKey} onChange={(_, data) => props.onTagKey(data.value)} />
        </Field>
      )}
      <Caption1>
        Rows with a bad number or date are left out and listed (the first {ISSUE_LIMIT}); reading
        goes on. Only totals go into the workbook, never the rows.
      </Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={props.files.length === 0} onClick={props.onRead}>
          Read files
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
