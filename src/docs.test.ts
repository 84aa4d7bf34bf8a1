import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withReference } from './docs.js';

describe('README reference', () => {
  it('is what the schemas say (run `npm run docs` after changing a schema, indicator or parameter)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(withReference(readme)).toBe(readme);
    expect(readme).not.toContain('../shared');
  });
});
