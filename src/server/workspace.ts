// The workbench's workspace on disk: datasets, specs and runs (with their bundles), in one folder
// (default ./xinzhi-workspace). Nothing leaves the machine.
//
//   DIR/workspace.json                 {xinzhi: 1, created}
//   DIR/datasets/<id>/meta.json        {id, name, size, sha256, created}   DIR/datasets/<id>/data  (the bytes as uploaded)
//   DIR/specs/<id>.json                {id, name, yaml, dataset?, created, updated}
//   DIR/runs/<id>/meta.json            {id, name, spec?, created, files: [{path, size, sha256}]}
//   DIR/runs/<id>/files/<path>         the bundle (results.json, report.html, tables/*.csv, …)
//
// Atomicity (durable.ts): datasets and runs are created whole in a temporary folder and renamed into place; a
// spec is one file replaced by rename. So a reader never sees a half-written resource and a server killed at
// any moment leaves the previous state readable; leftovers are swept when the workspace is opened. Concurrent
// writes use distinct temporary names: creating gives distinct ids, replacing a spec is last-writer-wins with
// every version whole. Ids are checked against ID_RE before any path is built (no traversal).

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, promises as fsp } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { createDirAtomic, fsyncDir, removeAtomic, streamSynced, sweepTemporary, writeFileAtomicDurable, writeSynced } from './durable.js';

export type Collection = 'datasets' | 'specs' | 'runs';
export const COLLECTIONS: Collection[] = ['datasets', 'specs', 'runs'];

export const ID_RE = /^[a-z0-9][a-z0-9_-]{0,79}$/;

export interface DatasetMeta {
  id: string;
  name: string;
  size: number;
  sha256: string;
  created: string;
}

export interface SpecRecord {
  id: string;
  name: string;
  yaml: string;
  /** Id of the dataset the spec was built on (the workbench's link; the YAML names the file itself). */
  dataset?: string;
  created: string;
  updated: string;
}

export interface RunFile { path: string; size: number; sha256: string }

export interface RunMeta {
  id: string;
  name: string;
  spec?: string;
  created: string;
  files: RunFile[];
}

/** A client error with an HTTP status (400/404/409/413). */
export class WorkspaceError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

export const LIMITS = {
  dataset: 512 * 1024 * 1024,
  spec: 4 * 1024 * 1024,
  run: 256 * 1024 * 1024,
};

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/\.[a-z0-9]{1,5}$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return s || 'item';
}

/** A fresh id: slug of the name, time and randomness (unique without coordination). */
export function newId(name: string): string {
  return `${slug(name)}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

function checkId(id: string): string {
  if (!ID_RE.test(id)) throw new WorkspaceError(400, 'bad-id', `"${id}" is not a valid id (lower-case letters, digits, - and _, at most 80)`);
  return id;
}

/** A relative path inside a run bundle: no absolute paths, no `..`, no hidden parts. */
export function checkRelPath(p: string): string {
  const parts = p.split('/');
  if (!p || p.length > 300 || parts.some((x) => x === '' || x === '.' || x === '..' || x.startsWith('.') || /[\\\0:]/.test(x))) {
    throw new WorkspaceError(400, 'bad-path', `"${p}" is not a valid file path inside a bundle`);
  }
  return p;
}

function displayName(name: string | undefined, fallback: string): string {
  const n = (name ?? '').replace(/[\0-\x1f]/g, '').trim().slice(0, 200);
  return n || fallback;
}

export class Workspace {
  readonly root: string;

  private constructor(root: string) {
    this.root = root;
  }

  /** Open (creating if needed) the workspace at `dir`, sweeping leftovers of interrupted writes. */
  static async open(dir: string): Promise<Workspace> {
    const root = resolve(dir);
    await fsp.mkdir(root, { recursive: true });
    const marker = join(root, 'workspace.json');
    if (!existsSync(marker)) {
      const entries = (await fsp.readdir(root)).filter((e) => !e.startsWith('.') && !(COLLECTIONS as string[]).includes(e));
      if (entries.length) {
        throw new WorkspaceError(409, 'not-a-workspace', `${root} is not empty and is not an xinzhi workspace (it has ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ' …' : ''}); choose an empty or new folder with --workspace`);
      }
      await writeFileAtomicDurable(root, 'workspace.json', JSON.stringify({ xinzhi: 1, created: new Date().toISOString() }, null, 2) + '\n');
    }
    await sweepTemporary(root);
    for (const c of COLLECTIONS) {
      const d = join(root, c);
      await fsp.mkdir(d, { recursive: true });
      await sweepTemporary(d);
    }
    return new Workspace(root);
  }

  private dir(c: Collection): string {
    return join(this.root, c);
  }

  private async readJson<T>(path: string): Promise<T | undefined> {
    try {
      return JSON.parse(await fsp.readFile(path, 'utf8')) as T;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw e;
    }
  }

  private async listDir(c: Collection): Promise<string[]> {
    return (await fsp.readdir(this.dir(c))).filter((e) => !e.startsWith('.')).sort();
  }

  // ---- datasets ----

  /** Store an uploaded data file (streamed) under a new id. */
  async createDataset(name: string, body: Readable): Promise<DatasetMeta> {
    const fileName = displayName(name, 'data');
    const id = newId(fileName);
    let meta: DatasetMeta | undefined;
    await createDirAtomic(this.dir('datasets'), id, async (tmp) => {
      const { size, sha256 } = await streamSynced(join(tmp, 'data'), body, LIMITS.dataset);
      if (size === 0) throw new WorkspaceError(400, 'empty', 'the uploaded file is empty');
      meta = { id, name: fileName, size, sha256, created: new Date().toISOString() };
      await writeSynced(join(tmp, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
    });
    return meta!;
  }

  async listDatasets(): Promise<DatasetMeta[]> {
    const out: DatasetMeta[] = [];
    for (const id of await this.listDir('datasets')) {
      const m = await this.readJson<DatasetMeta>(join(this.dir('datasets'), id, 'meta.json'));
      if (m) out.push(m);
    }
    return out.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1));
  }

  async getDataset(id: string): Promise<DatasetMeta> {
    const m = await this.readJson<DatasetMeta>(join(this.dir('datasets'), checkId(id), 'meta.json'));
    if (!m) throw new WorkspaceError(404, 'not-found', `no dataset "${id}"`);
    return m;
  }

  /** Path of a dataset's bytes (checked to exist). */
  async datasetPath(id: string): Promise<string> {
    await this.getDataset(id);
    return join(this.dir('datasets'), id, 'data');
  }

  async deleteDataset(id: string): Promise<void> {
    if (!(await removeAtomic(this.dir('datasets'), checkId(id)))) throw new WorkspaceError(404, 'not-found', `no dataset "${id}"`);
  }

  // ---- specs ----

  private parseSpecBody(body: unknown): { name?: string; yaml: string; dataset?: string } {
    const b = body as { name?: unknown; yaml?: unknown; dataset?: unknown } | null;
    if (!b || typeof b !== 'object' || typeof b.yaml !== 'string') {
      throw new WorkspaceError(400, 'bad-spec-body', 'send JSON {"name": "…", "yaml": "<the spec as YAML text>", "dataset": "<dataset id, optional>"}');
    }
    if (b.name !== undefined && typeof b.name !== 'string') throw new WorkspaceError(400, 'bad-spec-body', '"name" must be text');
    if (b.dataset !== undefined && b.dataset !== null && (typeof b.dataset !== 'string' || !ID_RE.test(b.dataset))) throw new WorkspaceError(400, 'bad-spec-body', '"dataset" must be a dataset id');
    return { name: b.name as string | undefined, yaml: b.yaml, dataset: (b.dataset as string | undefined) ?? undefined };
  }

  /** Create (id omitted) or replace (id given) a spec. */
  async putSpec(body: unknown, id?: string): Promise<SpecRecord> {
    const b = this.parseSpecBody(body);
    const now = new Date().toISOString();
    let created = now;
    if (id !== undefined) {
      checkId(id);
      const old = await this.readJson<SpecRecord>(join(this.dir('specs'), `${id}.json`));
      if (old) created = old.created;
    } else {
      id = newId(b.name ?? 'spec');
    }
    const rec: SpecRecord = { id, name: displayName(b.name, id), yaml: b.yaml, ...(b.dataset ? { dataset: b.dataset } : {}), created, updated: now };
    await writeFileAtomicDurable(this.dir('specs'), `${id}.json`, JSON.stringify(rec, null, 2) + '\n');
    return rec;
  }

  async listSpecs(): Promise<Omit<SpecRecord, 'yaml'>[]> {
    const out: Omit<SpecRecord, 'yaml'>[] = [];
    for (const f of await this.listDir('specs')) {
      if (!f.endsWith('.json')) continue;
      const r = await this.readJson<SpecRecord>(join(this.dir('specs'), f));
      if (r) {
        const { yaml: _yaml, ...rest } = r;
        out.push(rest);
      }
    }
    return out.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1));
  }

  async getSpec(id: string): Promise<SpecRecord> {
    const r = await this.readJson<SpecRecord>(join(this.dir('specs'), `${checkId(id)}.json`));
    if (!r) throw new WorkspaceError(404, 'not-found', `no spec "${id}"`);
    return r;
  }

  async deleteSpec(id: string): Promise<void> {
    if (!(await removeAtomic(this.dir('specs'), `${checkId(id)}.json`))) throw new WorkspaceError(404, 'not-found', `no spec "${id}"`);
  }

  // ---- runs ----

  /** Store a run's bundle (relative path → bytes) under a new id. */
  async createRun(name: string, files: Map<string, Uint8Array>, spec?: string): Promise<RunMeta> {
    if (!files.size) throw new WorkspaceError(400, 'empty-bundle', 'the bundle has no files');
    let total = 0;
    for (const [p, b] of files) {
      checkRelPath(p);
      total += b.length;
    }
    if (total > LIMITS.run) throw new WorkspaceError(413, 'too-large', `the bundle is larger than ${LIMITS.run} bytes`);
    if (spec !== undefined && !ID_RE.test(spec)) throw new WorkspaceError(400, 'bad-id', '"spec" must be a spec id');
    const id = newId(displayName(name, 'run'));
    const meta: RunMeta = {
      id,
      name: displayName(name, id),
      ...(spec ? { spec } : {}),
      created: new Date().toISOString(),
      files: [...files.entries()].map(([path, b]) => ({ path, size: b.length, sha256: createHash('sha256').update(b).digest('hex') })).sort((a, b) => (a.path < b.path ? -1 : 1)),
    };
    await createDirAtomic(this.dir('runs'), id, async (tmp) => {
      const made = new Set<string>();
      for (const [p, bytes] of files) {
        const full = join(tmp, 'files', ...p.split('/'));
        const parent = full.slice(0, full.lastIndexOf(sep));
        if (!made.has(parent)) {
          await fsp.mkdir(parent, { recursive: true });
          made.add(parent);
        }
        await writeSynced(full, bytes);
      }
      for (const d of made) await fsyncDir(d);
      await writeSynced(join(tmp, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
    });
    return meta;
  }

  async listRuns(): Promise<RunMeta[]> {
    const out: RunMeta[] = [];
    for (const id of await this.listDir('runs')) {
      const m = await this.readJson<RunMeta>(join(this.dir('runs'), id, 'meta.json'));
      if (m) out.push(m);
    }
    return out.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1));
  }

  async getRun(id: string): Promise<RunMeta> {
    const m = await this.readJson<RunMeta>(join(this.dir('runs'), checkId(id), 'meta.json'));
    if (!m) throw new WorkspaceError(404, 'not-found', `no run "${id}"`);
    return m;
  }

  /** Path of one file of a run's bundle (checked to be listed in the run). */
  async runFilePath(id: string, rel: string): Promise<string> {
    const m = await this.getRun(id);
    checkRelPath(rel);
    if (!m.files.some((f) => f.path === rel)) throw new WorkspaceError(404, 'not-found', `run "${id}" has no file "${rel}"`);
    return join(this.dir('runs'), id, 'files', ...rel.split('/'));
  }

  async deleteRun(id: string): Promise<void> {
    if (!(await removeAtomic(this.dir('runs'), checkId(id)))) throw new WorkspaceError(404, 'not-found', `no run "${id}"`);
  }
}
