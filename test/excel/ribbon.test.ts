import { CHECK_WORKBOOK_ACTION, registerRibbonActions } from "../../src/excel/ribbon";

describe("ribbon actions", () => {
  it("opens the pane on the workbook summary and completes the command", async () => {
    const associated = new Map<string, (event?: { completed(): void }) => void>();
    const shown = jest.fn(() => Promise.resolve());
    const openSummary = jest.fn();
    const registered = registerRibbonActions(openSummary, {
      actions: { associate: (id, action) => associated.set(id, action) },
      addin: { showAsTaskpane: shown },
    });
    expect(registered).toBe(true);
    expect([...associated.keys()]).toEqual([CHECK_WORKBOOK_ACTION]);
    const completed = jest.fn();
    associated.get(CHECK_WORKBOOK_ACTION)?.({ completed });
    expect(openSummary).toHaveBeenCalledTimes(1);
    expect(shown).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("completes the command even when the pane cannot be shown", async () => {
    let action: ((event?: { completed(): void }) => void) | undefined;
    registerRibbonActions(() => undefined, {
      actions: { associate: (_id, a) => (action = a) },
      addin: { showAsTaskpane: () => Promise.reject(new Error("no")) },
    });
    const completed = jest.fn();
    action?.({ completed });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("does nothing where the host has no Office.actions", () => {
    expect(registerRibbonActions(() => undefined, {})).toBe(false);
    expect(registerRibbonActions(() => undefined, undefined)).toBe(false);
    expect(registerRibbonActions(() => undefined)).toBe(false);
  });
});
