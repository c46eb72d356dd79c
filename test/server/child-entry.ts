// Entry for a server run as a child process by the crash tests (bundled with rolldown, see spawn.ts):
// node child.mjs WORKSPACE → prints "LISTENING <port>" once the server listens.
import { startServer } from '../../src/server/index.js';

const s = await startServer({ port: 0, workspace: process.argv[2], webRoot: process.argv[3] ?? '/nonexistent' });
process.stdout.write(`LISTENING ${s.port}\n`);
