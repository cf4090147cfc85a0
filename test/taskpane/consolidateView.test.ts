import {
  checkRollupSettings,
  consolidatePreview,
  departmentRow,
  isoDay,
  progressText,
  replacesText,
  rollupDefaults,
  writtenReport,
} from "../../src/taskpane/model/consolidateView";
import { departmentKey, gatherSubmissions } from "../../src/workbook/consolidate/gather";
import { DepartmentSubmission } from "../../src/workbook/consolidate/submission";
import { EUROPE, FINANCE, RETAIL } from "../workbook/rollup/threeDepartments";

/** The consolidation view's logic without React, on hand-built submissions. */

const BAD = { file: "notes.xlsx", reason: "it is not an .xlsx workbook." };
const financeAgain: DepartmentSubmission = { ...FINANCE, file: "Finance (resent).xlsx" };

describe("the consolidation view's logic", () => {
  it("says which file is being read, counting from one", () => {
    expect(progressText({ file: "Payments.xlsx", index: 2, count: 12 })).toBe(
      "Reading 3 of 12: Payments.xlsx"
    );
  });

  it("words a department's card from its submission", () => {
    const row = departmentRow({
      ...FINANCE,
      healthErrors: 2,
      maturity: {
        ...FINANCE.maturity!,
        practiceScore: { ...FINANCE.maturity!.practiceScore, value: 0.615 },
        level: { ...FINANCE.maturity!.level, value: "Walk" },
      },
      budget: { ...FINANCE.budget!, budget: { ...FINANCE.budget!.budget, value: 1_200_000 } },
    });
    expect(row).toMatchObject({
      department: FINANCE.department,
      file: FINANCE.file,
      practiceScore: "Walk (62%)",
      budget: "$1,200,000",
      health: "2 health-check errors",
    });
    // The fixture's scorecard is at version 3 of 5: the card says a newer one exists.
    expect(row.versions).toBe("Team budget v4, Maturity scorecard v3 (v5 available)");
    expect(departmentRow({ ...RETAIL, maturity: undefined, budget: undefined })).toMatchObject({
      practiceScore: "not scored",
      budget: "no team budget",
      health: "No health-check errors",
    });
  });

  it("writes nothing while a file cannot be used, until the user skips it", () => {
    const results = [FINANCE, BAD, RETAIL];
    const blocked = consolidatePreview(results, new Map(), false);
    expect(blocked.bad).toEqual([BAD]);
    expect(blocked.blocker).toBe(
      '1 file cannot be used (listed above). Nothing is written unless you tick "Skip files that cannot be used", or pick the files again without it.'
    );
    const skipped = consolidatePreview(results, new Map(), true);
    expect(skipped.blocker).toBeUndefined();
    expect(skipped.submissions).toEqual([FINANCE, RETAIL]);
    expect(skipped.departments.map((d) => d.department)).toEqual([
      FINANCE.department,
      RETAIL.department,
    ]);
  });

  it("a department delivered twice blocks until one of its files is chosen", () => {
    const results = [FINANCE, EUROPE, financeAgain];
    const open = consolidatePreview(results, new Map(), false);
    expect(open.duplicates).toEqual([
      {
        department: FINANCE.department,
        files: [FINANCE.file, financeAgain.file],
        chosen: undefined,
      },
    ]);
    expect(open.blocker).toBe(`Choose which file to use for ${FINANCE.department}.`);
    expect(open.submissions).toEqual([EUROPE]);
    const chosen = consolidatePreview(
      results,
      new Map([[departmentKey(FINANCE.department), financeAgain.file]]),
      false
    );
    expect(chosen.blocker).toBeUndefined();
    expect(chosen.duplicates[0].chosen).toBe(financeAgain.file);
    expect(chosen.submissions).toEqual([EUROPE, financeAgain]);
  });

  it("with no usable file there is nothing to roll up", () => {
    expect(consolidatePreview([BAD], new Map(), true).blocker).toBe(
      "None of the files can be used: there is no department to roll up."
    );
  });

  it("checks the roll-up's settings in plain words", () => {
    expect(
      checkRollupSettings({ organisation: "Contoso", currency: "EUR", date: "2026-09-30" })
    ).toEqual({});
    expect(
      checkRollupSettings({ organisation: " ", currency: "Euro", date: "2026-02-30" })
    ).toEqual({
      organisation: "Enter the organisation's name.",
      currency: '"Euro" is not an ISO 4217 currency code (for example USD, EUR, GBP).',
      date: 'Use the form YYYY-MM-DD, for example "2026-06-30".',
    });
  });

  it("says what writing does to an earlier roll-up, and gives today's date", () => {
    expect(replacesText([], 0)).toBe(
      "The roll-up is written on new sheets; nothing already in this workbook is changed."
    );
    expect(replacesText(["Enterprise roll-up", "Roll-up history"], 1)).toBe(
      "This workbook holds an earlier roll-up: its sheets (Enterprise roll-up, Roll-up history) are replaced, and its history (1 row) is kept with this consolidation's rows added."
    );
    expect(isoDay(new Date(2026, 0, 5))).toBe("2026-01-05");
  });

  it("starts the settings from what the departments share: two of three report in USD", () => {
    expect(rollupDefaults([FINANCE, RETAIL, EUROPE], "2026-07-01")).toEqual({
      organisation: "Contoso",
      currency: "USD",
    });
  });

  it("ends the written report with the departments still without a rate", () => {
    const gathered = gatherSubmissions([FINANCE, EUROPE], []);
    expect(writtenReport(gathered, undefined)).toHaveLength(
      writtenReport(gathered, "No rate to USD yet.").length - 1
    );
    expect(writtenReport(gathered, "No rate to USD yet.").at(-1)).toBe("No rate to USD yet.");
  });
});
