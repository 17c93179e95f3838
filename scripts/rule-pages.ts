// npm run docs:rules: writes docs/rules/<provider>.md from the rule catalogs (lib/rules/page.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/paths.ts';
import { PROVIDERS } from '../lib/providers.ts';
import { renderRulePage, rulePagePath } from '../lib/rules/page.ts';

for (const p of PROVIDERS) writeFileSync(join(ROOT, rulePagePath(p)), renderRulePage(p));
console.log(`wrote ${PROVIDERS.map(rulePagePath).join(', ')}`);
