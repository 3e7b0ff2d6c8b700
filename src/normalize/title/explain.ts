import type { TitleValue } from './types.js';

/**
 * One line saying why a title got its level and function, from `matchedRules`.
 *
 * @example
 * explainTitle(classifyTitle('Head of Demand Gen').value)
 * //=> 'level: director via "head of"; function: marketing.demand_generation via "demand gen"'
 */
export function explainTitle(value: TitleValue | null): string {
  if (!value) return 'nothing recognised';
  const parts: string[] = [];
  for (const r of value.matchedRules) {
    if (r.kind === 'abbreviation') parts.push(`"${r.via}" read as "${r.value}"`);
    else if (r.kind === 'acronym') parts.push(`${r.via.toUpperCase()} read as ${r.value}`);
    else if (r.kind === 'cut') parts.push(`ignored "${r.via}" (${r.value})`);
    else if (r.kind === 'fallback') parts.push(`function: ${r.value} (no domain word; inferred from ${r.via})`);
    else parts.push(`${r.kind}: ${r.value} via "${r.via}"${r.source.startsWith('rule:') ? ` (${r.source.slice(5)})` : ''}`);
  }
  return parts.join('; ');
}
