import { FormEvent, useState } from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import type { FormulaMode } from "../../workbook/expr/renderFormula";
import type { TeamModel, TemplateOptions } from "../../workbook/options";
import {
  currencyChoices,
  draftFrom,
  FIELD_HELP,
  FORMULA_MODE_LABELS,
  MONTHS,
  OptionsDraft,
  OptionsField,
  readDraft,
  TEAM_MODEL_CHOICES,
  visibleErrors,
  yearChoices,
} from "../model/optionsForm";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Create and Back stay in view however long the form: a bar stuck to the bottom of the pane.
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    position: "sticky",
    bottom: 0,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  pair: { display: "flex", gap: tokens.spacingHorizontalS, "& > *": { flexGrow: 1 } },
  // A select is as wide as its longest option ("BOV: Bolivian Mvdol..."), wider than the pane.
  select: { width: "100%", minWidth: 0 },
});

export interface OptionsFormProps {
  /** What is being created, e.g. "Team budget". */
  readonly title: string;
  readonly initial: TemplateOptions;
  /** Today, for the years the first month can be in. */
  readonly now: Date;
  readonly onBack: () => void;
  readonly onCreate: (options: TemplateOptions) => void;
}

/**
 * Organisation (and, for a department's workbook, the department and its lead), currency, fiscal
 * year, periods, team model, sample data and formula mode, checked as typed.
 */
export function OptionsForm({ title, initial, now, onBack, onCreate }: OptionsFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<OptionsDraft>(() => draftFrom(initial));
  const [touched, setTouched] = useState<ReadonlySet<OptionsField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const { options, errors } = readDraft(draft);
  const shown = visibleErrors(errors, touched, submitted);
  const set = <K extends keyof OptionsDraft>(field: K, value: OptionsDraft[K]) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const touch = (field: OptionsField) => () => setTouched((t) => new Set(t).add(field));
  const field = (name: OptionsField) => ({
    hint: FIELD_HELP[name],
    validationMessage: shown[name],
    validationState: shown[name] ? ("error" as const) : ("none" as const),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length === 0) onCreate(options);
  };
  const currencies = currencyChoices(draft.currency);
  const [year, month] = draft.firstPeriod.split("-");
  const setPeriod = (y: string, m: string) => set("firstPeriod", `${y}-${m}`);

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="options-heading">
      <Subtitle1 as="h2" id="options-heading">
        Options: {title}
      </Subtitle1>
      <Field label="Organisation" required {...field("organisation")}>
        <Input
          value={draft.organisation}
          placeholder="Your organisation's name"
          onChange={(_, d) => set("organisation", d.value)}
          onBlur={touch("organisation")}
        />
      </Field>
      <Field label="Department" {...field("department")}>
        <Input
          value={draft.department}
          placeholder="Optional, e.g. Payments"
          onChange={(_, d) => set("department", d.value)}
          onBlur={touch("department")}
        />
      </Field>
      <Field label="Department lead" {...field("departmentLead")}>
        <Input
          value={draft.departmentLead}
          placeholder="Optional"
          onChange={(_, d) => set("departmentLead", d.value)}
          onBlur={touch("departmentLead")}
        />
      </Field>
      <Field label="Start with" hint={FIELD_HELP.sampleData}>
        <RadioGroup
          value={draft.sampleData ? "sample" : "empty"}
          onChange={(_, d) => set("sampleData", d.value === "sample")}
        >
          <Radio value="empty" label="Empty tables" />
          <Radio value="sample" label="Sample figures" />
        </RadioGroup>
      </Field>
      <Field label="Currency" required {...field("currency")}>
        <Select
          className={styles.select}
          select={{ className: styles.select }}
          value={draft.currency}
          onChange={(_, d) => set("currency", d.value)}
          onBlur={touch("currency")}
        >
          <optgroup label="Common">
            {currencies.common.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="All currencies">
            {currencies.other.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </optgroup>
        </Select>
      </Field>
      <Field label="Fiscal year starts in" {...field("fiscalYearStartMonth")}>
        <Select
          value={draft.fiscalYearStartMonth}
          onChange={(_, d) => set("fiscalYearStartMonth", d.value)}
          onBlur={touch("fiscalYearStartMonth")}
        >
          {MONTHS.map((month, i) => (
            <option key={month} value={String(i + 1)}>
              {month}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="First month tracked" required {...field("firstPeriod")}>
        {(props) => (
          <div className={styles.pair}>
            <Select
              {...props}
              value={month}
              onChange={(_, d) => setPeriod(year, d.value)}
              onBlur={touch("firstPeriod")}
            >
              {MONTHS.map((name, i) => (
                <option key={name} value={String(i + 1).padStart(2, "0")}>
                  {name}
                </option>
              ))}
            </Select>
            <Select
              aria-label="Year of the first month tracked"
              value={year}
              onChange={(_, d) => setPeriod(d.value, month)}
              onBlur={touch("firstPeriod")}
            >
              {yearChoices(now, draft.firstPeriod).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </div>
        )}
      </Field>
      <Field label="Months tracked" required {...field("periods")}>
        <Input
          type="number"
          min={1}
          max={36}
          value={draft.periods}
          onChange={(_, d) => set("periods", d.value)}
          onBlur={touch("periods")}
        />
      </Field>
      <Field label="Reporting date (as at)" {...field("asAt")}>
        <Input
          type="date"
          value={draft.asAt}
          onChange={(_, d) => set("asAt", d.value)}
          onBlur={touch("asAt")}
        />
      </Field>
      <Field label="Team model" {...field("teamModel")}>
        <RadioGroup
          value={draft.teamModel}
          onChange={(_, d) => set("teamModel", d.value as TeamModel)}
        >
          {TEAM_MODEL_CHOICES.map((choice) => (
            <Radio key={choice.value} value={choice.value} label={choice.label} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Formulas" {...field("formulaMode")}>
        <RadioGroup
          value={draft.formulaMode}
          onChange={(_, d) => set("formulaMode", d.value as FormulaMode)}
        >
          {(Object.keys(FORMULA_MODE_LABELS) as FormulaMode[]).map((mode) => (
            <Radio key={mode} value={mode} label={FORMULA_MODE_LABELS[mode]} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          Create
        </Button>
        <Button onClick={onBack}>Back</Button>
      </div>
    </form>
  );
}
