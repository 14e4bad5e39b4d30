// The dashboard the web part measures: apps/web/dist, built here with Vite's API when it is
// missing or older than its sources (a fresh `npm ci` has no dist/), and the gzipped size of what
// index.html makes the browser load before anything else (its module script and modulepreloads).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const WEB_DIR = fileURLToPath(new URL('../../apps/web/', import.meta.url));
export const DIST_DIR = join(WEB_DIR, 'dist');

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
}

/** Builds apps/web when dist/ is missing or stale; says which it did. */
export async function ensureDashboardBuilt(): Promise<'built' | 'up to date'> {
  const index = join(DIST_DIR, 'index.html');
  const sources = Math.max(
    newest(join(WEB_DIR, 'src')),
    statSync(join(WEB_DIR, 'index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return 'up to date';
  // vite is the dashboard's own build tool (a dev dependency of apps/web, hoisted by the workspace).
  const { build } = await import('vite');
  await build({ root: WEB_DIR, configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  return 'built';
}

export interface AssetSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Raw and gzipped (zlib's default level 6, what a compressing proxy would send) size of a dist file. */
export function assetSize(urlPath: string): AssetSize {
  const buf = readFileSync(join(DIST_DIR, urlPath.replace(/^\//, '')));
  return { file: urlPath, bytes: buf.length, gzipBytes: gzipSync(buf).length };
}

export interface InitialAssets {
  /** index.html's `<script type="module" src>` and `<link rel="modulepreload" href>`. */
  readonly js: readonly AssetSize[];
  readonly css: readonly AssetSize[];
  readonly jsBytes: number;
  readonly jsGzipBytes: number;
  readonly cssGzipBytes: number;
}

export function initialAssets(): InitialAssets {
  const html = readFileSync(join(DIST_DIR, 'index.html'), 'utf8');
  const attr = (tag: string, name: string): string | undefined =>
    new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];
  const js: string[] = [];
  const css: string[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    if (tag.startsWith('<script') && /type="module"/.test(tag)) {
      const src = attr(tag, 'src');
      if (src !== undefined) js.push(src);
    } else if (tag.startsWith('<link')) {
      const rel = attr(tag, 'rel');
      const href = attr(tag, 'href');
      if (href === undefined) continue;
      if (rel === 'modulepreload') js.push(href);
      else if (rel === 'stylesheet') css.push(href);
    }
  }
  if (js.length === 0) throw new Error('apps/web/dist/index.html loads no module script');
  const jsSizes = js.map(assetSize);
  const cssSizes = css.map(assetSize);
  const sum = (list: readonly AssetSize[], key: 'bytes' | 'gzipBytes') =>
    list.reduce((a, s) => a + s[key], 0);
  return {
    js: jsSizes,
    css: cssSizes,
    jsBytes: sum(jsSizes, 'bytes'),
    jsGzipBytes: sum(jsSizes, 'gzipBytes'),
    cssGzipBytes: sum(cssSizes, 'gzipBytes'),
  };
}
