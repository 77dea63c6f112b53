import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export type WebAsset = { readonly type: string; readonly body: Buffer; readonly etag: string };

/** The page's source: services/reporting/web (the build copies it next to dist's src). */
export const WEB_DIR = path.resolve(__dirname, '../../../web');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const asset = (file: string): WebAsset => {
  const body = readFileSync(file);
  const type = TYPES[path.extname(file)];
  if (type === undefined) throw new Error(`no content type for ${file}`);
  return { type, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
};

/**
 * Everything the page needs, read once at start-up (a missing file stops the service there, not at
 * the first visit): the pages, the scripts and styles of web/, and chart.js's own UMD build, so the
 * page works with no internet and no bundler. Served by name only, so no path reaches the disk.
 */
export class WebAssets {
  private readonly files: ReadonlyMap<string, WebAsset>;

  constructor(dir: string = WEB_DIR) {
    const files = new Map<string, WebAsset>();
    for (const name of readdirSync(dir).sort())
      if (path.extname(name) in TYPES) files.set(name, asset(path.join(dir, name)));
    // chart.js's exports map hides dist/; its CommonJS entry sits next to the UMD build.
    files.set('chart.umd.js', asset(path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js')));
    this.files = files;
  }

  get(name: string): WebAsset | undefined {
    return this.files.get(name);
  }

  /** A page of web/; throws when it is not there (a bug, caught at start-up by the spec). */
  page(name: 'dashboard.html' | 'review.html' | 'login.html'): WebAsset {
    const found = this.files.get(name);
    if (found === undefined) throw new Error(`web/${name} is missing`);
    return found;
  }
}
