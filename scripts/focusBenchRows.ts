/*
 * The bench's realistic FOCUS 1.0 rows (every 1.0 column, values as long as an Azure export's), shared by
 * the CSV and Parquet benches, the browser bench and the warehouse test, without benchFocus.ts's own
 * setup (it exposes the garbage collector when loaded).
 */
export const FOCUS_1_0_COLUMNS = [
  "AvailabilityZone",
  "BilledCost",
  "BillingAccountId",
  "BillingAccountName",
  "BillingCurrency",
  "BillingPeriodEnd",
  "BillingPeriodStart",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ChargeFrequency",
  "ChargePeriodEnd",
  "ChargePeriodStart",
  "CommitmentDiscountCategory",
  "CommitmentDiscountId",
  "CommitmentDiscountName",
  "CommitmentDiscountStatus",
  "CommitmentDiscountType",
  "ConsumedQuantity",
  "ConsumedUnit",
  "ContractedCost",
  "ContractedUnitPrice",
  "EffectiveCost",
  "InvoiceIssuerName",
  "ListCost",
  "ListUnitPrice",
  "PricingCategory",
  "PricingQuantity",
  "PricingUnit",
  "ProviderName",
  "PublisherName",
  "RegionId",
  "RegionName",
  "ResourceId",
  "ResourceName",
  "ResourceType",
  "ServiceCategory",
  "ServiceName",
  "SkuId",
  "SkuPriceId",
  "SubAccountId",
  "SubAccountName",
  "Tags",
];

/** ServiceCategory, ServiceName, resource provider path, ResourceType, SkuId, PricingUnit, ConsumedUnit, unit price. */
const SERVICES = [
  [
    "Compute",
    "Virtual Machines",
    "Microsoft.Compute/virtualMachines",
    "Virtual machine",
    "DZH318Z0BQ4W",
    "1 Hour",
    "Hours",
    0.192,
  ],
  [
    "Storage",
    "Storage Accounts",
    "Microsoft.Storage/storageAccounts",
    "Storage account",
    "DZH317F1HKN0",
    "1 GB/Month",
    "GB/Month",
    0.0208,
  ],
  [
    "Databases",
    "Azure SQL Database",
    "Microsoft.Sql/servers/databases",
    "SQL database",
    "DZH318Z0BQPS",
    "1 Hour",
    "vCore Hours",
    0.5044,
  ],
  [
    "Networking",
    "Bandwidth",
    "Microsoft.Network/publicIPAddresses",
    "Public IP address",
    "DZH318Z0BNVX",
    "1 GB",
    "GB",
    0.087,
  ],
] as const;
const TEAMS = [
  "payments",
  "checkout",
  "search",
  "platform",
  "data-eng",
  "identity",
  "mobile",
  "ml-infra",
  "web",
];
/** An Enterprise Agreement enrollment number. */
const BILLING_ACCOUNT = "86115370";

/**
 * One FOCUS 1.0 row with every 1.0 column and values as long as an Azure FOCUS 1.0 export's (about
 * 750 bytes: ARM resource ids, amounts to 8 decimals, three tags); i drives every varying value.
 */
export function benchRow(i: number): string {
  const [category, service, provider, resourceType, sku, pricingUnit, consumedUnit, unitPrice] =
    SERVICES[i % SERVICES.length];
  const day = String(1 + (i % 28)).padStart(2, "0");
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, "0");
  const next = String(2 + (Math.floor(i / 28) % 12)).padStart(2, "0");
  const hour = String(i % 24).padStart(2, "0");
  const quantity = 1 + (i % 97) / 4;
  const list = quantity * unitPrice;
  const committed = category === "Compute" && i % 5 === 0;
  const contracted = list * 0.9;
  const effective = committed ? contracted * 0.6 : contracted;
  const sub = i % 40;
  const subId = `6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e${String(sub).padStart(2, "0")}`;
  const team = TEAMS[i % TEAMS.length];
  const name = `${team}-${resourceType.split(" ")[0].toLowerCase()}-${String(i % 1000).padStart(3, "0")}`;
  const reservation = `/providers/Microsoft.Capacity/reservationOrders/4a9e2f1b-7c3d-4e5f-9a8b-1c2d3e4f5a${String(i % 7).padStart(2, "0")}`;
  return [
    category === "Compute" ? `westeurope-${1 + (i % 3)}` : "",
    committed ? "0" : contracted.toFixed(8),
    BILLING_ACCOUNT,
    "Contoso Holdings Ltd",
    "EUR",
    `2025-${next === "13" ? "01" : next}-01T00:00:00Z`,
    `2025-${month}-01T00:00:00Z`,
    "Usage",
    "",
    `${service} ${sku} ${consumedUnit} - West Europe`,
    "Usage-Based",
    `2025-${month}-${day}T${hour}:59:59Z`,
    `2025-${month}-${day}T${hour}:00:00Z`,
    committed ? "Usage" : "",
    committed ? reservation : "",
    committed ? `RI-D4s_v5-WE-3y-${i % 7}` : "",
    committed ? "Used" : "",
    committed ? "Reservation" : "",
    quantity.toFixed(6),
    consumedUnit,
    contracted.toFixed(8),
    (unitPrice * 0.9).toFixed(8),
    effective.toFixed(8),
    "Microsoft",
    list.toFixed(8),
    unitPrice.toFixed(8),
    committed ? "Committed" : "Standard",
    quantity.toFixed(6),
    pricingUnit,
    "Microsoft",
    "Microsoft",
    "westeurope",
    "West Europe",
    `/subscriptions/${subId}/resourceGroups/rg-${team}-prod-weu/providers/${provider}/${name}`,
    name,
    resourceType,
    category,
    service,
    sku,
    `${sku}/000${i % 9}`,
    `/subscriptions/${subId}`,
    `${team} production ${sub}`,
    `"{""team"":""${team}"",""env"":""${i % 3 ? "prod" : "dev"}"",""cost-center"":""CC-${1000 + (i % 60)}""}"`,
  ].join(",");
}
