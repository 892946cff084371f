// The serve CLI as a real process, the way a merchant or a service manager starts it: its output, its
// exit code, the moment it prints a line, and (for the cases that need a read-only or full disk) inside a mount namespace of its own.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));

export interface ServeRun {
  child: ChildProcess;
  /** stdout and stderr as they came. */
  output: () => string;
  stdout: () => string;
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
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    stdout += chunk.toString('utf8');
  });
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
  return { child, output: () => output, stdout: () => stdout, stderr: () => stderr, exit };
}

export function serve(args: string[], env: Record<string, string> = {}): ServeRun {
  return track(
    spawn(process.execPath, [SERVE, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    }),
  );
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

/** Waits until the output matches; the process ending first fails the test with its output. */
export async function outputMatching(run: ServeRun, pattern: RegExp): Promise<RegExpExecArray> {
  for (;;) {
    const match = pattern.exec(run.output());
    if (match) return match;
    const ended = await Promise.race([
      run.exit.then(() => true),
      new Promise((r) => setTimeout(r, 50, false)),
    ]);
    if (ended) {
      const last = pattern.exec(run.output());
      if (last) return last;
      assert.fail(`serve ended before ${String(pattern)}:\n${run.output()}`);
    }
  }
}

/** Waits for the line that says where to go. */
export async function started(run: ServeRun): Promise<{ origin: string; token: string }> {
  const match = await outputMatching(run, /Im Browser öffnen: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/);
  return { origin: match[1] ?? '', token: decodeURIComponent(match[2] ?? '') };
}
