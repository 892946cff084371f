// Writes the JSON Schema of the setup file (`--onboard`) into the README, between its two markers, from
// the zod schema the app checks the file with: `node scripts/readme-schema.ts`. A test fails while the
// README shows anything else.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setupFileJsonSchema } from '../src-shared/onboarding-file.ts';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
const BEGIN = '<!-- onboarding.schema.json: written by node scripts/readme-schema.ts -->';
const END = '<!-- /onboarding.schema.json -->';

export function schemaBlock(): string {
  return `${BEGIN}\n\n\`\`\`json\n${JSON.stringify(setupFileJsonSchema(), null, 2)}\n\`\`\`\n\n${END}`;
}

/** The README's block, or null when the markers are missing. */
export function readmeBlock(readme: string): string | null {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  return start < 0 || end < start ? null : readme.slice(start, end + END.length);
}

if (import.meta.main) {
  const readme = readFileSync(README, 'utf8');
  const block = readmeBlock(readme);
  if (block === null) throw new Error(`README.md has no ${BEGIN} … ${END}`);
  writeFileSync(README, readme.replace(block, schemaBlock()));
}
