import { useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  SearchBox,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { CatalogueEntry, searchCatalogue } from "../functionCatalogue";
import { useListStyles } from "./listStyles";

const useStyles = makeStyles({
  signature: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorBrandForeground1,
    overflowWrap: "anywhere",
  },
  example: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
  },
  insert: { alignSelf: "flex-start" },
});

export interface FunctionListProps {
  entries: readonly CatalogueEntry[];
  /** Writes the entry's example into the active cell; without it the list has no Insert buttons. */
  onInsert?: (entry: CatalogueEntry) => void;
  insertDisabled?: boolean;
}

/** The FINOPS functions with their signatures and examples, filtered as the user types. */
export function FunctionList({ entries, onInsert, insertDisabled }: FunctionListProps) {
  const styles = useStyles();
  const lists = useListStyles();
  const [query, setQuery] = useState("");
  const shown = searchCatalogue(entries, query);
  return (
    <section aria-labelledby="functions-heading">
      <Subtitle2 as="h2" id="functions-heading">
        FINOPS functions ({entries.length})
      </Subtitle2>
      <SearchBox
        aria-label="Search functions"
        placeholder="Search, e.g. savings or budget"
        value={query}
        onChange={(_, data) => setQuery(data.value)}
        style={{ width: "100%", margin: `${tokens.spacingVerticalS} 0` }}
      />
      {shown.length === 0 ? (
        <Body1 role="status">No function matches "{query}".</Body1>
      ) : (
        <ul className={lists.list} aria-label="FINOPS functions">
          {shown.map((entry) => (
            <li key={entry.name} className={lists.item}>
              <span className={styles.signature}>{entry.signature}</span>
              <Body1>{entry.description}</Body1>
              <Caption1 className={styles.example}>
                {entry.example} → {entry.exampleResult}
                {entry.exampleShown && ` (${entry.exampleShown} formatted as a percentage)`}
              </Caption1>
              {onInsert && (
                <Button
                  className={styles.insert}
                  size="small"
                  disabled={insertDisabled}
                  aria-label={`Insert ${entry.insert} into the active cell`}
                  onClick={() => onInsert(entry)}
                >
                  Insert
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
