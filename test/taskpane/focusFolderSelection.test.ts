import { File as NodeFile } from "buffer";
import { selectFolder } from "../../src/taskpane/focus/folderSelection";
import { folderView, SKIPPED_LISTED } from "../../src/taskpane/model/focusFolderView";
import {
  AwsDeliverySpec,
  awsFolder,
  awsManifest,
  AzureRunSpec,
  azureFolder,
  azureManifest,
} from "../focus/exportFolderFixtures";

/** A File as a folder chooser gives it: its path under the chosen folder in webkitRelativePath. */
function picked(relative: string, content: string | Uint8Array, lastModified = 0): File {
  const file = new NodeFile([content], relative.split("/").pop()!, { lastModified });
  Object.defineProperty(file, "webkitRelativePath", { value: relative });
  return file as unknown as File;
}

const AZ_RUNS: AzureRunSpec[] = [
  {
    range: "20260101-20260131",
    runId: "run-old",
    submittedTime: "2026-02-01T06:00:00Z",
    files: [{ name: "part_0_0001.csv", size: 5 }],
    counts: false,
  },
  {
    range: "20260101-20260131",
    runId: "run-new",
    submittedTime: "2026-02-02T06:00:00Z",
    files: [
      { name: "part_0_0001.csv", size: 5 },
      { name: "part_1_0001.csv", size: 5 },
    ],
    counts: true,
  },
];

function azureFolderFiles(): File[] {
  return AZ_RUNS.flatMap((run) => [
    picked(`exports/${azureManifest(run).path}`, azureManifest(run).text),
    ...run.files.map((f) =>
      picked(`exports/${azureFolder(run)}/${f.name}`, `${run.runId}`.padEnd(5, ".").slice(0, 5))
    ),
  ]);
}

describe("a folder chosen in the pane", () => {
  it("is planned from its manifests: the newest run's files, in order, as the picked Files", async () => {
    const files = azureFolderFiles();
    const selection = await selectFolder(files);
    if (!selection.ok) throw new Error(selection.message);
    expect(selection.folder).toBe("exports");
    expect(selection.files).toHaveLength(2);
    expect(selection.files[0]).toBe(files[3]);
    expect(selection.files[1]).toBe(files[4]);
    expect(folderView(selection)).toEqual({
      title: "Folder exports",
      summary:
        "Export manifests found: reading 2 files for 1 billing period, the newest delivery of each.",
      periods: [
        '2026-01: Azure export "focus-daily", run run-new of 2026-02-02T06:00:00Z, 2 files (1 older delivery not read).',
      ],
      skipped: [
        "costs/focus-daily/20260101-20260131/run-old/part_0_0001.csv: skipped, an older delivery of 2026-01 (run run-old of 2026-02-01T06:00:00Z); the newest (run run-new of 2026-02-02T06:00:00Z) is read.",
      ],
    });
  });

  it("refuses an incomplete delivery, saying which file is missing", async () => {
    const files = azureFolderFiles().filter(
      (f) => !f.webkitRelativePath.endsWith("run-new/part_1_0001.csv")
    );
    const selection = await selectFolder(files);
    expect(selection.ok).toBe(false);
    const view = folderView(selection);
    expect(view.title).toBe("Folder exports");
    expect(view.error).toContain(
      'The 2026-01 delivery of Azure export "focus-daily" is incomplete'
    );
    expect(view.error).toContain("run-new/part_1_0001.csv");
  });

  it("without manifests, reads files of equal size once only when every byte is the same", async () => {
    const a = "x".repeat(1000);
    const files = [
      picked("mine/b.csv", a),
      picked("mine/a.csv", a),
      picked("mine/c.csv", `${"x".repeat(999)}y`),
      picked("mine/d.csv.gz", new Uint8Array([0x1f, 0x8b, 1])),
      picked("mine/notes.txt", "hello"),
    ];
    const selection = await selectFolder(files);
    if (!selection.ok) throw new Error(selection.message);
    expect(selection.files.map((f) => f.webkitRelativePath)).toEqual([
      "mine/a.csv",
      "mine/c.csv",
      "mine/d.csv.gz",
    ]);
    expect(folderView(selection).skipped).toEqual([
      "b.csv: the same content as a.csv, read once.",
      "notes.txt: skipped, not a FOCUS data file.",
    ]);
  });

  it("tells many files of one size apart by their start, reading each about once", async () => {
    // 30 files of 100 KB that differ in their first byte, two identical, two alike but for the last byte.
    const size = 100 * 1024;
    const content = (first: number, last = 0) => {
      const bytes = new Uint8Array(size).fill(7);
      bytes[0] = first;
      bytes[size - 1] = last;
      return bytes;
    };
    const files = [
      ...Array.from({ length: 30 }, (_, i) =>
        picked(`many/f${String(i).padStart(2, "0")}.csv`, content(i + 100))
      ),
      picked("many/same-1.csv", content(1)),
      picked("many/same-2.csv", content(1)),
      picked("many/alike-1.csv", content(2, 1)),
      picked("many/alike-2.csv", content(2, 2)),
    ];
    let reads = 0;
    for (const file of files) {
      const slice = file.slice.bind(file);
      Object.defineProperty(file, "slice", {
        value: (...args: Parameters<Blob["slice"]>) => {
          reads++;
          return slice(...args);
        },
      });
    }
    const selection = await selectFolder(files);
    if (!selection.ok) throw new Error(selection.message);
    expect(selection.files.map((f) => f.webkitRelativePath)).not.toContain("many/same-2.csv");
    expect(selection.files).toHaveLength(33);
    expect(folderView(selection).skipped).toEqual([
      "same-2.csv: the same content as same-1.csv, read once.",
    ]);
    // One start per file, and the two pairs that begin alike compared: not each file with every other.
    expect(reads).toBe(34 + 2 * 2);
  });

  it("says plainly when the folder is empty or cannot be read", async () => {
    expect(folderView(await selectFolder([]))).toEqual({
      title: "The chosen folder",
      error:
        "The folder is empty: choose the folder that holds the FOCUS export files (.csv, .csv.gz or .parquet).",
      periods: [],
      skipped: [],
    });
    const broken = picked(
      "exports/focus/metadata/BILLING_PERIOD=2026-01/focus-Manifest.json",
      "{}"
    );
    Object.defineProperty(broken, "text", {
      value: () => Promise.reject(new Error("NotReadableError")),
    });
    expect(folderView(await selectFolder([broken])).error).toBe(
      "The folder cannot be read: NotReadableError"
    );
  });

  it("lists the first skipped files and counts the rest", async () => {
    const spec: AwsDeliverySpec = { period: "2026-03", executionId: "e1", files: ["f.csv"] };
    const files = [
      picked(`x/${awsManifest(spec).path}`, awsManifest(spec).text),
      picked(`x/${awsFolder("data", spec)}/f.csv`, "a"),
      ...Array.from({ length: SKIPPED_LISTED + 3 }, (_, i) =>
        picked(`x/stray-${String(i).padStart(2, "0")}.csv`, "b")
      ),
    ];
    const view = folderView(await selectFolder(files));
    expect(view.skipped).toHaveLength(SKIPPED_LISTED);
    expect(view.skipped[0]).toBe("stray-00.csv: skipped, no manifest lists it.");
    expect(view.more).toBe("... and 3 more skipped.");
  });
});
