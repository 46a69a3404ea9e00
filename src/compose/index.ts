/** Docker Compose project model (pure). `load.ts` (node:fs) is imported separately. */
export * from './model';
export { parseComposeFile, buildModel, type ParsedComposeFile, type ParseOptions } from './parse';
export { parseYaml, toJS, type CNode, type CMap, type CSeq, type CScalar, type CEntry, type ComposeTag } from './node';
export { interpolateString, interpolateTree, type Lookup, type InterpolationResult } from './interpolate';
export { parseDotenv } from './dotenv';
export { mergeNodes, finalizeTree } from './merge';
export { parseShortPort, parseShortVolume } from './syntax';
export { loadProject, normalizeProjectName, DEFAULT_FILES, DEFAULT_OVERRIDE_FILES, type LoadProjectOptions, type ReadFile } from './project';
export { toCanonical, shellSplit, canonicalPorts, canonicalVolume, type Json } from './canonical';
export { ComposeDocumentCache } from './cache';
