/**
 * @jest-environment jsdom
 */
import "./jsdomShims";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import CostImportView from "../../src/taskpane/views/CostImportView";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake } from "../fakes/excel";
import { hostFor } from "../excel/hostFor";
import { AzureRunSpec, azureFolder, azureManifest } from "../focus/exportFolderFixtures";
import { focusCsv } from "./focusFiles";
import { inProcessPort } from "./inProcessFocusPort";
import { renderPane } from "./renderPane";

/** A File as the folder chooser gives it, with its path under the chosen folder. */
function picked(relative: string, content: string): File {
  const file = new File([content], relative.split("/").pop()!);
  Object.defineProperty(file, "webkitRelativePath", { value: relative });
  return file;
}

// January run twice (only the newer, 2 rows a month, is read), February once (3 rows).
const RUNS: [AzureRunSpec, string][] = [
  [
    {
      range: "20260101-20260131",
      runId: "run-old",
      submittedTime: "2026-02-01T06:00:00Z",
      files: [{ name: "part_0_0001.csv", size: 0 }],
      counts: false,
    },
    focusCsv(["2026-01"], 5),
  ],
  [
    {
      range: "20260101-20260131",
      runId: "run-new",
      submittedTime: "2026-02-02T06:00:00Z",
      files: [{ name: "part_0_0001.csv", size: 0 }],
      counts: false,
    },
    focusCsv(["2026-01"], 2),
  ],
  [
    {
      range: "20260201-20260228",
      runId: "run-feb",
      submittedTime: "2026-03-01T06:00:00Z",
      files: [{ name: "part_0_0001.csv", size: 0 }],
      counts: false,
    },
    focusCsv(["2026-02"], 3),
  ],
];

function exportFolder(): File[] {
  return RUNS.flatMap(([run, csv]) => [
    picked(`exports/${azureManifest(run).path}`, azureManifest(run).text),
    picked(`exports/${azureFolder(run)}/part_0_0001.csv`, csv),
  ]);
}

function chooseFolder(files: File[]) {
  const input = document.querySelector("input[webkitdirectory]") as HTMLInputElement;
  fireEvent.change(input, { target: { files } });
}

async function opened() {
  const fake = createExcelFake();
  await generateWorkbooks(["kpi-tracker"], DEFAULT_OPTIONS, hostFor(fake));
  renderPane(<CostImportView onBack={jest.fn()} port={inProcessPort()} />, hostFor(fake));
  await screen.findByRole("button", { name: "Choose a folder..." });
}

describe("Import cost data from an export folder", () => {
  it("shows what the folder's manifests say is read, then reads only that", async () => {
    await opened();
    chooseFolder(exportFolder());
    const plan = await screen.findByRole("region", { name: "Folder exports" });
    expect(
      within(plan).getByText(
        "Export manifests found: reading 2 files for 2 billing periods, the newest delivery of each."
      )
    ).toBeTruthy();
    const periods = within(plan).getByRole("list", { name: "Billing periods read" });
    expect(
      within(periods)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual([
      '2026-01: Azure export "focus-daily", run run-new of 2026-02-02T06:00:00Z, 1 file (1 older delivery not read).',
      '2026-02: Azure export "focus-daily", run run-feb of 2026-03-01T06:00:00Z, 1 file.',
    ]);
    const skipped = within(plan).getByRole("list", { name: "Files not read" });
    expect(
      within(skipped).getByText(/run-old\/part_0_0001\.csv: skipped, an older delivery/)
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Choose another folder..." })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Read files" }));
    await screen.findByRole("button", { name: "Next: into the workbook" });
    // 2 rows of the newer January run and February's 3: the older run's 5 are not read.
    expect(screen.getByText(/^Read 5 rows from /)).toBeTruthy();
  });

  it("says why a folder cannot be imported and keeps Read files off; choosing files clears it", async () => {
    await opened();
    chooseFolder(exportFolder().filter((f) => !f.webkitRelativePath.includes("run-feb/part_0")));
    expect(await screen.findByText("Folder exports cannot be imported")).toBeTruthy();
    expect(
      screen.getByText(/The 2026-02 delivery of Azure export "focus-daily" is incomplete/)
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Read files" })).toHaveProperty("disabled", true);

    const filesInput = document.querySelector(
      'input[type="file"]:not([webkitdirectory])'
    ) as HTMLInputElement;
    fireEvent.change(filesInput, {
      target: { files: [new File([focusCsv(["2026-01"], 1)], "one.csv")] },
    });
    await waitFor(() => expect(screen.queryByText("Folder exports cannot be imported")).toBeNull());
    expect(screen.getByRole("button", { name: "Read files" })).toHaveProperty("disabled", false);
    expect(screen.getByRole("button", { name: "Choose a folder..." })).toBeTruthy();
  });
});
