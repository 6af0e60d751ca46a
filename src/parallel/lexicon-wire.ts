/** The lexicon's plain-data form for worker threads (it lives with the lexicon, src/catalog/lexicon-wire.ts). */
export { fromWire, toWire, type WireLexicon } from '../catalog/lexicon-wire.js';
