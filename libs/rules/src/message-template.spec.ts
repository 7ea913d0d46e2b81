import { fillTemplate, placeholdersOf } from './message-template';

describe('finding message templates', () => {
  it('fills placeholders, joining lists and formatting numbers', () => {
    expect(fillTemplate('Flow {target} gives {categories} to {recipient}: {affectedPeople} people.', { target: 'f', categories: ['a', 'b'], recipient: 'r', affectedPeople: 7983 }, 'en')).toBe(
      'Flow f gives a, b to r: 7,983 people.',
    );
    expect(fillTemplate('{categories}', { categories: ['a', 'b'] }, 'ja')).toBe('a、b');
  });

  it('shows missing or empty values as none, never "undefined"', () => {
    expect(fillTemplate('{notice} / {people}', { people: [] }, 'en')).toBe('none / none');
    expect(fillTemplate('{notice}', {}, 'ja')).toBe('なし');
  });

  it('cuts long lists so a message stays readable', () => {
    const many = Array.from({ length: 20 }, (_, i) => `c${i}`);
    expect(fillTemplate('{x}', { x: many }, 'en')).toBe('c0, c1, c2, c3, c4 and 15 more');
    expect(fillTemplate('{x}', { x: many }, 'ja')).toBe('c0、c1、c2、c3、c4 ほか15件');
    expect(fillTemplate('{x}', { x: many.slice(0, 6) }, 'en')).toBe('c0, c1, c2, c3, c4, c5');
  });

  it('lists the placeholders a template uses', () => {
    expect(placeholdersOf('Flow {target} to {recipient}')).toEqual(['target', 'recipient']);
  });
});
