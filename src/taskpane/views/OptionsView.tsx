import { Spinner } from "@fluentui/react-components";
import { loadSavedOptions } from "../../excel/savedOptions";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../workbook/options";
import { OptionsForm } from "../components/OptionsForm";
import { useExcelHost } from "../ExcelHostContext";
import { useLoad } from "../hooks/useLoad";
import { selectionTitle } from "../model/templateCards";

export interface OptionsViewProps {
  readonly templateIds: readonly string[];
  /** Options to start from (coming back from an error); else the workbook's saved ones or the defaults. */
  readonly initial?: TemplateOptions;
  readonly onBack: () => void;
  readonly onCreate: (options: TemplateOptions) => void;
}

/** The options form, starting from what this workbook last used. */
export default function OptionsView({ templateIds, initial, onBack, onCreate }: OptionsViewProps) {
  const host = useExcelHost();
  const loaded = useLoad(
    async () => initial ?? (host ? await loadSavedOptions(host) : undefined) ?? DEFAULT_OPTIONS,
    "options"
  );
  if (loaded.state === "loading") return <Spinner label="Loading your options..." />;
  const start = loaded.state === "done" ? loaded.value : DEFAULT_OPTIONS;
  return (
    <OptionsForm
      title={selectionTitle(templateIds)}
      initial={start}
      onBack={onBack}
      onCreate={onCreate}
    />
  );
}
