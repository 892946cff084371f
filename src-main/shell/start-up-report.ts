// What a shell does with an error that ended its start: sort it (start-up-failure.ts), put the German
// text in the log file, and hand back the message in the merchant's language for the dialog or stderr.
import type { AccessRenewal } from '../../src-shared/status.ts';
import type { UiLanguage } from '../../src-shared/ui-language.ts';
import type { Logger } from '../host/app-host.ts';
import { classifyStartUpFailure, type StartUpFailure } from './start-up-failure.ts';
import { accessRenewalMessage, startUpMessage, type StartUpMessage } from './start-up-messages.ts';
import { languageInDataDir } from './stored-language.ts';

interface StartUpReport {
  failure: StartUpFailure;
  language: UiLanguage;
  /** In `language`: what the dialog or stderr shows. */
  message: StartUpMessage;
}

export function reportStartUpFailure(error: unknown, dataDir: string, log: Logger): StartUpReport {
  const failure = classifyStartUpFailure(error, dataDir);
  const german = startUpMessage(failure, 'de');
  log.error(`Start fehlgeschlagen: ${german.title}`, {
    kind: failure.kind,
    cause: german.cause,
    next: german.next,
    error,
  });
  const language = languageInDataDir(dataDir);
  return { failure, language, message: language === 'de' ? german : startUpMessage(failure, language) };
}

/** The till started but waits for "Zugang erneuern": the same report, as a warning. */
export function reportAccessRenewal(
  renewal: AccessRenewal,
  dataDir: string,
  log: Logger,
): { language: UiLanguage; message: StartUpMessage } {
  const german = accessRenewalMessage(renewal, 'de');
  log.warn(`Beim Start: ${german.title}`, { cause: german.cause, next: german.next, ...renewal });
  const language = languageInDataDir(dataDir);
  return { language, message: language === 'de' ? german : accessRenewalMessage(renewal, language) };
}
