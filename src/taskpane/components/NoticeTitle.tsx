import type { ReactNode } from "react";
import { makeStyles, MessageBarTitle } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Fluent runs the title into the text ("Imported The totals..."): on a line of its own it reads.
  title: { display: "block" },
});

/** A message's title, on its own line above its text. */
export function NoticeTitle({
  id,
  children,
}: {
  readonly id?: string;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <MessageBarTitle id={id} className={styles.title}>
      {children}
    </MessageBarTitle>
  );
}
