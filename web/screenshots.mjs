// Screenshots and page weight of the CxReports pages (scripts/screenshot-pages.sh starts the server and calls this).
//   node web/screenshots.mjs BASE_URL OUT_DIR REPORT...
// Full-page PNGs of the index, /runs, /alerts, /status and each report page, light and dark (prefers-color-scheme), drawn by
// Debian's /usr/bin/chromium (playwright-core downloads no browser). Then, for each report page in a fresh context
// with an empty cache: bytes transferred (navigation + every resource, compressed as sent), and the times from
// navigation start to DOM interactive, DOMContentLoaded, load and every chart drawn (the page is usable then).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const [base, out, ...reports] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const pages = [["index", "/"], ["runs", "/runs"], ["alerts", "/alerts"], ["status", "/status"], ...reports.map(r => [r, `/reports/${r}`])];
for (const scheme of ["light", "dark"]) {
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  for (const [name, path] of pages) {
    await page.goto(base + path, { waitUntil: "load" });
    if (await page.locator("figure.chart").count() > 0) await page.waitForFunction(() =>
      document.querySelectorAll("figure.chart").length === document.querySelectorAll("figure.chart[data-chart-ready]").length);
    await page.screenshot({ path: `${out}/${name}-${scheme}.png`, fullPage: true });
  }
  await context.close();
}
console.log("page\ttransferred_bytes\trequests\tdom_interactive_ms\tdom_content_loaded_ms\tload_ms\tcharts_drawn_ms");
for (const report of reports) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/reports/${report}`, { waitUntil: "load" });
  await page.waitForFunction(() =>
    document.querySelectorAll("figure.chart").length === document.querySelectorAll("figure.chart[data-chart-ready]").length);
  const chartsDrawn = await page.evaluate(() => performance.now());
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const resources = performance.getEntriesByType("resource");
    return {
      bytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
      requests: 1 + resources.length,
      interactive: nav.domInteractive, loaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
    };
  });
  console.log([report, t.bytes, t.requests, Math.round(t.interactive), Math.round(t.loaded), Math.round(t.load), Math.round(chartsDrawn)].join("\t"));
  await context.close();
}
await browser.close();
