import { DepartmentSubmission, RefusedFile } from "./submission";

/**
 * The files read for one consolidation, sorted: the submissions the roll-up is planned from, the files
 * refused, and the departments two or more files claim. A department delivered twice is never guessed
 * at (the newer file is not always the right one): the user says which file to use.
 */
export interface Gathered {
  readonly submissions: DepartmentSubmission[];
  readonly refused: RefusedFile[];
  readonly duplicates: { readonly department: string; readonly files: string[] }[];
}

export function isRefused(x: DepartmentSubmission | RefusedFile): x is RefusedFile {
  return "reason" in x;
}

/** "Retail  Banking" and "retail banking" are one department. */
export const departmentKey = (department: string): string =>
  department.trim().replace(/\s+/g, " ").toLowerCase();

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * Sorts read files for the roll-up. `use` holds the file names the user chose for departments
 * delivered twice (compared by name, without folders). Submissions keep the order the files were given.
 */
export function gatherSubmissions(
  results: readonly (DepartmentSubmission | RefusedFile)[],
  use: readonly string[]
): Gathered {
  const chosen = new Set(use.map((f) => baseName(f).toLowerCase()));
  const isChosen = (s: DepartmentSubmission) => chosen.has(baseName(s.file).toLowerCase());
  const read = results.filter((r): r is DepartmentSubmission => !isRefused(r));
  const byDepartment = new Map<string, DepartmentSubmission[]>();
  for (const s of read) {
    const key = departmentKey(s.department);
    byDepartment.set(key, [...(byDepartment.get(key) ?? []), s]);
  }
  const refused: RefusedFile[] = results.filter(isRefused);
  const duplicates: Gathered["duplicates"] = [];
  const kept = new Set<DepartmentSubmission>();
  for (const files of byDepartment.values()) {
    if (files.length === 1) {
      kept.add(files[0]);
      continue;
    }
    const department = files[0].department;
    duplicates.push({ department, files: files.map((s) => s.file) });
    const picked = files.filter(isChosen);
    if (picked.length === 1) {
      kept.add(picked[0]);
      for (const s of files.filter((f) => f !== picked[0]))
        refused.push({
          file: s.file,
          reason: `${department} is also delivered by ${picked[0].file}, which was chosen.`,
        });
      continue;
    }
    const others = (s: DepartmentSubmission) =>
      files
        .filter((f) => f !== s)
        .map((f) => f.file)
        .join(", ");
    for (const s of files)
      refused.push({
        file: s.file,
        reason:
          picked.length > 1
            ? `${department} is delivered by more than one of the files chosen (${files
                .filter(isChosen)
                .map((f) => f.file)
                .join(", ")}); choose exactly one.`
            : `${department} is also delivered by ${others(s)}; choose which file to use.`,
      });
  }
  return { submissions: read.filter((s) => kept.has(s)), refused, duplicates };
}
