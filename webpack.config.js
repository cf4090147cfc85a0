/*
 * Builds the shared-runtime add-in: dist/taskpane.html loads both bundles (the FINOPS.* functions run
 * in the task pane page), plus functions.json (from the JSDoc in functions.ts), manifest.xml, help.html
 * and the icons. Production builds point every https://localhost:3000/ URL at ADDIN_PUBLIC_URL.
 * FINOPS_E2E=1 builds into dist-e2e/ and adds the browser tests' page (e2e.html: the local office.js,
 * then test/e2e/harness.ts, which installs the in-memory Excel, then the two bundles).
 */
const path = require("path");
const zlib = require("zlib");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, WebpackError, sources } = require("webpack");
const { getHttpsOptions } = require("./scripts/devCerts");

const port = require("./package.json").config.dev_server_port;
const devUrl = `https://localhost:${port}/`;
// Files whose URLs must follow the deployment (functions.json is emitted by the metadata plugin).
const urlFiles = ["manifest.xml", "functions.json", "help.html"];
// Initial JS per entry point, gzip bytes (1 KB = 1000 bytes).
const gzipBudgets = { taskpane: 250_000, functions: 25_000 };
const uiPackages = /[\\/]node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel)[\\/]/;

function publicUrlFromEnv() {
  const value = process.env.ADDIN_PUBLIC_URL;
  if (!value) return null;
  let url;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || url.protocol !== "https:" || !value.endsWith("/")) {
    throw new Error(
      `ADDIN_PUBLIC_URL must be an https URL ending with "/" (for example https://finops.example.com/addin/), got "${value}".`
    );
  }
  return value;
}

/** Replaces the dev URL in the URL-bearing files, and warns about any other asset still naming it. */
class PublicUrlPlugin {
  constructor(publicUrl) {
    this.publicUrl = publicUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PublicUrlPlugin", (compilation) => {
      // After CopyWebpackPlugin (ADDITIONAL) and the metadata plugin (compilation hook) added their assets.
      compilation.hooks.processAssets.tap(
        { name: "PublicUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_PRE_PROCESS },
        (assets) => {
          for (const name of urlFiles) {
            if (!assets[name]) continue;
            const text = assets[name].source().toString();
            compilation.updateAsset(
              name,
              new sources.RawSource(text.split(devUrl).join(this.publicUrl))
            );
          }
        }
      );
      compilation.hooks.processAssets.tap(
        { name: "PublicUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (
              /\.(js|json|html|xml)$/.test(name) &&
              assets[name].source().toString().includes(devUrl)
            ) {
              compilation.warnings.push(
                new WebpackError(
                  `${name} still contains ${devUrl} although ADDIN_PUBLIC_URL is set.`
                )
              );
            }
          }
        }
      );
    });
  }
}

/** Fails the build when the functions bundle pulls UI packages or an entry point's initial JS exceeds its gzip budget. */
class BundleBudgetPlugin {
  constructor(checkSizes) {
    this.checkSizes = checkSizes;
  }
  apply(compiler) {
    const logger = compiler.getInfrastructureLogger("bundle-budget");
    compiler.hooks.thisCompilation.tap("BundleBudgetPlugin", (compilation) => {
      // Before module concatenation, so every module still has its own resource path.
      compilation.hooks.afterChunks.tap("BundleBudgetPlugin", () => {
        const entry = compilation.entrypoints.get("functions");
        const chunks = entry
          ? entry.chunks.flatMap((chunk) => [chunk, ...chunk.getAllAsyncChunks()])
          : [];
        for (const chunk of chunks) {
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            if (module.resource && uiPackages.test(module.resource)) {
              compilation.errors.push(
                new WebpackError(
                  `The functions bundle must not include React/Fluent UI (only src/domain belongs there): ${path.relative(__dirname, module.resource)}`
                )
              );
              return;
            }
          }
        }
      });
      if (!this.checkSizes) return;
      compilation.hooks.processAssets.tap(
        { name: "BundleBudgetPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          for (const [name, budget] of Object.entries(gzipBudgets)) {
            const entry = compilation.entrypoints.get(name);
            if (!entry) continue;
            const files = entry.getFiles().filter((file) => file.endsWith(".js"));
            const gzip = files.reduce(
              (sum, file) =>
                sum +
                zlib.gzipSync(compilation.getAsset(file).source.buffer(), { level: 9 }).length,
              0
            );
            const line = `${name}: ${files.join(" + ")} = ${(gzip / 1000).toFixed(1)} KB gzip (budget ${budget / 1000} KB)`;
            if (gzip > budget)
              compilation.errors.push(new WebpackError(`Bundle budget exceeded: ${line}`));
            else logger.info(line);
          }
        }
      );
    });
  }
}

/** The browser tests' page: office.js from @microsoft/office-js (copied as is: Terser would take 40 s over it). */
function e2ePlugins() {
  const officeJs = "node_modules/@microsoft/office-js/dist";
  return [
    new HtmlWebpackPlugin({
      filename: "e2e.html",
      template: "./test/e2e/e2e.html",
      chunks: ["e2e-harness", "functions", "taskpane"],
      chunksSortMode: "manual",
    }),
    new CopyWebpackPlugin({
      patterns: ["office.js", "o15apptofilemappingtable.js"].map((file) => ({
        from: `${officeJs}/${file}`,
        to: `office-js/${file}`,
        info: { minimized: true },
      })),
    }),
  ];
}

module.exports = async (env, argv) => {
  const production = argv.mode !== "development";
  const publicUrl = production ? publicUrlFromEnv() : null;
  if (production && !publicUrl) {
    console.warn(
      `[webpack] ADDIN_PUBLIC_URL is not set: this production build keeps ${devUrl} in manifest.xml, functions.json and help.html.`
    );
  }

  const e2e = process.env.FINOPS_E2E === "1";

  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      ...(e2e ? { "e2e-harness": "./test/e2e/harness.ts" } : {}),
    },
    output: {
      path: path.resolve(__dirname, e2e ? "dist-e2e" : "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the functions bundle is loaded by the task pane page, and first, so the
        // CustomFunctions.associate calls run before the UI boots.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Copied verbatim: webpack 5.113 would otherwise minify copied HTML too.
          { from: "assets/help.html", to: "help.html", info: { minimized: true } },
          { from: "assets/guide.html", to: "guide.html", info: { minimized: true } },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
      ...(e2e ? e2ePlugins() : []),
      new BundleBudgetPlugin(production),
      ...(publicUrl ? [new PublicUrlPlugin(publicUrl)] : []),
    ],
    // Webpack's hints measure raw bytes; BundleBudgetPlugin enforces the gzip budgets instead.
    performance: { hints: false },
    devServer: env.WEBPACK_SERVE
      ? {
          port,
          // Only this machine: the dev server is for sideloading, never for the network.
          host: "localhost",
          server: {
            type: "https",
            options: await getHttpsOptions((line) => console.log(`[webpack] ${line}`)),
          },
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          // Two entry points share one page, so two HMR runtimes would fight over the hot-update
          // callback; and without react-refresh HMR ends in a full reload anyway. Live reload only.
          hot: false,
        }
      : undefined,
  };
};
