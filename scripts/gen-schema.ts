/** Writes rules/pack.schema.json from the zod schema (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { packJsonSchema } from '../src/index.js';

writeFileSync('rules/pack.schema.json', `${JSON.stringify(packJsonSchema(), null, 2)}\n`);
console.log('wrote rules/pack.schema.json');
