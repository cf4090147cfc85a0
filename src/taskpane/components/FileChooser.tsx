import { useId, useRef } from "react";
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useListStyles } from "./listStyles";

const useStyles = makeStyles({
  // The native input stays in the page for the file chooser, out of sight: the button opens it.
  hidden: { display: "none" },
  name: { overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface FileChooserProps {
  /** The input's accept list: extensions and media types. */
  readonly accept: string;
  /** What to choose, said above the button (the input's label). */
  readonly description: string;
  /** The list of chosen files' accessible name ("Files to import"). */
  readonly listLabel: string;
  readonly files: readonly File[];
  readonly onFiles: (files: File[]) => void;
  /** A file's size as the list shows it. */
  readonly size: (bytes: number) => string;
}

/** Several files chosen through the browser's file chooser, then listed with their sizes. */
export function FileChooser(props: FileChooserProps) {
  const styles = useStyles();
  const lists = useListStyles();
  const input = useRef<HTMLInputElement>(null);
  const label = useId();
  return (
    <>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple
        accept={props.accept}
        aria-labelledby={label}
        onChange={(event) => {
          props.onFiles([...(event.target.files ?? [])]);
          // The same file can be picked again after a fix.
          event.target.value = "";
        }}
      />
      <Body1 id={label}>{props.description}</Body1>
      <div className={styles.actions}>
        <Button onClick={() => input.current?.click()}>
          {props.files.length > 0 ? "Choose other files..." : "Choose files..."}
        </Button>
      </div>
      {props.files.length > 0 && (
        <ul className={lists.list} aria-label={props.listLabel}>
          {props.files.map((file) => (
            <li key={`${file.name}:${file.size}`} className={lists.item}>
              <span className={styles.name}>{file.name}</span>
              <Caption1>{props.size(file.size)}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
