import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, loadVendorInventories, SHIPPED_RULES_DIR } from '../../src/catalog/load.js';
import { checkAnswer, parseVendorInventory, replacementParts, verifyCatalog } from '../../src/catalog/verify.js';

const catalog = loadCatalog();
const inventories = loadVendorInventories(catalog.profiles);
const verification = verifyCatalog(catalog, inventories);

describe('vendor inventories', () => {
  it('every profile names an inventory of its own SDK version, with its provenance', () => {
    for (const profile of catalog.profiles) {
      expect(profile.inventory?.length, profile.id).toBeGreaterThan(0);
      for (const name of profile.inventory ?? []) {
        const text = readFileSync(join(SHIPPED_RULES_DIR, 'inventory', 'vendor', name), 'utf8');
        const header = text.split('\n').filter((l) => l.startsWith('#'));
        expect(header.find((l) => l.startsWith('# version:')), name).toBeDefined();
        expect(header.some((l) => l.startsWith('# source:')), `${name} says where it was read`).toBe(true);
        expect(header.some((l) => l.startsWith('# evidence:')), name).toBe(true);
      }
    }
    // CANN profiles read the CANN version of their SDK (CNRT versions name the Neuware inventory).
    for (const profile of catalog.profiles) {
      const first = readFileSync(join(SHIPPED_RULES_DIR, 'inventory', 'vendor', profile.inventory![0]!), 'utf8');
      expect(first, profile.id).toContain(`# version: ${profile.sdk.version}\n`);
    }
  });

  it('hold the APIs the catalog relies on most', () => {
    const cann85 = inventories.get('ascend-910b')!;
    for (const s of ['aclrtMalloc', 'aclrtMemcpyAsync', 'aclrtSynchronizeStream', 'HcclAllReduce', 'aclnnMatmul', 'AscendC::DataCopy', 'AscendC::TPipe', 'ACL_SUCCESS']) {
      expect(cann85.symbols.has(s), s).toBe(true);
    }
    expect(inventories.get('cambricon-mlu590')!.symbols.has('cnrtQueueSync')).toBe(true);
    expect(inventories.get('cambricon-mlu590')!.complete).toBe(false);
  });
});

describe('replacement normalisation', () => {
  it('splits combinations and strips calls, templates and includes', () => {
    const parts = (s: string): string[] => replacementParts(s).map((p) => `${p.kind}:${p.lookup ?? p.text}`);
    expect(parts('aclrtGetSocName + aclrtGetDeviceInfo')).toEqual(['symbol:aclrtGetSocName', 'symbol:aclrtGetDeviceInfo']);
    expect(parts('AscendC::DataCopy<half>(dst, src, n)')).toEqual(['symbol:AscendC::DataCopy']);
    expect(parts('#include <acl/acl.h>')).toEqual(['header:acl/acl.h']);
    expect(parts('kernel<<<blocks, nullptr, stream>>>')).toEqual(['other:kernel<<<blocks, nullptr, stream>>>']);
    expect(parts('cnrtDeviceProp_t.name')).toEqual(['symbol:cnrtDeviceProp_t.name']);
  });

  it('counts a member through its class, a bare name through a namespaced declaration, never through a namespace alone', () => {
    const inv = parseVendorInventory([{ file: 't.tsv', text: 'symbol\tkind\tlibrary\theader\nAscendC\tnamespace\tascendc\tk.h\nAscendC::TPipe\ttype\tascendc\tk.h\nAscendC::DataCopy\tfunction\tascendc\tk.h\n' }]);
    const check = (replacement: string[]): string => checkAnswer('r', 'f', 'p', { status: 'direct', replacement }, inv)!.verdict;
    expect(check(['AscendC::TPipe::InitBuffer'])).toBe('verified');
    expect(check(['DataCopy'])).toBe('verified');
    expect(check(['AscendC::Invented'])).toBe('missing');
    expect(check(['kernel<<<>>>'])).toBe('not-a-symbol');
    expect(checkAnswer('r', 'f', 'p', { status: 'direct', replacement: ['kernel<<<>>>'], verified: false, unverifiedReason: 'syntax' }, inv)!.verdict).toBe('declared-unverified');
    expect(checkAnswer('r', 'f', 'p', { status: 'rewrite', note: 'x' }, inv)).toBeUndefined();
  });
});

describe('catalog truth against the vendor headers', () => {
  it('checks every profile', () => {
    for (const p of verification.profiles) expect(p.answers, p.profile).toBeGreaterThan(0);
  });

  it('every target symbol of a direct or partial answer is declared by the profile SDK, or the answer says verified: false', () => {
    const failing = verification.checks
      .filter((c) => c.verdict === 'missing' || c.verdict === 'not-a-symbol')
      .map((c) => `${c.file} ${c.ruleId} [${c.profile}]: ${c.verdict === 'missing' ? `not in the inventory: ${c.missing.join(', ')}` : `not a symbol: ${c.other.join(' | ')}`}`);
    expect(failing).toEqual([]);
  });

  it('every answer marked verified: false says why', () => {
    const unexplained = verification.checks.filter((c) => c.verdict === 'declared-unverified' && !c.unverifiedReason).map((c) => `${c.ruleId} [${c.profile}]`);
    expect(unexplained).toEqual([]);
  });
});
