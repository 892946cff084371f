// Where the figures came from: a benchmark result means little without the machine that produced it.
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';

interface MachineInfo {
  cpuModel: string;
  cores: number;
  node: string;
  v8: string;
  openssl: string;
  sqlite: string;
  platform: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  /** 1-minute load average at the start: other work on the box skews every figure. */
  loadAverage1m: number;
  chromium: string | null;
}

function chromiumVersion(): string | null {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export async function machineInfo(): Promise<MachineInfo> {
  const { DatabaseSync } = await import('node:sqlite');
  const db = new DatabaseSync(':memory:');
  const sqlite = String(db.prepare('SELECT sqlite_version() AS v').get()?.['v'] ?? 'unknown');
  db.close();
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    node: process.version,
    v8: process.versions.v8,
    openssl: process.versions.openssl ?? 'unknown',
    sqlite,
    platform: `${platform()} ${release()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    chromium: chromiumVersion(),
  };
}
