import { makeStyles, tokens } from "@fluentui/react-components";
import { PlainText } from "./PlainText";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ChangeListProps {
  readonly lines: readonly string[];
  /** The list's accessible name, e.g. "Changes made". */
  readonly label: string;
}

/** A maintenance preview or summary: one line per change, as the adapter words it. */
export function ChangeList({ lines, label }: ChangeListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {lines.map((line) => (
        <li key={line}>
          <PlainText text={line} />
        </li>
      ))}
    </ul>
  );
}
