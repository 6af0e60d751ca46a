import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';

/**
 * The SARIF 2.1.0 JSON schema (OASIS, 2.1.0-rtm.5), as shipped by Microsoft's @microsoft/jest-sarif
 * dev dependency (MIT), loaded into ajv's draft-07 validator. The file declares draft-04 but uses no
 * keyword whose meaning changed since: `$schema` is dropped and the top-level `id` renamed, in memory.
 */
export function sarifValidator(): (data: unknown) => string[] {
  const path = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  // rtm.5's `language` pattern has a stray `]` that only the `u` flag rejects: compile patterns without it.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'http://base.invalid/') && !/[\s<>"{}|\\^`]/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile({ ...rest, $id: id as string });
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}
