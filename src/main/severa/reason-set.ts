import { REASON_PRECEDENCE, type ReasonCode } from '../../shared/severa-check';

const BIT = new Map(REASON_PRECEDENCE.map((reason, index) => [reason, 1 << index]));

/** The reasons found for one user, as bits: the engine makes one per user, 100,000 at a time. */
export class ReasonSet {
  private mask = 0;

  add(reason: ReasonCode): void {
    this.mask |= BIT.get(reason)!;
  }

  /** In order of precedence: the first is the verdict. */
  ordered(): ReasonCode[] {
    if (this.mask === 0) return [];
    return REASON_PRECEDENCE.filter((_, index) => (this.mask & (1 << index)) !== 0);
  }
}
