import { FocusVersion } from "./focusTypes";

// FOCUS column sets. Source: the FOCUS specification (FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec,
// Community Specification License 1.0):
// - 1.0 to 1.2: specification/columns/<column>.md, "Content Constraints" table, "Feature level: Mandatory"
//   and "Introduced (version)"; e.g. chargeclass.md: Feature level Mandatory, introduced 1.0. Checked to be
//   not mandatory: ChargeFrequency, ServiceSubcategory (1.1) and InvoiceId (1.2), each "RECOMMENDED to be
//   present in a FOCUS dataset" (1.2 texts).
// - 1.3: the Cost and Usage dataset's columns ("<Column> MUST be present in a Cost and Usage FOCUS
//   dataset"): ServiceProviderName and HostProviderName MUST be present; ProviderName is marked DEPRECATED
//   and, like PublisherName, still MUST be present; InvoiceId and ChargeFrequency stay RECOMMENDED;
//   AllocatedMethodId and the other Allocated* columns are conditional on split cost allocation.
// Checked in November 2026 (search of the specification's text, not a column-by-column reading of every
// release): the lists below matched, so they are unchanged.
// A file says nothing about its version, so the version is read from the newest columns it carries.

/** Columns FOCUS 1.0 makes mandatory (Feature level Mandatory); 1.1 and 1.2 keep the same set. */
const MANDATORY_1_0 = [
  "BilledCost",
  "BillingAccountId",
  "BillingAccountName",
  "BillingCurrency",
  "BillingPeriodEnd",
  "BillingPeriodStart",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ChargePeriodEnd",
  "ChargePeriodStart",
  "ContractedCost",
  "EffectiveCost",
  "InvoiceIssuerName",
  "ListCost",
  "PricingQuantity",
  "PricingUnit",
  "ProviderName",
  "PublisherName",
  "ServiceCategory",
  "ServiceName",
];

/** 1.3 adds the service and host provider columns (ProviderName and PublisherName stay, deprecated). */
const MANDATORY_1_3 = [...MANDATORY_1_0, "ServiceProviderName", "HostProviderName"];

export const FOCUS_REQUIRED_COLUMNS: Readonly<Record<FocusVersion, readonly string[]>> = {
  "1.0": MANDATORY_1_0,
  "1.1": MANDATORY_1_0,
  "1.2": MANDATORY_1_0,
  "1.3": MANDATORY_1_3,
};

/** Columns first introduced by each version after 1.0: any one of them marks the file as that version or later. */
const INTRODUCED: readonly (readonly [FocusVersion, readonly string[]])[] = [
  ["1.3", ["ServiceProviderName", "HostProviderName", "AllocatedMethodId", "ContractApplied"]],
  [
    "1.2",
    [
      "BillingAccountType",
      "SubAccountType",
      "InvoiceId",
      "PricingCurrency",
      "PricingCurrencyContractedUnitPrice",
      "PricingCurrencyEffectiveCost",
      "PricingCurrencyListUnitPrice",
    ],
  ],
  [
    "1.1",
    [
      "CapacityReservationId",
      "CapacityReservationStatus",
      "CommitmentDiscountQuantity",
      "CommitmentDiscountUnit",
      "ServiceSubcategory",
      "SkuMeter",
      "SkuPriceDetails",
    ],
  ],
];

/** The newest version whose introduced columns appear in the header; 1.0 when none do. */
export function detectFocusVersion(header: readonly string[]): FocusVersion {
  const present = new Set(header);
  for (const [version, columns] of INTRODUCED) {
    if (columns.some((column) => present.has(column))) return version;
  }
  return "1.0";
}

/** The amounts the aggregation sums, in the order the readers report a bad one. */
export const FOCUS_AMOUNT_COLUMNS = [
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "ContractedCost",
] as const;

/** The columns every import reads, besides the one it groups by (the Parquet reader loads only these). */
export const FOCUS_COLUMNS_READ = [
  "ChargePeriodStart",
  ...FOCUS_AMOUNT_COLUMNS,
  "BillingCurrency",
  "ChargeCategory",
  "CommitmentDiscountStatus",
  "PricingCategory",
] as const;

/** Columns the aggregation cannot do without: a file lacking one is refused. */
export const FOCUS_ESSENTIAL_COLUMNS = ["ChargePeriodStart", "BilledCost", "EffectiveCost"];

/**
 * Columns FOCUS types Decimal. A ";" or tab file's decimal mark is read from them (focusDecimals.ts):
 * unit prices and quantities show it as often as the amounts the aggregation sums.
 */
export const FOCUS_DECIMAL_COLUMNS = [
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "ContractedCost",
  "ListUnitPrice",
  "ContractedUnitPrice",
  "PricingQuantity",
  "ConsumedQuantity",
  "CommitmentDiscountQuantity",
  "PricingCurrencyListUnitPrice",
  "PricingCurrencyContractedUnitPrice",
  "PricingCurrencyEffectiveCost",
];
