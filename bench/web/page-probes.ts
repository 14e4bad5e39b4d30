// Scripts the web part runs inside the dashboard page. They are plain JavaScript strings (handed to
// Playwright's addInitScript / evaluate) because this workspace type-checks bench/ without the DOM
// library. Every time they record is the page's clock as epoch milliseconds with sub-millisecond
// resolution: performance.timeOrigin + performance.now(); the bench maps it to its own clock with a
// measured offset (see calibrateClock in main.ts).

/** Epoch milliseconds in the page, for clock calibration. */
export const PAGE_NOW = 'performance.timeOrigin + performance.now()';

/**
 * Installed before the login page loads: from the login form's submit to the dashboard ready, i.e.
 * the equity KPI shown with a number and the live-connection light `connected`, then the next
 * animation frame (the first frame that can paint it). Results in window.__nxTti.
 */
export const TTI_PROBE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const s = { submitAt: null, kpiAt: null, connectedAt: null, readyAt: null, frameAt: null };
  window.__nxTti = s;
  document.addEventListener('submit', () => { if (s.submitAt === null) s.submitAt = now(); }, true);
  const check = () => {
    if (s.submitAt === null || s.readyAt !== null) return;
    const t = now();
    if (s.kpiAt === null) {
      const k = document.querySelector('[data-testid="kpi-equity"]');
      if (k !== null && k.getClientRects().length > 0 && /\\d/.test(k.textContent || '')) s.kpiAt = t;
    }
    if (s.connectedAt === null &&
        document.querySelector('[data-testid="connection"][data-state="connected"]') !== null)
      s.connectedAt = t;
    if (s.kpiAt !== null && s.connectedAt !== null) {
      s.readyAt = t;
      requestAnimationFrame(() => { s.frameAt = now(); });
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
})();`;

/**
 * Installed on the logged-in dashboard: notes when a toast carrying "nxbench#<n>" enters the DOM
 * (the MutationObserver callback runs right after React's commit, in the same task) and the next
 * animation frame after it. Results in window.__nxSeen / window.__nxFrame as [n, time] pairs.
 */
export const EVENT_PROBE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const seen = new Map();
  const frame = new Map();
  window.__nxSeen = seen;
  window.__nxFrame = frame;
  new MutationObserver((records) => {
    const t = now();
    const fresh = [];
    for (const r of records) {
      const nodes = r.type === 'characterData' ? [r.target] : r.addedNodes;
      for (const node of nodes) {
        for (const m of (node.textContent || '').matchAll(/nxbench#(\\d+)/g)) {
          const n = Number(m[1]);
          if (!seen.has(n)) { seen.set(n, t); fresh.push(n); }
        }
      }
    }
    if (fresh.length > 0)
      requestAnimationFrame(() => { const f = now(); for (const n of fresh) frame.set(n, f); });
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})();`;

export const READ_TTI = 'JSON.stringify(window.__nxTti)';
export const TTI_DONE = 'window.__nxTti !== undefined && window.__nxTti.frameAt !== null';
export const READ_SEEN =
  'JSON.stringify({ seen: [...window.__nxSeen], frame: [...window.__nxFrame] })';
