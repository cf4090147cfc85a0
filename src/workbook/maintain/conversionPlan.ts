import { cellAddress, cellPosition } from "../addresses";
import { FormulaMode } from "../expr/renderFormula";
import { rewriteFinops } from "../twins/rewriteFormula";
import { computedCells } from "./computedCells";
import { ConvertedFormula } from "./convertedFormulas";
import { sameFormula, usesAddinFunctions } from "./formulaText";
import { gridReader, isFormula, ReadCell } from "./grid";
import { WorkbookReadBack } from "./readBack";
import { CellRestore, planRefresh } from "./refreshPlan";
import { lostTables, Survey, surveyWorkbook } from "./survey";
import { templateTitle } from "../templates";

/** Column of the Options JSON in the metadata store, where the formula mode is recorded. */

/** A metadata row whose recorded options change to the new mode, with what was there (for undo). */
export interface OptionsChange {
  readonly row: number;
  readonly options: string;
  readonly previousOptions: string;
  readonly previousUpdated: string;
}

/**
 * Converting a workbook between add-in functions and their native twins, as data. Every write is a
 * CellRestore, so the refresh writer applies it and its undo puts back `previous`.
 */
export interface ConversionPlan {
  readonly mode: FormulaMode;
  /** Template computed cells (runs of a column, as refresh plans them) and cells users typed. */
  readonly cells: readonly CellRestore[];
  readonly options: readonly OptionsChange[];
  /** The user formulas to keep recorded afterwards, and whether that record changes. */
  readonly recorded: readonly ConvertedFormula[];
  readonly recordChanged: boolean;
  /** What changes, per sheet and template, for the preview and the summary. */
  readonly changes: readonly string[];
  /** What is left as it is, and why. */
  readonly left: readonly string[];
}

const WORDS: Record<FormulaMode, string> = {
  portable: "native Excel functions",
  addin: "FINOPS add-in functions",
};
const key = (sheet: string, address: string) => `${sheet}!${address}`;
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** Template-owned cells that hold their template's formula in the recorded mode: these are converted. */
function templateCells(survey: Survey): Set<string> {
  const lost = lostTables(survey);
  return new Set(
    survey.templates.flatMap((t) =>
      computedCells(survey, t, lost)
        .filter((c) => c.problem === null || c.problem === "errorValue" || c.problem === "outdated")
        .map((c) => key(c.sheet, c.address))
    )
  );
}

/** Every formula cell of the templates' present sheets, by sheet, in reading order. */
function formulaCells(survey: Survey): { sheet: string; address: string; cell: ReadCell }[] {
  const sheets = [...new Set(survey.templates.flatMap((t) => t.presentSheets))];
  return sheets.flatMap((name) => {
    const used = survey.readBack.sheets.find((s) => s.name === name)?.used;
    if (!used) return [];
    const at = gridReader(used);
    const start = cellPosition(used.address.split(":")[0]);
    return used.formulas.flatMap((row, r) =>
      row.flatMap((_, c) => {
        const cell = at(start.row + r, start.column + c);
        const address = cellAddress(start.row + r, start.column + c);
        return isFormula(cell) ? [{ sheet: name, address, cell }] : [];
      })
    );
  });
}

const restore = (sheet: string, address: string, formula: string, now: ReadCell): CellRestore => ({
  sheet,
  address,
  formulas: [[formula]],
  previous: { formulas: [[now.formula]], values: [[now.value]] },
});

/**
 * Plans converting every FINOPS formula of the add-in's sheets to `mode`. Template computed cells
 * that hold their template's formula are written in the new mode (refresh's planner, narrowed to
 * them); formulas users typed are rewritten to twins on the way to portable and recorded, and given
 * back on the way to add-in functions where the cell still holds the twin written. Input cells,
 * constants typed over formulas and templates this add-in cannot plan are left alone. Pure.
 */
export function planConversion(
  readBack: WorkbookReadBack,
  mode: FormulaMode,
  recorded: readonly ConvertedFormula[]
): ConversionPlan {
  const survey = surveyWorkbook(readBack);
  const owned = templateCells(survey);
  const template = planRefresh(readBack, { formulaMode: mode, cells: owned }).cells;
  const user = mode === "portable" ? toTwins(survey, owned, recorded) : toAddin(survey, recorded);

  const options = survey.templates
    .filter((t) => t.read.record.options.formulaMode !== mode)
    .map((t) => ({
      row: t.read.metadataRow,
      options: JSON.stringify({ ...t.read.record.options, formulaMode: mode }),
      previousOptions: JSON.stringify(t.read.record.options),
      previousUpdated: t.read.updated,
    }));

  const perSheet = new Map<string, { template: number; user: number }>();
  const tally = (sheet: string, field: "template" | "user", n: number) => {
    const counts = perSheet.get(sheet) ?? { template: 0, user: 0 };
    counts[field] += n;
    perSheet.set(sheet, counts);
  };
  for (const cell of template) tally(cell.sheet, "template", cell.formulas.length);
  for (const cell of user.cells) tally(cell.sheet, "user", 1);
  const changes = [...perSheet].flatMap(([sheet, counts]) => [
    ...(counts.template > 0
      ? [`${sheet}: ${count(counts.template, "template formula")} written with ${WORDS[mode]}.`]
      : []),
    ...(counts.user > 0
      ? [
          mode === "portable"
            ? `${sheet}: ${count(counts.user, "formula")} you typed rewritten with ${WORDS[mode]} (the originals are kept to restore).`
            : `${sheet}: ${count(counts.user, "formula")} you typed given back their FINOPS functions.`,
        ]
      : []),
  ]);
  // Copies of one template (another year's budget) are told apart by their sheets.
  const copies = (id: string) => survey.templates.filter((x) => x.read.record.templateId === id);
  for (const t of survey.templates.filter((x) =>
    options.some((o) => o.row === x.read.metadataRow)
  )) {
    const { templateId, sheets } = t.read.record;
    const which = copies(templateId).length > 1 ? ` on "${sheets.join('", "')}"` : "";
    changes.push(
      `${templateTitle(templateId)}${which} is recorded as ${mode === "portable" ? "portable" : "using add-in functions"}.`
    );
  }

  const left = [
    ...survey.unplanned.map(
      (u) => `${templateTitle(u.record.templateId)} is left as it is: ${u.reason}.`
    ),
    ...user.left,
  ];
  return {
    mode,
    cells: [...template, ...user.cells],
    options,
    recorded: user.recorded,
    recordChanged: JSON.stringify(user.recorded) !== JSON.stringify(recorded),
    changes,
    left,
  };
}

interface UserConversion {
  readonly cells: CellRestore[];
  readonly recorded: ConvertedFormula[];
  readonly left: string[];
}

/** FINOPS calls users typed, as twins; earlier records are kept unless their cell is converted again. */
function toTwins(
  survey: Survey,
  owned: ReadonlySet<string>,
  recorded: readonly ConvertedFormula[]
): UserConversion {
  const result: UserConversion = { cells: [], recorded: [], left: [] };
  for (const { sheet, address, cell } of formulaCells(survey)) {
    const formula = String(cell.formula);
    if (owned.has(key(sheet, address)) || !usesAddinFunctions(formula)) continue;
    try {
      const twin = rewriteFinops(formula);
      result.cells.push(restore(sheet, address, twin, cell));
      result.recorded.push({ sheet, address, addin: formula, twin });
    } catch (error) {
      result.left.push(
        `${sheet}!${address}: ${formula} is left as it is. ${(error as Error).message}`
      );
    }
  }
  const converted = new Set(result.recorded.map((r) => key(r.sheet, r.address)));
  result.recorded.unshift(...recorded.filter((r) => !converted.has(key(r.sheet, r.address))));
  return result;
}

/** Recorded user formulas given back where the cell still holds the twin written; the record ends. */
function toAddin(survey: Survey, recorded: readonly ConvertedFormula[]): UserConversion {
  const result: UserConversion = { cells: [], recorded: [], left: [] };
  for (const r of recorded) {
    const sheet = survey.readBack.sheets.find((s) => s.name === r.sheet);
    const now = sheet?.used ? survey.cellAt(r.sheet, r.address) : undefined;
    if (now && isFormula(now) && sameFormula(String(now.formula), r.twin))
      result.cells.push(restore(r.sheet, r.address, r.addin, now));
    else
      result.left.push(
        `${r.sheet}!${r.address}: changed since it was made portable, so it is left as it is (it was ${r.addin}).`
      );
  }
  return result;
}
