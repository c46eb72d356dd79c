// Browser stand-in for the `docx` package: everything is the real package, except Packer.toBuffer, which in
// docx 9 asks JSZip for a Node Buffer ("nodebuffer is not supported by this platform" in a browser). Here it
// returns the same archive bytes through Packer.toArrayBuffer. The Vite config aliases exactly 'docx' to this file
// (the web build only); src/report/docx.ts calls Packer.toBuffer. Same bytes: both come from one JSZip generate call
// with the same options, and src/report/zip.ts normalises the archive afterwards anyway.
// @ts-ignore -- the package's export map does not list this file; Vite resolves it by path.
import * as real from '../../../node_modules/docx/dist/index.mjs';

// @ts-ignore -- as above
export * from '../../../node_modules/docx/dist/index.mjs';

const RealPacker = (real as any).Packer;

export class Packer extends RealPacker {
  static async toBuffer(file: unknown, prettify?: unknown, overrides?: unknown): Promise<Uint8Array> {
    return new Uint8Array(await RealPacker.toArrayBuffer(file, prettify, overrides));
  }
}
