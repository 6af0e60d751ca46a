/**
 * How sure the catalog is of an answer (`TargetAnswer.confidence`: confirmed, likely, uncertain), as the
 * reports show it and the --min-confidence filter reads it. The catalog computes it; the reports only show it.
 * A finding no rule answers (status `unknown`) has no confidence: filters treat it as uncertain.
 */
import type { Finding, TargetAnswer } from '../model/index.js';

export type Confidence = 'confirmed' | 'likely' | 'uncertain';

/** Most sure first. */
export const CONFIDENCES: readonly Confidence[] = ['confirmed', 'likely', 'uncertain'];

/** Read a confidence written by a user (--min-confidence); undefined when it is not one. */
export function parseConfidence(value: string): Confidence | undefined {
  const v = value.trim().toLowerCase();
  return (CONFIDENCES as readonly string[]).includes(v) ? (v as Confidence) : undefined;
}

/** The confidence of an answer; undefined when there is no catalog answer (unknown). */
export function confidenceOf(answer: TargetAnswer | undefined): Confidence | undefined {
  if (!answer || answer.status === 'unknown') return undefined;
  return answer.confidence ?? 'confirmed';
}

/** Is the answer at least `min` sure? An answer without confidence counts as uncertain. */
export function atLeast(answer: TargetAnswer | undefined, min: Confidence): boolean {
  return CONFIDENCES.indexOf(confidenceOf(answer) ?? 'uncertain') <= CONFIDENCES.indexOf(min);
}

/** The least sure confidence of a finding's answers (undefined when no target has a catalog answer). */
export function leastConfidence(f: Finding): Confidence | undefined {
  let worst: Confidence | undefined;
  for (const a of Object.values(f.targets)) {
    const c = confidenceOf(a);
    if (c && (worst === undefined || CONFIDENCES.indexOf(c) > CONFIDENCES.indexOf(worst))) worst = c;
  }
  return worst;
}

/** The mark a text or Markdown answer carries: none for confirmed, `~` likely, `?` uncertain. */
export function confidenceMark(c: Confidence | undefined): string {
  return c === 'likely' ? '~' : c === 'uncertain' ? '?' : '';
}
