// The HTTP side of `xinzhi serve`: the workspace JSON API, a few read-only package assets the app needs (the
// bundled PWT for the demo, the world map, ECharts for the exported report.html), and the built web app.
// Node's http module, no framework. Loopback only by default; requests whose Host or Origin is not this server
// are refused (guards against DNS rebinding and cross-site posts from other pages in the browser).
//
//   GET    /api/info                              version, workspace folder, whether the app is built
//   GET    /api/datasets                          list          POST /api/datasets?name=FILE   body: the file's bytes
//   GET    /api/datasets/:id                      metadata      GET  /api/datasets/:id/data    the bytes
//   DELETE /api/datasets/:id
//   GET    /api/specs                             list          POST /api/specs    body: {"name","yaml","dataset"?}
//   GET    /api/specs/:id                         the record    PUT  /api/specs/:id  (create or replace)
//   DELETE /api/specs/:id
//   GET    /api/runs                              list          POST /api/runs?name=N&spec=ID  body: the bundle as a zip
//   GET    /api/runs/:id                          metadata      GET  /api/runs/:id/files/PATH  one file
//   GET    /api/runs/:id/bundle.zip               the bundle    DELETE /api/runs/:id
//   GET    /pkg/pwt91.csv.gz | world.json | china.json | echarts.min.js
//   GET    anything else                          the web app (dist/web), index.html for unknown paths

import { createReadStream, existsSync, promises as fsp, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { VERSION } from '../core/version.js';
import { LIMITS, Workspace, WorkspaceError, checkRelPath } from './workspace.js';

const require = createRequire(import.meta.url);

export interface ServerOptions {
  workspace: Workspace;
  /** Folder of the built web app (index.html); may be missing. */
  webRoot: string;
  /** Package root (data/, node_modules resolution). */
  packageRoot: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.tex': 'text/x-tex; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.gz': 'application/gzip',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { error: { code, message } });
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > limit) throw new WorkspaceError(413, 'too-large', `the request body is larger than ${limit} bytes`);
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const b = await readBody(req, limit);
  try {
    return JSON.parse(b.toString('utf8'));
  } catch {
    throw new WorkspaceError(400, 'bad-json', 'the request body is not valid JSON');
  }
}

function sendFile(res: ServerResponse, path: string, type?: string, extraHeaders: Record<string, string> = {}): void {
  const st = statSync(path);
  res.writeHead(200, { 'content-type': type ?? TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', 'content-length': st.size, ...extraHeaders });
  createReadStream(path).pipe(res);
}

/** Host names this server answers to (loopback names, or the bound host). */
function allowedHost(hostHeader: string | undefined, bound: string): boolean {
  if (!hostHeader) return false;
  const h = hostHeader.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '127.0.0.1' || h === '::1' || h === bound.replace(/^\[|\]$/g, '').toLowerCase();
}

export function createWorkbenchServer(opts: ServerOptions, bound: { host: string }): Server {
  const ws = opts.workspace;
  const assets: Record<string, () => string> = {
    'pwt91.csv.gz': () => join(opts.packageRoot, 'data', 'pwt91.csv.gz'),
    'world.json': () => join(opts.packageRoot, 'data', 'geo', 'world.json'),
    'china.json': () => join(opts.packageRoot, 'data', 'geo', 'china.json'),
    'echarts.min.js': () => require.resolve('echarts/dist/echarts.min.js'),
  };

  async function api(req: IncomingMessage, res: ServerResponse, parts: string[], query: URLSearchParams): Promise<void> {
    const m = req.method ?? 'GET';
    const [coll, id, sub, ...rest] = parts;
    if (coll === 'info' && parts.length === 1 && m === 'GET') {
      return send(res, 200, { name: 'xinzhi', version: VERSION, workspace: ws.root, web: existsSync(join(opts.webRoot, 'index.html')) });
    }
    if (coll === 'datasets') {
      if (!id) {
        if (m === 'GET') return send(res, 200, await ws.listDatasets());
        if (m === 'POST') return send(res, 201, await ws.createDataset(query.get('name') ?? 'data', req));
      } else if (!sub) {
        if (m === 'GET') return send(res, 200, await ws.getDataset(id));
        if (m === 'DELETE') {
          await ws.deleteDataset(id);
          res.writeHead(204).end();
          return;
        }
      } else if (sub === 'data' && !rest.length && m === 'GET') {
        return sendFile(res, await ws.datasetPath(id), 'application/octet-stream');
      }
    }
    if (coll === 'specs') {
      if (!id) {
        if (m === 'GET') return send(res, 200, await ws.listSpecs());
        if (m === 'POST') return send(res, 201, await ws.putSpec(await readJsonBody(req, LIMITS.spec)));
      } else if (!sub) {
        if (m === 'GET') return send(res, 200, await ws.getSpec(id));
        if (m === 'PUT') return send(res, 200, await ws.putSpec(await readJsonBody(req, LIMITS.spec), id));
        if (m === 'DELETE') {
          await ws.deleteSpec(id);
          res.writeHead(204).end();
          return;
        }
      }
    }
    if (coll === 'runs') {
      if (!id) {
        if (m === 'GET') return send(res, 200, await ws.listRuns());
        if (m === 'POST') {
          const zip = await readBody(req, LIMITS.run);
          let entries: Record<string, Uint8Array>;
          try {
            entries = unzipSync(new Uint8Array(zip.buffer, zip.byteOffset, zip.length));
          } catch {
            throw new WorkspaceError(400, 'bad-zip', 'send the bundle as a zip archive');
          }
          const files = new Map<string, Uint8Array>();
          for (const [p, b] of Object.entries(entries)) if (!p.endsWith('/')) files.set(checkRelPath(p), b);
          return send(res, 201, await ws.createRun(query.get('name') ?? 'run', files, query.get('spec') ?? undefined));
        }
      } else if (!sub) {
        if (m === 'GET') return send(res, 200, await ws.getRun(id));
        if (m === 'DELETE') {
          await ws.deleteRun(id);
          res.writeHead(204).end();
          return;
        }
      } else if (sub === 'files' && rest.length && m === 'GET') {
        return sendFile(res, await ws.runFilePath(id, rest.join('/')));
      } else if (sub === 'bundle.zip' && !rest.length && m === 'GET') {
        const meta = await ws.getRun(id);
        const z: Record<string, Uint8Array> = {};
        for (const f of meta.files) z[f.path] = new Uint8Array(await fsp.readFile(await ws.runFilePath(id, f.path)));
        const bytes = zipSync(z, { level: 6 });
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': bytes.length, 'content-disposition': `attachment; filename="${id}.zip"` });
        res.end(Buffer.from(bytes));
        return;
      }
    }
    throw new WorkspaceError(m === 'GET' || m === 'POST' || m === 'PUT' || m === 'DELETE' ? 404 : 405, 'no-route', `no API route ${m} /api/${parts.join('/')}`);
  }

  function serveStatic(res: ServerResponse, pathname: string): void {
    const root = resolve(opts.webRoot);
    if (!existsSync(join(root, 'index.html'))) {
      const msg = `The xinzhi web app is not built in this installation (looked for ${join(root, 'index.html')}).\n` +
        'Build it in the xinzhi folder with `npx vite build --config web/vite.config.ts` (npm run build:web where that script exists), then reload this page. The JSON API under /api/ works without it.\n';
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(msg);
      return;
    }
    let rel = decodeURIComponent(pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const full = normalize(join(root, rel));
    if (!full.startsWith(root + sep) && full !== root) {
      sendError(res, 400, 'bad-path', 'bad path');
      return;
    }
    if (existsSync(full) && statSync(full).isFile()) {
      const immutable = full.startsWith(join(root, 'assets') + sep);
      sendFile(res, full, undefined, { 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
      return;
    }
    if (extname(rel) && extname(rel) !== '.html') {
      sendError(res, 404, 'not-found', `no file ${pathname}`);
      return;
    }
    sendFile(res, join(root, 'index.html'), undefined, { 'cache-control': 'no-cache' });
  }

  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (!allowedHost(req.headers.host, bound.host)) {
        return sendError(res, 403, 'bad-host', 'this server answers only on its loopback address');
      }
      const origin = req.headers.origin;
      if (origin && req.method !== 'GET' && req.method !== 'HEAD') {
        let ok = false;
        try {
          const o = new URL(origin);
          ok = allowedHost(o.host, bound.host) && o.host === req.headers.host;
        } catch {
          ok = false;
        }
        if (!ok) return sendError(res, 403, 'bad-origin', 'requests from other sites are refused');
      }
      const parts = url.pathname.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
      if (parts[0] === 'api') return api(req, res, parts.slice(1), url.searchParams);
      if (parts[0] === 'pkg' && parts.length === 2 && assets[parts[1]] && req.method === 'GET') {
        const p = assets[parts[1]]();
        if (!existsSync(p)) return sendError(res, 404, 'not-found', `${parts[1]} is not in this installation`);
        return sendFile(res, p, undefined, { 'cache-control': 'public, max-age=3600' });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method', 'method not allowed');
      serveStatic(res, url.pathname);
    };
    handle().catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof WorkspaceError) return sendError(res, e.status, e.code, e.message);
      const status = (e as { status?: number }).status;
      if (status === 413) return sendError(res, 413, 'too-large', (e as Error).message);
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return sendError(res, 404, 'not-found', 'not found');
      sendError(res, 500, 'internal', (e as Error).message ?? String(e));
    });
  });
}
