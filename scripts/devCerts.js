/*
 * Development HTTPS certificates for https://localhost:3000, shared by webpack.config.js and
 * scripts/start.mjs. Uses office-addin-dev-certs' generateCertificates() only, which writes
 * ~/.office-addin-dev-certs/{ca.crt,localhost.crt,localhost.key} without sudo. We deliberately
 * never call getHttpsServerOptions(): it first installs the CA into the system trust store (sudo).
 */
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
const certPaths = {
  ca: path.join(certDir, "ca.crt"),
  cert: path.join(certDir, "localhost.crt"),
  key: path.join(certDir, "localhost.key"),
};
// Regenerate a day early so a dev server started today does not go invalid mid-session.
const MIN_REMAINING_MS = 24 * 60 * 60 * 1000;

/** Why the current certificates cannot be used, or null when they are fine. */
function certificateProblem(now = Date.now()) {
  for (const file of Object.values(certPaths)) {
    if (!fs.existsSync(file)) return `${file} is missing`;
  }
  try {
    const cert = new crypto.X509Certificate(fs.readFileSync(certPaths.cert));
    const validTo = Date.parse(cert.validTo);
    if (validTo - now < MIN_REMAINING_MS)
      return `${certPaths.cert} expired or expires soon (${cert.validTo})`;
    if (!cert.checkPrivateKey(crypto.createPrivateKey(fs.readFileSync(certPaths.key)))) {
      return `${certPaths.key} does not match ${certPaths.cert}`;
    }
  } catch (error) {
    return `${certPaths.cert} cannot be read (${error.message})`;
  }
  return null;
}

/** Makes sure valid certificates exist (generating new ones if needed) and returns their paths. */
async function ensureDevCerts(log = console.log) {
  const problem = certificateProblem();
  if (problem) {
    log(
      `Dev certificates: ${problem}; generating new ones in ${certDir} (no sudo, system trust store untouched).`
    );
    const replacesCa = fs.existsSync(certPaths.ca);
    // generateCertificates() writes nothing when ca.crt already exists, so clear the old set first.
    for (const file of Object.values(certPaths)) fs.rmSync(file, { force: true });
    const { generateCertificates } = require("office-addin-dev-certs");
    await generateCertificates();
    const stillWrong = certificateProblem();
    if (stillWrong) throw new Error(`Could not create dev certificates: ${stillWrong}`);
    if (replacesCa)
      log(
        `Dev certificates: the CA was replaced; if your browser trusted the old ${certPaths.ca}, trust the new one.`
      );
  }
  return certPaths;
}

/** Options for webpack-dev-server's `server: { type: "https", options }`. */
async function getHttpsOptions(log) {
  const paths = await ensureDevCerts(log);
  return {
    ca: fs.readFileSync(paths.ca),
    cert: fs.readFileSync(paths.cert),
    key: fs.readFileSync(paths.key),
  };
}

module.exports = { certDir, certPaths, certificateProblem, ensureDevCerts, getHttpsOptions };
