import {
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { ConsolidatePreview } from "../model/consolidateView";
import { useListStyles } from "./listStyles";
import { NoticeTitle } from "./NoticeTitle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  wrap: { overflowWrap: "anywhere" },
  bad: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export interface ConsolidatePreviewPanelProps {
  readonly preview: ConsolidatePreview;
  readonly skipBad: boolean;
  readonly onSkipBad: (skip: boolean) => void;
  /** The file chosen for a department delivered twice. */
  readonly onChoose: (department: string, file: string) => void;
}

/** What was read: each department's file and figures, the files that cannot be used, and the departments delivered twice. */
export function ConsolidatePreviewPanel({
  preview,
  skipBad,
  onSkipBad,
  onChoose,
}: ConsolidatePreviewPanelProps) {
  const styles = useStyles();
  const lists = useListStyles();
  return (
    <div className={styles.root}>
      <Subtitle2 as="h3">Departments read</Subtitle2>
      {preview.departments.length === 0 ? (
        <Caption1>No department can be rolled up yet.</Caption1>
      ) : (
        <ul className={lists.list} aria-label="Departments read">
          {preview.departments.map((row) => (
            <li key={row.key} className={lists.item} aria-label={row.department}>
              <Text weight="semibold" className={styles.wrap}>
                {row.department}
              </Text>
              <Caption1 className={styles.wrap}>{row.file}</Caption1>
              <Caption1>Practice score: {row.practiceScore}</Caption1>
              <Caption1>Budget: {row.budget}</Caption1>
              <Caption1>{row.health}</Caption1>
              <Caption1 className={styles.wrap}>{row.versions}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {preview.bad.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <NoticeTitle>
              {preview.bad.length === 1
                ? "A file cannot be used"
                : `${preview.bad.length} files cannot be used`}
            </NoticeTitle>
            <ul className={styles.bad} aria-label="Files that cannot be used">
              {preview.bad.map((file) => (
                <li key={file.file}>
                  {file.file}: {file.reason}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {preview.bad.length > 0 && (
        <Checkbox
          checked={skipBad}
          onChange={(_, data) => onSkipBad(data.checked === true)}
          label="Skip files that cannot be used"
        />
      )}
      {preview.duplicates.map((duplicate) => (
        <Field
          key={duplicate.department}
          label={`${duplicate.department} is in more than one file: which one to use?`}
        >
          <RadioGroup
            value={duplicate.chosen ?? ""}
            onChange={(_, data) => onChoose(duplicate.department, data.value)}
          >
            {duplicate.files.map((file) => (
              <Radio key={file} value={file} label={file} />
            ))}
          </RadioGroup>
        </Field>
      ))}
    </div>
  );
}
