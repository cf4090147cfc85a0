-- FOCUS aggregates for the Cost data sheet, by month (bigquery).
-- Written by finops-workbooks focus-query; docs/FOCUS.md "The warehouse path" states the rules.
-- Export the result as CSV, then: finops-workbooks import-focus --aggregates RESULT.csv --into WORKBOOK.xlsx
WITH focus_rows AS (
  SELECT
    FORMAT_TIMESTAMP('%Y-%m', ChargePeriodStart, 'UTC') AS month,
    CASE WHEN UPPER(COALESCE(BillingCurrency, '')) = 'NULL' THEN '' ELSE COALESCE(BillingCurrency, '') END AS billing_currency,
    FALSE AS has_group,
    COALESCE(BilledCost, 0) AS billed_amount,
    COALESCE(EffectiveCost, 0) AS effective_amount,
    COALESCE(ListCost, 0) AS list_amount,
    COALESCE(ContractedCost, COALESCE(ListCost, 0)) AS contracted_amount,
    COALESCE(CommitmentDiscountStatus, '') AS commitment_status,
    (COALESCE(EffectiveCost, 0) = 0) AND ((COALESCE(ChargeCategory, '') = 'Purchase') OR (COALESCE(ChargeCategory, '') = 'Tax')) AS is_prepaid,
    (COALESCE(ChargeCategory, '') = 'Usage') AND (COALESCE(PricingCategory, '') = 'Standard') AS is_on_demand
  FROM focus
  WHERE NOT (ChargePeriodStart IS NULL)
)
SELECT
  month,
  billing_currency,
  COUNT(*) AS row_count,
  SUM(billed_amount) AS billed_cost,
  SUM(effective_amount) AS effective_cost,
  SUM(CASE WHEN NOT (is_prepaid) AND NOT (commitment_status = 'Unused') THEN list_amount ELSE 0 END) AS list_cost,
  SUM(CASE WHEN NOT (is_prepaid) AND NOT (commitment_status = 'Unused') THEN contracted_amount ELSE 0 END) AS contracted_cost,
  SUM(CASE WHEN commitment_status = 'Used' THEN effective_amount ELSE 0 END) AS commitment_used_cost,
  SUM(CASE WHEN commitment_status = 'Unused' THEN effective_amount ELSE 0 END) AS commitment_unused_cost,
  SUM(CASE WHEN commitment_status = 'Used' THEN list_amount ELSE 0 END) AS covered_list_cost,
  SUM(CASE WHEN NOT (commitment_status = 'Used') AND NOT (commitment_status = 'Unused') AND is_on_demand THEN list_amount ELSE 0 END) AS on_demand_list_cost,
  SUM(0) AS allocated_cost,
  SUM(CASE WHEN NOT (is_prepaid) THEN list_amount ELSE 0 END) AS hubs_list_cost,
  SUM(CASE WHEN NOT (is_prepaid) AND (list_amount > 0) AND ((list_amount - effective_amount) >= 0.0001) THEN list_amount - effective_amount ELSE 0 END) AS hubs_total_savings,
  COUNT(CASE WHEN has_group THEN 1 END) AS grouped_rows
FROM focus_rows
GROUP BY month, billing_currency
ORDER BY month, billing_currency
