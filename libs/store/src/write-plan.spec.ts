import { writePlan } from './bulk-map-import.service';

describe('writePlan', () => {
  const plan = (sectionsOf: Record<string, string[]>) =>
    writePlan(Object.keys(sectionsOf), new Map(Object.entries(sectionsOf)) as never).map((p) => `${p.file}:${[...p.sections].join('+')}`);

  it('reads a file in the usual order once', () => {
    expect(plan({ a: ['groups', 'organizations', 'systems', 'flows', 'people'] })).toEqual(['a:groups+organizations+systems+flows+people']);
  });

  it('reads a file again when it lists a section before one it refers to', () => {
    expect(plan({ a: ['flows', 'systems', 'organizations'] })).toEqual(['a:organizations', 'a:systems', 'a:flows']);
  });

  it('writes each section from every file before the sections that refer to it', () => {
    expect(plan({ a: ['organizations', 'systems'], b: ['organizations', 'flows'] })).toEqual(['a:organizations', 'b:organizations', 'a:systems', 'b:flows']);
  });
});
