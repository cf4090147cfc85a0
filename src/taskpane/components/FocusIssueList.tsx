import { Badge, Caption1, makeStyles, Text } from "@fluentui/react-components";
import type { FocusIssue } from "../../domain/focus/focusTypes";
import { issuePlace } from "../../domain/focus/focusIssuePlace";
import { useListStyles } from "./listStyles";

const useStyles = makeStyles({
  place: { overflowWrap: "anywhere" },
  message: { overflowWrap: "anywhere" },
});

/** The import's issues, each with its file, line (or row group and row) and column so the user can find it. */
export function FocusIssueList({ issues }: { readonly issues: readonly FocusIssue[] }) {
  const styles = useStyles();
  const lists = useListStyles();
  return (
    <ul className={lists.list} aria-label="Issues found">
      {issues.map((issue, i) => (
        <li key={i} className={lists.item}>
          <span>
            <Badge appearance="tint" color={issue.severity === "error" ? "danger" : "warning"}>
              {issue.severity === "error" ? "Error" : "Warning"}
            </Badge>{" "}
            <Text weight="semibold" className={styles.place}>
              {issuePlace(issue)}
            </Text>
          </span>
          <Caption1 className={styles.message}>{issue.message}</Caption1>
        </li>
      ))}
    </ul>
  );
}
