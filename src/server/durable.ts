// Durable, atomic file-system writes for the workspace (`xinzhi serve`).
//
// Every write goes to a temporary name that is unique to this process and call (`.tmp-<pid>-<n>-<random>`),
// is flushed to disk (fsync of the file, then of its folder), and only then renamed to its final name. rename(2)
// within one folder is atomic: a reader sees the old version or the new one, never a mix, and a process killed
// at any moment leaves the previous state intact plus, at worst, a `.tmp-*` entry that `sweepTemporary` removes
// on the next start. Concurrent writers of the same name never share a temp file; the last rename wins.
// Deleting renames the entry to `.trash-*` first (atomic disappearance), then removes it.

import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

let counter = 0;

/** A name for a temporary entry, unique across processes and calls. */
export function tempName(kind: 'tmp' | 'trash' = 'tmp'): string {
  counter += 1;
  return `.${kind}-${process.pid}-${counter}-${randomBytes(6).toString('hex')}`;
}

/** fsync a folder so a rename inside it survives a crash (ignored where folders cannot be opened, e.g. Windows). */
export async function fsyncDir(dir: string): Promise<void> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(dir, 'r');
    await fh.sync();
  } catch {
    // not supported on this platform
  } finally {
    await fh?.close();
  }
}

/** Write bytes to `path` with fsync, no rename (the caller renames the folder holding it). */
export async function writeSynced(path: string, bytes: Uint8Array | string): Promise<void> {
  const fh = await fsp.open(path, 'wx');
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Stream a readable into `path` (created new) with fsync; returns size and sha256. Fails past `limit` bytes. */
export async function streamSynced(path: string, source: Readable, limit: number): Promise<{ size: number; sha256: string }> {
  let n = 0;
  const hash = createHash('sha256');
  const ws = createWriteStream(path, { flags: 'wx' });
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const c of chunks) {
        n += c.length;
        if (n > limit) throw Object.assign(new Error(`the upload is larger than the limit of ${limit} bytes`), { status: 413 });
        hash.update(c);
        yield c;
      }
    },
    ws,
  );
  const fh = await fsp.open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  return { size: n, sha256: hash.digest('hex') };
}

/** Replace the file `dir/name` atomically with `bytes`. */
export async function writeFileAtomicDurable(dir: string, name: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = join(dir, tempName());
  try {
    await writeSynced(tmp, bytes);
    await fsp.rename(tmp, join(dir, name));
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
}

/**
 * Create the folder `parent/name` atomically: `fill` writes into a fresh temporary folder, which is then synced and
 * renamed into place. Fails (and cleans up) when `parent/name` already exists.
 */
export async function createDirAtomic(parent: string, name: string, fill: (tmpDir: string) => Promise<void>): Promise<void> {
  const tmp = join(parent, tempName());
  await fsp.mkdir(tmp);
  try {
    await fill(tmp);
    await fsyncDir(tmp);
    await fsp.rename(tmp, join(parent, name));
  } catch (e) {
    await fsp.rm(tmp, { recursive: true, force: true });
    throw e;
  }
  await fsyncDir(parent);
}

/** Remove `parent/name` (file or folder): rename it away atomically, then delete it. False when absent. */
export async function removeAtomic(parent: string, name: string): Promise<boolean> {
  const trash = join(parent, tempName('trash'));
  try {
    await fsp.rename(join(parent, name), trash);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  await fsyncDir(parent);
  await fsp.rm(trash, { recursive: true, force: true });
  return true;
}

/** Remove leftovers of interrupted writes and deletes (`.tmp-*`, `.trash-*`) in `dir`. */
export async function sweepTemporary(dir: string): Promise<number> {
  let n = 0;
  for (const e of await fsp.readdir(dir)) {
    if (e.startsWith('.tmp-') || e.startsWith('.trash-')) {
      await fsp.rm(join(dir, e), { recursive: true, force: true });
      n++;
    }
  }
  return n;
}
