import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { readRollupTarget } from "../../excel/consolidateRollup";
import { useExcelHost } from "../ExcelHostContext";
import { useLoad } from "../hooks/useLoad";
import {
  checkRollupSettings,
  ConsolidatePreview,
  replacesText,
  RollupSettings,
} from "../model/consolidateView";
import { NoticeTitle } from "./NoticeTitle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface RollupWriteProps {
  readonly preview: ConsolidatePreview;
  /** The roll-up's organisation, currency and date, as the user has them now (defaults filled in). */
  readonly settings: RollupSettings;
  readonly onSettings: (settings: RollupSettings) => void;
  /** Why the last write did not go through, in the adapter's plain words. */
  readonly failure?: string;
  readonly onWrite: () => void;
  readonly onBack: () => void;
}

/** The roll-up's settings, what writing replaces in this workbook, and Write roll-up once nothing blocks it. */
export function RollupWrite(props: RollupWriteProps) {
  const { preview, settings, onSettings, failure } = props;
  const styles = useStyles();
  const host = useExcelHost();
  const target = useLoad(
    () =>
      host
        ? readRollupTarget(host)
        : Promise.reject(new Error("The FinOps pane must run inside Excel to change a workbook.")),
    host
  );
  const problems = checkRollupSettings(settings);
  const set = (field: keyof RollupSettings) => (value: string) =>
    onSettings({ ...settings, [field]: value });
  const ready =
    host !== null &&
    preview.blocker === undefined &&
    Object.keys(problems).length === 0 &&
    target.state === "done";
  return (
    <div className={styles.root}>
      <Subtitle2 as="h3">The roll-up</Subtitle2>
      <Field label="Organisation" required validationMessage={problems.organisation}>
        <Input
          value={settings.organisation}
          onChange={(_, data) => set("organisation")(data.value)}
        />
      </Field>
      <Field
        label="Currency"
        required
        validationMessage={problems.currency}
        hint="Amounts in another currency are converted at the rate you type in the roll-up's Departments table."
      >
        <Input value={settings.currency} onChange={(_, data) => set("currency")(data.value)} />
      </Field>
      <Field
        label="Date of this consolidation"
        required
        validationMessage={problems.date}
        hint="The history rows carry it, so quarters can be compared."
      >
        <Input value={settings.date} onChange={(_, data) => set("date")(data.value)} />
      </Field>
      {target.state === "loading" && <Spinner size="tiny" label="Reading the workbook..." />}
      {target.state === "done" && (
        <Body1>{replacesText(target.value.replaces, target.value.historyRows)}</Body1>
      )}
      {(target.state === "failed" || failure) && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <NoticeTitle>
              {failure ? "The roll-up was not written" : "The workbook could not be read"}
            </NoticeTitle>
            {failure ?? (target.state === "failed" && target.message)}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview.blocker && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{preview.blocker}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!ready} onClick={props.onWrite}>
          Write roll-up
        </Button>
        <Button onClick={props.onBack}>Choose other files</Button>
      </div>
    </div>
  );
}
