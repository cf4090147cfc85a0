import { Body1, makeStyles, Title3, tokens } from "@fluentui/react-components";
import { FUNCTION_CATALOGUE } from "../functionCatalogue";
import { FunctionList } from "./FunctionList";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: "288px" },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  logo: { width: "32px", height: "32px" },
});

/** The task pane shell: what the add-in is, and the FINOPS functions it adds to Excel. */
export function App() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <Title3 as="h1">FinOps Practice Workbooks</Title3>
      </header>
      <Body1>
        Build and run your FinOps practice in Excel: team budget, staffing plan, KPI tracker with savings ledger, maturity scorecard,
        decision model, adoption plan and executive summary. Type <code>=FINOPS.</code> in any cell to use the functions below.
      </Body1>
      <FunctionList entries={FUNCTION_CATALOGUE} />
    </main>
  );
}
