/** The input rules every FINOPS function follows (src/domain/arguments.ts), as the reference states them. */
export const INPUT_RULES: readonly [string, string][] = [
  ["A number", "Used as it is."],
  [
    "An input cell holding an error (#N/A, #DIV/0!, ...)",
    "The error is passed on, as Excel's own functions do. #REF!, #NAME? and other codes an add-in cannot return become #VALUE!, with a message naming the input.",
  ],
  [
    "A blank cell for a required input",
    '#N/A with the message "<input> is blank": the figure is not there yet. (Excel desktop builds older than 2024 pass blank cells to add-ins as 0; there a blank counts as 0.)',
  ],
  ["A blank cell, or nothing, for an optional input", "The default."],
  [
    'Text (even "12" or "") or TRUE/FALSE where a number is expected',
    "#VALUE! with a message that names the input and what it holds. Convert text to numbers with VALUE() or Data > Text to Columns.",
  ],
  [
    "A range (FTE, MATURITYSCORE, RACICHECK)",
    "Blank cells are skipped (by MATURITYSCORE too, but each blank score counts 0 of its maximum: a lens not assessed); any other cell that is not a number (or, for RACICHECK, R/A/C/I) is #VALUE! naming its row and column; the first error cell is passed on.",
  ],
  [
    "Ranges that must match (MATURITYSCORE weights)",
    "#VALUE! when the sizes differ. A scored cell whose weight is blank is #N/A (enter 0 to leave a score out on purpose).",
  ],
  [
    "A share whose part is more than its whole (COVERAGE, UTILIZATION, COMMITMENTWASTE)",
    "#VALUE!: the two inputs are probably swapped.",
  ],
  [
    "A value exactly on a threshold (BUDGETSTATUS, KPISTATUS, MATURITYLEVEL)",
    "Compared as Excel and LibreOffice compare, ignoring differences in the last binary digits: 0.315 against a budget of 0.3 with a 5% tolerance is on budget.",
  ],
  ["Zero where a function divides (a zero base)", "#DIV/0!."],
  [
    "A negative amount where only zero or more makes sense (a base, a cost, days, an allocation)",
    "#VALUE! with a message saying what is allowed.",
  ],
  ["A result too large for a number", "#NUM!."],
  [
    "Portable formulas (native twins) where they differ",
    "An input holding #REF! or #NAME? stays #REF! / #NAME? (the add-in must answer #VALUE!). LibreOffice stores TRUE/FALSE as the numbers 1/0, so there a portable formula computes with them instead of answering #VALUE!.",
  ],
];

/** Why the errors are what they are, for the reference's introduction. */
export const ERROR_NOTE =
  "Excel shows a function's message for #VALUE! and #N/A: select the cell and hover the error indicator. " +
  "Every function checks its inputs in the same order (errors in inputs, then blanks, then wrong types, then the function's own rules), " +
  'and its portable equivalent ("native twin") gives the same answer and the same error code in Excel and LibreOffice, except where the last row says.';
