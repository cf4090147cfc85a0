/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import ConsolidateView from "../../src/taskpane/views/ConsolidateView";
import { fractionText, moneyText } from "../../src/workbook/displayText";
import { METADATA_SHEET, readInstances } from "../../src/workbook/metadata";
import { ROLLUP_TEMPLATE_ID } from "../../src/workbook/templates/enterpriseRollup";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { hostFor } from "../excel/hostFor";
import {
  DepartmentFile,
  departmentFile,
  departmentOptions,
  namedAt,
  shownAt,
} from "../workbook/consolidate/departmentFiles";
import { inProcessConsolidatePort } from "./inProcessConsolidatePort";
import { renderPane } from "./renderPane";

/** Three departments' workbooks made by the project's own code, and a second Payments file. */
let made: DepartmentFile[];
let payments2: DepartmentFile;

beforeAll(async () => {
  made = await Promise.all(
    [
      ["Payments.xlsx", "Payments", "USD"],
      ["Retail.xlsx", "Retail", "USD"],
      ["Europe.xlsx", "Europe", "EUR"],
    ].map(([file, department, currency]) =>
      departmentFile(file, departmentOptions({ organisation: "Contoso", department, currency }))
    )
  );
  payments2 = await departmentFile(
    "Payments (resent).xlsx",
    departmentOptions({ organisation: "Contoso", department: "Payments", currency: "USD" })
  );
}, 60_000);

const TODAY = new Date(2026, 8, 30);
const fileOf = (m: DepartmentFile) => new File([new Uint8Array(m.bytes)], m.file);
const NOT_A_WORKBOOK = new File(["Department,Budget\nPayments,100\n"], "notes.xlsx");

function open(fake: ExcelFake, gate?: () => Promise<void>, onBack = jest.fn()) {
  renderPane(
    <ConsolidateView onBack={onBack} port={inProcessConsolidatePort(gate)} today={TODAY} />,
    hostFor(fake)
  );
  return onBack;
}

function pick(...files: File[]) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files } });
}

async function read(...files: File[]) {
  pick(...files);
  fireEvent.click(screen.getByRole("button", { name: "Read files" }));
  await screen.findByRole("heading", { name: "Departments read" });
}

const writeButton = () => screen.getByRole("button", { name: "Write roll-up" });
const rollupRecords = (fake: ExcelFake) =>
  readInstances(fake.state.values(METADATA_SHEET, "A1:G20")).filter(
    (r) => r.template.templateId === ROLLUP_TEMPLATE_ID
  );

/** What the department's card should say, worked out from the department file's own plan. */
function expectedCard(m: DepartmentFile, currency: string) {
  const at = (key: string) => {
    const { sheet, cell } = namedAt(m.plan, key);
    return shownAt(m.plan, sheet.name, cell);
  };
  const score = at("maturityScore") as number;
  return {
    score: `Practice score: ${at("maturityLevel")} (${fractionText(score)})`,
    budget: `Budget: ${moneyText(at("teamBudgetFy") as number, currency)}`,
  };
}

describe("Consolidate department workbooks", () => {
  it("reads three files with progress, previews each department from its file, and writes the roll-up", async () => {
    const fake = createExcelFake();
    const before = fake.state.snapshot();
    let release: () => void = () => undefined;
    let calls = 0;
    // The second file is held, so the progress line can be seen.
    const gate = () =>
      ++calls === 2 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    open(fake, gate);
    expect(screen.getByRole("button", { name: "Read files" })).toHaveProperty("disabled", true);
    pick(...made.map(fileOf));
    expect(
      within(screen.getByRole("list", { name: "Files to consolidate" })).getAllByRole("listitem")
    ).toHaveLength(3);
    fireEvent.click(screen.getByRole("button", { name: "Read files" }));
    expect(
      await screen.findByRole("progressbar", { name: "Reading 2 of 3: Retail.xlsx" })
    ).toBeTruthy();
    expect(fake.state.snapshot()).toEqual(before);
    release();
    await screen.findByRole("heading", { name: "Departments read" });

    const cards = within(screen.getByRole("list", { name: "Departments read" })).getAllByRole(
      "listitem"
    );
    expect(cards.map((c) => c.getAttribute("aria-label"))).toEqual([
      "Payments",
      "Retail",
      "Europe",
    ]);
    made.forEach((m, i) => {
      const card = within(cards[i]);
      const expected = expectedCard(m, i === 2 ? "EUR" : "USD");
      expect(card.getByText(m.file)).toBeTruthy();
      expect(card.getByText(expected.score)).toBeTruthy();
      expect(card.getByText(expected.budget)).toBeTruthy();
      expect(card.getByText("No health-check errors")).toBeTruthy();
    });
    // The defaults: the departments' organisation, their most used currency, today.
    expect(screen.getByRole("textbox", { name: /Organisation/ })).toHaveProperty(
      "value",
      "Contoso"
    );
    expect(screen.getByRole("textbox", { name: /Currency/ })).toHaveProperty("value", "USD");
    expect(screen.getByRole("textbox", { name: /Date of this consolidation/ })).toHaveProperty(
      "value",
      "2026-09-30"
    );
    expect(
      await screen.findByText(
        "The roll-up is written on new sheets; nothing already in this workbook is changed."
      )
    ).toBeTruthy();

    fireEvent.change(screen.getByRole("textbox", { name: /Organisation/ }), {
      target: { value: "Contoso Group" },
    });
    await waitFor(() => expect(writeButton()).toHaveProperty("disabled", false));
    fireEvent.click(writeButton());
    expect(await screen.findByText("Roll-up written")).toBeTruthy();
    const sheets = within(screen.getByRole("list", { name: "Sheets written" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(fake.state.sheetNames()).toEqual(["Sheet1", ...sheets, METADATA_SHEET]);
    const [record] = rollupRecords(fake);
    expect(record.template.options.organisation).toBe("Contoso Group");
    expect(record.template.options.departments).toEqual(["Payments", "Retail", "Europe"]);
    // Go to the roll-up's front sheet.
    fireEvent.click(screen.getByRole("button", { name: `Go to ${sheets[0]}` }));
    await waitFor(() => expect(fake.state.activeSheet()).toBe(sheets[0]));
    expect(screen.getByRole("button", { name: "Undo last change" })).toBeTruthy();
  }, 30_000);

  it("a file that cannot be used is named with the reason, and nothing is written unless the user skips it", async () => {
    const fake = createExcelFake();
    open(fake);
    await read(fileOf(made[0]), NOT_A_WORKBOOK, fileOf(made[1]));
    const bad = screen.getByRole("list", { name: "Files that cannot be used" });
    expect(within(bad).getByText(/^notes\.xlsx: it is not an \.xlsx workbook/)).toBeTruthy();
    expect(screen.getByText(/1 file cannot be used \(listed above\)/)).toBeTruthy();
    await screen.findByText(/The roll-up is written on new sheets/);
    expect(writeButton()).toHaveProperty("disabled", true);
    fireEvent.click(screen.getByRole("checkbox", { name: "Skip files that cannot be used" }));
    await waitFor(() => expect(writeButton()).toHaveProperty("disabled", false));
    fireEvent.click(writeButton());
    expect(await screen.findByText("Roll-up written")).toBeTruthy();
    expect(rollupRecords(fake)[0].template.options.departments).toEqual(["Payments", "Retail"]);
    expect(
      within(screen.getByRole("list", { name: "What was read" })).getByText(/notes\.xlsx/)
    ).toBeTruthy();
  }, 30_000);

  it("a department delivered twice waits for the user to choose the file, then uses that one", async () => {
    const fake = createExcelFake();
    open(fake);
    await read(fileOf(made[0]), fileOf(made[1]), fileOf(payments2));
    const cards = within(screen.getByRole("list", { name: "Departments read" })).getAllByRole(
      "listitem"
    );
    expect(cards.map((c) => c.getAttribute("aria-label"))).toEqual(["Retail"]);
    expect(screen.getByText("Choose which file to use for Payments.")).toBeTruthy();
    await screen.findByText(/The roll-up is written on new sheets/);
    expect(writeButton()).toHaveProperty("disabled", true);
    const group = screen.getByRole("radiogroup", {
      name: "Payments is in more than one file: which one to use?",
    });
    fireEvent.click(within(group).getByRole("radio", { name: "Payments (resent).xlsx" }));
    await waitFor(() => expect(writeButton()).toHaveProperty("disabled", false));
    const chosen = within(screen.getByRole("list", { name: "Departments read" }));
    expect(chosen.getByText("Payments (resent).xlsx")).toBeTruthy();
    fireEvent.click(writeButton());
    expect(await screen.findByText("Roll-up written")).toBeTruthy();
    expect(rollupRecords(fake)[0].template.options.departments).toEqual(["Retail", "Payments"]);
  }, 30_000);

  it("consolidating again says the earlier roll-up is replaced and its history kept, and leaves no preview behind", async () => {
    const fake = createExcelFake();
    for (const round of [1, 2]) {
      const { unmount } = renderPane(
        <ConsolidateView onBack={jest.fn()} port={inProcessConsolidatePort()} today={TODAY} />,
        hostFor(fake)
      );
      await read(...made.map(fileOf));
      if (round === 2)
        expect(
          await screen.findByText(
            /^This workbook holds an earlier roll-up: its sheets \(Enterprise roll-up, .*\) are replaced, and its history \(3 rows\) is kept/
          )
        ).toBeTruthy();
      await waitFor(() => expect(writeButton()).toHaveProperty("disabled", false));
      fireEvent.click(writeButton());
      expect(await screen.findByText("Roll-up written")).toBeTruthy();
      expect(screen.queryByRole("list", { name: "Departments read" })).toBeNull();
      if (round === 2) {
        expect(
          screen.getByText(
            /^3 departments on \d+ sheets, replacing the earlier roll-up \(its 3 history rows are kept\)\.$/
          )
        ).toBeTruthy();
        // The earlier sheets are deleted: only Excel's own undo could bring them back.
        expect(screen.queryByRole("button", { name: "Undo last change" })).toBeNull();
        expect(
          screen.getByText(/^A roll-up that replaced an earlier one cannot be undone/)
        ).toBeTruthy();
      }
      unmount();
    }
    expect(rollupRecords(fake)).toHaveLength(1);
  }, 30_000);

  it("Cancel while reading goes back to the files with nothing written", async () => {
    const fake = createExcelFake();
    const before = fake.state.snapshot();
    let release: () => void = () => undefined;
    open(fake, () => new Promise<void>((r) => (release = r)));
    pick(...made.map(fileOf));
    fireEvent.click(screen.getByRole("button", { name: "Read files" }));
    expect(
      await screen.findByRole("progressbar", { name: "Reading 1 of 3: Payments.xlsx" })
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    release();
    expect(await screen.findByRole("button", { name: "Read files" })).toBeTruthy();
    expect(screen.getByRole("list", { name: "Files to consolidate" })).toBeTruthy();
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("settings are checked in plain words before anything is written", async () => {
    const fake = createExcelFake();
    open(fake);
    await read(fileOf(made[0]));
    fireEvent.change(screen.getByRole("textbox", { name: /Currency/ }), {
      target: { value: "Dollars" },
    });
    expect(
      screen.getByText('"Dollars" is not an ISO 4217 currency code (for example USD, EUR, GBP).')
    ).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: /Date of this consolidation/ }), {
      target: { value: "30/09/2026" },
    });
    expect(screen.getByText('Use the form YYYY-MM-DD, for example "2026-06-30".')).toBeTruthy();
    expect(writeButton()).toHaveProperty("disabled", true);
  }, 30_000);

  it("a failed write says so in plain words and leaves the workbook as it was", async () => {
    const fake = createExcelFake();
    open(fake);
    await read(fileOf(made[0]), fileOf(made[1]));
    await screen.findByText(/The roll-up is written on new sheets/);
    const before = fake.state.snapshot();
    fake.failWhen((op) => op.kind === "tables.add", {
      error: Object.assign(new Error("locked"), { code: "AccessDenied" }),
    });
    fireEvent.click(writeButton());
    expect(await screen.findByText("The roll-up was not written")).toBeTruthy();
    expect(
      screen.getByText(
        /^Writing the roll-up failed: The workbook or a sheet is protected\. .* Nothing was changed/
      )
    ).toBeTruthy();
    expect(fake.state.snapshot()).toEqual(before);
  }, 30_000);
});
