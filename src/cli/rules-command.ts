/** `ascendify rules` (list), `ascendify rules stats`, `ascendify explain <symbol>`. */
import type { Catalog, Rule, Status } from '../model/index.js';
import { DISPLAY_ORDER } from '../model/index.js';
import { auditCatalog, renderAudit } from '../catalog/audit.js';
import { loadEvidence } from '../catalog/load.js';
import { selectProfiles } from '../util/profiles.js';
import { inventoryCoverage } from '../catalog/coverage.js';
import { UsageError } from '../util/errors.js';
import { verifiedShare, type CatalogVerification } from '../catalog/verify.js';

const STATUS_ORDER: Status[] = DISPLAY_ORDER.filter((s) => s !== 'unknown');

export function listRules(catalog: Catalog, family: string | undefined, json: boolean): string {
  const rules = catalog.rules.filter((r) => !family || r.family === family);
  if (family && !rules.length) {
    const families = [...new Set(catalog.rules.map((r) => r.family))].sort();
    throw new UsageError(`no rules in family "${family}"`, `families: ${families.join(', ')}`);
  }
  if (json) return `${JSON.stringify(rules.map((r) => ({ id: r.id, family: r.family, kind: r.kind, symbols: r.symbols, answers: r.answers, file: r.file })), null, 2)}\n`;
  const defaults = Object.values(catalog.defaultProfile);
  const lines = rules.map((r) => {
    const answers = defaults.map((p) => `${p}: ${r.answers[p]?.status ?? '?'}`).join(', ');
    const symbols = r.symbols.length > 3 ? `${r.symbols.slice(0, 3).join(', ')} (+${r.symbols.length - 3})` : r.symbols.join(', ');
    return `${r.id.padEnd(40)} ${r.family.padEnd(18)} ${symbols}  [${answers}]`;
  });
  return `${lines.join('\n')}\n${rules.length} rules\n`;
}

/** How many answers with a note carry its Chinese text (`note_zh`), over every chip on its newest release. */
export function chineseNotes(catalog: Catalog): { notes: number; withZh: number } {
  let notes = 0;
  let withZh = 0;
  for (const r of catalog.rules) {
    for (const p of catalog.profiles) {
      const a = r.answers[p.id];
      if (!a?.note) continue;
      notes++;
      if (a.note_zh) withZh++;
    }
  }
  return { notes, withZh };
}

export function ruleStats(catalog: Catalog, verification?: CatalogVerification): string {
  const families = [...new Set(catalog.rules.map((r) => r.family))].sort();
  const out: string[] = [];
  const symbolsOf = (rs: Rule[]): number => rs.reduce((n, r) => n + r.symbols.length, 0);
  out.push(`${catalog.rules.length} rules answering ${symbolsOf(catalog.rules)} CUDA symbols in ${families.length} families (catalog ${catalog.version})`);
  for (const profile of catalog.profiles) {
    out.push('', `${profile.id} — ${profile.product}, ${profile.sdk.name} ${profile.sdk.version}`);
    out.push(`  ${'family'.padEnd(20)}${'rules'.padStart(7)}${STATUS_ORDER.map((s) => s.padStart(9)).join('')}${'uncertain'.padStart(11)}`);
    for (const family of families) {
      const rs = catalog.rules.filter((r) => r.family === family);
      const counts = STATUS_ORDER.map((s) => rs.filter((r) => r.answers[profile.id]?.status === s).length);
      const uncertain = rs.filter((r) => r.answers[profile.id]?.confidence === 'uncertain').length;
      out.push(`  ${family.padEnd(20)}${String(rs.length).padStart(7)}${counts.map((c) => String(c).padStart(9)).join('')}${String(uncertain).padStart(11)}`);
    }
  }
  const zh = chineseNotes(catalog);
  out.push('', `Chinese notes (note_zh, shown with --lang zh-CN): ${zh.withZh} of ${zh.notes} answers with a note (${zh.notes ? ((100 * zh.withZh) / zh.notes).toFixed(1) : '0.0'}%)`);
  const coverage = inventoryCoverage(catalog);
  if (coverage.length) {
    out.push('', `CUDA inventory coverage (names from NVIDIA's headers that have a rule; the rest scan as unknown)`);
    out.push(`  ${'library'.padEnd(20)}${'names'.padStart(8)}${'with rule'.padStart(11)}${'share'.padStart(8)}`);
    for (const c of coverage) {
      out.push(`  ${c.library.padEnd(20)}${String(c.names).padStart(8)}${String(c.withRule).padStart(11)}${`${((100 * c.withRule) / c.names).toFixed(1)}%`.padStart(8)}`);
    }
  }
  if (verification?.profiles.some((p) => p.inventory.length)) {
    out.push('', 'Replacements verified against the SDK inventories (rules/inventory/vendor/; direct and partial answers of C/C++ families)');
    out.push(`  ${'profile'.padEnd(20)}${'answers'.padStart(9)}${'verified'.padStart(10)}${'share'.padStart(8)}${'declared'.padStart(10)}${'unconfirmed'.padStart(13)}${'failing'.padStart(9)}  inventory`);
    for (const p of verification.profiles) {
      if (!p.inventory.length) continue;
      const share = `${(100 * verifiedShare(p)).toFixed(1)}%`;
      out.push(`  ${p.profile.padEnd(20)}${String(p.answers).padStart(9)}${String(p.verified).padStart(10)}${share.padStart(8)}${String(p.declaredUnverified).padStart(10)}${String(p.unconfirmed).padStart(13)}${String(p.failing).padStart(9)}  ${p.inventory.join(', ')}`);
    }
    out.push('  declared: the answer says `verified: false`; unconfirmed: missing from a use-based inventory (Cambricon); failing: the catalog names a symbol the headers lack.');
  }
  return `${out.join('\n')}\n`;
}

/** Finds the rules for a symbol: exact, prefix, or a case-insensitive search when nothing matches. */
export function explainSymbol(catalog: Catalog, symbol: string, lang: 'en' | 'zh-CN' = 'en'): string {
  let rules = catalog.bySymbol.get(symbol) ?? [];
  if (!rules.length) rules = catalog.prefixRules.filter((p) => symbol.startsWith(p.prefix)).map((p) => p.rule).slice(0, 1);
  if (!rules.length) rules = catalog.rules.filter((r) => r.id === symbol);
  if (!rules.length) {
    const inv = catalog.inventory.get(symbol);
    const near = catalog.rules
      .flatMap((r) => r.symbols)
      .filter((s) => s.toLowerCase().includes(symbol.toLowerCase()))
      .slice(0, 8);
    const lines = [`No rule answers "${symbol}".`];
    if (inv) lines.push(`It is a CUDA ${inv.kind} from ${inv.library} (${inv.header}); scans report it as unknown.`);
    if (near.length) lines.push(`Similar symbols with rules: ${near.join(', ')}`);
    throw new UsageError(lines.join('\n'), 'list rules with: ascendify rules [--family F]', 2);
  }
  const out: string[] = [];
  for (const r of rules) {
    out.push(`${r.id}  (${r.family}, ${r.kind}${r.context !== 'any' ? `, ${r.context} code only` : ''}${r.feature ? `, feature ${r.feature}` : ''})`);
    out.push(`  symbols: ${r.symbols.join(', ')}`);
    out.push(`  defined in: ${r.file}`);
    if (r.message) out.push(`  ${r.message.replaceAll('{symbol}', symbol)}`);
    // Each chip on its newest release, then any older release whose answer differs from it.
    const differing = catalog.pinned.filter((p) => {
      const mine = r.answers[p.id];
      const newest = r.answers[p.chip];
      return mine && newest && (mine.status !== newest.status || (mine.replacement ?? []).join() !== (newest.replacement ?? []).join());
    });
    for (const profile of [...catalog.profiles, ...differing]) {
      const a = r.answers[profile.id];
      if (!a) continue;
      out.push(`  ${profile.id} (${profile.sdk.name} ${profile.sdk.version}): ${a.status}${a.replacement?.length ? ` → ${a.replacement.join(' + ')}` : ''}${a.since ? ` [since ${a.since}]` : ''}${a.confidence && a.confidence !== 'confirmed' ? ` (${a.confidence})` : ''}`);
      const note = lang === 'zh-CN' && a.note_zh ? a.note_zh : a.note;
      if (note) out.push(`      ${lang === 'zh-CN' ? '说明' : 'note'}: ${note}`);
      if (a.source) out.push(`      source: ${a.source}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** `ascendify rules audit`: confidence per family and profile from the vendor evidence (src/catalog/audit.ts). */
export function auditText(catalog: Catalog, opts: { family?: string; json?: boolean; details?: boolean; target?: string }): string {
  const evidence = loadEvidence();
  if (!evidence) throw new UsageError('the vendor evidence files are missing (rules/inventory/vendor/cited-sources.tsv, replacement-evidence.tsv)', 'reinstall ascendify, or rebuild them (rules/inventory/vendor/README.md)');
  const profiles = opts.target ? selectProfiles(catalog, [opts.target]) : catalog.profiles;
  const audit = auditCatalog(catalog, evidence, profiles);
  if (opts.family) {
    if (!audit.rows.some((r) => r.family === opts.family)) throw new UsageError(`no rules in family "${opts.family}"`, `families: ${[...new Set(audit.rows.map((r) => r.family))].join(', ')}`);
    audit.rows = audit.rows.filter((r) => r.family === opts.family);
    audit.details = audit.details.filter((d) => d.family === opts.family);
  }
  return opts.json ? `${JSON.stringify(audit, null, 2)}\n` : renderAudit(audit, Boolean(opts.details));
}
