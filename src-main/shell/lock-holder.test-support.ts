// Another running app, as far as the data-folder lock can tell: a process that takes the lock, says
// so, and runs until it is killed.
import { spawn, type ChildProcess } from 'node:child_process';

const LOCK_MODULE = new URL('./data-dir-lock.ts', import.meta.url).href;

export async function lockHolderProcess(dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { lockDataDir } = await import(${JSON.stringify(LOCK_MODULE)});
       lockDataDir(process.argv[1]);
       process.stdout.write('locked\\n');
       setInterval(() => {}, 1000);`,
      dataDir,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`lock holder ended with ${String(code)}`)));
  });
  return child;
}

export async function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
