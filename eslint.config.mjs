// Flat config for office-addin-lint (eslint 9): the Office add-in rules with TypeScript, plus the
// globals each part of the project runs with.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      globals: { ...globals.es2021, ...globals.browser, Office: "readonly", Excel: "readonly", CustomFunctions: "readonly" },
    },
  },
  {
    files: ["test/**", "scripts/**", "*.js", "*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
];
