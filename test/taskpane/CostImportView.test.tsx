/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import CostImportView from "../../src/taskpane/views/CostImportView";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, ExcelFake, FakeExcelError } from "../fakes/excel";
import { hostFor } from "../excel/hostFor";
import { focusCsv, gzipText } from "./focusFiles";
import { inProcessPort, InProcessOptions } from "./inProcessFocusPort";
import { renderPane } from "./renderPane";

const MONTHS = ["2026-01", "2026-02", "2026-03"];
const BAD_ROW = "abc,USD,Usage,2026-01-05T00:00:00Z,,9,9,10,Standard,Compute,sub-0,";

async function withTracker(): Promise<ExcelFake> {
  const fake = createExcelFake();
  await generateWorkbooks(["kpi-tracker"], DEFAULT_OPTIONS, hostFor(fake));
  return fake;
}

const csvFile = (text: string | Buffer, name = "costs.csv") =>
  new File([typeof text === "string" ? text : new Uint8Array(text)], name);

function open(fake: ExcelFake | null, port: InProcessOptions = {}, onBack = jest.fn()) {
  renderPane(<CostImportView onBack={onBack} port={inProcessPort(port)} />, fake && hostFor(fake));
  return onBack;
}

function pick(...files: File[]) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files } });
}

async function readFiles(...files: File[]) {
  pick(...files);
  fireEvent.click(screen.getByRole("button", { name: "Read files" }));
  await screen.findByRole("button", { name: "Next: into the workbook" });
}

const cellValue = (fake: ExcelFake, cell: string) => {
  const [sheet, address] = cell.split("!");
  return fake.state.cell(sheet, address).value;
};

describe("Import cost data (FOCUS)", () => {
  it("reads files, lists issues with file, line and column, previews old and new KPI values, and writes only the months ticked", async () => {
    const fake = await withTracker();
    open(fake);
    expect(screen.getByRole("button", { name: "Read files" })).toHaveProperty("disabled", true);
    await readFiles(csvFile(focusCsv(MONTHS, 6, { extra: [BAD_ROW] })));
    expect(screen.getByText("Read 19 rows from costs.csv (FOCUS 1.0).")).toBeTruthy();
    // The small file has only the columns the sums need: the missing 1.0 columns are one warning.
    expect(screen.getByText("2 issues (up to 100 are listed).")).toBeTruthy();
    expect(screen.getByText("1 row was left out because of an error (see below).")).toBeTruthy();
    const issues = screen.getByRole("list", { name: "Issues found" });
    expect(within(issues).getByText("costs.csv, line 20, column BilledCost")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Next: into the workbook" }));
    expect(await screen.findByText(/The totals go on the sheet "Cost data"/)).toBeTruthy();
    expect(
      within(screen.getByRole("list", { name: "Cost data rows" })).getAllByRole("listitem")
    ).toHaveLength(3);
    const months = screen.getByRole("list", { name: "KPI months to fill" });
    const boxes = within(months).getAllByRole("checkbox");
    expect(boxes).toHaveLength(3);
    // The sample tracker has values in every month: nothing is ticked until the user says.
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([false, false, false]);
    expect(
      within(months).getByText(/^Jan 2026 \(\d+ KPIs; replaces \d+ values? already there\)$/)
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Write the sheet" })).toBeTruthy();
    const jan = screen.getByRole("list", { name: "Jan 2026: old and new values" });
    const esr = within(jan).getByText(/^Effective savings rate: /).textContent!;
    // Sample data's 14% becomes 1 - effective / list of the generated month.
    expect(esr).toMatch(/^Effective savings rate: 14% → 20% \(KPI tracker![A-Z]+\d+\)$/);
    const janCell = /\((.+)\)$/.exec(esr)![1];

    fireEvent.click(boxes[0]); // tick Jan and Mar 2026; Feb keeps its values
    fireEvent.click(boxes[2]);
    fireEvent.click(screen.getByRole("button", { name: "Write the sheet and 2 months" }));
    const written = await screen.findByRole("list", { name: "KPI values written" });
    expect(within(written).queryAllByText(/Feb 2026/)).toHaveLength(0);
    expect(within(written).getAllByText(/Jan 2026/).length).toBeGreaterThan(0);
    expect(fake.state.sheetNames()).toContain("Cost data");
    expect(cellValue(fake, janCell)).toBe(20);
  });

  it("shows rows, MB and the file while reading, and Cancel stops the reading with nothing written", async () => {
    const fake = await withTracker();
    const before = fake.state.snapshot();
    let release: () => void = () => undefined;
    let held = 0;
    const gate = () => {
      held++;
      return held < 3 ? Promise.resolve() : new Promise<void>((r) => (release = r));
    };
    open(fake, { gate, chunkBytes: 200 });
    pick(csvFile(focusCsv(MONTHS, 20)));
    fireEvent.click(screen.getByRole("button", { name: "Read files" }));
    expect(await screen.findByText("Reading costs.csv")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(/^\d+ rows, 0\.0 of 0\.0 MB/);
    expect(screen.getByRole("progressbar", { name: "Reading costs.csv" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    release();
    expect(await screen.findByRole("button", { name: "Read files" })).toBeTruthy();
    expect(screen.getByRole("list", { name: "Files to import" })).toBeTruthy();
    // The reading stopped: no chunk after the held one was asked for (the file has dozens more).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(held).toBe(3);
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("a file it cannot use says which, why and the fix, and writes nothing", async () => {
    const fake = await withTracker();
    const before = fake.state.snapshot();
    open(fake);
    pick(csvFile(focusCsv(MONTHS).replace(/,/g, "|"), "bars.csv"));
    fireEvent.click(screen.getByRole("button", { name: "Read files" }));
    expect(await screen.findByText(/^bars.csv(, line 1)? cannot be imported$/)).toBeTruthy();
    expect(screen.getByText(/commas or semicolons between values/)).toBeTruthy();
    expect(screen.getByText("Nothing was written to the workbook.")).toBeTruthy();
    expect(fake.state.snapshot()).toEqual(before);
    fireEvent.click(screen.getByRole("button", { name: "Choose files again" }));
    expect(screen.getByRole("button", { name: "Read files" })).toBeTruthy();
  });

  it("reads gzip and several files together, and reports mixed currencies", async () => {
    const fake = await withTracker();
    open(fake);
    const eur = focusCsv(["2026-01"], 3, { currency: () => "EUR" });
    await readFiles(csvFile(gzipText(focusCsv(MONTHS)), "costs.csv.gz"), csvFile(eur, "eu.csv"));
    expect(
      screen.getByText("Read 21 rows from costs.csv.gz (FOCUS 1.0), eu.csv (FOCUS 1.0).")
    ).toBeTruthy();
    expect(screen.getByText("Several currencies")).toBeTruthy();
    expect(screen.getByText(/\(EUR, USD\)|\(USD, EUR\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Next: into the workbook" }));
    const notFilled = await screen.findByRole("list", { name: "Not filled" });
    expect(within(notFilled).getByText(/^2026-01 is not filled: it is billed in/)).toBeTruthy();
  });

  it("grouping by tag asks for the key, then groups by it", async () => {
    open(await withTracker());
    pick(csvFile(focusCsv(["2026-01"])));
    fireEvent.click(screen.getByRole("radio", { name: "Month and a tag (team, cost centre...)" }));
    fireEvent.click(screen.getByRole("button", { name: "Read files" }));
    expect(
      await screen.findByText("Type the name of the tag to group by, for example CostCenter.")
    ).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: /Tag name/ }), {
      target: { value: "team" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Read files" }));
    expect(
      await screen.findByText('2 rows of totals, grouped by month and tag "team".')
    ).toBeTruthy();
  });

  it("without a KPI tracker, writes the Cost data sheet alone and says why no KPI is filled", async () => {
    const fake = createExcelFake();
    open(fake);
    await readFiles(csvFile(focusCsv(MONTHS)));
    fireEvent.click(screen.getByRole("button", { name: "Next: into the workbook" }));
    expect(await screen.findByText(/The workbook has no KPI tracker/)).toBeTruthy();
    expect(screen.queryByRole("list", { name: "KPI months to fill" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Write the sheet" }));
    expect(await screen.findByText("Imported")).toBeTruthy();
    expect(fake.state.sheetNames()).toEqual(["Sheet1", "Cost data"]);
    // A first import is undone by the pane where Excel cannot group undo (this one, ExcelApi 1.12).
    expect(screen.getByRole("button", { name: "Undo last change" })).toBeTruthy();
  });

  it("an import that replaced an earlier one says how to go back, where Excel cannot undo it", async () => {
    const fake = createExcelFake();
    for (const round of [1, 2]) {
      const { unmount } = renderPane(
        <CostImportView onBack={jest.fn()} port={inProcessPort({})} />,
        hostFor(fake)
      );
      await readFiles(csvFile(focusCsv(MONTHS)));
      fireEvent.click(screen.getByRole("button", { name: "Next: into the workbook" }));
      fireEvent.click(await screen.findByRole("button", { name: "Write the sheet" }));
      expect(await screen.findByText("Imported")).toBeTruthy();
      if (round === 2) {
        expect(screen.queryByRole("button", { name: "Undo last change" })).toBeNull();
        expect(
          screen.getByText(/An import that replaced an earlier one cannot be undone/)
        ).toBeTruthy();
      }
      unmount();
    }
  });

  it("a failed write says so and leaves the workbook as it was", async () => {
    const fake = await withTracker();
    open(fake);
    await readFiles(csvFile(focusCsv(MONTHS)));
    fireEvent.click(screen.getByRole("button", { name: "Next: into the workbook" }));
    const months = await screen.findByRole("list", { name: "KPI months to fill" });
    for (const box of within(months).getAllByRole("checkbox")) fireEvent.click(box);
    const before = fake.state.snapshot();
    fake.resetCounters();
    fake.failOnSync(3, new FakeExcelError("AccessDenied", "protected"));
    fireEvent.click(screen.getByRole("button", { name: "Write the sheet and 3 months" }));
    expect(await screen.findByText("The import did not go through")).toBeTruthy();
    expect(screen.getByText(/is protected\. Unprotect it/)).toBeTruthy();
    await waitFor(() => expect(fake.state.snapshot()).toEqual(before));
  });

  it("ticks only the months whose KPI cells are empty", async () => {
    // A tracker without sample figures, with one value typed in February.
    const fake = createExcelFake();
    await generateWorkbooks(
      ["kpi-tracker"],
      { ...DEFAULT_OPTIONS, sampleData: false },
      hostFor(fake)
    );
    open(fake);
    await readFiles(csvFile(focusCsv(MONTHS)));
    fireEvent.click(screen.getByRole("button", { name: "Next: into the workbook" }));
    const months = await screen.findByRole("list", { name: "KPI months to fill" });
    const feb = within(months).getByRole("list", { name: "Feb 2026: old and new values" });
    const cell = /\(([^()]+)\)$/.exec(
      within(feb).getByText(/^Effective savings rate: /).textContent!
    )![1];
    // Typed after the preview was opened: Back and Next read the workbook again.
    const [sheet, address] = cell.split("!");
    await fake.asOfficeExcel().run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(address).values = [[15]];
      await context.sync();
    });
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    fireEvent.click(await screen.findByRole("button", { name: "Next: into the workbook" }));
    const again = await screen.findByRole("list", { name: "KPI months to fill" });
    const boxes = within(again).getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, false, true]);
    expect(
      within(again).getByText(/^Feb 2026 \(\d+ KPIs; replaces 1 value already there\)$/)
    ).toBeTruthy();
    expect(
      within(within(again).getByRole("list", { name: "Feb 2026: old and new values" })).getByText(
        /^Effective savings rate: 15% → /
      )
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Write the sheet and 2 months" }));
    await screen.findByRole("list", { name: "KPI values written" });
    expect(cellValue(fake, cell)).toBe(15);
  });

  it("outside Excel, reads the files but says writing needs Excel", async () => {
    const onBack = open(null);
    await readFiles(csvFile(focusCsv(MONTHS)));
    fireEvent.click(screen.getByRole("button", { name: "Next: into the workbook" }));
    expect(
      await screen.findByText("The FinOps pane must run inside Excel to change a workbook.")
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onBack).toHaveBeenCalled();
  });
});
