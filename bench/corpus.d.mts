/** Types of corpus.mjs (the benchmark is plain JS run on dist/; the scale tests import the generator). */
export declare function prng(seed: number): () => number;
export declare function generateCorpus(dir: string, options?: { lines?: number; seed?: number }): { files: number; lines: number };
