// WebFrameMain (electronjs.org/docs/latest/api/web-frame-main): one object per frame of a page, for as
// long as the frame exists, so main can compare identities (`senderFrame === sender.mainFrame`).
// The frames are Chromium's own, followed over the DevTools protocol (renderer-process.ts).
import { toElectronUrl } from './scheme-address.ts';
import { strict } from './strict-surface.ts';

export interface FrameRecord {
  readonly id: string;
  parentId: string | null;
  /** As Chromium reports it (custom schemes in their carrier form; see scheme-address.ts). */
  chromiumUrl: string;
  detached: boolean;
}

export class WebFrameMain {
  private readonly record: FrameRecord;
  private readonly lookup: (id: string) => WebFrameMain | null;

  constructor(record: FrameRecord, lookup: (id: string) => WebFrameMain | null) {
    this.record = record;
    this.lookup = lookup;
    return strict('WebFrameMain', this);
  }

  /** "A string representing the current URL of the frame." */
  get url(): string {
    return toElectronUrl(this.record.chromiumUrl);
  }

  /** "null if frame is the top frame in the frame hierarchy." */
  get parent(): WebFrameMain | null {
    return this.record.parentId === null ? null : this.lookup(this.record.parentId);
  }

  get top(): WebFrameMain | null {
    const parent = this.parent;
    return parent ? parent.top : this;
  }

  get detached(): boolean {
    return this.record.detached;
  }

  isDestroyed(): boolean {
    return this.record.detached;
  }
}
