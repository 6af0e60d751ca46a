/**
 * Choosing target profiles from --target values: vendors (their default chip), chips (`ascend-910b`: the chip on its
 * newest release), chips on a release (`ascend-910b@8.5`), or all. Any number of profiles can be chosen, of one
 * vendor or both (ascend-910b,ascend-950, or ascend-910b@8.5,ascend-910b); the order is the order given, each once.
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
      const p = catalog.profiles.find((x) => x.id === t) ?? catalog.pinned.find((x) => x.id === t);
      if (!p) {
        const [chip, release] = t.split('@');
        const releases = catalog.pinned.filter((x) => x.chip === chip).map((x) => x.sdk.version);
        if (release !== undefined && releases.length) {
          throw new UsageError(`${chip} has no release ${release}`, `releases that support ${chip}: ${releases.join(', ')} (e.g. --target ${chip}@${releases[0]})`);
        }
        throw new UsageError(
          `unknown target "${t}"`,
          `use ascend, cambricon, all, chips (${catalog.profiles.map((x) => x.id).join(', ')}) or chip@release (e.g. ${catalog.pinned[0]?.id ?? ''})`,
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
