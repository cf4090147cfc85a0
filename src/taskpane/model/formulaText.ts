/** A piece of a sentence the adapter wrote: prose, or a formula it quotes. */
export interface TextPart {
  readonly text: string;
  readonly formula: boolean;
}

const OPEN: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/**
 * Splits a sentence around the formulas it quotes ("B5: =FINOPS.NOPE(B5) is left as it is."), so the
 * pane shows formulas only when asked. A formula starts with "=" at the start, after a space or an
 * opening bracket, and ends at the first space or unopened closing bracket outside brackets and
 * quotes; a full stop or comma right after it is prose.
 */
export function splitFormulas(sentence: string): TextPart[] {
  const parts: TextPart[] = [];
  let prose = "";
  let i = 0;
  while (i < sentence.length) {
    const startsFormula =
      sentence[i] === "=" &&
      (i === 0 || sentence[i - 1] === " " || sentence[i - 1] === "(") &&
      i + 1 < sentence.length &&
      sentence[i + 1] !== " ";
    if (!startsFormula) {
      prose += sentence[i];
      i += 1;
      continue;
    }
    const end = formulaEnd(sentence, i);
    if (prose) parts.push({ text: prose, formula: false });
    prose = "";
    parts.push({ text: sentence.slice(i, end), formula: true });
    i = end;
  }
  if (prose) parts.push({ text: prose, formula: false });
  return parts;
}

function formulaEnd(sentence: string, start: number): number {
  const closers: string[] = [];
  let quote: string | null = null;
  let i = start + 1;
  for (; i < sentence.length; i += 1) {
    const ch = sentence[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (OPEN[ch]) closers.push(OPEN[ch]);
    else if (ch === closers[closers.length - 1]) closers.pop();
    // A space, or a bracket it did not open ("(=A1+B1)."), ends it.
    else if (closers.length === 0 && (ch === " " || ")]}".includes(ch))) break;
  }
  // Punctuation that ends the sentence, not the formula.
  while (i > start + 1 && /[.,;:]/.test(sentence[i - 1]) && closers.length === 0 && !quote) i -= 1;
  return i;
}

/** Formulas up to this long read as a word ("=ValidatedValueTotal", what to type); longer ones are hidden. */
export const SHORT_FORMULA = 24;

/** How the pane shows a part: prose, a formula inline, or a formula behind Show formula. */
export type ShownPart =
  | { readonly kind: "prose"; readonly text: string }
  | { readonly kind: "inline"; readonly text: string }
  | {
      readonly kind: "hidden";
      readonly text: string;
      /** The sentence brackets it already ("put back (=A1+B1)."): the toggle alone fills the brackets. */
      readonly bracketed: boolean;
    };

export function shownParts(sentence: string): ShownPart[] {
  const parts = splitFormulas(sentence);
  return parts.map((part, i) => {
    if (!part.formula) return { kind: "prose", text: part.text };
    if (part.text.length <= SHORT_FORMULA) return { kind: "inline", text: part.text };
    return {
      kind: "hidden",
      text: part.text,
      bracketed: parts[i - 1]?.text.endsWith("(") === true,
    };
  });
}
