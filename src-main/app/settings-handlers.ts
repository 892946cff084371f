// The core settings a merchant edits: the company on the receipt and the sign bound.
import { CoreSettingsView, type CoreSettingsUpdate } from '../../src-shared/core-settings.ts';
import { isValidAustrianVatId, VAT_ID_CHECK_DIGIT_WRONG } from '../../src-shared/austrian-vat-id.ts';
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { AppParts } from './app-parts.ts';

type SettingsHandlers = Pick<CoreHandlers, 'getSettings' | 'updateSettings'>;

export function settingsHandlers({
  settings,
  runtime,
  events,
}: Pick<AppParts, 'settings' | 'runtime' | 'events'>): SettingsHandlers {
  function view(): CoreSettingsView {
    const current = settings.read();
    return CoreSettingsView.parse({
      company: current.company,
      signTimeoutMs: current.signTimeoutMs,
      training: current.training,
      language: current.language,
    });
  }

  function update(patch: CoreSettingsUpdate): CoreSettingsView {
    const vatId = patch.company?.vatId;
    // The UID goes on every receipt for years, the demo's too: its check digit must be right, as in the
    // wizard (the contract's schema says so at every transport; this holds for a direct call as well).
    if (vatId && !isValidAustrianVatId(vatId)) {
      throw new PosError('invalid_input', VAT_ID_CHECK_DIGIT_WRONG, 'company.vatId');
    }
    settings.update({
      ...(patch.company ? { company: patch.company } : {}),
      ...(patch.signTimeoutMs === undefined ? {} : { signTimeoutMs: patch.signTimeoutMs }),
      ...(patch.language === undefined ? {} : { language: patch.language }),
    });
    if (patch.signTimeoutMs !== undefined) runtime.setSignTimeout(patch.signTimeoutMs);
    events.statusChanged();
    return view();
  }

  return {
    getSettings: async () => view(),
    updateSettings: async (patch) => update(patch),
  };
}
