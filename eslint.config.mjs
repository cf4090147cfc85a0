// Flat config for office-addin-lint (eslint 9): the Office add-in rules with TypeScript, plus the
// globals each part of the project runs with.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const officeAddinRules = officeAddins.configs.recommended.find((config) =>
  config.files?.some((pattern) => pattern.includes("ts"))
);

/**
 * The adapters of docs/ARCHITECTURE.md: each talks to one outside world (Office.js, .xlsx files, Node
 * I/O, Excel's custom function runtime) and none imports another; what two share lives in the pure
 * layers (src/domain, src/workbook).
 */
const ADAPTERS = ["excel", "xlsx", "node", "functions"];
const notFrom = (folders, why) => ({
  regex: `(^|/)(${folders.join("|")})(/|$)`,
  message: why,
});
const adapterRules = ADAPTERS.map((adapter) => ({
  files: [`src/${adapter}/**`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          notFrom(
            [...ADAPTERS.filter((other) => other !== adapter), "cli", "taskpane"],
            `src/${adapter} is an adapter: it may use src/domain and src/workbook, never another adapter (docs/ARCHITECTURE.md).`
          ),
        ],
      },
    ],
  },
}));

const officeGlobals = ["Office", "Excel", "CustomFunctions"].map((name) => ({
  name,
  message: "Office.js is used only in src/excel and src/functions (see docs/ARCHITECTURE.md).",
}));

export default [
  { ignores: ["dist/**", "dist-e2e/**", "lib/**", "node_modules/**", "coverage/**"] },
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
      globals: {
        ...globals.es2021,
        ...globals.browser,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
      },
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
        {
          patterns: [
            {
              group: [
                "react",
                "react-*",
                "@fluentui/*",
                "exceljs",
                "jszip",
                "fs",
                "path",
                "node:*",
              ],
              message:
                "src/domain and src/workbook are pure: no UI, no files, no I/O (docs/ARCHITECTURE.md).",
            },
            notFrom(
              [...ADAPTERS, "cli", "taskpane"],
              "src/domain and src/workbook are pure: they import no adapter (docs/ARCHITECTURE.md)."
            ),
          ],
        },
      ],
    },
  },
  ...adapterRules,
  {
    files: ["src/taskpane/**"],
    rules: {
      "no-restricted-globals": ["error", ...officeGlobals],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            notFrom(
              ["xlsx", "node", "cli"],
              "The task pane works on the open workbook through src/excel, not on files."
            ),
          ],
        },
      ],
    },
  },
  {
    files: ["src/cli/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            notFrom(
              ["excel", "functions", "taskpane"],
              "The command line works on files (src/xlsx, src/node), without Office.js."
            ),
          ],
        },
      ],
    },
  },
  {
    files: ["test/**", "scripts/**", "*.js", "*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
];
