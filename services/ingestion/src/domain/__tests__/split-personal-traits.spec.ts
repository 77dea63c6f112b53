import fc from 'fast-check';
import { isPersonalTrait, splitPersonalTraits } from '../split-personal-traits';

describe('personal traits', () => {
  it.each([
    ['phone', '555'],
    ['phone_number', 'x'],
    ['Mobile-Phone', 'x'],
    ['homeAddress', 'x'],
    ['zip', '10115'],
    ['birthday', '1990-01-01'],
    ['linkedin_url', 'x'],
    ['name', 'Ada'],
    ['nickname', 'ada'],
    ['age', 36],
    // By value, whatever the name.
    ['backup_contact', 'ada@example.com'],
    ['notes', 'call +49 30 1234 5678'],
    ['nested', { contact: 'ada@example.com' }],
  ])('%s is personal', (name, value) => {
    expect(isPersonalTrait(name, value)).toBe(true);
  });

  it.each([
    ['plan', 'enterprise'],
    ['page_views', 12],
    ['language', 'de'],
    ['usage_tier', 'high'],
    ['className', 'b2b'],
    ['activation_date', '2026-01-01'],
    ['membership', 'gold'],
    ['company_name', 'Acme'],
    ['trial', true],
    ['seats', 250],
  ])('%s is not', (name, value) => {
    expect(isPersonalTrait(name, value)).toBe(false);
  });

  it('splits a JSON object into the traits that may travel and the personal ones, losing none', () => {
    expect(splitPersonalTraits(JSON.stringify({ plan: 'pro', phone: '+1 555 0100', seats: 5 }))).toEqual({
      traits: JSON.stringify({ plan: 'pro', seats: 5 }),
      personal: JSON.stringify({ phone: '+1 555 0100' }),
    });
    expect(splitPersonalTraits(null)).toEqual({ traits: null, personal: null });
    expect(splitPersonalTraits('{}')).toEqual({ traits: null, personal: null });
    // Not an object: nothing of it travels.
    expect(splitPersonalTraits('"ada@example.com"')).toEqual({ traits: null, personal: '"ada@example.com"' });
    expect(splitPersonalTraits('not json')).toEqual({ traits: null, personal: 'not json' });
  });

  it('keeps a trait named __proto__ as a trait (found by the property below)', () => {
    expect(splitPersonalTraits('{"__proto__":"","plan":"pro","work":"a@a.aa"}')).toEqual({
      traits: '{"__proto__":"","plan":"pro"}',
      personal: '{"work":"a@a.aa"}',
    });
  });

  it('never lets an email address through on the event side, under any trait name', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
        fc.emailAddress(),
        (traits, email) => {
          const split = splitPersonalTraits(
            JSON.stringify({ ...traits, ['x' + Object.keys(traits).length]: email }),
          );
          expect(split.traits ?? '').not.toContain(email);
          const both = { ...JSON.parse(split.traits ?? '{}'), ...JSON.parse(split.personal ?? '{}') };
          expect(Object.keys(both).sort()).toEqual(
            Object.keys({ ...traits, ['x' + Object.keys(traits).length]: email }).sort(),
          );
        },
      ),
    );
  });
});
