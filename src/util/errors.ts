/** Errors a user can act on: one message, an optional hint, and the exit code the CLI returns. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A key of a document as shown in one line: control characters escaped, a long key cut (keys can be anything in YAML). */
function fieldName(key: string | number): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  const text = String(key).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * A file the user gave (or the tool ships) that cannot be used: it names the file, the field when there is one,
 * and what is wrong. Exit code 2, like every usage error.
 */
export class InputError extends UsageError {
  constructor(
    readonly file: string,
    readonly detail: string,
    /** The field, as a path of keys and indexes (rules.3.targets.ascend.status). */
    readonly path: readonly (string | number)[] = [],
    hint?: string,
  ) {
    // "x.json is not valid JSON", "x.yaml: field "rules.3.kind" must be equal to one of …"
    super(path.length ? `${file}: field "${path.map(fieldName).join('.')}" ${detail}` : `${file} ${detail}`, hint);
    this.name = 'InputError';
  }
}
