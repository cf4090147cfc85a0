import { useState } from "react";
import { Body1, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { insertIntoActiveCell } from "../../excel/navigation";
import { FunctionList } from "../components/FunctionList";
import { useExcelHost } from "../ExcelHostContext";
import { CatalogueEntry, FUNCTION_CATALOGUE } from "../functionCatalogue";
import { messageOf } from "../model/messageOf";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

type Outcome = { readonly intent: "success" | "error"; readonly text: string } | null;

/**
 * The FINOPS reference (generated from the same metadata as docs/FUNCTIONS.md). Insert writes the
 * entry's example, self-contained (array constants for ranges), into the active cell, where it computes
 * the documented result; the user then points its arguments at their own cells.
 */
export default function FunctionsView() {
  const styles = useStyles();
  const host = useExcelHost();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const insert = (entry: CatalogueEntry) => {
    if (!host) return;
    setBusy(true);
    setOutcome(null);
    insertIntoActiveCell(entry.insert, host)
      .then(
        ({ address }) =>
          setOutcome({
            intent: "success",
            text: `Inserted ${entry.insert} in ${address}. Press F2 in Excel to replace the example values with your cells.`,
          }),
        (error: unknown) =>
          setOutcome({
            intent: "error",
            text: messageOf(error),
          })
      )
      .finally(() => setBusy(false));
  };
  return (
    <div className={styles.root}>
      <Body1>
        Type <code>=FINOPS.</code> in any cell, or select an empty cell and choose Insert to add a
        working example.
      </Body1>
      {outcome && (
        <MessageBar intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      <FunctionList
        entries={FUNCTION_CATALOGUE}
        onInsert={host ? insert : undefined}
        insertDisabled={busy}
      />
    </div>
  );
}
