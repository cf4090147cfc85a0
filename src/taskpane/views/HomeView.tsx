import { useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from "@fluentui/react-components";
import type { ExcelHost } from "../../excel/host";
import { readPracticeSummary } from "../../excel/practiceSummary";
import { Welcome } from "../components/Welcome";
import { useExcelHost } from "../ExcelHostContext";
import { useLoad } from "../hooks/useLoad";
import type { MaintenanceAction } from "../model/maintenanceActions";
import { lastCheck } from "../model/lastCheck";
import { importSentence, summaryView } from "../model/summaryView";
import { NoticeTitle } from "../components/NoticeTitle";

export interface HomeViewProps {
  readonly onChoose: (templateIds: readonly string[]) => void;
  readonly onBrowse: () => void;
  readonly onCheck: () => void;
  readonly onMaintain: (action: MaintenanceAction) => void;
  readonly onImport: () => void;
  readonly onConsolidate: () => void;
}

/**
 * The workbook's summary and the template catalogue, read in parallel (the catalogue is a separate
 * chunk); the summary's tiles and menus are a chunk of their own, loaded only for a workbook that
 * holds a practice, so a new workbook's welcome comes up without them.
 */
async function loadHome(host: ExcelHost | null) {
  const [summary, catalogue] = await Promise.all([
    host ? readPracticeSummary(host) : Promise.resolve(null),
    import("../model/templateCards"),
  ]);
  const overview =
    summary && summary.templates.length > 0
      ? (await import("../components/PracticeOverview")).PracticeOverview
      : null;
  return { summary, catalogue, overview };
}

/** The workbook summary when it holds FinOps sheets, else a welcome. */
export default function HomeView({
  onChoose,
  onBrowse,
  onCheck,
  onMaintain,
  onImport,
  onConsolidate,
}: HomeViewProps) {
  const host = useExcelHost();
  const [attempt, setAttempt] = useState(0);
  const loaded = useLoad(() => loadHome(host), `${attempt}`);
  if (loaded.state === "loading") return <Spinner label="Reading the workbook..." />;
  if (loaded.state === "failed") {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <NoticeTitle>The workbook could not be read</NoticeTitle>
          {loaded.message}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => setAttempt((n) => n + 1)}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  const { summary, catalogue, overview: PracticeOverview } = loaded.value;
  if (!summary || !PracticeOverview) {
    return (
      <Welcome
        inExcel={host !== null}
        onCreateSet={() => onChoose(catalogue.ALL_TEMPLATE_IDS)}
        onBrowse={onBrowse}
        onImport={onImport}
        onConsolidate={onConsolidate}
        costData={summary?.lastImport ? importSentence(summary.lastImport) : undefined}
      />
    );
  }
  return (
    <PracticeOverview
      view={summaryView(summary, catalogue, lastCheck.get())}
      onAdd={onBrowse}
      onCommand={(command) =>
        command === "check"
          ? onCheck()
          : command === "import"
            ? onImport()
            : command === "consolidate"
              ? onConsolidate()
              : onMaintain(command)
      }
    />
  );
}
