/**
 * A small stand-in for the Office global: requirement-set checks and onReady. Separate from the
 * Excel fake because Office.context.requirements is not part of the Excel API.
 */
export interface OfficeFakeOptions {
  /** Highest ExcelApi version "supported", e.g. "1.12". */
  excelApi?: string;
  /** Other requirement sets and their highest version, e.g. { CustomFunctionsRuntime: "1.3" }. */
  sets?: Record<string, string>;
  host?: string;
  platform?: string;
}

export interface OfficeFake {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    host: string;
    platform: string;
  };
  HostType: { Excel: "Excel" };
  onReady(
    callback?: (info: { host: string; platform: string }) => void
  ): Promise<{ host: string; platform: string }>;
}

/** Compares "1.10" > "1.9" numerically, part by part. */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

export function createOfficeFake(options: OfficeFakeOptions = {}): OfficeFake {
  const sets: Record<string, string> = {
    ExcelApi: options.excelApi ?? "1.12",
    ...(options.sets ?? {}),
  };
  const info = { host: options.host ?? "Excel", platform: options.platform ?? "OfficeOnline" };
  return {
    context: {
      requirements: {
        // Set names are case-insensitive in Office; a missing version means "1.1".
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const key = Object.keys(sets).find((set) => set.toLowerCase() === name.toLowerCase());
          return key !== undefined && versionAtLeast(sets[key], String(minVersion ?? "1.1"));
        },
      },
      host: info.host,
      platform: info.platform,
    },
    HostType: { Excel: "Excel" },
    onReady(callback) {
      callback?.({ ...info });
      return Promise.resolve({ ...info });
    },
  };
}
