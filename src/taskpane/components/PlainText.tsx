import { useState } from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { shownParts } from "../model/formulaText";

const useStyles = makeStyles({
  inline: { fontFamily: tokens.fontFamilyMonospace },
  // Prose breaks between words; a long sheet name still wraps rather than widen the pane.
  root: { overflowWrap: "break-word" },
  formula: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground2,
  },
});

/**
 * A sentence the adapter wrote, with each formula it quotes behind "Show formula": the sentence reads
 * "B5: a formula (Show formula) is left as it is" or "puts the formula back (Show formula)", and
 * the formula shows in full on request.
 */
export function PlainText({ text }: { readonly text: string }) {
  const styles = useStyles();
  const parts = shownParts(text);
  const [shown, setShown] = useState<ReadonlySet<number>>(new Set());
  return (
    <span className={styles.root}>
      {parts.map((part, i) => {
        if (part.kind === "prose") return <span key={i}>{part.text}</span>;
        if (part.kind === "inline")
          return (
            <code key={i} className={styles.inline}>
              {part.text}
            </code>
          );
        const open = shown.has(i);
        const toggle = (
          <Link
            as="button"
            aria-expanded={open}
            onClick={() =>
              setShown((now) => {
                const next = new Set(now);
                if (open) next.delete(i);
                else next.add(i);
                return next;
              })
            }
          >
            {open ? "Hide formula" : "Show formula"}
          </Link>
        );
        return (
          <span key={i}>
            {part.bracketed ? toggle : <>a formula ({toggle})</>}
            {open && <code className={styles.formula}>{part.text}</code>}
          </span>
        );
      })}
    </span>
  );
}
