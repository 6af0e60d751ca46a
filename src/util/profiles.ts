/**
 * Choosing target profiles from --target values: vendors (their default profile), profile ids, or all.
 * Any number of profiles can be chosen, of one vendor or both (ascend-910b,ascend-950); the order is the
 * order given, each profile once.
 */
import type { Catalog, Profile, ReportTarget } from '../model/index.js';
import { VENDORS } from '../model/index.js';
import { UsageError } from './errors.js';

export function selectProfiles(catalog: Catalog, targets: string[] | undefined): Profile[] {
  const wanted = (targets?.length ? targets : ['all']).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  const chosen = new Map<string, Profile>();
  const byId = (id: string): Profile => catalog.profiles.find((p) => p.id === id) as Profile;
  for (const t of wanted.length ? wanted : ['all']) {
    let picks: Profile[];
    if (t === 'all') picks = VENDORS.map((v) => byId(catalog.defaultProfile[v]));
    else if ((VENDORS as readonly string[]).includes(t)) picks = [byId(catalog.defaultProfile[t as keyof Catalog['defaultProfile']])];
    else {
      const p = catalog.profiles.find((x) => x.id === t);
      if (!p) {
        throw new UsageError(
          `unknown target "${t}"`,
          `use ascend, cambricon, all, or profile ids (comma-separated): ${catalog.profiles.map((x) => x.id).join(', ')}`,
        );
      }
      picks = [p];
    }
    for (const p of picks) if (!chosen.has(p.id)) chosen.set(p.id, p);
  }
  return [...chosen.values()];
}

/** How a report names a profile it answered for. */
export function reportTarget(p: Profile): ReportTarget {
  return { id: p.id, vendor: p.vendor, product: p.product, sdk: `${p.sdk.name} ${p.sdk.version}`, kernelModel: p.kernelModel };
}
