// Flat config for office-addin-lint (eslint 9): the Office add-in rules with TypeScript, plus the
// globals each part of the project runs with.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const officeAddinRules = officeAddins.configs.recommended.find((config) =>
  config.files?.some((pattern) => pattern.includes("ts"))
);

const officeGlobals = ["Office", "Excel", "CustomFunctions"].map((name) => ({
  name,
  message: "Office.js is used only in src/excel and src/functions (see docs/ARCHITECTURE.md).",
}));

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  ...officeAddins.configs.recommended,
  // The add-in rules (TypeScript's unused-vars, the Office.js rules, Prettier) for .tsx as for .ts: the
  // shared config names only .js and .ts, and eslint 9 skips files no config names.
  { ...officeAddinRules, files: ["**/*.tsx"] },
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.es2021, ...globals.browser, Office: "readonly", Excel: "readonly", CustomFunctions: "readonly" },
    },
  },
  {
    // The layers of docs/ARCHITECTURE.md: domain and workbook are pure; only src/excel and
    // src/functions talk to Office.js.
    files: ["src/domain/**", "src/workbook/**"],
    rules: {
      "no-restricted-globals": ["error", ...officeGlobals, "document", "window", "fetch"],
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-*", "@fluentui/*", "exceljs", "fs", "path", "node:*", "**/excel/**", "**/functions/**", "**/taskpane/**"] },
      ],
    },
  },
  {
    files: ["src/taskpane/**"],
    rules: { "no-restricted-globals": ["error", ...officeGlobals] },
  },
  {
    files: ["test/**", "scripts/**", "*.js", "*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
];
