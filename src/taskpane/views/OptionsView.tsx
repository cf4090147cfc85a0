import { Spinner } from "@fluentui/react-components";
import { nowOf } from "../../excel/host";
import { loadSavedOptions } from "../../excel/savedOptions";
import type { TemplateOptions } from "../../workbook/options";
import { OptionsForm } from "../components/OptionsForm";
import { useExcelHost } from "../ExcelHostContext";
import { useLoad } from "../hooks/useLoad";
import { startingOptions } from "../model/optionsForm";
import { selectionTitle } from "../model/templateCards";

export interface OptionsViewProps {
  readonly templateIds: readonly string[];
  /** Options to start from (coming back from an error); else the workbook's saved ones or the defaults. */
  readonly initial?: TemplateOptions;
  readonly onBack: () => void;
  readonly onCreate: (options: TemplateOptions) => void;
}

/**
 * The options form, starting from what this workbook last used (empty tables, whatever was chosen
 * then: sample figures are a choice made each time), else from nothing invented.
 */
export default function OptionsView({ templateIds, initial, onBack, onCreate }: OptionsViewProps) {
  const host = useExcelHost();
  const now = host ? nowOf(host) : new Date();
  const fresh = startingOptions(now);
  const loaded = useLoad(async () => {
    if (initial) return initial;
    const saved = host ? await loadSavedOptions(host) : undefined;
    return saved ? { ...saved, sampleData: false } : fresh;
  }, "options");
  if (loaded.state === "loading") return <Spinner label="Loading your options..." />;
  return (
    <OptionsForm
      title={selectionTitle(templateIds)}
      initial={loaded.state === "done" ? loaded.value : fresh}
      now={now}
      onBack={onBack}
      onCreate={onCreate}
    />
  );
}
