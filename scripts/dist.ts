// `npm run dist`: the installers for this operating system, from electron-builder.yml, with what only
// the build knows added on the command line: the update address (KASSEN_UPDATE_URL) goes into the
// packaged package.json (`updateUrl`, read by src-main/shell/update-feed.ts) and into the generic
// publish provider (so electron-builder writes latest.yml and the blockmaps for the update server).
// Code signing is electron-builder's own (CSC_LINK, CSC_KEY_PASSWORD; README "Packaging"); a build
// without it is said to be unsigned, loudly, before it starts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkUpdateUrl } from '../src-main/shell/update-feed.ts';
import { REPO_ROOT } from './electron-binary.ts';

interface DistPlan {
  args: string[];
  /** What the person building should know, one line each (German, as the app's logs). */
  notes: string[];
}

export function distPlan(env: NodeJS.ProcessEnv): DistPlan {
  // Publishing is a step of its own (upload the release folder to the update server).
  const args = ['--publish', 'never'];
  const notes: string[] = [];
  const feed = checkUpdateUrl(env.KASSEN_UPDATE_URL);
  if (feed.url !== null) {
    args.push(
      `--config.extraMetadata.updateUrl=${feed.url}`,
      '--config.publish.provider=generic',
      `--config.publish.url=${feed.url}`,
    );
    notes.push(`Updates von ${feed.url}`);
  } else if (env.KASSEN_UPDATE_URL) {
    // Set but unusable: a release that would never update must not be built by mistake.
    throw new Error(`KASSEN_UPDATE_URL: ${feed.reason}`);
  } else {
    notes.push(`Keine automatischen Updates: ${feed.reason}`);
  }
  if (!env.CSC_LINK && !env.WIN_CSC_LINK) {
    notes.push(
      'UNSIGNIERT: CSC_LINK ist nicht gesetzt. Windows warnt beim Installieren (SmartScreen), macOS startet die App nicht ohne Notarisierung. Nur zum Testen weitergeben.',
    );
  }
  return { args, notes };
}

if (import.meta.main) {
  let plan: DistPlan;
  try {
    plan = distPlan(process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  for (const note of plan.notes) process.stdout.write(`${note}\n`);
  const builder = join(REPO_ROOT, 'node_modules', '.bin', 'electron-builder');
  const run = spawnSync(builder, [...plan.args, ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: REPO_ROOT,
  });
  process.exitCode = run.status ?? 1;
}
