/**
 * Jest projects: "unit" (every fast layer), "build" (the production build's output, after `npm run build`),
 * "engine" (LibreOffice recalculation) and "e2e" (the pane in Chromium; its global setup builds dist-e2e/).
 */
const tsJest = [
  "ts-jest",
  { tsconfig: { module: "commonjs", jsx: "react-jsx", verbatimModuleSyntax: false } },
];

// hyparquet, hyparquet-compressors and hysnappy ship ESM only; jest runs commonjs, so their .js is transpiled
// too (fzstd has a commonjs build). Every other node_modules file stays untransformed.
const esmOnlyPackages = ["hyparquet", "hyparquet-compressors", "hysnappy"];
const tsJestForEsm = [
  "ts-jest",
  { tsconfig: { module: "commonjs", allowJs: true, verbatimModuleSyntax: false } },
];

const shared = {
  transform: {
    "^.+\\.tsx?$": tsJest,
    [`/node_modules/(${esmOnlyPackages.join("|")})/.+\\.js$`]: tsJestForEsm,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join("|")})/)`],
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, which reaches an ESM-only module jest cannot load
    // office-addin-mock only needs its OfficeApp enum.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  setupFiles: ["<rootDir>/test/fakes/customFunctionsRuntime.ts"],
  testEnvironment: "node",
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["<rootDir>/test/**/*.test.ts?(x)"],
      testPathIgnorePatterns: ["/test/engine/", "/test/build/", "/test/e2e/"],
      // Above the pane tests' 10 s wait for a view (test/taskpane/renderPane.tsx), so a slow machine
      // reports what was missing rather than a timeout.
      testTimeout: 30_000,
    },
    { ...shared, displayName: "build", testMatch: ["<rootDir>/test/build/**/*.test.ts"] },
    { ...shared, displayName: "engine", testMatch: ["<rootDir>/test/engine/**/*.test.ts"] },
    {
      ...shared,
      displayName: "e2e",
      testMatch: ["<rootDir>/test/e2e/**/*.e2e.ts"],
      globalSetup: "<rootDir>/test/e2e/globalSetup.ts",
      globalTeardown: "<rootDir>/test/e2e/globalTeardown.ts",
      testTimeout: 60_000,
    },
  ],
};
