/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import MaintainView from "../../src/taskpane/views/MaintainView";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, ExcelFake, FakeExcelError } from "../fakes/excel";
import { generateAtVersion } from "../excel/generateAtVersion";
import { hostFor } from "../excel/hostFor";
import { typeAssessment } from "../excel/assessmentHelpers";
import { renderPane } from "./renderPane";

async function budget(): Promise<ExcelFake> {
  const fake = createExcelFake();
  await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake));
  return fake;
}

/** Every formula on the sheet that calls a FINOPS function. */
const finopsFormulas = (fake: ExcelFake) =>
  JSON.stringify(fake.state.snapshot().sheets).match(/FINOPS\./g)?.length ?? 0;

describe("maintenance actions", () => {
  it("Make portable previews, applies, and says what it changed; Use add-in functions brings the formulas back", async () => {
    const fake = await budget();
    const before = fake.state.snapshot();
    expect(finopsFormulas(fake)).toBeGreaterThan(0);
    const { unmount } = renderPane(
      <MaintainView action="portable" onBack={() => undefined} />,
      hostFor(fake)
    );
    expect(screen.getByText("Working out what will change...")).toBeTruthy();
    const preview = await screen.findByRole("list", { name: "What will change" });
    expect(within(preview).getAllByRole("listitem")[0].textContent).toMatch(
      /^Team budget: \d+ template formulas/
    );
    expect(fake.state.snapshot()).toEqual(before); // the preview changes nothing
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByRole("list", { name: "Changes made" })).toBeTruthy();
    expect(finopsFormulas(fake)).toBe(0);
    unmount();

    renderPane(<MaintainView action="addin" onBack={() => undefined} />, hostFor(fake));
    fireEvent.click(await screen.findByRole("button", { name: "Apply" }));
    expect(await screen.findByRole("list", { name: "Changes made" })).toBeTruthy();
    expect(fake.state.snapshot().sheets).toEqual(before.sheets);
  });

  it("says Ctrl+Z undoes an action where Excel groups it into one undo step", async () => {
    const fake = createExcelFake();
    await generateWorkbooks(["maturity-scorecard"], DEFAULT_OPTIONS, hostFor(fake));
    await typeAssessment(fake, 1, 46000);
    renderPane(
      <MaintainView action="recordAssessment" onBack={() => undefined} />,
      hostFor(fake, "1.20")
    );
    fireEvent.click(await screen.findByRole("button", { name: "Apply" }));
    expect(
      await screen.findByText(
        "To undo this in one step, click in the sheet and press Ctrl+Z (⌘Z on a Mac)."
      )
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Undo last change" })).toBeNull();
  }, 30_000);

  it("where Excel cannot group an action (it unprotects the metadata store), offers the pane's undo", async () => {
    const fake = await budget();
    renderPane(<MaintainView action="portable" onBack={() => undefined} />, hostFor(fake, "1.20"));
    fireEvent.click(await screen.findByRole("button", { name: "Apply" }));
    expect(await screen.findByText(/cannot undo the conversion in one step here/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Undo last change" })).toBeTruthy();
  });

  it("elsewhere offers Undo last change, which puts the workbook back as it was", async () => {
    const fake = await budget();
    const before = fake.state.snapshot();
    const onBack = jest.fn();
    renderPane(<MaintainView action="portable" onBack={onBack} />, hostFor(fake, "1.12"));
    fireEvent.click(await screen.findByRole("button", { name: "Apply" }));
    await screen.findByRole("list", { name: "Changes made" });
    expect(finopsFormulas(fake)).toBe(0);
    expect(screen.getByText(/cannot undo the conversion in one step here/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Undo last change" }));
    expect(await screen.findByText("Undone: the workbook is as it was before.")).toBeTruthy();
    expect(fake.state.snapshot().sheets).toEqual(before.sheets);
    expect(screen.queryByRole("button", { name: "Undo last change" })).toBeNull();
  });

  it("an undo that fails says so and can be tried again", async () => {
    const fake = await budget();
    renderPane(<MaintainView action="portable" onBack={() => undefined} />, hostFor(fake, "1.12"));
    fireEvent.click(await screen.findByRole("button", { name: "Apply" }));
    await screen.findByRole("list", { name: "Changes made" });
    fake.failOnSync(fake.syncCount + 1, new FakeExcelError("AccessDenied", "Protected."));
    fireEvent.click(screen.getByRole("button", { name: "Undo last change" }));
    expect(await screen.findByText("The undo did not go through")).toBeTruthy();
    expect(screen.getByText(/Unprotect it \(Review > Unprotect\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Undo last change" }));
    expect(await screen.findByText("Undone: the workbook is as it was before.")).toBeTruthy();
  });

  it("Upgrade templates lists the renamed values before it applies them, and records the new version", async () => {
    const fake = createExcelFake();
    await generateAtVersion(fake, { "adoption-plan": 1 });
    renderPane(<MaintainView action="upgrade" onBack={() => undefined} />, hostFor(fake));
    const preview = await screen.findByRole("list", { name: "What will change" });
    expect(
      within(preview).getByText(/Status "Blocked" becomes "Needs escalation" in \d+ rows?\./)
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByRole("list", { name: "Changes made" })).toBeTruthy();
    expect(JSON.stringify(fake.state.snapshot().sheets)).not.toContain('"Blocked"');
    // Nothing left to upgrade.
    renderPane(<MaintainView action="upgrade" onBack={() => undefined} />, hostFor(fake));
    expect(
      await screen.findByText("Nothing to change: the workbook is already this way.")
    ).toBeTruthy();
  });

  it("Next month previews, applies and summarises; Record assessment says why it has nothing to record", async () => {
    const fake = createExcelFake();
    await generateWorkbooks(["kpi-tracker", "maturity-scorecard"], DEFAULT_OPTIONS, hostFor(fake));
    const kpis = () => fake.state.tables().find((t) => t.name === "Kpis")?.headers.length ?? 0;
    const before = kpis();
    expect(before).toBeGreaterThan(0);
    const { unmount } = renderPane(
      <MaintainView action="nextMonth" onBack={() => undefined} />,
      hostFor(fake)
    );
    expect(await screen.findByRole("list", { name: "What will change" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByRole("list", { name: "Changes made" })).toBeTruthy();
    expect(kpis()).toBe(before + 1);
    unmount();

    // The in-memory Excel does not calculate: no practice score yet, so nothing to record, and the pane
    // says why instead of offering Apply.
    renderPane(<MaintainView action="recordAssessment" onBack={() => undefined} />, hostFor(fake));
    const notDone = await screen.findByRole("list", { name: "Not done" });
    expect(within(notDone).getByText(/^There is no practice score to record yet/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Apply" })).toBeNull();
  });

  it("says when there is nothing to change, and offers no Apply", async () => {
    const fake = await budget();
    renderPane(<MaintainView action="addin" onBack={() => undefined} />, hostFor(fake));
    expect(
      await screen.findByText("Nothing to change: the workbook is already this way.")
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Apply" })).toBeNull();
  });

  it("a failure says so in plain words and leaves the workbook as it was", async () => {
    const fake = await budget();
    const onBack = jest.fn();
    renderPane(<MaintainView action="portable" onBack={onBack} />, hostFor(fake));
    await screen.findByRole("button", { name: "Apply" });
    const before = fake.state.snapshot();
    fake.resetCounters();
    fake.failOnSync(4, new FakeExcelError("AccessDenied", "protected"));
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText("Make portable did not go through")).toBeTruthy();
    expect(screen.getByText(/protected/)).toBeTruthy();
    expect(fake.state.snapshot()).toEqual(before);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onBack).toHaveBeenCalled();
  });

  it("outside Excel, says it must run inside Excel", async () => {
    renderPane(<MaintainView action="portable" onBack={() => undefined} />, null);
    expect(
      await screen.findByText("The FinOps pane must run inside Excel to change a workbook.")
    ).toBeTruthy();
  });
});
