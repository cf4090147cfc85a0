import type { TemplateOptions } from "../../workbook/options";
import type { MaintenanceAction } from "./maintenanceActions";

/** What the pane shows. Check, maintain, the cost data import and consolidation belong to the Workbook tab; options and generate to the Templates tab. */
export type View =
  | { readonly name: "home" }
  | { readonly name: "check" }
  | { readonly name: "maintain"; readonly action: MaintenanceAction }
  | { readonly name: "costImport" }
  | { readonly name: "consolidate" }
  | { readonly name: "gallery" }
  | { readonly name: "options"; readonly templateIds: readonly string[] }
  | {
      readonly name: "generate";
      readonly templateIds: readonly string[];
      readonly options: TemplateOptions;
    }
  | { readonly name: "functions" };

export type Tab = "home" | "templates" | "functions";

export const TABS: readonly { readonly tab: Tab; readonly label: string }[] = [
  { tab: "home", label: "Workbook" },
  { tab: "templates", label: "Templates" },
  { tab: "functions", label: "Functions" },
];

export function tabOf(view: View): Tab {
  if (["home", "check", "maintain", "costImport", "consolidate"].includes(view.name)) return "home";
  if (view.name === "functions") return "functions";
  return "templates";
}

export function viewForTab(tab: Tab): View {
  return tab === "templates" ? { name: "gallery" } : { name: tab };
}

/** The current view and how many times a view was opened (a new visit reloads it, e.g. from the ribbon). */
export interface Location {
  readonly view: View;
  readonly visit: number;
  /** A view is writing to the workbook: the pane stays on it until the write ends. */
  readonly held: boolean;
}

/** A tiny store so code outside React (the ribbon's action) can move the pane. */
export interface Navigator {
  current(): Location;
  go(view: View): void;
  /**
   * Keeps the pane on the current view while it writes to the workbook, so its result or error is not
   * lost and no second change starts alongside. A view asked for meanwhile (the ribbon's Check workbook)
   * opens when the returned release is called.
   */
  hold(): () => void;
  subscribe(listener: () => void): () => void;
}

export function createNavigator(initial: View = { name: "home" }): Navigator {
  let location: Location = { view: initial, visit: 0, held: false };
  let holds = 0;
  let pending: View | null = null;
  const listeners = new Set<() => void>();
  const set = (next: Location) => {
    location = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    current: () => location,
    go(view) {
      if (holds > 0) pending = view;
      else set({ view, visit: location.visit + 1, held: false });
    },
    hold() {
      holds += 1;
      if (holds === 1) set({ ...location, held: true });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds -= 1;
        if (holds > 0) return;
        const next = pending;
        pending = null;
        set(
          next
            ? { view: next, visit: location.visit + 1, held: false }
            : { ...location, held: false }
        );
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
