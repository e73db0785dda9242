import type { AzetsUser, SeveraUser } from '../../shared/severa-check';
import { type EmailForms, emailForms } from './email-forms';

/**
 * The Azets Work and Severa users whose addresses share one key: the same address, in any
 * writing. Nearly every group holds one user per side, so the first of each side is kept in a
 * field and only further ones in an array: 100,000 groups, one object each.
 */
export interface KeyGroup {
  firstAzets: AzetsEntry | null;
  moreAzets: AzetsEntry[] | null;
  firstSevera: SeveraEntry | null;
  moreSevera: SeveraEntry[] | null;
}

export interface AzetsEntry {
  user: AzetsUser;
  forms: EmailForms;
  /** null when the address is empty: nothing can share it. */
  group: KeyGroup | null;
}

export interface SeveraEntry {
  user: SeveraUser;
  forms: EmailForms;
  group: KeyGroup;
  /** Position among the Severa entries: lets a check mark users in a byte array instead of a set. */
  index: number;
}

export const azetsIn = (group: KeyGroup | null): AzetsEntry[] =>
  group?.firstAzets ? [group.firstAzets, ...(group.moreAzets ?? [])] : [];
export const severaIn = (group: KeyGroup | null): SeveraEntry[] =>
  group?.firstSevera ? [group.firstSevera, ...(group.moreSevera ?? [])] : [];

/**
 * Both lists joined on the address key (case, invisible characters and Unicode form aside): one
 * hash lookup per user answers who in Severa has an Azets Work user's address, who else in Azets
 * Work has it, and which Severa users no Azets Work user has. Severa users without an email cannot
 * be matched by Severa and are only counted.
 */
export class AddressJoin {
  readonly azets: AzetsEntry[];
  readonly severa: SeveraEntry[] = [];
  readonly severaWithoutEmail: number;
  private readonly groups = new Map<string, KeyGroup>();

  constructor(azetsUsers: readonly AzetsUser[], severaUsers: readonly SeveraUser[]) {
    for (const user of severaUsers) {
      const forms = emailForms(user.email);
      if (forms.clean === '') continue;
      const group = this.groupFor(forms.key);
      const entry = { user, forms, group, index: this.severa.length };
      if (!group.firstSevera) group.firstSevera = entry;
      else (group.moreSevera ??= []).push(entry);
      this.severa.push(entry);
    }
    this.severaWithoutEmail = severaUsers.length - this.severa.length;
    this.azets = azetsUsers.map((user) => {
      const forms = emailForms(user.email);
      if (forms.clean === '') return { user, forms, group: null };
      const group = this.groupFor(forms.key);
      const entry = { user, forms, group };
      if (!group.firstAzets) group.firstAzets = entry;
      else (group.moreAzets ??= []).push(entry);
      return entry;
    });
  }

  private groupFor(key: string): KeyGroup {
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { firstAzets: null, moreAzets: null, firstSevera: null, moreSevera: null }));
    return group;
  }

  /** For an address outside the lists (a quick check): the users who share its key, if any. */
  groupOf(key: string): KeyGroup | null {
    return this.groups.get(key) ?? null;
  }
}
