import { MigrationStep } from "./migration";
import { TemplateOptions } from "./options";
import { Template, WorkbookSpec } from "./spec";

/**
 * The versions of a template: the current one (`Template.build`) and the earlier ones it still
 * builds, each with the migration to the next. Maintenance plans a workbook at the version its
 * metadata records, and upgrade walks the migrations from there to the current version.
 */

/** The spec of a template at a version; undefined when this add-in does not know that version. */
export function buildAt(
  template: Template,
  version: number,
  options: TemplateOptions
): WorkbookSpec | undefined {
  if (version === template.version) return template.build(options);
  return template.earlier?.find((e) => e.version === version)?.build(options);
}

/** One step of an upgrade: from a version to the next, with what it does to typed values. */
export interface UpgradeStep {
  readonly from: number;
  readonly to: number;
  readonly migration: readonly MigrationStep[];
}

/**
 * The steps from `version` to the current version, in order; [] when it is current, undefined when
 * a version on the way is unknown (a workbook made by a newer add-in, or a version no longer kept).
 */
export function upgradeSteps(template: Template, version: number): UpgradeStep[] | undefined {
  const steps: UpgradeStep[] = [];
  for (let from = version; from < template.version; from += 1) {
    const earlier = template.earlier?.find((e) => e.version === from);
    if (!earlier) return undefined;
    steps.push({ from, to: from + 1, migration: earlier.migration });
  }
  return version > template.version ? undefined : steps;
}
