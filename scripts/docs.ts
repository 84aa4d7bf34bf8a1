// npm run docs: regenerate the reference part of README.md (input files, indicators, parameters).
import { readFileSync, writeFileSync } from 'node:fs';
import { withReference } from '../src/docs.js';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withReference(readFileSync(path, 'utf8')));
