import type { FakeRange } from './fakeRange';
import type { FakeSheet } from './fakeSheet';

/** A protected sheet or range. The script runs as the owner, so nothing is enforced against it. */
export class FakeProtection {
  description = '';
  warningOnly = false;

  constructor(
    readonly sheet: FakeSheet,
    readonly type: 'RANGE' | 'SHEET',
    private readonly range: FakeRange | null,
  ) {}

  setDescription(description: string) {
    this.sheet.env.call('Protection.setDescription');
    this.description = description;
    return this;
  }
  getDescription() {
    this.sheet.env.call('Protection.getDescription');
    return this.description;
  }
  setWarningOnly(warningOnly: boolean) {
    this.sheet.env.call('Protection.setWarningOnly');
    this.warningOnly = warningOnly;
    return this;
  }
  getRange() {
    this.sheet.env.call('Protection.getRange');
    return this.range;
  }
  remove() {
    this.sheet.env.call('Protection.remove');
    this.sheet.protections.splice(this.sheet.protections.indexOf(this), 1);
  }
}
