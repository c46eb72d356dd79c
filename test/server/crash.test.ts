// A server killed (SIGKILL) in the middle of a large write leaves the previous workspace state readable, and
// the restarted server sweeps the half-written leftovers (issue 8, done-when). The server runs as a child
// process; the upload is streamed, and the kill comes once its temporary file is on disk and growing.

import { afterAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startChild, killHard, type Child } from './spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-crash-'));
const wsDir = join(dir, 'ws');
const children: Child[] = [];

afterAll(async () => {
  for (const c of children) await killHard(c);
  rmSync(dir, { recursive: true, force: true });
});

/** Temporary entries (`.tmp-*`) in DIR and the size of the largest file inside them. */
function tmpBytes(d: string): number {
  let max = -1;
  for (const e of readdirSync(d)) {
    if (!e.startsWith('.tmp-')) continue;
    const p = join(d, e);
    const files = statSync(p).isDirectory() ? readdirSync(p).map((f) => join(p, f)) : [p];
    for (const f of files) {
      try {
        max = Math.max(max, statSync(f).size);
      } catch {
        // renamed meanwhile
      }
    }
  }
  return max;
}

describe('killed mid-write', () => {
  test('SIGKILL during a large dataset upload and during a spec write: previous state readable after restart', async () => {
    let c = await startChild(wsDir);
    children.push(c);
    // Previous state: one dataset and one spec.
    const small = new Uint8Array(50_000).fill(66);
    const d0 = await (await fetch(`${c.base}/api/datasets?name=before.csv`, { method: 'POST', body: small })).json();
    const s0 = await (await fetch(`${c.base}/api/specs`, { method: 'POST', body: JSON.stringify({ name: 'keep', yaml: 'xinzhi: 1\n# v1\n' }) })).json();

    // A large upload, streamed in pieces; kill once its temporary file holds part of it.
    const chunk = new Uint8Array(1 << 20).fill(67);
    const req = request({ host: '127.0.0.1', port: c.port, method: 'POST', path: '/api/datasets?name=big.csv', headers: { 'content-type': 'application/octet-stream' } });
    req.on('error', () => {});
    let seen = -1;
    for (let k = 0; k < 200 && seen < 2 * chunk.length; k++) {
      await new Promise<void>((res) => (req.write(chunk) ? res() : req.once('drain', () => res())));
      seen = tmpBytes(join(wsDir, 'datasets'));
    }
    expect(seen).toBeGreaterThan(0); // the write had begun on disk
    await killHard(c);
    req.destroy();
    expect(readdirSync(join(wsDir, 'datasets')).some((e) => e.startsWith('.tmp-'))).toBe(true);

    // Restart: the previous state is readable, the half-written upload is gone.
    c = await startChild(wsDir);
    children.push(c);
    const list = await (await fetch(`${c.base}/api/datasets`)).json();
    expect(list.map((d: { id: string }) => d.id)).toEqual([d0.id]);
    const bytes = new Uint8Array(await (await fetch(`${c.base}/api/datasets/${d0.id}/data`)).arrayBuffer());
    expect(bytes.length).toBe(small.length);
    expect(bytes.every((b) => b === 66)).toBe(true);
    expect(readdirSync(join(wsDir, 'datasets')).filter((e) => e.startsWith('.'))).toEqual([]);

    // A spec replacement killed while its body is arriving: the old version stays.
    const big = JSON.stringify({ name: 'keep', yaml: 'xinzhi: 1\n# v2 ' + 'y'.repeat(3_000_000) + '\n' });
    const req2 = request({ host: '127.0.0.1', port: c.port, method: 'PUT', path: `/api/specs/${s0.id}`, headers: { 'content-length': String(big.length) } });
    req2.on('error', () => {});
    req2.write(big.slice(0, 2_000_000));
    await new Promise((r) => setTimeout(r, 200));
    await killHard(c);
    req2.destroy();
    c = await startChild(wsDir);
    children.push(c);
    const s = await (await fetch(`${c.base}/api/specs/${s0.id}`)).json();
    expect(s.yaml).toBe('xinzhi: 1\n# v1\n');
    // And the workspace still takes writes.
    const s2 = await (await fetch(`${c.base}/api/specs/${s0.id}`, { method: 'PUT', body: JSON.stringify({ name: 'keep', yaml: 'xinzhi: 1\n# v3\n' }) })).json();
    expect(s2.yaml).toBe('xinzhi: 1\n# v3\n');
    expect(existsSync(join(wsDir, 'specs', `${s0.id}.json`))).toBe(true);
    await killHard(c);
  });
});
