import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.bin': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the files of `dir` under the URL path `sub` (as a course site or GitHub Pages would),
 * with `headers` on every response; anything outside `sub` or `dir` is a 404.
 */
export async function serveStatic(dir: string, sub: string, headers: Record<string, string> = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(sub)) {
      res.writeHead(404).end('outside the sub-path');
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname.slice(sub.length)) || 'index.html');
    const file = join(dir, rel);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ...headers });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}${sub}`;
  return { base, close: () => new Promise<void>((r) => server.close(() => r())) };
}
