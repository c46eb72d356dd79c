// What a command needs from the outside world: output streams and whether stdout is a terminal.
// Commands never touch process.* directly, so tests run the CLI in process (test/cli) with captured output.

export interface CliContext {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Working directory used to resolve relative paths. */
  cwd: string;
  /** Environment (CI=true makes progress quiet). */
  env: Record<string, string | undefined>;
}

export function processContext(): CliContext {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
}
