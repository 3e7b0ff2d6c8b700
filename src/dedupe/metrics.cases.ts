/** Reference values for the string metrics and phonetic keys (Winkler 1990, Wikipedia, Knuth). */
export const jaroWinklerCases: readonly { input: [string, string]; expected: number }[] = [
  { input: ['martha', 'marhta'], expected: 0.961 },
  { input: ['dwayne', 'duane'], expected: 0.84 },
  { input: ['dixon', 'dicksonx'], expected: 0.813 },
  { input: ['crate', 'trace'], expected: 0.733 },
  { input: ['jon', 'john'], expected: 0.933 },
  { input: ['smith', 'smith'], expected: 1 },
  { input: ['abc', 'xyz'], expected: 0 },
  { input: ['', 'abc'], expected: 0 },
];

export const levenshteinCases: readonly { input: [string, string]; options?: { max: number }; expected: number }[] = [
  { input: ['kitten', 'sitting'], expected: 3 },
  { input: ['kitten', 'sitting'], options: { max: 1 }, expected: 2 },
  { input: ['flaw', 'lawn'], expected: 2 },
  { input: ['', 'abc'], expected: 3 },
  { input: ['meier', 'meyer'], expected: 1 },
  { input: ['gmail.com', 'gmail.com'], expected: 0 },
];

export const soundexCases: readonly { input: string; expected: string }[] = [
  { input: 'Robert', expected: 'R163' },
  { input: 'Rupert', expected: 'R163' },
  { input: 'Rubin', expected: 'R150' },
  { input: 'Ashcraft', expected: 'A261' },
  { input: 'Tymczak', expected: 'T522' },
  { input: 'Pfister', expected: 'P236' },
  { input: 'Honeyman', expected: 'H555' },
  { input: "O'Neill", expected: 'O540' },
  { input: '123', expected: '' },
];

export const cologneCases: readonly { input: string; expected: string }[] = [
  { input: 'Müller-Lüdenscheidt', expected: '65752682' },
  { input: 'Wikipedia', expected: '3412' },
  { input: 'Breschnew', expected: '17863' },
  { input: 'Meier', expected: '67' },
  { input: 'Mayer', expected: '67' },
  { input: 'Schmidt', expected: '862' },
  { input: 'Schmitt', expected: '862' },
  { input: 'Christoph', expected: '47823' },
  { input: 'Xaver', expected: '4837' },
  { input: 'h', expected: '' },
];
