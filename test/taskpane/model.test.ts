import { kpiTracker } from "../../src/workbook/templates/kpiTracker";
import { maturityScorecard } from "../../src/workbook/templates/maturityScorecard";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createNavigator, tabOf, viewForTab } from "../../src/taskpane/model/navigation";
import { draftFrom, readDraft, visibleErrors } from "../../src/taskpane/model/optionsForm";
import { progressSteps, resultView } from "../../src/taskpane/model/generationView";
import { NO_PRACTICE } from "../../src/excel/practiceSummary";
import { summaryView } from "../../src/taskpane/model/summaryView";
import * as catalogue from "../../src/taskpane/model/templateCards";
import { costDataRows, currencyNote, readSummary } from "../../src/taskpane/model/costImport";
import { FocusFileInfo } from "../../src/domain/focus/focusTypes";
import { aggregate, focusImport } from "../workbook/costData/focusImports";

describe("navigation", () => {
  it("maps views to tabs and counts visits, so the ribbon can reopen the summary", () => {
    expect(tabOf({ name: "options", templateIds: ["team-budget"] })).toBe("templates");
    expect(viewForTab("templates")).toEqual({ name: "gallery" });
    expect(viewForTab("home")).toEqual({ name: "home" });
    const nav = createNavigator();
    const seen: string[] = [];
    const stop = nav.subscribe(() => seen.push(nav.current().view.name));
    nav.go({ name: "functions" });
    nav.go({ name: "home" });
    stop();
    nav.go({ name: "gallery" });
    expect(seen).toEqual(["functions", "home"]);
    expect(nav.current()).toEqual({ view: { name: "gallery" }, visit: 3, held: false });
  });

  it("stays on a view while it writes, then opens the last view asked for meanwhile", () => {
    const nav = createNavigator({ name: "check" });
    const release = nav.hold();
    const other = nav.hold(); // two holds: the pane moves when both end
    expect(nav.current()).toEqual({ view: { name: "check" }, visit: 0, held: true });
    nav.go({ name: "functions" });
    nav.go({ name: "home" }); // the ribbon, or a tab: remembered, not opened
    expect(nav.current().view).toEqual({ name: "check" });
    release();
    release(); // a second call does not end the other hold
    expect(nav.current()).toMatchObject({ view: { name: "check" }, held: true });
    other();
    expect(nav.current()).toEqual({ view: { name: "home" }, visit: 1, held: false });
    const third = nav.hold();
    third(); // nothing asked for meanwhile: the pane stays where it is
    expect(nav.current()).toEqual({ view: { name: "home" }, visit: 1, held: false });
  });
});

describe("options form", () => {
  it("reads the typed text into options and reports each field in plain words", () => {
    const draft = draftFrom(DEFAULT_OPTIONS);
    expect(readDraft(draft)).toEqual({ options: DEFAULT_OPTIONS, errors: {} });
    const { options, errors } = readDraft({
      ...draft,
      currency: " eur ",
      periods: "",
      organisation: "  ",
    });
    expect(options.currency).toBe("EUR");
    expect(errors).toEqual({
      organisation: "Enter the organisation's name.",
      periods: "Choose 1 to 36 monthly periods.",
    });
    expect(readDraft({ ...draft, firstPeriod: "04/2026" }).errors.firstPeriod).toBe(
      'Use the form YYYY-MM, for example "2026-04".'
    );
  });

  it("reads the department and its lead trimmed, leaves them out when empty, and says what is wrong", () => {
    const draft = draftFrom(DEFAULT_OPTIONS);
    expect(draft.department).toBe("");
    expect(readDraft({ ...draft, department: "   ", departmentLead: "" }).options).toEqual(
      DEFAULT_OPTIONS
    );
    const { options, errors } = readDraft({
      ...draft,
      department: "  Payments ",
      departmentLead: " Ana Lima ",
    });
    expect(options).toEqual({
      ...DEFAULT_OPTIONS,
      department: "Payments",
      departmentLead: "Ana Lima",
    });
    expect(errors).toEqual({});
    expect(draftFrom(options)).toMatchObject({
      department: "Payments",
      departmentLead: "Ana Lima",
    });
    expect(readDraft({ ...draft, departmentLead: "Ana Lima" }).errors).toEqual({
      departmentLead: "A lead is recorded with a department: give the department too.",
    });
    expect(readDraft({ ...draft, department: "P".repeat(81) }).errors).toEqual({
      department: "Use at most 80 characters for the department (this one has 81).",
    });
    expect(readDraft({ ...draft, department: "Pay\tments" }).errors.department).toBe(
      "Write the department on one line, without tabs or line breaks."
    );
  });

  it("shows a field's error once it was left, and all after Create", () => {
    const errors = { organisation: "a", periods: "b" };
    expect(visibleErrors(errors, new Set(), false)).toEqual({});
    expect(visibleErrors(errors, new Set(["periods"]), false)).toEqual({ periods: "b" });
    expect(visibleErrors(errors, new Set(), true)).toEqual(errors);
  });
});

describe("generation view", () => {
  it("marks the last reported step as under way until the run ends", () => {
    expect(progressSteps(["Checking Excel", "Reading the workbook"], false)).toEqual([
      { label: "Checking Excel", state: "done" },
      { label: "Reading the workbook", state: "active" },
    ]);
    expect(progressSteps(["Checking Excel"], true)).toEqual([
      { label: "Checking Excel", state: "done" },
    ]);
  });

  it("groups sheets by template, says what to fill in first and why names changed", () => {
    const view = resultView(
      {
        sheets: [
          { templateId: "executive-summary", name: "Executive summary" },
          { templateId: "team-budget", name: "Team budget (2)" },
        ],
        renamed: [
          { kind: "sheet", wanted: "Team budget", chosen: "Team budget (2)" },
          { kind: "table", wanted: "BudgetLines", chosen: "BudgetLines_2" },
        ],
        addedForLinks: ["team-budget"],
        linkedTo: ["kpi-tracker"],
      },
      true
    );
    expect(view.headline).toBe("Created 2 sheets.");
    expect(view.groups.map((g) => [g.title, g.sheets])).toEqual([
      ["Executive summary", ["Executive summary"]],
      ["Team budget", ["Team budget (2)"]],
    ]);
    expect(view.groups[0].firstStep).toMatch(/^Nothing to type here/);
    expect(view.groups[1].firstStep).toMatch(
      /^Replace the sample figures with yours\. Enter the budget/
    );
    expect(view.renamed).toEqual([
      'Sheet "Team budget" was already in use, so this one is named "Team budget (2)".',
      'Table "BudgetLines" was already in use, so this one is named "BudgetLines_2".',
    ]);
    expect(view.notes).toEqual([
      "Added because the executive summary takes its figures from them: Team budget.",
      "Linked to the templates already here: KPI tracker and savings ledger.",
    ]);
  });
});

describe("summary view", () => {
  const installed = [
    {
      templateId: "maturity-scorecard",
      version: maturityScorecard.version,
      sheets: ["Maturity scorecard", "Practice checklist"],
      formulaMode: "addin" as const,
    },
    {
      templateId: "kpi-tracker",
      version: 0,
      sheets: ["KPI tracker"],
      formulaMode: "portable" as const,
    },
  ];

  it("titles and versions; the actions grouped by when they are due", () => {
    const view = summaryView(
      { ...NO_PRACTICE, templates: installed, maturity: { level: "Walk", score: 0.615 } },
      catalogue,
      null
    );
    expect(view.rows).toEqual([
      {
        templateId: "maturity-scorecard",
        title: "Maturity scorecard",
        version: `v${maturityScorecard.version}`,
        update: undefined,
        sheets: "Maturity scorecard, Practice checklist",
      },
      {
        templateId: "kpi-tracker",
        title: "KPI tracker and savings ledger",
        version: "v0",
        update: `v${kpiTracker.version} available`,
        sheets: "KPI tracker",
      },
    ]);
    // One template of each formula mode: both conversions are offered. The KPI tracker is behind the
    // add-in's version: Upgrade is offered; it rolls forward by month or quarter, the scorecard records
    // assessments; no budget or staffing plan, so no next fiscal year.
    expect(view.groups.map((g) => [g.label, g.items.map((i) => i.label)])).toEqual([
      [
        "Month end",
        ["Import cost data", "Next month", "Next quarter", "Consolidate department workbooks"],
      ],
      ["Year end", ["Record assessment"]],
      ["Health", ["Check workbook", "Upgrade templates"]],
      ["Sharing", ["Make portable", "Use add-in functions"]],
    ]);
  });

  it("tiles: maturity, KPI status, nothing imported or checked yet", () => {
    const tiles = summaryView(
      { ...NO_PRACTICE, templates: installed, maturity: { level: "Walk", score: 0.615 } },
      catalogue,
      null
    ).tiles;
    expect(tiles.map((t) => [t.label, t.value])).toEqual([
      ["KPI status", "Not available"],
      ["Maturity", "Walk (62%)"],
      ["Cost data", "Not imported yet"],
      ["Last check", "Not checked since the pane opened"],
    ]);
    expect(
      summaryView({ ...NO_PRACTICE, maturity: { level: null, score: null } }, catalogue, null)
        .tiles[0]
    ).toMatchObject({ label: "Maturity", value: "Not available" });
  });

  it("tiles: budget against actual, validated value, KPI counts, the last import and check", () => {
    const tiles = summaryView(
      {
        ...NO_PRACTICE,
        templates: installed,
        kpis: { green: 7, amber: 4, red: 2 },
        budget: {
          currency: "EUR",
          budgetYtd: 400_000,
          actualYtd: 412_345.6,
          budgetFy: 800_000,
          status: "Over budget",
        },
        validated: { currency: "EUR", savings: 125_000, avoidance: 40_500.4 },
        lastImport: { at: "2026-12-07T07:05Z", firstMonth: "2026-01", lastMonth: "2026-11" },
      },
      catalogue,
      { at: new Date(2026, 11, 7, 9, 30), errors: 1, warnings: 2 }
    ).tiles;
    expect(tiles).toEqual([
      {
        key: "budget",
        label: "Team budget, year to date",
        value: "€412,346 spent of €400,000 (103%)",
        detail: "Over budget; full year €800,000",
        tone: "bad",
      },
      {
        key: "validated",
        label: "Validated by finance, annualised",
        value: "€165,500",
        detail: "Savings €125,000; cost avoidance €40,500",
        tone: "neutral",
      },
      {
        key: "kpis",
        label: "KPI status",
        value: "7 Green, 4 Amber, 2 Red",
        tone: "bad",
      },
      {
        key: "import",
        label: "Cost data",
        value: "Jan 2026 to Nov 2026",
        detail: "Imported 7 Dec 2026, 07:05 UTC",
        tone: "neutral",
      },
      {
        key: "check",
        label: "Last check",
        value: "1 error, 2 warnings",
        detail: "Checked at 09:30",
        tone: "bad",
      },
    ]);
  });
});

describe("summary view of two copies of a template", () => {
  it("lists each copy with its own sheets", () => {
    const copy = (sheet: string, firstYear: boolean) => ({
      templateId: "team-budget",
      version: 1,
      sheets: [sheet],
      formulaMode: firstYear ? ("addin" as const) : ("portable" as const),
    });
    const view = summaryView(
      {
        ...NO_PRACTICE,
        templates: [copy("Team budget", true), copy("Team budget FY2027", false)],
      },
      catalogue,
      null
    );
    expect(view.rows.map((r) => [r.title, r.sheets])).toEqual([
      ["Team budget", "Team budget"],
      ["Team budget", "Team budget FY2027"],
    ]);
  });
});

describe("template cards", () => {
  it("one card per template with its preview image and sources; the practice set title", () => {
    const cards = catalogue.templateCards();
    expect(cards.map((c) => c.id)).toEqual(catalogue.ALL_TEMPLATE_IDS);
    expect(cards[0].preview).toBe("assets/preview-executive-summary.png");
    expect(cards[0].needs.length).toBeGreaterThan(0);
    expect(catalogue.selectionTitle(catalogue.ALL_TEMPLATE_IDS)).toBe(
      "The full practice set (7 templates)"
    );
    expect(catalogue.selectionTitle(["team-budget"])).toBe("Team budget");
  });
});

describe("cost import read summary", () => {
  const read = (...versions: FocusFileInfo[]) =>
    readSummary({
      ...focusImport([aggregate("2026-01", null), aggregate("2026-02", null)], { by: "month" }),
      versions,
    });
  const file = (
    name: string,
    delimiter: FocusFileInfo["delimiter"] = ",",
    decimalMark: FocusFileInfo["decimalMark"] = "."
  ): FocusFileInfo => ({ file: name, version: "1.0", delimiter, decimalMark });

  it("says how the files were read only when it is not FOCUS's own commas and decimal points", () => {
    expect(read(file("a.csv"))).toEqual([
      "Read 20 rows from a.csv (FOCUS 1.0).",
      "2 rows of totals, grouped by month only.",
    ]);
    expect(read(file("a.csv", ";", ","))[1]).toBe(
      "Read as semicolon-separated values with decimal commas (as Excel saves CSV in many European locales)."
    );
    expect(read(file("a.csv", ";"), file("b.csv", ";"))[1]).toBe(
      "Read as semicolon-separated values."
    );
    expect(read(file("a.csv", "\t", ","), file("b.csv"), file("c.csv"))[1]).toBe(
      "Read a.csv as tab-separated values with decimal commas, the rest as comma-separated values."
    );
  });
});

describe("cost data preview rows", () => {
  it("write months, money and rates as every other view does", () => {
    const [row] = costDataRows(
      focusImport([
        aggregate("2026-03", "web", "EUR", { effectiveCost: 123456.78, listCost: 164609.04 }),
      ])
    );
    // List 164,609.04 less effective 123,456.78 saves 41,152.26: 25% of list.
    expect(row).toEqual({
      key: "0",
      month: "Mar 2026",
      group: "web",
      currency: "EUR",
      effectiveCost: "€123,457",
      totalSavings: "€41,152",
      savingsRate: "25%",
    });
  });
});

describe("read summary counts", () => {
  it("one row is a row", () => {
    const one = focusImport([aggregate("2026-01", null)], { by: "month" });
    expect(readSummary({ ...one, rowsRead: 1 }).slice(0, 2)).toEqual([
      "Read 1 row from export.csv (FOCUS 1.2).",
      "1 row of totals, grouped by month only.",
    ]);
  });
});

describe("the several-currencies note", () => {
  it("names rows without a currency in words, never as an empty entry", () => {
    const note = currencyNote(
      focusImport([aggregate("2026-01", "web", ""), aggregate("2026-01", "web", "USD")])
    );
    expect(note).toMatch(/^The files bill in 2 currencies \(rows without a currency, USD\)\./);
  });
});
