// The headless shell's command line, parsed strictly: a typo in a flag stops the start with the usage
// text instead of silently running with a default (e.g. listening where the merchant did not expect).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_POS_API_PORT } from '../pos-api/pos-api-server.ts';
import { defaultDataDir } from '../shell/app-data-dir.ts';

export const USAGE = `Kassen-Companion als Dienst (ohne Fenster; die Oberfläche läuft im Browser)

  npm run serve -- [Optionen]

  --demo                   Demo-Modus: richtet sich selbst am eingebauten SIGN-AT-Emulator ein
  --data-dir <ordner>      Datenordner (Standard: ${defaultDataDir()})
  --port <port>            Port auf 127.0.0.1 (Standard: ${DEFAULT_POS_API_PORT}, belegt: der nächste freie; 0 = frei wählen)
  --pos-api                POS-API (/api/v1) für bestehende Kassensoftware einschalten
  --pos-api-token <token>  Token der POS-API vorgeben (sonst POS_API_TOKEN oder einmal erzeugt)
  --printer tcp://host:9100  Bondrucker (ESC/POS über TCP)
  --host <adresse>         Adresse zum Lauschen (Standard: 127.0.0.1)
  --allow-non-loopback     erlaubt eine Adresse außerhalb dieses PCs (andere Rechner könnten Belege signieren)
  --sign-at-url <url>      SIGN-AT-Adresse für die Einrichtung (Standard: fiskaly; für Entwickler z. B. npm run emulator)
  --onboard <datei>        richtet die Kasse ohne Rückfragen aus einer JSON-Datei ein, oder übernimmt
                           mit cash_register.id eine bestehende (Schema: /api/v1/onboarding.schema.json)
  -h, --help               diese Hilfe`;

const PrinterUrl = z.string().transform((text, ctx) => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    url = new URL('invalid://');
  }
  if (url.protocol !== 'tcp:' || !url.hostname || url.pathname.replace('/', '') !== '') {
    ctx.addIssue({ code: 'custom', message: `--printer erwartet tcp://host:port, nicht ${text}` });
    return z.NEVER;
  }
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 9100 };
});

const ServeOptions = z.strictObject({
  demo: z.boolean().default(false),
  'data-dir': z
    .string()
    .min(1)
    .default(() => defaultDataDir()),
  port: z.coerce.number().int().min(0).max(65535).default(DEFAULT_POS_API_PORT),
  'pos-api': z.boolean().default(false),
  'pos-api-token': z.string().optional(),
  printer: PrinterUrl.optional(),
  host: z.string().min(1).default('127.0.0.1'),
  'allow-non-loopback': z.boolean().default(false),
  // Only http(s) URLs: the onboarding sends the merchant's API secret there.
  'sign-at-url': z
    .url({ protocol: /^https?$/, error: '--sign-at-url erwartet eine http(s)-Adresse' })
    .optional(),
  onboard: z.string().min(1).optional(),
  help: z.boolean().default(false),
});

interface ServeOptions {
  demo: boolean;
  dataDir: string;
  port: number;
  /** --port was given: a taken port is then an error, not a reason to move on to the next one. */
  portGiven: boolean;
  posApi: boolean;
  posApiToken: string | undefined;
  printer: { host: string; port: number } | undefined;
  host: string;
  allowNonLoopback: boolean;
  signAtUrl: string | undefined;
  /** --onboard: the setup file of an unattended setup. */
  onboard: string | undefined;
  help: boolean;
}

/** Throws an Error whose message says what is wrong with the command line. */
export function parseServeArgs(argv: string[]): ServeOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      demo: { type: 'boolean' },
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'pos-api': { type: 'boolean' },
      'pos-api-token': { type: 'string' },
      printer: { type: 'string' },
      host: { type: 'string' },
      'allow-non-loopback': { type: 'boolean' },
      'sign-at-url': { type: 'string' },
      onboard: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const parsed = ServeOptions.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'ungültig'}`);
  }
  const o = parsed.data;
  if (o.demo && o.onboard !== undefined) {
    throw new Error('--onboard richtet eine Kasse bei fiskaly ein und geht nicht zusammen mit --demo');
  }
  return {
    demo: o.demo,
    dataDir: o['data-dir'],
    port: o.port,
    portGiven: values.port !== undefined,
    posApi: o['pos-api'],
    posApiToken: o['pos-api-token'],
    printer: o.printer,
    host: o.host,
    allowNonLoopback: o['allow-non-loopback'],
    signAtUrl: o['sign-at-url'],
    onboard: o.onboard,
    help: o.help,
  };
}
