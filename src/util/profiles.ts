/** Choosing target profiles from --target values: vendors (their default profile), profile ids, or all. */
import type { Catalog, Profile } from '../model/index.js';
import { VENDORS } from '../model/index.js';
import { UsageError } from './errors.js';

export function selectProfiles(catalog: Catalog, targets: string[] | undefined): Profile[] {
  const wanted = (targets?.length ? targets : ['all']).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  const chosen = new Map<string, Profile>();
  const byId = (id: string): Profile => catalog.profiles.find((p) => p.id === id) as Profile;
  for (const t of wanted) {
    let picks: Profile[];
    if (t === 'all') picks = VENDORS.map((v) => byId(catalog.defaultProfile[v]));
    else if ((VENDORS as readonly string[]).includes(t)) picks = [byId(catalog.defaultProfile[t as keyof Catalog['defaultProfile']])];
    else {
      const p = catalog.profiles.find((x) => x.id === t);
      if (!p) {
        throw new UsageError(
          `unknown target "${t}"`,
          `use ascend, cambricon, all, or a profile: ${catalog.profiles.map((x) => x.id).join(', ')}`,
        );
      }
      picks = [p];
    }
    for (const p of picks) {
      const other = chosen.get(p.vendor);
      if (other && other.id !== p.id) {
        throw new UsageError(`two ${p.vendor} profiles chosen (${other.id}, ${p.id})`, 'pick one profile per vendor, or run the scan once per profile');
      }
      chosen.set(p.vendor, p);
    }
  }
  return VENDORS.map((v) => chosen.get(v)).filter((p): p is Profile => p !== undefined);
}
