/**
 * The lexicon as plain data, so it can be posted to a worker thread: Sets become arrays and
 * RegExps become (source, flags). Rebuilding it from this form gives an equal lexicon.
 */
import type { Lexicon } from '../model/index.js';
import type { VocabularyFile } from '../model/generated/vocabulary.js';

export interface WireLexicon {
  names: string[];
  deviceOnly: string[];
  identifierPatterns: { source: string; flags: string }[];
  headerPatterns: { source: string; flags: string }[];
  vocabulary: VocabularyFile;
}

const wireRegExp = (re: RegExp): { source: string; flags: string } => ({ source: re.source, flags: re.flags });

export function toWire(lexicon: Lexicon): WireLexicon {
  return {
    names: [...lexicon.names],
    deviceOnly: [...lexicon.deviceOnly],
    identifierPatterns: lexicon.identifierPatterns.map(wireRegExp),
    headerPatterns: lexicon.headerPatterns.map(wireRegExp),
    vocabulary: lexicon.vocabulary,
  };
}

export function fromWire(wire: WireLexicon): Lexicon {
  return {
    names: new Set(wire.names),
    deviceOnly: new Set(wire.deviceOnly),
    identifierPatterns: wire.identifierPatterns.map((p) => new RegExp(p.source, p.flags)),
    headerPatterns: wire.headerPatterns.map((p) => new RegExp(p.source, p.flags)),
    vocabulary: wire.vocabulary,
  };
}
