import { describe, expect, it } from 'vitest';
import { describeChanges } from './changes.ts';

describe('describeChanges', () => {
  it('writes before → after per field, and plain values as they are', () => {
    expect(describeChanges({ locale: { before: 'fr', after: 'ar' }, password: { after: 'changed' } })).toBe(
      'locale: "fr" → "ar"\npassword: ∅ → "changed"',
    );
    expect(describeChanges({ accounts: 53 })).toBe('accounts: 53');
    expect(describeChanges(null)).toBe('—');
  });
});
