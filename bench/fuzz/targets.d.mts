// Types of bench/fuzz/targets.mjs for the TypeScript tests that replay crashers.
export const KINDS: string[];
export class FuzzFailure extends Error {}
export function generate(kind: string, seed: number): unknown;
export function check(input: unknown): void;
export function takeWarning(): string | undefined;
