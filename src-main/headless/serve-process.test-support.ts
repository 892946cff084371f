// The serve CLI as a real process, the way a merchant or a service manager starts it: its output, its
// exit code, and (for the cases that need a read-only or full disk) inside a mount namespace of its own.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));

export interface ServeRun {
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Kills what is still running (for `after`). */
export function killServeRuns(): void {
  for (const child of running) child.kill('SIGKILL');
}

function track(child: ChildProcess): ServeRun {
  running.add(child);
  let output = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => output, stderr: () => stderr, exit };
}

export function serve(args: string[]): ServeRun {
  return track(spawn(process.execPath, [SERVE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** Why a mount namespace cannot be had here (unshare missing, user namespaces off), or null. */
export function mountNamespaceUnavailable(): string | null {
  const probe = spawnSync('unshare', ['-rm', 'true'], { stdio: 'ignore' });
  if (probe.error) return `unshare fehlt (${probe.error.message})`;
  return probe.status === 0 ? null : 'unshare -rm ist hier nicht erlaubt (keine User-Namespaces)';
}

/**
 * Runs `prepare` (shell commands: mounts and copies) in a private mount namespace, then serve with
 * `args`, then `afterwards` (e.g. copying the journal out of a tmpfs that vanishes with the namespace).
 */
export function serveInMountNamespace(prepare: string, args: string[], afterwards = ''): ServeRun {
  const script = `set -e\n${prepare}\nset +e\n"$0" "$@"\nrc=$?\n${afterwards}\nexit $rc`;
  return track(
    spawn('unshare', ['-rm', 'sh', '-c', script, process.execPath, SERVE, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** Waits for the line that says where to go; the process ending first is a failure with its output. */
export async function started(run: ServeRun): Promise<{ origin: string; token: string }> {
  for (;;) {
    const match = /Im Browser öffnen: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(run.output());
    if (match?.[1] && match[2]) return { origin: match[1], token: decodeURIComponent(match[2]) };
    const ended = await Promise.race([
      run.exit.then(() => true),
      new Promise((r) => setTimeout(r, 50, false)),
    ]);
    if (ended) assert.fail(`serve ended before it was ready:\n${run.output()}`);
  }
}
