import fc from "fast-check";
import { describeFolderPlan } from "../../src/domain/focus/exportFolder/describeFolderPlan";
import { isoTime } from "../../src/domain/focus/exportFolder/folderNames";
import {
  FolderEntry,
  FolderPlan,
  ManifestText,
} from "../../src/domain/focus/exportFolder/folderPlan";
import {
  duplicateCandidates,
  manifestPaths,
  planExportFolder,
} from "../../src/domain/focus/exportFolder/planExportFolder";
import {
  AwsDeliverySpec,
  awsFolder,
  awsManifest,
  AzureRunSpec,
  azureFolder,
  azureManifest,
  entry,
} from "./exportFolderFixtures";

function planOf(
  entries: FolderEntry[],
  manifests: ManifestText[],
  identical: string[][] = []
): FolderPlan {
  const planned = planExportFolder({ entries, manifests, identical });
  if (!planned.ok) throw new Error(planned.message);
  return planned.plan;
}

function refusal(entries: FolderEntry[], manifests: ManifestText[]): string {
  const planned = planExportFolder({ entries, manifests });
  if (planned.ok) throw new Error(`planned: ${JSON.stringify(planned.plan)}`);
  return planned.message;
}

// AWS: January delivered twice (create-new), February overwritten in place.
const JAN_OLD: AwsDeliverySpec = {
  period: "2026-01",
  executionId: "aaaa-1111",
  time: "20260105T010203Z",
  files: ["focus-00001.snappy.parquet", "focus-00002.snappy.parquet"],
};
const JAN_NEW: AwsDeliverySpec = {
  period: "2026-01",
  executionId: "bbbb-2222",
  time: "20260203T040506Z",
  files: ["focus-00001.snappy.parquet"],
};
const FEB: AwsDeliverySpec = {
  period: "2026-02",
  executionId: "cccc-3333",
  files: ["focus-00001.snappy.parquet"],
};

function awsListing(deliveries: AwsDeliverySpec[]): {
  entries: FolderEntry[];
  manifests: ManifestText[];
} {
  const manifests = deliveries.map((d) => awsManifest(d));
  const entries = [
    ...manifests.map((m) => entry(m.path, m.text.length, Date.UTC(2026, 2, 1))),
    ...deliveries.flatMap((d) => d.files.map((f) => entry(`${awsFolder("data", d)}/${f}`))),
  ];
  return { entries, manifests };
}

describe("an AWS Data Exports folder", () => {
  const { entries, manifests } = awsListing([JAN_OLD, JAN_NEW, FEB]);
  const stray = "focus/data/BILLING_PERIOD=2026-01/stray.csv.gz";
  const all = [...entries, entry(stray), entry("README.md"), entry(".DS_Store")];

  it("reads each period's newest delivery only, and names every file left out", () => {
    const plan = planOf(all, manifests);
    expect(plan.kind).toBe("manifests");
    expect(plan.read).toEqual([
      "focus/data/BILLING_PERIOD=2026-01/20260203T040506Z-bbbb-2222/focus-00001.snappy.parquet",
      "focus/data/BILLING_PERIOD=2026-02/focus-00001.snappy.parquet",
    ]);
    expect(
      plan.deliveries.map((d) => [d.delivery.periods[0], d.delivery.id, d.delivery.time])
    ).toEqual([
      ["2026-01", "bbbb-2222", "2026-02-03T04:05:06.000Z"],
      // Overwritten in place: no time folder, the manifest's modification time is the delivery's.
      ["2026-02", "cccc-3333", "2026-03-01T00:00:00.000Z"],
    ]);
    expect(plan.deliveries[0].superseded.map((d) => d.id)).toEqual(["aaaa-1111"]);
    const reasons = Object.fromEntries(plan.skipped.map((s) => [s.path, s.reason]));
    expect(reasons).toEqual({
      ".DS_Store": "not a FOCUS data file",
      "README.md": "not a FOCUS data file",
      [stray]: "no manifest lists it",
      "focus/data/BILLING_PERIOD=2026-01/20260105T010203Z-aaaa-1111/focus-00001.snappy.parquet":
        expect.stringContaining("an older delivery of 2026-01 (execution aaaa-1111"),
      "focus/data/BILLING_PERIOD=2026-01/20260105T010203Z-aaaa-1111/focus-00002.snappy.parquet":
        expect.stringContaining("the newest (execution bbbb-2222 of 2026-02-03T04:05:06Z) is read"),
    });
  });

  it("says in words which delivery each period comes from and what was skipped", () => {
    const words = describeFolderPlan(planOf(all, manifests));
    expect(words.summary).toBe(
      "Export manifests found: reading 2 files for 2 billing periods, the newest delivery of each."
    );
    expect(words.periods).toEqual([
      '2026-01: AWS export "focus", execution bbbb-2222 of 2026-02-03T04:05:06Z, 1 file (1 older delivery not read).',
      '2026-02: AWS export "focus", execution cccc-3333 of 2026-03-01T00:00:00Z, 1 file.',
    ]);
    expect(words.skipped).toContain(`${stray}: skipped, no manifest lists it.`);
  });

  it("maps the manifest's s3:// URIs to files wherever the export was copied", () => {
    // Copied with the bucket's prefix above the export, or only the export's own folder.
    const deeper = all.map((e) => ({ ...e, path: `bucket/exports/${e.path}` }));
    const deeperManifests = manifests.map((m) => ({ ...m, path: `bucket/exports/${m.path}` }));
    expect(planOf(deeper, deeperManifests).read).toEqual(
      planOf(all, manifests).read.map((p) => `bucket/exports/${p}`)
    );
    const inside = all
      .filter((e) => e.path.startsWith("focus/"))
      .map((e) => ({ ...e, path: e.path.slice("focus/".length) }));
    const insideManifests = manifests.map((m) => ({ ...m, path: m.path.slice("focus/".length) }));
    expect(planOf(inside, insideManifests).read).toEqual([
      "data/BILLING_PERIOD=2026-01/20260203T040506Z-bbbb-2222/focus-00001.snappy.parquet",
      "data/BILLING_PERIOD=2026-02/focus-00001.snappy.parquet",
    ]);
  });

  it("refuses a delivery whose listed file is missing, naming it; an older delivery's may be gone", () => {
    const gone = `${awsFolder("data", JAN_NEW)}/focus-00001.snappy.parquet`;
    const message = refusal(
      all.filter((e) => e.path !== gone),
      manifests
    );
    expect(message).toContain('The 2026-01 delivery of AWS export "focus" is incomplete');
    expect(message).toContain(`s3://finops-bucket/exports/${gone}`);
    expect(message).toContain("Download the whole delivery again");
    // The same name in the older delivery's folder is not taken for it.
    const oldGone = `${awsFolder("data", JAN_OLD)}/focus-00002.snappy.parquet`;
    expect(
      planOf(
        all.filter((e) => e.path !== oldGone),
        manifests
      ).read
    ).toHaveLength(2);
  });

  it("tells two accounts' exports of one name apart: neither supersedes the other", () => {
    // Two accounts both keep the default name "focus", under their own prefixes in one bucket.
    const a = awsManifest(FEB, "acct-a/focus");
    const b = awsManifest(
      { ...FEB, executionId: "dddd-4444", time: "20260301T000000Z" },
      "acct-b/focus"
    );
    const message = refusal(
      [
        entry(a.path),
        entry(`${awsFolder("data", FEB, "acct-a/focus")}/focus-00001.snappy.parquet`),
        entry(b.path),
        entry(
          `${awsFolder("data", { ...FEB, executionId: "dddd-4444", time: "20260301T000000Z" }, "acct-b/focus")}/focus-00001.snappy.parquet`
        ),
      ],
      [a, b]
    );
    expect(message).toContain("Two exports hold the billing period 2026-02");
    expect(message).toContain("acct-a/focus-0c1d");
    expect(message).toContain("acct-b/focus-0c1d");
  });

  it("refuses two exports of the same period: their costs would be counted twice", () => {
    const other = awsManifest({ ...FEB, executionId: "dddd-4444" }, "focus-copy");
    const message = refusal(
      [
        ...all,
        entry(other.path),
        entry(`${awsFolder("data", FEB, "focus-copy")}/focus-00001.snappy.parquet`),
      ],
      [...manifests, other]
    );
    expect(message).toContain(
      'Two exports hold the billing period 2026-02 (AWS export "focus" and AWS export "focus-copy")'
    );
    expect(message).toContain("name each export's folder on its own");
  });

  it("refuses deliveries of a period whose manifests do not say which is newest", () => {
    const undated = [
      { ...FEB, executionId: "x1" },
      { ...FEB, executionId: "x2", files: ["focus-00002.snappy.parquet"] },
    ];
    const manifests2 = undated.map((d, i) => ({
      ...awsManifest(d),
      path: `focus/metadata/BILLING_PERIOD=2026-02/${i}/focus-Manifest.json`,
    }));
    const entries2 = [
      ...manifests2.map((m) => entry(m.path)),
      entry("focus/data/BILLING_PERIOD=2026-02/focus-00001.snappy.parquet"),
      entry("focus/data/BILLING_PERIOD=2026-02/focus-00002.snappy.parquet"),
    ];
    expect(refusal(entries2, manifests2)).toContain("do not say which is newest");
  });

  it("stops on a damaged manifest rather than reading around it", () => {
    const [first, ...rest] = manifests;
    expect(refusal(entries, [{ ...first, text: first.text.slice(0, 40) }, ...rest])).toBe(
      `${first.path} is named like an export manifest but is not valid JSON: download it again.`
    );
    expect(refusal(entries, [{ ...first, text: JSON.stringify({ dataFiles: [] }) }, ...rest])).toBe(
      `${first.path} is an AWS export manifest without an executionId.`
    );
  });
});

// Azure: January run twice (the later one read), February once with an old manifest (no counts).
const AZ_JAN_1: AzureRunSpec = {
  range: "20260101-20260131",
  runId: "11111111-aaaa",
  submittedTime: "2026-02-01T06:00:00.1234567Z",
  files: [
    { name: "part_0_0001.csv.gz", size: 300 },
    { name: "part_1_0001.csv.gz", size: 200 },
  ],
  counts: true,
};
const AZ_JAN_2: AzureRunSpec = {
  range: "20260101-20260131",
  runId: "22222222-bbbb",
  submittedTime: "2026-02-02T06:00:00Z",
  timeFolder: "202602020600",
  files: [{ name: "part_0_0001.csv.gz", size: 450 }],
  counts: true,
};
const AZ_FEB: AzureRunSpec = {
  range: "20260201-20260228",
  runId: "33333333-cccc",
  submittedTime: "2026-03-01T06:00:00Z",
  files: [{ name: "part_0_0001.csv", size: 120 }],
  counts: false,
};

function azureListing(runs: AzureRunSpec[]) {
  const manifests = runs.map((r) => azureManifest(r));
  const entries = [
    ...manifests.map((m) => entry(m.path, m.text.length)),
    ...runs.flatMap((r) => r.files.map((f) => entry(`${azureFolder(r)}/${f.name}`, f.size))),
  ];
  return { entries, manifests };
}

describe("an Azure Cost Management export folder", () => {
  const { entries, manifests } = azureListing([AZ_JAN_1, AZ_JAN_2, AZ_FEB]);

  it("reads the newest run of each month by its submitted time", () => {
    const plan = planOf(entries, manifests);
    expect(plan.read).toEqual([
      "costs/focus-daily/20260101-20260131/202602020600/22222222-bbbb/part_0_0001.csv.gz",
      "costs/focus-daily/20260201-20260228/33333333-cccc/part_0_0001.csv",
    ]);
    expect(
      plan.deliveries.map((d) => [d.delivery.provider, d.delivery.exportName, d.delivery.id])
    ).toEqual([
      ["Azure", "focus-daily", "22222222-bbbb"],
      ["Azure", "focus-daily", "33333333-cccc"],
    ]);
    expect(plan.skipped.map((s) => s.path)).toEqual([
      "costs/focus-daily/20260101-20260131/11111111-aaaa/part_0_0001.csv.gz",
      "costs/focus-daily/20260101-20260131/11111111-aaaa/part_1_0001.csv.gz",
    ]);
    expect(describeFolderPlan(plan).periods[0]).toBe(
      '2026-01: Azure export "focus-daily", run 22222222-bbbb of 2026-02-02T06:00:00Z, 1 file (1 older delivery not read).'
    );
  });

  it("refuses a file smaller than the manifest's byteCount: it is not fully downloaded", () => {
    const short = entries.map((e) =>
      e.path.endsWith("22222222-bbbb/part_0_0001.csv.gz") ? { ...e, size: 10 } : e
    );
    expect(refusal(short, manifests)).toContain(
      "part_0_0001.csv.gz (10 bytes here, 450 in the manifest)"
    );
  });

  it("reads a run's folder given on its own", () => {
    const folder = `${azureFolder(AZ_FEB)}/`;
    const inside = entries
      .filter((e) => e.path.startsWith(folder))
      .map((e) => ({ ...e, path: e.path.slice(folder.length) }));
    const manifest = { ...manifests[2], path: "manifest.json" };
    expect(planOf(inside, [manifest]).read).toEqual(["part_0_0001.csv"]);
  });

  it("refuses an AWS and an Azure export of the same month", () => {
    const aws = awsListing([FEB]);
    expect(refusal([...entries, ...aws.entries], [...manifests, ...aws.manifests])).toContain(
      '(AWS export "focus" and Azure export "focus-daily")'
    );
  });
});

describe("Azure runs that span several months", () => {
  const run = (range: string, runId: string, submittedTime: string): AzureRunSpec => ({
    range,
    runId,
    submittedTime,
    files: [{ name: "part_0_0001.csv", size: 100 + runId.length }],
    counts: true,
  });
  const Q1 = run("20250101-20250331", "q1-old", "2025-04-01T06:00:00Z");
  const Q1_AGAIN = run("20250101-20250331", "q1-new", "2025-04-02T06:00:00Z");
  const FEB_ONLY = run("20250201-20250228", "feb", "2025-03-01T06:00:00Z");

  it("keys a run by every month it covers", () => {
    const { entries, manifests } = azureListing([
      Q1,
      run("20250401-20250430", "apr", "2025-05-01T06:00:00Z"),
    ]);
    const plan = planOf(entries, manifests);
    expect(plan.deliveries.map((d) => d.delivery.periods)).toEqual([
      ["2025-01", "2025-02", "2025-03"],
      ["2025-04"],
    ]);
    const words = describeFolderPlan(plan);
    expect(words.summary).toBe(
      "Export manifests found: reading 2 files for 4 billing periods, the newest delivery of each."
    );
    expect(words.periods[0]).toBe(
      '2025-01 to 2025-03: Azure export "focus-daily", run q1-old of 2025-04-01T06:00:00Z, 1 file.'
    );
  });

  it("refuses runs whose months overlap without being the same, naming both", () => {
    const { entries, manifests } = azureListing([Q1, FEB_ONLY]);
    const message = refusal(entries, manifests);
    expect(message).toContain("run feb of 2025-03-01T06:00:00Z covers 2025-02");
    expect(message).toContain("run q1-old of 2025-04-01T06:00:00Z covers 2025-01 to 2025-03");
    expect(message).toContain("would count 2025-02 twice");
  });

  it("reads the newer of two runs of exactly the same months", () => {
    const { entries, manifests } = azureListing([Q1, Q1_AGAIN]);
    const plan = planOf(entries, manifests);
    expect(plan.read).toEqual([`${azureFolder(Q1_AGAIN)}/part_0_0001.csv`]);
    expect(plan.deliveries[0].superseded.map((d) => d.id)).toEqual(["q1-old"]);
    expect(plan.skipped).toEqual([
      {
        path: `${azureFolder(Q1)}/part_0_0001.csv`,
        reason:
          "an older delivery of 2025-01 to 2025-03 (run q1-old of 2025-04-01T06:00:00Z); the newest (run q1-new of 2025-04-02T06:00:00Z) is read",
      },
    ]);
  });
});

describe("the data/ folder of an export, without its manifests", () => {
  // What is left when only data/ is chosen or synced: every delivery, and nothing saying which is newest.
  const aws = (time: string, id: string, period = "2026-01") =>
    `focus/data/BILLING_PERIOD=${period}/${time}-${id}/focus-00001.snappy.parquet`;

  it("refuses several AWS deliveries of one period, naming the period and what to choose", () => {
    const message = refusal(
      [
        entry(aws("20260105T010203Z", "aaa")),
        entry(aws("20260106T010203Z", "bbb"), 120),
        entry(aws("20260301T010203Z", "ccc", "2026-02"), 130),
      ],
      []
    );
    expect(message).toContain(
      "2026-01 (2 deliveries in focus/data/BILLING_PERIOD=2026-01: 20260105T010203Z-aaa, 20260106T010203Z-bbb)"
    );
    expect(message).not.toContain("2026-02");
    expect(message).toContain(
      "Choose the export's own folder, the one holding metadata/ (AWS) or the runs' manifest.json files (Azure)"
    );
  });

  it("refuses an overwritten delivery beside a create-new one of the same period", () => {
    expect(
      refusal(
        [
          entry("data/BILLING_PERIOD=2026-01/focus-00001.snappy.parquet"),
          entry("data/BILLING_PERIOD=2026-01/20260106T010203Z-bbb/focus-00001.snappy.parquet", 90),
        ],
        []
      )
    ).toContain("files directly in it, 20260106T010203Z-bbb");
  });

  it("refuses several Azure runs of one date range, with or without a time folder", () => {
    const message = refusal(
      [
        entry(`${azureFolder(AZ_JAN_1)}/part_0_0001.csv.gz`),
        entry(`${azureFolder(AZ_JAN_2)}/part_0_0001.csv.gz`, 90),
      ],
      []
    );
    expect(message).toContain(
      "2026-01 (2 deliveries in costs/focus-daily/20260101-20260131: 11111111-aaaa, 202602020600/22222222-bbbb)"
    );
  });

  it("reads a delivery and an identical copy of it once, as one delivery", () => {
    const copy = aws("20260106T010203Z", "bbb");
    const plan = planOf(
      [entry(aws("20260105T010203Z", "aaa")), entry(copy)],
      [],
      [[copy, aws("20260105T010203Z", "aaa")]]
    );
    expect(plan.read).toEqual([aws("20260105T010203Z", "aaa")]);
  });

  it("reads one delivery per period, its files in subfolders too", () => {
    const plan = planOf(
      [
        entry(aws("20260105T010203Z", "aaa")),
        entry(aws("20260105T010203Z", "aaa").replace("00001", "00002"), 90),
        entry(aws("20260301T010203Z", "ccc", "2026-02"), 130),
        entry(`${azureFolder(AZ_JAN_2)}/part_0_0001.csv.gz`, 70),
        entry(`${azureFolder(AZ_JAN_2)}/part_1_0001.csv.gz`, 80),
      ],
      []
    );
    expect(plan.kind).toBe("files");
    expect(plan.read).toHaveLength(5);
  });
});

describe("a folder without export manifests", () => {
  const entries = [
    entry("b/q2.CSV", 50),
    entry("a/q1.csv", 50),
    entry("copy of q1.csv", 50),
    entry("q3.csv.gz", 70),
    entry("q4.snappy.parquet", 90),
    entry("notes/manifest.json", 20),
    entry("settings.json", 20),
    entry(".DS_Store", 6),
  ];
  const manifests = [{ path: "notes/manifest.json", text: '{"hello":"world"}' }];

  it("reads every FOCUS file, sorted, identical files once", () => {
    expect(duplicateCandidates(entries, manifests)).toEqual([
      ["a/q1.csv", "b/q2.CSV", "copy of q1.csv"],
    ]);
    const plan = planOf(entries, manifests, [["copy of q1.csv", "a/q1.csv"]]);
    expect(plan.kind).toBe("files");
    expect(plan.read).toEqual(["a/q1.csv", "b/q2.CSV", "q3.csv.gz", "q4.snappy.parquet"]);
    expect(plan.duplicates).toEqual([{ path: "copy of q1.csv", sameAs: "a/q1.csv" }]);
    expect(plan.skipped).toEqual([
      { path: ".DS_Store", reason: "not a FOCUS data file" },
      {
        path: "notes/manifest.json",
        reason: "not an AWS Data Exports or Azure export manifest (it has no dataFiles or blobs)",
      },
      { path: "settings.json", reason: "not a FOCUS data file" },
    ]);
    expect(describeFolderPlan(plan)).toEqual({
      summary: "No export manifests: reading every FOCUS file, 4 files.",
      periods: [],
      skipped: [
        "copy of q1.csv: the same content as a/q1.csv, read once.",
        ".DS_Store: skipped, not a FOCUS data file.",
        "notes/manifest.json: skipped, not an AWS Data Exports or Azure export manifest (it has no dataFiles or blobs).",
        "settings.json: skipped, not a FOCUS data file.",
      ],
    });
  });

  it("skips and lists files that are not .csv, .csv.gz or .parquet, in any case", () => {
    const plan = planOf(
      [
        entry("q1.csv"),
        entry("readme.txt.gz", 10),
        entry("logs/run.log.GZ", 11),
        entry("q2.CSV.GZ", 12),
        entry("q3.Parquet", 13),
      ],
      []
    );
    expect(plan.read).toEqual(["q1.csv", "q2.CSV.GZ", "q3.Parquet"]);
    expect(plan.skipped).toEqual([
      { path: "logs/run.log.GZ", reason: "not a FOCUS data file" },
      { path: "readme.txt.gz", reason: "not a FOCUS data file" },
    ]);
  });

  it("says plainly when there is nothing to read", () => {
    expect(refusal([], [])).toBe(
      "The folder is empty: choose the folder that holds the FOCUS export files (.csv, .csv.gz or .parquet)."
    );
    expect(refusal([entry("README.md"), entry(".DS_Store")], [])).toBe(
      "The folder holds no FOCUS files (.csv, .csv.gz or .parquet), only .DS_Store, README.md."
    );
  });

  it("compares no files when manifests say what to read", () => {
    const aws = awsListing([FEB]);
    expect(
      duplicateCandidates([...aws.entries, entry("x.csv"), entry("y.csv")], aws.manifests)
    ).toEqual([]);
    expect(
      manifestPaths([
        entry("a/Manifest.JSON"),
        entry("b/focus-Manifest.json"),
        entry("c/manifests.json"),
      ])
    ).toEqual(["a/Manifest.JSON", "b/focus-Manifest.json"]);
  });
});

describe("export times", () => {
  it("reads ISO and AWS's compact folder times, in UTC", () => {
    expect(isoTime("20260203T040506Z")).toBe("2026-02-03T04:05:06.000Z");
    expect(isoTime("2026-02-01T06:00:00.1234567Z")).toBe("2026-02-01T06:00:00.123Z");
    expect(isoTime("2026-02-01T06:00:00")).toBe("2026-02-01T06:00:00.000Z");
    expect(isoTime("2026-02-01T06:00:00+02:00")).toBe("2026-02-01T04:00:00.000Z");
    expect(isoTime("yesterday")).toBeUndefined();
  });
});

describe("plans as properties", () => {
  // Several exports' deliveries: any subset of periods, 1-3 deliveries each, in any listing order.
  const deliveries = fc
    .uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 })
    .chain((months) =>
      fc.tuple(
        ...months.map((m) =>
          fc
            .uniqueArray(fc.integer({ min: 1, max: 27 }), { minLength: 1, maxLength: 3 })
            .map((days) =>
              days.map<AwsDeliverySpec>((day) => ({
                period: `2026-${String(m).padStart(2, "0")}`,
                executionId: `e${m}-${day}`,
                time: `2026${String(m + 1 > 12 ? 12 : m + 1).padStart(2, "0")}${String(day).padStart(2, "0")}T000000Z`,
                files: ["focus-00001.snappy.parquet", "focus-00002.snappy.parquet"].slice(
                  0,
                  1 + (day % 2)
                ),
              }))
            )
        )
      )
    )
    .map((groups) => groups.flat());

  it("any order of the listing gives the same plan; each period comes from its newest delivery alone", () => {
    fc.assert(
      fc.property(deliveries, fc.nat(), (specs, seed) => {
        const { entries, manifests } = awsListing(specs);
        const plan = planOf(entries, manifests);
        const shuffle = <T>(items: T[]) =>
          items
            .map((item, i) => ({ item, key: (i * 7919 + seed) % 104729 }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.item);
        expect(planOf(shuffle(entries), shuffle(manifests))).toEqual(plan);
        for (const read of plan.deliveries) {
          const same = specs.filter((s) => s.period === read.delivery.periods.join());
          const newest = same.reduce((a, b) => (a.time! > b.time! ? a : b));
          expect(read.delivery.id).toBe(newest.executionId);
          expect(read.files).toEqual(newest.files.map((f) => `${awsFolder("data", newest)}/${f}`));
        }
        // Every data file is either read or skipped, never both.
        const data = entries.filter((e) => !e.path.endsWith(".json")).map((e) => e.path);
        const skipped = plan.skipped.map((s) => s.path);
        expect([...plan.read, ...skipped].sort()).toEqual([...data].sort());
      })
    );
  });
});
