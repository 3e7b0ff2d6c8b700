export function parsePersonName(_s: string): { value: Record<string, string> | null } { return { value: null }; }
