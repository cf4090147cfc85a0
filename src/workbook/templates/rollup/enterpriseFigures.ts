import {
  add,
  agg,
  column,
  countIf,
  countIfs,
  div,
  Expr,
  finops,
  ifError,
  ifNoNumbers,
  isNumber,
  str,
  sum,
  sumProduct,
} from "../../expr/expr";
import { TemplateOptions } from "../../options";
import { Block, Figure } from "../../spec";
import { computedFigure } from "../figures";
import { AmountKey, convertedKey } from "./departmentsTable";
import { DEPARTMENTS_TABLE } from "./rollupKeys";

/**
 * The enterprise figures, each computed from the Departments table. The FinOps Assessment guidance
 * warns against averaging groups at very different maturity into one number: the spread (lowest,
 * median, highest, below target) comes first, and the one enterprise score is weighted by cloud spend
 * (what is at stake) and says how many departments it weighs.
 */
const departments = (key: string): Expr => column(DEPARTMENTS_TABLE, key);
const scores = departments("practiceScore");
const money = (key: AmountKey) => departments(convertedKey(key));

/** A spread statistic of the practice scores, "" until a department is scored. */
const spread = (fn: "MIN" | "MEDIAN" | "MAX") => ifNoNumbers(scores, str(""), agg(fn, scores));

/** Sum of an amount over the departments whose team cost is known (the return's like-for-like value). */
const withTeamCost = (key: AmountKey) => sumProduct(isNumber(money("teamCost")), money(key));

export function enterpriseFigures(options: TemplateOptions): Block[] {
  const c = options.currency;
  const maturity: Figure[] = [
    computedFigure(
      "rollupDepartmentCount",
      "RollupDepartmentCount",
      "Departments",
      "integer",
      agg("COUNTA", departments("department"))
    ),
    computedFigure(
      "rollupScored",
      "RollupScored",
      "Departments with a practice score",
      "integer",
      agg("COUNT", scores)
    ),
    computedFigure(
      "rollupLowest",
      "RollupLowestScore",
      "Practice score, lowest",
      "percent",
      spread("MIN")
    ),
    computedFigure(
      "rollupMedian",
      "RollupMedianScore",
      "Practice score, median",
      "percent",
      spread("MEDIAN")
    ),
    computedFigure(
      "rollupHighest",
      "RollupHighestScore",
      "Practice score, highest",
      "percent",
      spread("MAX")
    ),
    computedFigure(
      "rollupBelowTarget",
      "RollupBelowTarget",
      "Departments below their own target",
      "integer",
      countIf(departments("belowTarget"), "Yes")
    ),
    // Σ score × cloud spend / Σ cloud spend, over departments whose score and converted spend are known.
    computedFigure(
      "rollupWeightedScore",
      "RollupWeightedScore",
      "Spend-weighted practice score",
      "percent",
      ifError(
        div(
          sumProduct(scores, money("cloudSpend")),
          sumProduct(isNumber(scores), money("cloudSpend"))
        ),
        str("")
      )
    ),
    computedFigure(
      "rollupWeighted",
      "RollupWeightedDepartments",
      "Departments weighted (score and cloud spend known)",
      "integer",
      sumProduct(isNumber(scores), isNumber(money("cloudSpend")))
    ),
  ];
  const amounts: Figure[] = [
    computedFigure(
      "rollupWithoutRate",
      "RollupWithoutRate",
      `Departments without a rate to ${c} (left out of the totals)`,
      "integer",
      countIfs(
        { range: departments("department"), op: "<>", value: "" },
        { range: departments("rate"), op: "=", value: "" }
      )
    ),
    computedFigure(
      "rollupBudget",
      "RollupBudget",
      "Team budget, fiscal year",
      "currency",
      sum(money("budget"))
    ),
    computedFigure(
      "rollupBudgetYtd",
      "RollupBudgetYTD",
      "Team budget, year to date",
      "currency",
      sum(money("budgetYtd"))
    ),
    computedFigure(
      "rollupActualYtd",
      "RollupActualYTD",
      "Team actual, year to date",
      "currency",
      sum(money("actualYtd"))
    ),
    computedFigure(
      "rollupOverUnder",
      "RollupOverUnderYTD",
      "Over / (under) budget, year to date",
      "currency",
      sum(money("overUnder"))
    ),
    computedFigure(
      "rollupTeamCost",
      "RollupTeamCost",
      "FinOps teams' loaded cost (staffing plans)",
      "currency",
      sum(money("teamCost"))
    ),
    computedFigure(
      "rollupSavings",
      "RollupSavings",
      "Validated savings",
      "currency",
      sum(money("savings"))
    ),
    computedFigure(
      "rollupAvoidance",
      "RollupAvoidance",
      "Validated cost avoidance",
      "currency",
      sum(money("avoidance"))
    ),
    // The team budget's TeamROI (FINOPS.ROI: (value - cost) / cost), over departments whose team cost is known.
    computedFigure(
      "rollupReturn",
      "RollupReturnOnTeamCost",
      "Return on the FinOps teams' cost (validated value)",
      "percent",
      ifError(
        finops(
          "ROI",
          add(withTeamCost("savings"), withTeamCost("avoidance")),
          sum(money("teamCost"))
        ),
        str("")
      )
    ),
  ];
  return [
    {
      kind: "figures",
      heading: "Maturity across departments (the spread, not one average)",
      items: maturity,
    },
    { kind: "figures", heading: `The FinOps teams' money, in ${c}`, items: amounts },
  ];
}
