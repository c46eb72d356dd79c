// Workspace API of `xinzhi serve` (issue 8): create, list, read and delete datasets, specs and runs over HTTP;
// bad ids, paths and bodies refused; concurrent writes never corrupt the workspace; requests from other hosts
// or origins refused; the app's absence explained.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { UsageError } from '../../src/core/errors.js';
import { runCli } from '../helpers.js';

let srv: RunningServer;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xinzhi-ws-'));
  srv = await startServer({ port: 0, workspace: join(dir, 'ws'), webRoot: join(dir, 'no-web') });
  base = `http://127.0.0.1:${srv.port}`;
});

afterAll(async () => {
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

const j = async (r: Response) => ({ status: r.status, body: r.status === 204 ? null : await r.json() });

describe('datasets', () => {
  test('create, list, read bytes and metadata, delete', async () => {
    const csv = strToU8('province,year,x\n北京,2020,1.5\n');
    const c = await j(await fetch(`${base}/api/datasets?name=${encodeURIComponent('省份 data.csv')}`, { method: 'POST', body: csv }));
    expect(c.status).toBe(201);
    expect(c.body.name).toBe('省份 data.csv');
    expect(c.body.size).toBe(csv.length);
    expect(c.body.id).toMatch(/^data-/);
    const list = await j(await fetch(`${base}/api/datasets`));
    expect(list.body.map((d: { id: string }) => d.id)).toContain(c.body.id);
    const bytes = new Uint8Array(await (await fetch(`${base}/api/datasets/${c.body.id}/data`)).arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(csv))).toBe(true);
    expect((await j(await fetch(`${base}/api/datasets/${c.body.id}`))).body.sha256).toBe(c.body.sha256);
    expect((await fetch(`${base}/api/datasets/${c.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await j(await fetch(`${base}/api/datasets/${c.body.id}`))).status).toBe(404);
    expect((await fetch(`${base}/api/datasets/${c.body.id}`, { method: 'DELETE' })).status).toBe(404);
    expect(readdirSync(join(srv.workspace.root, 'datasets')).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  test('empty upload and bad ids are refused', async () => {
    expect((await j(await fetch(`${base}/api/datasets?name=a.csv`, { method: 'POST', body: new Uint8Array(0) }))).body.error.code).toBe('empty');
    const bad = await j(await fetch(`${base}/api/datasets/..%2F..%2Fetc`));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad-id');
    expect(readdirSync(join(srv.workspace.root, 'datasets')).filter((e) => e.startsWith('.'))).toEqual([]);
  });
});

describe('specs', () => {
  test('create, replace, list, read, delete', async () => {
    const yaml = 'xinzhi: 1\ndata: {file: pwt}\n';
    const c = await j(await fetch(`${base}/api/specs`, { method: 'POST', body: JSON.stringify({ name: 'PWT demo', yaml }) }));
    expect(c.status).toBe(201);
    const id = c.body.id;
    const u = await j(await fetch(`${base}/api/specs/${id}`, { method: 'PUT', body: JSON.stringify({ name: 'PWT demo 2', yaml: yaml + '# v2\n' }) }));
    expect(u.status).toBe(200);
    expect(u.body.created).toBe(c.body.created);
    const r = await j(await fetch(`${base}/api/specs/${id}`));
    expect(r.body.yaml).toBe(yaml + '# v2\n');
    expect(r.body.name).toBe('PWT demo 2');
    const list = await j(await fetch(`${base}/api/specs`));
    const item = list.body.find((s: { id: string }) => s.id === id);
    expect(item.name).toBe('PWT demo 2');
    expect(item.yaml).toBeUndefined();
    expect((await fetch(`${base}/api/specs/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${base}/api/specs/${id}`)).status).toBe(404);
  });

  test('a body that is not a spec record is refused with what to send', async () => {
    const r = await j(await fetch(`${base}/api/specs`, { method: 'POST', body: '{"yaml": 3}' }));
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('"yaml"');
    expect((await j(await fetch(`${base}/api/specs`, { method: 'POST', body: 'not json' }))).body.error.code).toBe('bad-json');
  });
});

describe('runs', () => {
  test('a bundle zip is stored, listed, served file by file and as a zip, deleted', async () => {
    const files = { 'results.json': strToU8('{"xinzhi":1}\n'), 'tables/ranking.csv': strToU8('id,score\nA,1\n'), 'report.html': strToU8('<html></html>') };
    const c = await j(await fetch(`${base}/api/runs?name=demo&spec=some-spec`, { method: 'POST', body: zipSync(files) }));
    expect(c.status).toBe(201);
    expect(c.body.files.map((f: { path: string }) => f.path)).toEqual(['report.html', 'results.json', 'tables/ranking.csv']);
    const id = c.body.id;
    expect(await (await fetch(`${base}/api/runs/${id}/files/tables/ranking.csv`)).text()).toBe('id,score\nA,1\n');
    const z = unzipSync(new Uint8Array(await (await fetch(`${base}/api/runs/${id}/bundle.zip`)).arrayBuffer()));
    expect(strFromU8(z['results.json'])).toBe('{"xinzhi":1}\n');
    expect((await j(await fetch(`${base}/api/runs`))).body.map((r: { id: string }) => r.id)).toContain(id);
    expect((await fetch(`${base}/api/runs/${id}/files/meta.json`)).status).toBe(404);
    expect((await fetch(`${base}/api/runs/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${base}/api/runs/${id}`)).status).toBe(404);
  });

  test('unsafe paths inside the zip and non-zip bodies are refused', async () => {
    const bad = await j(await fetch(`${base}/api/runs?name=x`, { method: 'POST', body: zipSync({ '../evil.txt': strToU8('x') }) }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad-path');
    expect((await j(await fetch(`${base}/api/runs?name=x`, { method: 'POST', body: 'hello' }))).body.error.code).toBe('bad-zip');
    expect(readdirSync(join(srv.workspace.root, 'runs')).filter((e) => e.startsWith('.'))).toEqual([]);
  });
});

describe('concurrent writes', () => {
  test('40 parallel replacements of one spec leave one whole version; 20 parallel uploads all land intact', async () => {
    const first = await j(await fetch(`${base}/api/specs`, { method: 'POST', body: JSON.stringify({ name: 'c', yaml: 'v: 0\n' }) }));
    const id = first.body.id;
    const versions = Array.from({ length: 40 }, (_, k) => `v: ${k}\n# ${'x'.repeat(20_000 + k)}\n`);
    const res = await Promise.all(versions.map((yaml) => fetch(`${base}/api/specs/${id}`, { method: 'PUT', body: JSON.stringify({ name: 'c', yaml }) })));
    expect(res.every((r) => r.status === 200)).toBe(true);
    const final = (await j(await fetch(`${base}/api/specs/${id}`))).body;
    expect(versions).toContain(final.yaml);

    const uploads = Array.from({ length: 20 }, (_, k) => new Uint8Array(100_000 + k).fill(65 + (k % 26)));
    const made = await Promise.all(uploads.map((b, k) => fetch(`${base}/api/datasets?name=u${k}.csv`, { method: 'POST', body: b }).then(j)));
    const ids = made.map((m) => m.body.id);
    expect(new Set(ids).size).toBe(20);
    for (let k = 0; k < 20; k++) {
      const got = new Uint8Array(await (await fetch(`${base}/api/datasets/${ids[k]}/data`)).arrayBuffer());
      expect(got.length).toBe(uploads[k].length);
      expect(got[0]).toBe(uploads[k][0]);
    }
    for (const c of ['datasets', 'specs', 'runs']) expect(readdirSync(join(srv.workspace.root, c)).filter((e) => e.startsWith('.'))).toEqual([]);
  });
});

describe('guards and the app', () => {
  const raw = (path: string, headers: Record<string, string>, method = 'GET') =>
    new Promise<number>((res, rej) => {
      const r = request({ host: '127.0.0.1', port: srv.port, path, method, headers }, (m) => { m.resume(); res(m.statusCode ?? 0); });
      r.on('error', rej);
      r.end();
    });

  test('foreign Host and cross-site Origin are refused', async () => {
    expect(await raw('/api/info', { host: 'evil.example:80' })).toBe(403);
    expect(await raw('/api/specs', { host: `127.0.0.1:${srv.port}`, origin: 'http://evil.example' }, 'POST')).toBe(403);
    expect(await raw('/api/info', { host: `localhost:${srv.port}` })).toBe(200);
  });

  test('without a built app the page says how to build it; the API reports web: false', async () => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(503);
    expect(await r.text()).toContain('vite build --config web/vite.config.ts');
    expect((await j(await fetch(`${base}/api/info`))).body.web).toBe(false);
  });

  test('a built app is served, unknown routes fall back to index.html, missing assets are 404', async () => {
    const web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>xinzhi</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const s2 = await startServer({ port: 0, workspace: join(dir, 'ws'), webRoot: web });
    try {
      const b2 = `http://127.0.0.1:${s2.port}`;
      expect(await (await fetch(`${b2}/`)).text()).toContain('<title>xinzhi</title>');
      expect(await (await fetch(`${b2}/some/route`)).text()).toContain('<title>xinzhi</title>');
      expect((await fetch(`${b2}/assets/app.js`)).headers.get('content-type')).toContain('javascript');
      expect((await fetch(`${b2}/assets/missing.js`)).status).toBe(404);
      expect((await fetch(`${b2}/pkg/world.json`)).status).toBe(200);
      expect((await fetch(`${b2}/pkg/pwt91.csv.gz`)).status).toBe(200);
    } finally {
      await s2.close();
    }
  });

  test('the CLI registers serve with its options and refuses a non-loopback host', async () => {
    const help = await runCli(['serve', '--help']);
    expect(help.stdout).toContain('--workspace');
    expect(help.stdout).toContain('--port');
    const bad = await runCli(['serve', '--host', '0.0.0.0']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not a loopback address');
  });

  test('a folder that is not a workspace is refused', async () => {
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'thesis.docx'), 'x');
    const ctx = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: dir, env: {} };
    await expect(serveCommand({ port: '0', workspace: other }, ctx)).rejects.toThrow(/not an xinzhi workspace/);
    await expect(serveCommand({ port: '0', workspace: other }, ctx)).rejects.toBeInstanceOf(UsageError);
    await expect(serveCommand({ host: '0.0.0.0' }, ctx)).rejects.toThrow(/not a loopback address/);
    await expect(serveCommand({ port: '99999' }, ctx)).rejects.toThrow(/--port/);
    let out = '';
    const s = await serveCommand({ port: '0', workspace: join(dir, 'ws2') }, { ...ctx, stdout: (t: string) => { out += t; } });
    await s.close();
    expect(out).toMatch(/^xinzhi workbench: http:\/\/127\.0\.0\.1:\d+\/\n/);
  });
});
