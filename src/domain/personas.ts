/**
 * The six FinOps personas the practice workbooks assign work and decisions to (the FinOps
 * Framework's core personas, with the capability's "Management" as "Leadership"). One list for every template.
 */
export const PERSONAS = [
  { key: "finops", name: "FinOps practitioner" },
  { key: "finance", name: "Finance" },
  { key: "product", name: "Product" },
  { key: "procurement", name: "Procurement" },
  { key: "engineering", name: "Engineering" },
  { key: "leadership", name: "Leadership" },
] as const;

export type PersonaKey = (typeof PERSONAS)[number]["key"];
export type PersonaName = (typeof PERSONAS)[number]["name"];
export const PERSONA_NAMES: readonly PersonaName[] = PERSONAS.map((p) => p.name);
