import { lazy, Suspense, useMemo, useState, useSyncExternalStore } from "react";
import {
  Caption1,
  Link,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import type { TemplateOptions } from "../../workbook/options";
import { createRunStore, RunStore } from "../model/generationRun";
import {
  createNavigator,
  Navigator,
  Tab as PaneTab,
  TABS,
  tabOf,
  View,
  viewForTab,
} from "../model/navigation";
import { PaneHoldProvider } from "../PaneHoldContext";
import HomeView from "../views/HomeView";

// The first screen is the workbook summary; the other views load when first opened.
const TemplateGallery = lazy(() => import("../views/TemplateGallery"));
const OptionsView = lazy(() => import("../views/OptionsView"));
const GenerateView = lazy(() => import("../views/GenerateView"));
const FunctionsView = lazy(() => import("../views/FunctionsView"));
const CheckView = lazy(() => import("../views/CheckView"));
const MaintainView = lazy(() => import("../views/MaintainView"));
const CostImportView = lazy(() => import("../views/CostImportView"));
const ConsolidateView = lazy(() => import("../views/ConsolidateView"));

const useStyles = makeStyles({
  root: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: "288px",
    boxSizing: "border-box",
  },
  // Office shows the add-in's name above the pane: the header is the tabs, nothing more.
  header: { display: "flex", alignItems: "center" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  footer: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Three tabs on one line from 320 px (tighter below 360 px); narrower, or with larger text, they wrap
  // rather than make the pane scroll sideways.
  tabs: {
    flexWrap: "wrap",
    flexGrow: 1,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalMNudge})`,
    "@media (max-width: 359px)": {
      "& .fui-Tab": {
        paddingLeft: tokens.spacingHorizontalS,
        paddingRight: tokens.spacingHorizontalS,
      },
    },
  },
});

export interface AppProps {
  /** Moves the pane from outside React (the ribbon); one is made when not given. */
  readonly navigator?: Navigator;
}

/** The task pane: workbook summary, template gallery with options and generation, function help. */
export function App({ navigator }: AppProps) {
  const styles = useStyles();
  const nav = useMemo(() => navigator ?? createNavigator(), [navigator]);
  const { view, visit, held } = useSyncExternalStore(nav.subscribe, nav.current);
  const runs = useMemo(createRunStore, []);
  // The options last chosen, so "Back to options" after an error keeps what the user typed.
  const [lastOptions, setLastOptions] = useState<TemplateOptions | undefined>(undefined);
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.hidden}>FinOps Practice Workbooks</h1>
        <TabList
          className={styles.tabs}
          selectedValue={tabOf(view)}
          onTabSelect={(_, data) => nav.go(tabView(data.value as PaneTab, runs))}
          // While a view writes to the workbook the pane stays on it (Navigator.hold).
          disabled={held}
          aria-label="Pane sections"
        >
          {TABS.map(({ tab, label }) => (
            <Tab key={tab} value={tab}>
              {label}
            </Tab>
          ))}
        </TabList>
      </header>
      <PaneHoldProvider value={nav.hold}>
        <Suspense fallback={<Spinner label="Loading..." />}>
          <CurrentView
            key={visit}
            view={view}
            nav={nav}
            runs={runs}
            lastOptions={lastOptions}
            onOptions={setLastOptions}
          />
        </Suspense>
      </PaneHoldProvider>
      <footer className={styles.footer}>
        <Caption1>
          <Link href="guide.html" target="_blank" rel="noopener">
            Help
          </Link>
        </Caption1>
        <Caption1>
          <Link href="help.html" target="_blank" rel="noopener">
            Function reference
          </Link>
        </Caption1>
      </footer>
    </main>
  );
}

interface CurrentViewProps {
  readonly view: View;
  readonly nav: Navigator;
  readonly runs: RunStore;
  readonly lastOptions?: TemplateOptions;
  readonly onOptions: (options: TemplateOptions) => void;
}

/** A tab's first view; Templates goes back to a run under way or finished, so it is not lost. */
function tabView(tab: PaneTab, runs: RunStore): View {
  const run = runs.current();
  if (tab === "templates" && run)
    return { name: "generate", templateIds: run.templateIds, options: run.options };
  return viewForTab(tab);
}

function CurrentView({ view, nav, runs, lastOptions, onOptions }: CurrentViewProps) {
  const go = (next: View) => () => nav.go(next);
  switch (view.name) {
    case "home":
      return (
        <HomeView
          onChoose={(templateIds) => nav.go({ name: "options", templateIds })}
          onBrowse={go({ name: "gallery" })}
          onCheck={go({ name: "check" })}
          onMaintain={(action) => nav.go({ name: "maintain", action })}
          onImport={go({ name: "costImport" })}
          onConsolidate={go({ name: "consolidate" })}
        />
      );
    case "maintain":
      return <MaintainView action={view.action} onBack={go({ name: "home" })} />;
    case "costImport":
      return <CostImportView onBack={go({ name: "home" })} />;
    case "consolidate":
      return <ConsolidateView onBack={go({ name: "home" })} />;
    case "check":
      return <CheckView onBack={go({ name: "home" })} />;
    case "gallery":
      return (
        <TemplateGallery onChoose={(templateIds) => nav.go({ name: "options", templateIds })} />
      );
    case "options":
      return (
        <OptionsView
          templateIds={view.templateIds}
          initial={lastOptions}
          onBack={go({ name: "gallery" })}
          onCreate={(options) => {
            onOptions(options);
            nav.go({ name: "generate", templateIds: view.templateIds, options });
          }}
        />
      );
    case "generate":
      return (
        <GenerateView
          templateIds={view.templateIds}
          options={view.options}
          runs={runs}
          onBackToOptions={go({ name: "options", templateIds: view.templateIds })}
          onHome={go({ name: "home" })}
          onMore={go({ name: "gallery" })}
        />
      );
    case "functions":
      return <FunctionsView />;
  }
}
