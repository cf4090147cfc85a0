import { Consolidation } from "../../consolidate/submission";
import { fiscalYearLabel, TemplateOptions } from "../../options";
import { SheetSpec, WorkbookSpec } from "../../spec";
import { sheetTitle } from "../sheetTitle";
import { DEPARTMENT_CHARTS, departmentsTable } from "./departmentsTable";
import { enterpriseFigures } from "./enterpriseFigures";
import { heatMapTable, lensesTable } from "./heatMap";
import { historyTable } from "./historyTable";
import { escalationsTable, kpisTable, stagesTable } from "./kpisAdoption";
import { categoriesTable, categoryTotalsTable, modelsTable, modelTotalsTable } from "./money";
import { asAtSentence, differingDatesNote } from "./reportingDates";
import { ROLLUP_TEMPLATE_ID } from "./rollupKeys";
import { sourcesTable, submissionsTable } from "./submissionsSheet";

/**
 * The roll-up's sheets. Without a consolidation its tables are empty (what maintenance plans from the
 * recorded options); with one, its input cells hold the departments' figures as values. Tables on a
 * sheet go widest first, so that Excel can add a row to any of them (a table grows only when what is
 * below it moves whole).
 */
export function buildRollup(
  options: TemplateOptions,
  consolidation: Consolidation | undefined
): WorkbookSpec {
  const year = fiscalYearLabel(options);
  const c = options.currency;
  const landscape = { landscape: true, fitToWidth: true };
  const title = (
    what: string,
    subtitle = `${asAtSentence(options, consolidation)} Amounts in ${c} unless a column says otherwise.`
  ) => ({ kind: "title" as const, text: sheetTitle(options, `${what} ${year}`), subtitle });
  const sheets: SheetSpec[] = [
    {
      key: "rollupSummary",
      name: "Enterprise roll-up",
      freezeColumns: 1,
      print: landscape,
      blocks: [
        title("enterprise FinOps roll-up"),
        {
          kind: "notes",
          heading: "How to read it",
          lines: [
            "One row per department, copied from its own workbook as values (never links): the Submissions sheet lists each file, its Sources table every figure's file, sheet and cell.",
            `Type each department's rate to ${c} in the shaded Rate column (1 where it reports in ${c}). Until it is typed, that department is left out of the enterprise totals and counted in "Departments without a rate".`,
            "Maturity is shown as a spread across departments (lowest, median, highest, below their own target), as the FinOps Assessment advises for groups at different maturity; the one enterprise score is weighted by cloud spend and says how many departments it weighs.",
            "Return on the FinOps teams' cost is the team budget's definition (FINOPS.ROI: validated savings and avoidance minus the teams' loaded cost, over that cost), over departments whose team cost is known.",
            "Not printed: each amount as the department submitted it, in its own currency, and the file.",
            ...differingDatesNote(options, consolidation),
          ],
        },
        ...enterpriseFigures(options),
        departmentsTable(options, consolidation),
        ...DEPARTMENT_CHARTS,
      ],
    },
    {
      key: "rollupMaturity",
      name: "Maturity by department",
      freezeColumns: 1,
      print: landscape,
      blocks: [
        title("maturity by department"),
        {
          kind: "notes",
          heading: "How to read it",
          lines: [
            "Each capability's score in each department's scorecard (a share of the top score), then its spread across departments: lowest, median, highest, and how many departments are below their own target for it.",
            "Each department's targets follow on the right, off the page. The lenses table gives each department's score on the FinOps Assessment's five lenses.",
          ],
        },
        heatMapTable(options, consolidation),
        lensesTable(consolidation),
      ],
    },
    {
      key: "rollupKpisAdoption",
      name: "KPIs and adoption",
      freezeColumns: 1,
      print: landscape,
      blocks: [
        title("KPIs and adoption by department"),
        {
          kind: "notes",
          heading: "How to read it",
          lines: [
            "Each department's KPIs as its tracker shows them at its reporting date; the Departments table counts Green, Amber and Red from here.",
            "Adoption activities needing escalation, then each adoption stage's activities done of those planned.",
          ],
        },
        kpisTable(consolidation),
        escalationsTable(consolidation),
        stagesTable(consolidation),
      ],
    },
    {
      key: "rollupMoney",
      name: "Team money",
      freezeColumns: 1,
      print: landscape,
      blocks: [
        title("FinOps teams' money by department"),
        {
          kind: "notes",
          heading: "How to read it",
          lines: [
            `Amounts as each department submitted them, in its own currency, converted at the rate typed on the Enterprise roll-up sheet; a department without a rate adds nothing to the totals in ${c}.`,
            "Budget by category is the fiscal year's budget and the actual to date, as each team budget's categories hold them. Team models: the staffing plans' FTE and loaded cost by place in the team (central, hub, spoke, virtual).",
          ],
        },
        categoriesTable(options, consolidation),
        modelsTable(options, consolidation),
        modelTotalsTable(options),
        categoryTotalsTable(options, consolidation),
      ],
    },
    {
      key: "rollupSubmissions",
      name: "Submissions",
      freezeColumns: 1,
      print: landscape,
      blocks: [
        title("submissions and sources"),
        {
          kind: "notes",
          heading: "How to read it",
          lines: [
            "Each department's file: the reporting date its figures are as at, when it was last updated, the templates it holds with their versions (an older version was read through its own layout), errors its health check finds and templates it lacks.",
            "Sources: every figure the roll-up took from a file, with the sheet and cell it was read from. Not printed: how each file was read.",
            ...differingDatesNote(options, consolidation),
          ],
        },
        submissionsTable(consolidation),
        sourcesTable(consolidation),
      ],
    },
    {
      key: "rollupHistory",
      name: "Roll-up history",
      print: { landscape: false, fitToWidth: true },
      blocks: [
        // Its rows span consolidations: each is dated the day it was consolidated (a portrait page).
        title(
          "roll-up history",
          "A row per department each time the roll-up is consolidated, dated that day. Amounts in each department's currency."
        ),
        {
          kind: "notes",
          heading: "How to read it",
          lines: [
            "Each consolidation adds a row per department; consolidating again keeps these rows, so quarters can be compared.",
          ],
        },
        historyTable(consolidation),
      ],
    },
  ];
  return { templateId: ROLLUP_TEMPLATE_ID, version: 1, title: "Enterprise roll-up", sheets };
}
