/**
 * Starts the pane once Office.js is ready. Opened in a plain browser, or when the Office.js script
 * could not load, it starts at once rather than leaving a blank page.
 */
export function whenOfficeReady(start: () => void): void {
  if (typeof Office !== "undefined") Office.onReady(() => start());
  else start();
}
