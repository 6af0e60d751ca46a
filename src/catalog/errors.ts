/** Errors in rule, profile and recognition files: each names the file, the rule and the field. */

export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly ruleId?: string,
    readonly field?: string,
  ) {
    super(
      !ruleId && !field && detail.startsWith('is ') ? `${file} ${detail}` : `${file}: ${ruleId ? `rule "${ruleId}": ` : ''}${field ? `field ${field}: ` : ''}${detail}`,
    );
    this.name = 'CatalogError';
  }
}
