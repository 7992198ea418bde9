import { Customer } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { cleanAnswers, validateDetails } from './validate.js';

const base = { name: 'Ana', email: 'ana@example.com', phone: '', answers: {} };

describe('validateDetails', () => {
  it('agrees with the server schema on emails and phones', () => {
    const samples = [
      'ana@example.com',
      'a.b+c@shop.co.uk',
      'no-at-sign',
      'a@b',
      'a..b@example.com',
      ' @x.io',
    ];
    for (const email of samples) {
      const mine = !validateDetails({ ...base, email }, [], en).email;
      expect(mine, email).toBe(Customer.safeParse({ name: 'Ana', email: email.trim() }).success);
    }
    for (const phone of ['+351 912 345 678', '(01) 234-5678', '12', 'call me', '+44 20 7946 0958 ext']) {
      const mine = !validateDetails({ ...base, phone }, [], en).phone;
      expect(mine, phone).toBe(Customer.safeParse({ name: 'Ana', email: base.email, phone }).success);
    }
  });

  it('asks for required answers and names the field', () => {
    const questions = [
      { id: 'allergies', label: 'Allergies', type: 'text' as const, required: true },
      { id: 'terms', label: 'I agree', type: 'checkbox' as const, required: true },
      { id: 'note', label: 'Note', type: 'textarea' as const, required: false },
    ];
    const errors = validateDetails({ ...base, name: '  ', answers: { note: '' } }, questions, en);
    expect(errors).toEqual({
      name: en.required,
      'answers.allergies': en.required,
      'answers.terms': en.required,
    });
    expect(cleanAnswers({ ...base, answers: { allergies: ' nuts ', note: ' ' } }, questions)).toEqual({
      allergies: 'nuts',
      terms: false,
    });
  });
});
