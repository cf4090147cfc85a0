/**
 * --out and --into, as generate and consolidate take them: one of the two, each an .xlsx file, and
 * --force only with --out (--into changes the workbook in place, all or nothing). `what` finishes
 * "Say where ..." ("to write the workbook", "the roll-up goes").
 */
export function destinationProblems(
  out: string | undefined,
  into: string | undefined,
  force: boolean | undefined,
  what: string
): string[] {
  const problems: string[] = [];
  if (out === undefined && into === undefined)
    problems.push(
      `Say where ${what} with --out FILE.xlsx (a new file) or --into FILE.xlsx (a workbook you have).`
    );
  else if (out !== undefined && into !== undefined)
    problems.push("Use either --out (a new file) or --into (a workbook you have), not both.");
  for (const [flag, path] of [
    ["--out", out],
    ["--into", into],
  ] as const)
    if (path !== undefined && !/\.xlsx$/i.test(path))
      problems.push(`${flag} must name an .xlsx file (got ${JSON.stringify(path)}).`);
  if (into !== undefined && force)
    problems.push("--force goes with --out; --into changes the workbook in place, all or nothing.");
  return problems;
}
